/**
 * The shared folder beside the project (`../shared`): real Gloo Edge inputs
 * (fixtures/) and REFERENCE.md. It is there on this team's machines and CI;
 * a clone elsewhere (e.g. GitHub Actions) has no such folder, and the tests
 * that read it are skipped there, saying so.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export const SHARED = path.resolve(import.meta.dirname, '../../../shared');
export const HAVE_SHARED = existsSync(path.join(SHARED, 'fixtures'));

/** A `skip` option for tests that read the shared folder. */
export const NEEDS_SHARED: string | false = HAVE_SHARED ? false : `needs ${SHARED} (Gloo Edge fixtures and REFERENCE.md), which is not beside this clone`;
