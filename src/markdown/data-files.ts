/**
 * Data files (Hugo's `data/` folder): `<dir>/<name>.yaml`, `.yml` or `.json`,
 * parsed once per build. Shortcodes such as `protobuf` look things up in them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { notRegularFile } from '../util/files.ts';
import type { DataResult } from '../shortcodes/types.ts';

const EXTENSIONS = ['.yaml', '.yml', '.json'];

export class DataFiles {
  /** The data folder (absolute), or undefined when the site has none. */
  readonly dir: string | undefined;
  readonly #cache = new Map<string, DataResult>();
  readonly #shownFrom: string;

  /** `shownFrom`: the folder messages name files relative to (the project's, as its pages are named). */
  constructor(dir: string | undefined, shownFrom = process.cwd()) {
    this.dir = dir === undefined ? undefined : path.resolve(dir);
    this.#shownFrom = shownFrom;
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
    const shown = (this.dir ? path.relative(this.#shownFrom, this.dir) : '') || '.';
    if (!this.dir) {
      return { ok: false, message: `No data folder for data file \`${name}\``, hint: 'Name one in the site config: `data: "data"` (Hugo keeps it next to content/).' };
    }
    if (!/^[\w.-]+$/.test(name)) return { ok: false, message: `\`${name}\` is not a data file name`, hint: 'Data files are named by their base name, e.g. `ProtoMap`.' };
    const file = EXTENSIONS.map((ext) => path.join(this.dir!, name + ext)).find((f) => existsSync(f));
    if (!file) {
      return { ok: false, message: `Data file \`${name}\` not found in ${shown}/`, hint: `Create ${path.join(shown, `${name}.yaml`)}.` };
    }
    const rel = path.relative(this.#shownFrom, file);
    const special = notRegularFile(file);
    if (special) return { ok: false, message: `Data file ${rel} is ${special}, not a regular file`, hint: 'Data files are regular YAML or JSON files.' };
    try {
      const text = readFileSync(file, 'utf8');
      return { ok: true, value: file.endsWith('.json') ? JSON.parse(text) : parseYaml(text), file: rel };
    } catch (e) {
      return { ok: false, message: `Data file ${rel} cannot be parsed: ${(e as Error).message.split('\n')[0]}`, hint: 'Check its YAML/JSON syntax.' };
    }
  }
}
