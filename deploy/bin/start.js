// `npm start` (deploy/src/start.ts): compiles the TypeScript that changed since the last start in a short-lived
// process of its own, so no compiler stays in memory, then runs the launcher from the compiled files (ADR 0039).
require('../../tools/assert-node.js');
const { spawnSync } = require('node:child_process');
const compiled = require('./compiled-typescript');

if (compiled.missing().length > 0) {
  const { status } = spawnSync(process.execPath, [require.resolve('./compiled-typescript')], { stdio: 'inherit' });
  // Not fatal: what is not in the cache is compiled as it is loaded.
  if (status !== 0) console.error('compiling ahead of time failed; compiling as the platform loads instead');
}
compiled.register();
require('../src/start.ts');
