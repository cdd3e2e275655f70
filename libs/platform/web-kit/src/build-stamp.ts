import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// Whether a web service's Vite build is that of its sources. `npm start` (deploy/src/web-services.ts) and the tests
// (`buildWebService`) stamp the build the same way, so a build made by either counts for both.

/** The file in `build/` that holds the hash of the sources the build was made from. */
export const BUILD_STAMP = '.sources.sha256';
const SKIPPED = new Set(['node_modules', 'build', 'test', '.react-router']);

/**
 * The hash of everything a web service's build is made from: its own files (not its build or tests), the shared
 * libraries' sources and the lockfile (the versions of React, React Router, Vite).
 */
export function webSourcesHash(serviceDir: string, root: string): string {
  const hash = createHash('sha256');
  const add = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (SKIPPED.has(entry.name) || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) add(path);
      else if (!/\.(spec|int-spec|e2e-spec)\.tsx?$/.test(entry.name)) hash.update(`${relative(root, path)}\n`).update(readFileSync(path));
    }
  };
  add(serviceDir);
  add(join(root, 'libs'));
  hash.update(readFileSync(join(root, 'package-lock.json')));
  return hash.digest('hex');
}

/** Whether the build is stamped with this hash of its sources. */
export function builtFrom(serviceDir: string, hash: string): boolean {
  const stamp = join(serviceDir, 'build', BUILD_STAMP);
  return existsSync(stamp) && readFileSync(stamp, 'utf8') === hash;
}

/** Stamps a finished build with the hash of the sources it was made from. */
export function stampBuild(serviceDir: string, hash: string): void {
  writeFileSync(join(serviceDir, 'build', BUILD_STAMP), hash);
}
