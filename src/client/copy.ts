// A copy button on every code block (not on a diagram's source: it becomes a picture).
export function initCopyButtons(): void {
  document.querySelectorAll<HTMLPreElement>('.article pre:not([data-needs])').forEach((pre) => {
    const wrapper = document.createElement('div');
    wrapper.className = 'code-block';
    pre.replaceWith(wrapper);
    wrapper.append(pre);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-button';
    button.textContent = 'Copy';
    button.setAttribute('aria-label', 'Copy code to clipboard');
    button.addEventListener('click', async () => {
      const text = (pre.querySelector('code') ?? pre).textContent?.replace(/\n$/, '') ?? '';
      let done = false;
      try {
        await navigator.clipboard.writeText(text);
        done = true;
      } catch {
        done = false;
      }
      button.textContent = done ? 'Copied' : 'Copy failed';
      button.setAttribute('aria-label', done ? 'Copied to clipboard' : 'Copy failed');
      setTimeout(() => {
        button.textContent = 'Copy';
        button.setAttribute('aria-label', 'Copy code to clipboard');
      }, 2000);
    });
    wrapper.append(button);
  });
}
