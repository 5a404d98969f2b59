/**
 * The command line of every entry point: the options several commands share (which site, and the git
 * overrides), and parsing that turns a mistake into one line with a did-you-mean and the usage, never a
 * stack trace.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { didYouMean } from '../util/suggest.ts';

/** The site to read (`--config` or `--hugo`) and, for a config with a `git` section, the overrides of its versions. */
export const SITE_OPTIONS = {
  config: { type: 'string' },
  hugo: { type: 'string' },
  repo: { type: 'string' },
  versions: { type: 'string' },
  latest: { type: 'string' },
} as const satisfies ParseArgsOptionsConfig;

type SiteOption = keyof typeof SITE_OPTIONS;

/** Some of {@link SITE_OPTIONS}, for a command that takes only those. */
export function siteOptions<K extends SiteOption>(...names: K[]): Pick<typeof SITE_OPTIONS, K> {
  return Object.fromEntries(names.map((name) => [name, SITE_OPTIONS[name]])) as Pick<typeof SITE_OPTIONS, K>;
}

export type ParsedArgs<O extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true }>>;

/**
 * `args` (undefined: the process's, as parseArgs finds them, `node -e` included) parsed strictly against `options`; a mistake (an unknown flag, a flag without its value) is the
 * usage result an entry point returns: one line saying what is wrong (with the closest known flag, if
 * one is close), then the usage.
 */
export function parseCommandLine<O extends ParseArgsOptionsConfig>(
  args: readonly string[] | undefined,
  options: O,
  usage: string,
  allowPositionals = false,
): ParsedArgs<O> | { usage: string } {
  try {
    return parseArgs({ ...(args ? { args: [...args] } : {}), options, allowPositionals, strict: true }) as ParsedArgs<O>;
  } catch (e) {
    return { usage: `${argumentProblem(e as NodeJS.ErrnoException, options)}\n${usage}` };
  }
}

/** parseArgs's error as one line: ``Unknown option `--confg`: did you mean `--config`?``. */
function argumentProblem(e: NodeJS.ErrnoException, options: ParseArgsOptionsConfig): string {
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const given = /'([^']+)'/.exec(e.message)?.[1] ?? '';
    const name = given.replace(/^-+/, '').split('=')[0]!;
    const close = name ? didYouMean(name, Object.keys(options)) : undefined;
    return `Unknown option \`${given}\`${close ? `: did you mean \`--${close}\`?` : '.'}`;
  }
  if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const given = /'([^']+)'/.exec(e.message)?.[1];
    return `Unexpected argument${given ? ` \`${given}\`` : ''}: this command takes options only.`;
  }
  // A flag without its value, a value given to a switch: parseArgs's own sentence is already one line.
  return e.message.split('\n')[0]!;
}
