/** The built-in shortcodes, one module each. */
import type { ShortcodeDefinition } from '../types.ts';
import { alert } from './alert.ts';
import { children } from './children.ts';
import { expand } from './expand.ts';
import { highlight } from './highlight.ts';
import { mermaid } from './mermaid.ts';
import { notice } from './notice.ts';
import { protobuf } from './protobuf.ts';
import { readfile } from './readfile.ts';
import { ref, relref } from './ref.ts';
import { renderChangelog } from './render_changelog.ts';
import { tab, tabs } from './tabs.ts';
import { versionedLinkPath } from './versioned_link_path.ts';

export const builtins: readonly ShortcodeDefinition[] = [
  readfile,
  versionedLinkPath,
  notice,
  tabs,
  tab,
  highlight,
  expand,
  children,
  ref,
  relref,
  mermaid,
  alert,
  protobuf,
  renderChangelog,
];
