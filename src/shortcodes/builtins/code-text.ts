/**
 * The code inside a paired shortcode (`highlight`, `mermaid`): line breaks
 * around it dropped, a first line of spaces only dropped (and counted, for
 * line numbers given against Hugo's output), trailing blank lines dropped,
 * common indentation removed (the closing tag may be indented under a list).
 */
export function codeLines(inner: string): { code: string; skipped: number } {
  const lines = inner.replace(/\r\n?/g, '\n').replace(/^\n+/, '').split('\n');
  let skipped = 0;
  if (lines.length > 1 && lines[0]!.trim() === '') {
    lines.shift();
    skipped = 1;
  }
  while (lines.length && lines[lines.length - 1]!.trim() === '') lines.pop();
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length));
  const cut = Number.isFinite(indent) ? indent : 0;
  return { code: lines.map((l) => l.slice(cut)).join('\n'), skipped };
}
