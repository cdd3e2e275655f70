#!/usr/bin/env node
// The registry this project installs from holds some platform packages only for some versions (e.g.
// @swc/core-darwin-arm64 stops at an older release than @swc/core-linux-x64-gnu). `npm install` skips
// an optional dependency it cannot fetch, but then leaves it named in its parent's lock entry, and
// `npm ci` refuses the lock as out of sync. This removes, from every lock entry, the optional
// dependencies that the lock does not contain, so `npm ci` installs exactly what `npm install` did.
// Run it after changing dependencies: `npm install && npm run lock:prune`.
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const file = join(__dirname, '../../package-lock.json');
const lock = JSON.parse(readFileSync(file, 'utf8'));
const present = new Set(Object.keys(lock.packages));

/** Whether `name` resolves from the package at `from`, by Node's lookup through parent node_modules. */
function resolves(from, name) {
  for (let dir = from; ;) {
    if (present.has(dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`)) return true;
    if (!dir) return false;
    const at = dir.lastIndexOf('node_modules/');
    dir = at <= 0 ? '' : dir.slice(0, at - 1);
  }
}

let pruned = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  if (!entry.optionalDependencies) continue;
  for (const name of Object.keys(entry.optionalDependencies)) {
    if (!resolves(path, name)) {
      delete entry.optionalDependencies[name];
      pruned += 1;
    }
  }
  if (Object.keys(entry.optionalDependencies).length === 0) delete entry.optionalDependencies;
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: pruned ${pruned} optional dependencies the registry could not provide`);
