import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** Where the embedded default keeps its state: `.data/` at the repository root, or VERTROUWD_DATA_DIR. */
export function dataDirectory(env: NodeJS.ProcessEnv = process.env): string {
  const dir = resolve(env.VERTROUWD_DATA_DIR ?? join(__dirname, '../../.data'));
  mkdirSync(dir, { recursive: true });
  accessSync(dir, constants.W_OK);
  if (userInfo().uid === 0) assertOthersCanEnter(dir);
  return dir;
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to walk down to its data
 * directory. Say so plainly instead of letting initdb fail with "Permission denied".
 */
function assertOthersCanEnter(dir: string): void {
  for (let at = dirname(dir); ; at = dirname(at)) {
    if ((statSync(at).mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user, which cannot enter ${at}. ` +
          `Set VERTROUWD_DATA_DIR to a directory outside it (e.g. VERTROUWD_DATA_DIR=/var/tmp/vertrouwd npm start).`,
      );
    }
    if (dirname(at) === at) return;
  }
}
