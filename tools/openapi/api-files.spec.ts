import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiFilesOf, filesOf, ROOT, SERVICES } from './api-files';
import { undeclaredAnswers } from './declared-answers';
import { describeDrift } from './drift';

// The web services build on these files: a changed API must fail here, not in a page. Each service is described in
// memory exactly as `npm run openapi` does it, and compared with what is committed.
describe('the committed OpenAPI documents and their types', () => {
  it('cover every service with a manifest', () => {
    const withManifest = readdirSync(join(ROOT, 'services')).filter((dir) =>
      existsSync(join(ROOT, 'services', dir, 'service.manifest.json')),
    );
    expect(Object.keys(SERVICES).sort()).toEqual(withManifest.sort());
  });

  it.each(Object.keys(SERVICES))('are current for %s (else: npm run openapi, and commit)', async (service) => {
    const fresh = await apiFilesOf(service);
    const paths = filesOf(service);
    const committedDocument = read(paths.document);
    if (committedDocument !== fresh.documentText) {
      const drift = committedDocument === undefined ? ['not committed yet'] : describeDrift(JSON.parse(committedDocument), fresh.document);
      throw new Error(
        `${paths.document} is stale: the ${service} service's API changed. Run \`npm run openapi\`, check the web services ` +
          `still build, and commit both files.\n  - ${(drift.length ? drift : ['formatting only']).join('\n  - ')}`,
      );
    }
    if (read(paths.types) !== fresh.typesText) {
      throw new Error(`${paths.types} is not what openapi-typescript makes of ${paths.document}: run \`npm run openapi\` and commit it.`);
    }
  });
});

// An answer left undeclared is typed `unknown` in the web services, which then type it by hand: a renamed field
// breaks a page instead of the build. The committed document is what the service serves (the test above).
describe('every read and write a service offers', () => {
  it.each(Object.keys(SERVICES))('declares its answer in the document of %s', (service) => {
    const document = JSON.parse(read(filesOf(service).document) ?? '{}') as Parameters<typeof undeclaredAnswers>[0];
    expect(undeclaredAnswers(document)).toEqual([]);
  });
});

function read(path: string): string | undefined {
  const file = join(ROOT, path);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}
