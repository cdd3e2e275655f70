import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot, validationDirectory } from './validation-files';

describe('validationDirectory', () => {
  const saved = process.env.VERTROUWD_SHARED_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.VERTROUWD_SHARED_DIR;
    else process.env.VERTROUWD_SHARED_DIR = saved;
  });

  it('finds the official validation files beside the repository', () => {
    const dir = validationDirectory();
    expect(existsSync(join(dir, 'ubl-2.1', 'xsd', 'maindoc', 'UBL-Invoice-2.1.xsd'))).toBe(true);
    expect(existsSync(join(dir, 'si-ubl-2.0', 'si-ubl-2.0.xsl'))).toBe(true);
  });

  it('fails with a message that says what is missing and where it looked, so no validation passes without them', () => {
    process.env.VERTROUWD_SHARED_DIR = join(repositoryRoot(), 'no-such-shared');
    expect(() => validationDirectory()).toThrow(/e-invoice validation files .* are missing; looked in .*no-such-shared/);
  });
});
