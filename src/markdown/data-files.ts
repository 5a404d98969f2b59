/**
 * Data files (Hugo's `data/` folder): `<dir>/<name>.yaml`, `.yml` or `.json`,
 * parsed once per build. Shortcodes such as `protobuf` look things up in them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { DataResult } from '../shortcodes/types.ts';

const EXTENSIONS = ['.yaml', '.yml', '.json'];

export class DataFiles {
  /** The data folder (absolute), or undefined when the site has none. */
  readonly dir: string | undefined;
  readonly #cache = new Map<string, DataResult>();

  constructor(dir: string | undefined) {
    this.dir = dir === undefined ? undefined : path.resolve(dir);
  }

  get(name: string): DataResult {
    let result = this.#cache.get(name);
    if (!result) {
      result = this.#load(name);
      this.#cache.set(name, result);
    }
    return result;
  }

  #load(name: string): DataResult {
    const shown = (this.dir ? path.relative(process.cwd(), this.dir) : '') || '.';
    if (!this.dir) {
      return { ok: false, message: `No data folder for data file \`${name}\``, hint: 'Name one in the site config: `data: "data"` (Hugo keeps it next to content/).' };
    }
    if (!/^[\w.-]+$/.test(name)) return { ok: false, message: `\`${name}\` is not a data file name`, hint: 'Data files are named by their base name, e.g. `protobuf`.' };
    const file = EXTENSIONS.map((ext) => path.join(this.dir!, name + ext)).find((f) => existsSync(f));
    if (!file) {
      return { ok: false, message: `Data file \`${name}\` not found in ${shown}/`, hint: `Create ${path.join(shown, `${name}.yaml`)}.` };
    }
    const rel = path.relative(process.cwd(), file);
    try {
      const text = readFileSync(file, 'utf8');
      return { ok: true, value: file.endsWith('.json') ? JSON.parse(text) : parseYaml(text), file: rel };
    } catch (e) {
      return { ok: false, message: `Data file ${rel} cannot be parsed: ${(e as Error).message.split('\n')[0]}`, hint: 'Check its YAML/JSON syntax.' };
    }
  }
}
