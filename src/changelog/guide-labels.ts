/**
 * The upgrade guide's eleven change labels (REFERENCE.md section 4), with
 * the bold text exactly as written in the guide, and where a changelog entry
 * goes when it does not say (`upgradeGuide` key, docs/changelog.md).
 */
import type { ChangelogEntry, EntryType, GuideChange, GuideSection } from './types.ts';

export type GuideLabelKey =
  | 'features.new'
  | 'features.deprecated'
  | 'features.removed'
  | 'helm.new'
  | 'helm.deprecated'
  | 'helm.removed'
  | 'crd.new'
  | 'crd.deprecated'
  | 'crd.removed'
  | 'cli.new'
  | 'cli.changed';

export interface GuideLabel {
  key: GuideLabelKey;
  section: GuideSection;
  change: GuideChange;
  /** The bold paragraph text in the guide, without `**` and the colon. */
  label: string;
  /** The one line shown when nothing goes under the label. */
  empty: (minor: string) => string;
}

function label(section: GuideSection, change: GuideChange, text: string, empty: (m: string) => string): GuideLabel {
  return { key: `${section}.${change}` as GuideLabelKey, section, change, label: text, empty };
}

export const GUIDE_LABELS: readonly GuideLabel[] = [
  label('features', 'new', 'New or improved features', (m) => `No new or improved features in ${m}.`),
  label('features', 'deprecated', 'Deprecated features', (m) => `No features were deprecated in ${m}.`),
  label('features', 'removed', 'Removed features', (m) => `No features were removed in ${m}.`),
  label('helm', 'new', 'New Helm fields', (m) => `No new Helm fields in ${m}.`),
  label('helm', 'deprecated', 'Deprecated Helm fields', (m) => `No Helm fields were deprecated in ${m}.`),
  label('helm', 'removed', 'Removed Helm fields', (m) => `No Helm fields were removed in ${m}.`),
  label('crd', 'new', 'New and updated CRDs', (m) => `No new or updated CRDs in ${m}.`),
  label('crd', 'deprecated', 'Deprecated CRDs', (m) => `No CRDs were deprecated in ${m}.`),
  label('crd', 'removed', 'Removed CRDs', (m) => `No CRDs were removed in ${m}.`),
  label('cli', 'new', 'New CLI commands or options', (m) => `No new CLI commands or options in ${m}.`),
  label('cli', 'changed', 'Changed behavior', (m) => `No CLI behavior changed in ${m}.`),
];

export function guideLabel(key: GuideLabelKey): GuideLabel {
  return GUIDE_LABELS.find((l) => l.key === key)!;
}

/**
 * Default placement per type when an entry has no `upgradeGuide` key.
 * FIX, NON_USER_FACING and DEPENDENCY_BUMP stay out of the guide.
 */
export const DEFAULT_PLACEMENT: Readonly<Partial<Record<EntryType, GuideLabelKey>>> = {
  NEW_FEATURE: 'features.new',
  HELM: 'helm.new',
  BREAKING_CHANGE: 'features.removed',
  UPGRADE: 'features.new',
};

/** Where an entry goes in the guide, or undefined when it stays out. */
export function placementOf(entry: ChangelogEntry): GuideLabelKey | undefined {
  if (entry.upgradeGuide) {
    const key = `${entry.upgradeGuide.section}.${entry.upgradeGuide.change}`;
    return GUIDE_LABELS.some((l) => l.key === key) ? (key as GuideLabelKey) : undefined;
  }
  return DEFAULT_PLACEMENT[entry.type];
}
