/** The shortcodes a build knows: the built-ins plus a docs team's own. */
import { builtins } from './builtins/index.ts';
import type { ShortcodeDefinition } from './types.ts';

export class Registry {
  readonly #definitions = new Map<string, ShortcodeDefinition>();
  /** Where custom shortcodes can be defined, for the unknown-shortcode hint. */
  readonly customDir: string | undefined;

  constructor(custom: readonly ShortcodeDefinition[] = [], customDir?: string) {
    for (const d of [...builtins, ...custom]) this.#definitions.set(d.name, d);
    this.customDir = customDir;
  }

  get(name: string): ShortcodeDefinition | undefined {
    return this.#definitions.get(name);
  }

  names(): string[] {
    return [...this.#definitions.keys()].sort();
  }

  unknownHint(): string {
    const where = this.customDir
      ? `, or define it as a module in ${this.customDir}/`
      : ' (custom shortcodes are modules in the folder named by `shortcodes` in the site config)';
    return `Known shortcodes: ${this.names().join(', ')}. Fix the name${where}.`;
  }
}
