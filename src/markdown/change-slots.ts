/**
 * Finds the upgrade guide's change labels (`**New Helm fields**:` under the
 * heading `{#helm}`) in the page as written and leaves a slot after each label
 * the writer left empty, which the docs version's change list fills in (see
 * src/changelog/guide-sections.ts). A label with anything written under it
 * (a list, "N/A", a sentence) before the next label or heading is the
 * writer's: it gets no slot, so a generated list never stands beside a
 * hand-written one.
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
  tree.children.forEach((child, i) => {
    out.push(child);
    if (child.type !== 'element') return;
    if (isHeading(child)) {
      section = child.properties.id;
      return;
    }
    const slot = child.tagName === 'p' ? slots.find((s) => s.section === section && labelOf(child) === s.label) : undefined;
    if (slot && leftEmpty(tree.children, i + 1)) {
      const div: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['guide-changes-slot'], dataChanges: slot.key },
        children: [{ type: 'text', value: placeholder(slot.key) }],
      };
      out.push(div);
    }
  });
  tree.children = out;
}

function isHeading(node: Element): boolean {
  return /^h[1-6]$/.test(node.tagName);
}

/** Nothing but blank text and comments from `start` up to the next heading, the next label or the end. */
function leftEmpty(children: Root['children'], start: number): boolean {
  for (const node of children.slice(start)) {
    if (node.type === 'comment' || (node.type === 'text' && node.value.trim() === '')) continue;
    if (node.type === 'element' && (isHeading(node) || (node.tagName === 'p' && labelOf(node) !== undefined))) return true;
    return false;
  }
  return true;
}

/** `New Helm fields` for `<p><strong>New Helm fields</strong>:</p>`, else undefined. */
function labelOf(p: Element): string | undefined {
  const first = p.children.find((c: ElementContent) => !(c.type === 'text' && c.value.trim() === ''));
  if (first?.type !== 'element' || first.tagName !== 'strong') return undefined;
  const rest = toString(p).slice(toString(first).length).trim();
  return rest === '' || rest === ':' ? toString(first).trim() : undefined;
}
