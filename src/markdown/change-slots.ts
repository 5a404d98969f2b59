/**
 * Finds the upgrade guide's change labels (`**New Helm fields**:` under the
 * heading `{#helm}`) in the page as written and leaves a slot after each, which
 * the docs version's change list fills in (see src/changelog/guide-sections.ts).
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';

export interface ChangeSlot {
  /** Id of the section heading the label sits under: `features`, `helm`, `crd`, `cli`. */
  section: string;
  /** The bold label text as written: `New Helm fields`. */
  label: string;
  /** Key of the change list: `helm.new`. */
  key: string;
}

export function insertChangeSlots(tree: Root, slots: readonly ChangeSlot[], placeholder: (key: string) => string): void {
  let section: unknown;
  const out: Root['children'] = [];
  for (const child of tree.children) {
    out.push(child);
    if (child.type !== 'element') continue;
    if (/^h[1-6]$/.test(child.tagName)) {
      section = child.properties.id;
      continue;
    }
    const slot = child.tagName === 'p' ? slots.find((s) => s.section === section && labelOf(child) === s.label) : undefined;
    if (slot) {
      const div: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['guide-changes-slot'], dataChanges: slot.key },
        children: [{ type: 'text', value: placeholder(slot.key) }],
      };
      out.push(div);
    }
  }
  tree.children = out;
}

/** `New Helm fields` for `<p><strong>New Helm fields</strong>:</p>`, else undefined. */
function labelOf(p: Element): string | undefined {
  const first = p.children.find((c: ElementContent) => !(c.type === 'text' && c.value.trim() === ''));
  if (first?.type !== 'element' || first.tagName !== 'strong') return undefined;
  const rest = toString(p).slice(toString(first).length).trim();
  return rest === '' || rest === ':' ? toString(first).trim() : undefined;
}
