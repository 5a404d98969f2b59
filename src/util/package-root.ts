/** This package's own folder (where `src/`, `package.json` and its `node_modules/` are), wherever it is run from. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
