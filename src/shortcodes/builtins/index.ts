/** The built-in shortcodes, one module each. */
import type { ShortcodeDefinition } from '../types.ts';
import { notice } from './notice.ts';
import { readfile } from './readfile.ts';
import { tab, tabs } from './tabs.ts';
import { versionedLinkPath } from './versioned_link_path.ts';

export const builtins: readonly ShortcodeDefinition[] = [readfile, versionedLinkPath, notice, tabs, tab];
