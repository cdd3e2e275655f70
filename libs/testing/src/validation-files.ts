import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The repository root: the nearest folder above this file whose package.json declares the npm workspaces. */
export function repositoryRoot(from = __dirname): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && 'workspaces' in (JSON.parse(readFileSync(manifest, 'utf8')) as object)) return dir;
    if (dirname(dir) === dir) throw new Error(`No repository root (package.json with workspaces) above ${from}`);
  }
}

/** The copy of the validation files in the repository (`vendor/e-invoice-validation`, vendor/README.md). */
export function vendoredValidationDirectory(): string {
  return join(repositoryRoot(), 'vendor', 'e-invoice-validation');
}

/**
 * The official e-invoice validation files (`shared/validation/`), which sit beside the repository: `../shared` of
 * the clone. A worktree may sit deeper, so each folder above the root is tried; `VERTROUWD_SHARED_DIR` overrides.
 * Without them (a clone elsewhere) the repository's own copy is used. Missing files are an error that says where
 * they were looked for: a validation test must never pass without them.
 */
export function validationDirectory(): string {
  const override = process.env.VERTROUWD_SHARED_DIR;
  const candidates: string[] = override ? [join(resolve(override), 'validation')] : [];
  if (!override) {
    for (let dir = dirname(repositoryRoot()); ; dir = dirname(dir)) {
      candidates.push(join(dir, 'shared', 'validation'));
      if (dirname(dir) === dir) break;
    }
    candidates.push(vendoredValidationDirectory());
  }
  const found = candidates.find((dir) => existsSync(join(dir, 'si-ubl-2.0', 'si-ubl-2.0.xsl')));
  if (!found) {
    throw new Error(
      `The e-invoice validation files (shared/validation: UBL 2.1 XSDs, SI-UBL 2.0 XSL) are missing; looked in ${candidates.join(', ')}. ` +
        'They belong in the shared/ folder beside the repository (or set VERTROUWD_SHARED_DIR).',
    );
  }
  return found;
}
