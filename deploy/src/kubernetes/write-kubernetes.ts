import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readServiceManifests } from '../service-manifests';
import { readWebManifests } from '../web-services';
import { BASE_DIRECTORY, renderFiles } from './render';

// `npm run k8s:render`: writes the base from the service and web manifests; deploy/src/kubernetes/kubernetes.spec.ts fails
// when the committed files differ from what this writes.
const directory = join(__dirname, '../../..', BASE_DIRECTORY);
mkdirSync(directory, { recursive: true });
for (const file of readdirSync(directory)) if (file.endsWith('.yaml')) rmSync(join(directory, file));
const files = renderFiles(readServiceManifests(), readWebManifests());
for (const [file, text] of files) writeFileSync(join(directory, file), text);
console.log(`wrote ${files.size} files to ${BASE_DIRECTORY}`);
