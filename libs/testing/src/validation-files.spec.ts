import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { repositoryRoot, validationDirectory, vendoredValidationDirectory } from './validation-files';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('validationDirectory', () => {
  const saved = process.env.VERTROUWD_SHARED_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.VERTROUWD_SHARED_DIR;
    else process.env.VERTROUWD_SHARED_DIR = saved;
  });

  it('has its own copy, so a clone in any directory validates invoices', () => {
    const vendored = vendoredValidationDirectory();
    expect(existsSync(join(vendored, 'ubl-2.1', 'xsd', 'maindoc', 'UBL-CreditNote-2.1.xsd'))).toBe(true);
    expect(existsSync(join(vendored, 'si-ubl-2.0', 'si-ubl-2.0.xsl'))).toBe(true);
  });

  it('keeps its copy byte for byte the same as shared/validation beside the clone, when that is there', () => {
    const shared = join(dirname(repositoryRoot()), 'shared', 'validation');
    if (!existsSync(shared)) {
      console.log(`skipped comparing: no ${shared} beside this clone (the repository's own copy is used)`);
      return;
    }
    const vendored = vendoredValidationDirectory();
    const list = (dir: string) =>
      filesUnder(dir)
        .map((f) => relative(dir, f))
        .sort();
    expect(list(vendored)).toEqual(list(shared));
    for (const file of list(shared)) expect(readFileSync(join(vendored, file)).equals(readFileSync(join(shared, file)))).toBe(true);
  });

  it('finds the official validation files beside the repository', () => {
    const dir = validationDirectory();
    expect(existsSync(join(dir, 'ubl-2.1', 'xsd', 'maindoc', 'UBL-Invoice-2.1.xsd'))).toBe(true);
    expect(existsSync(join(dir, 'si-ubl-2.0', 'si-ubl-2.0.xsl'))).toBe(true);
  });

  it('fails with a message that says what is missing and where it looked, so no validation passes without them', () => {
    // With the override set, only that folder is tried.
    process.env.VERTROUWD_SHARED_DIR = join(repositoryRoot(), 'no-such-shared');
    expect(() => validationDirectory()).toThrow(/e-invoice validation files .* are missing; looked in .*no-such-shared/);
  });
});
