/** A plain-text message (a diagnostic) as HTML: escaped, with its `backtick` spans as <code>. */
import { escapeUTF8 } from 'entities';

export function inlineCode(message: string): string {
  return escapeUTF8(message).replace(/`([^`]+)`/g, '<code>$1</code>');
}
