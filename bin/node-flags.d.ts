/** The Node flags of the package's `npm run <command>` script (bin/node-flags.js). */
export function packageNodeFlags(command: string): string[];
