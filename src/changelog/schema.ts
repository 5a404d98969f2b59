/**
 * What a changelog file may contain (REFERENCE.md section 3, plus our
 * optional `upgradeGuide` key): known keys, required fields per type and the
 * valid guide placements.
 */
import type { EntryType, GuideChange, GuideSection } from './types.ts';

export const FILE_KEYS = ['changelog', 'releaseStableApi'] as const;

export const STRING_FIELDS = [
  'description',
  'issueLink',
  'dependencyOwner',
  'dependencyRepo',
  'dependencyTag',
] as const;
export type StringField = (typeof STRING_FIELDS)[number];

export const BOOLEAN_FIELDS = ['resolvesIssue', 'skipCI'] as const;
export type BooleanField = (typeof BOOLEAN_FIELDS)[number];

export const ENTRY_KEYS = ['type', ...STRING_FIELDS, ...BOOLEAN_FIELDS, 'upgradeGuide'] as const;

const DEPENDENCY_FIELDS: readonly StringField[] = ['dependencyOwner', 'dependencyRepo', 'dependencyTag'];
const USER_FACING_FIELDS: readonly StringField[] = ['description', 'issueLink'];

/** Fields an entry of this type must have. */
export function requiredFields(type: EntryType): readonly StringField[] {
  if (type === 'NON_USER_FACING') return [];
  if (type === 'DEPENDENCY_BUMP') return DEPENDENCY_FIELDS;
  return USER_FACING_FIELDS;
}

export const GUIDE_SECTIONS: readonly GuideSection[] = ['features', 'helm', 'crd', 'cli'];

/** The sub-labels each guide section has (REFERENCE.md section 4). */
export const GUIDE_CHANGES: Readonly<Record<GuideSection, readonly GuideChange[]>> = {
  features: ['new', 'deprecated', 'removed'],
  helm: ['new', 'deprecated', 'removed'],
  crd: ['new', 'deprecated', 'removed'],
  cli: ['new', 'changed'],
};
