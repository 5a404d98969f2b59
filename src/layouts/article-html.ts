/**
 * Build-time touches of the layout (no JavaScript needed): a highlight block
 * with `linenostart` (`<pre data-line-start="10">`) gets its line counter
 * started there, as an inline `counter-reset` (CSS cannot read a number from
 * an attribute in every browser yet).
 */
const PRE = /<pre\b[^>]*\bdata-line-start="(\d+)"[^>]*>/g;

export function lineStarts(html: string): string {
  return html.replace(PRE, (tag, start: string) => {
    const reset = `counter-reset:line ${Number(start) - 1}`;
    if (/\sstyle="/.test(tag)) return tag.replace(/\sstyle="([^"]*)"/, (_m, style: string) => ` style="${style.replace(/;?\s*$/, ';')}${reset}"`);
    return tag.replace(/>$/, ` style="${reset}">`);
  });
}
