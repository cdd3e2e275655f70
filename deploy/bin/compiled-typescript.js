// Ahead-of-time compiled TypeScript for `npm start` (ADR 0039). The launcher compiles every source file of libs/,
// services/ and deploy/src once with SWC, into a cache keyed by the hash of the file's text, the compiler's version
// and its options; the processes it runs then load that JavaScript through a require hook for `.ts`, which reads a
// cache file instead of loading a compiler. Files stay where they are: `__dirname`, `__filename` and relative paths
// mean what they mean under Jest and `-r @swc-node/register`. A file that changed is compiled again at the next
// start; one that is missing from the cache (a file outside those folders) is compiled on the spot.
//
// `node deploy/bin/compiled-typescript.js` compiles what is missing and prunes what no source needs any more.
const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { join, resolve } = require('node:path');
const swcConfig = require('../../tools/jest/swc.config.js');

const ROOT = resolve(__dirname, '../..');
/** Where the compiled files live: beside the packages `npm ci` installed, writable by whoever installed them. */
const CACHE = join(ROOT, 'node_modules', '.cache', 'vertrouwd', 'js');
/** The folders whose TypeScript a platform process runs. */
const SOURCE_ROOTS = ['libs', 'services', 'deploy/src'];
const TEST_FILE = /\.(spec|int-spec|e2e-spec)\.ts$|\.d\.ts$/;
/** Jest's and the scripts' SWC setup, without source maps: nothing in a running platform reads them. */
const OPTIONS = { ...swcConfig, sourceMaps: false, swcrc: false, configFile: false };
const SWC_VERSION = JSON.parse(readFileSync(require.resolve('@swc/core/package.json'), 'utf8')).version;
const SALT = `${SWC_VERSION}\n${JSON.stringify(OPTIONS)}\n`;

/** The cache file of a source text. */
function cacheFile(source) {
  return join(CACHE, `${createHash('sha256').update(SALT).update(source).digest('hex')}.js`);
}

/** Every TypeScript file a platform process may load: sources under `src/`, tests left out. */
function sourceFiles() {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !TEST_FILE.test(entry.name) && path.includes('/src/')) files.push(path);
    }
  };
  for (const root of SOURCE_ROOTS) walk(join(ROOT, root));
  return files;
}

let swc;
/** Compiles one file and stores the result (written whole, then renamed: a reader never sees half a file). */
function compile(source, filename, target = cacheFile(source)) {
  swc ??= require('@swc/core');
  const { code } = swc.transformSync(source, { ...OPTIONS, filename });
  const partial = `${target}.${process.pid}.tmp`;
  try {
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(partial, code);
    renameSync(partial, target);
  } catch {
    // A cache this user may not write (node_modules installed by another user): the code runs uncached.
    rmSync(partial, { force: true });
  }
  return code;
}

/** The sources whose compiled form is not in the cache. */
function missing() {
  let cached;
  try {
    cached = new Set(readdirSync(CACHE));
  } catch {
    cached = new Set();
  }
  return sourceFiles().filter((file) => !cached.has(cacheFile(readFileSync(file, 'utf8')).slice(CACHE.length + 1)));
}

/** Compiles what is missing and removes cache files no current source has; returns how many were compiled. */
function compileAll() {
  const wanted = new Set();
  let compiled = 0;
  for (const file of sourceFiles()) {
    const source = readFileSync(file, 'utf8');
    const target = cacheFile(source);
    wanted.add(target);
    if (!existsSync(target)) {
      compile(source, file, target);
      compiled++;
    }
  }
  let names = [];
  try {
    names = readdirSync(CACHE);
  } catch {
    // no cache (not writable): nothing to prune
  }
  for (const name of names) if (!wanted.has(join(CACHE, name))) rmSync(join(CACHE, name), { force: true });
  return compiled;
}

/** Loads `.ts` files from the cache in this process (compiling on the spot what is not there). */
function register() {
  Module._extensions['.ts'] = function loadCompiled(module, filename) {
    const source = readFileSync(filename, 'utf8');
    const target = cacheFile(source);
    let code;
    try {
      code = readFileSync(target, 'utf8');
    } catch {
      code = compile(source, filename, target);
    }
    module._compile(code, filename);
  };
}

module.exports = { CACHE, compileAll, missing, register, sourceFiles };

if (require.main === module) {
  const started = Date.now();
  const compiled = compileAll();
  console.log(`compiled ${compiled} TypeScript files in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
