/**
 * One place that decides severity: in strict mode (CI) every changelog
 * problem is an error, in lenient mode a warning (the loader keeps what is
 * usable either way).
 */
import { error, warning, type Diagnostic } from '../util/diagnostics.ts';

export type Report = (
  file: string,
  line: number,
  column: number,
  message: string,
  extra?: { excerpt?: string; hint?: string },
) => void;

export function reporter(strict: boolean, out: Diagnostic[]): Report {
  const make = strict ? error : warning;
  return (file, line, column, message, extra = {}) => {
    out.push(make(file, line, column, message, extra));
  };
}
