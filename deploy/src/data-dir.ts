import { accessSync, constants, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { clusterDirectory, directoryKey } from '@vertrouwd/testing';

/** Where the embedded default keeps its state: `.data/` at the repository root, or VERTROUWD_DATA_DIR. */
export function dataDirectory(env: NodeJS.ProcessEnv = process.env): string {
  const dir = resolve(env.VERTROUWD_DATA_DIR ?? join(__dirname, '../../.data'));
  mkdirSync(dir, { recursive: true });
  accessSync(dir, constants.W_OK);
  return dir;
}

/**
 * The embedded PostgreSQL's cluster: `<dir>/postgres`. As root it runs as the `postgres` user; when that user
 * cannot walk down to `dir` (a clone in a 0700 home or `mktemp -d`), the cluster lives in a directory of this data
 * directory's own under /var/lib/vertrouwd instead, with nothing to set.
 */
export function postgresDirectory(dir: string): string {
  return clusterDirectory(join(dir, 'postgres'), `data-${directoryKey(dir)}`);
}
