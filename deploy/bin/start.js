// `npm start` (deploy/src/start.ts): compiles the TypeScript that changed since the last start in a short-lived
// process of its own, so no compiler stays in memory, then runs the launcher from the compiled files (ADR 0039).
require('../../tools/assert-node.js');
const { spawnSync } = require('node:child_process');
const compiled = require('./compiled-typescript');

if (compiled.missing().length > 0) {
  const { status } = spawnSync(process.execPath, [require.resolve('./compiled-typescript')], { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
compiled.register();
require('../src/start.ts');
