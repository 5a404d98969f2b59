/**
 * One place that decides severity. Two kinds of changelog problem:
 *
 * - a **quirk**: something Solo's own changelog tooling (go-utils
 *   changelogutils: ghodss/yaml, then Go's encoding/json) accepts, with a
 *   meaning we read the same way: keys in another case, unknown fields,
 *   `yes`/`no` booleans, a duplicate key (the last value wins), owner and
 *   repo swapped in a dependency bump, a file not named `.yaml`. A warning by
 *   default; an error in strict mode (`--strict`, or `strictChangelog` in the
 *   site config).
 * - anything else (`problem`): Solo's tooling refuses it, or the data would
 *   come out wrong (a broken link, an unknown type, a missing field, an
 *   invalid guide placement). An error by default and in strict mode.
 *
 * Lenient mode (the dev server, `--lenient`) makes everything a warning.
 * The loader keeps what is usable in every mode.
 */
import { error, warning, type Diagnostic } from '../util/diagnostics.ts';

export type Report = (
  file: string,
  line: number,
  column: number,
  message: string,
  extra?: { excerpt?: string; hint?: string; quirk?: boolean },
) => void;

export interface Severity {
  /** Quirks are errors too. */
  strict: boolean;
  /** Everything is a warning (wins over strict). */
  lenient?: boolean;
}

export function reporter(mode: Severity, out: Diagnostic[]): Report {
  return (file, line, column, message, { quirk = false, ...extra } = {}) => {
    const asError = !mode.lenient && (mode.strict || !quirk);
    out.push((asError ? error : warning)(file, line, column, message, extra));
  };
}
