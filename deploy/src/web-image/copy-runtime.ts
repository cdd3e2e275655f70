import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { WEB_MANIFEST_FILE } from '../web-services';
import { copyRuntime } from './runtime-files';

// deploy/web.Dockerfile's build stage, after `react-router build`: copies what `node server/main.ts` needs into the
// directory the runtime stage takes whole. Usage: node -r @swc-node/register deploy/src/web-image/copy-runtime.ts <service> <target>
const [service, target] = process.argv.slice(2);
const root = join(__dirname, '../../..');
if (!service || !target || !existsSync(join(root, 'services', service, WEB_MANIFEST_FILE))) {
  console.error(`usage: copy-runtime.ts <web service with a ${WEB_MANIFEST_FILE}> <target directory>`);
  process.exit(2);
}
const entries = copyRuntime(join(root, 'services', service), root, resolve(target));
const packages = entries.filter((e) => e.kind !== 'file').map((e) => e.path);
console.log(`${service}: copied ${entries.length} entries to ${target}, ${packages.length} packages: ${packages.join(' ')}`);
