// `npm run openapi`: describes every service (no database, bus or issuer needed) and writes its OpenAPI document and
// the types generated from it under libs/web-api; commit what changed. ADR 0049, docs/api.md.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { apiFilesOf, filesOf, ROOT, SERVICES } from './api-files';

async function main(): Promise<void> {
  for (const service of Object.keys(SERVICES)) {
    const files = await apiFilesOf(service);
    const paths = filesOf(service);
    const written = [write(paths.document, files.documentText), write(paths.types, files.typesText)].filter(Boolean);
    console.log(
      `${service}: ${Object.keys(files.document.paths).length} paths, ${written.length ? `wrote ${written.join(' and ')}` : 'unchanged'}`,
    );
  }
}

/** Writes the file when its content differs; says which file it wrote. */
function write(path: string, text: string): string | undefined {
  const file = join(ROOT, path);
  let old: string | undefined;
  try {
    old = readFileSync(file, 'utf8');
  } catch {
    old = undefined;
  }
  if (old === text) return undefined;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return path;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
