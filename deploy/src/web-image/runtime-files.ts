import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, extname, join, relative, sep } from 'node:path';
import ts from 'typescript';

/**
 * What a web service's container needs to run `node server/main.ts`, and nothing else (deploy/web.Dockerfile copies
 * exactly this into its runtime stage): the service's package.json (its module type), `server/`, the Vite build, the
 * packages those import at run time with their own dependencies as Node resolves them from `node_modules`, and any
 * workspace library imported without being bundled (with the packages it imports). Vite bundles the app and the
 * workspace libraries it uses into `build/server/index.js` and leaves the `node_modules` packages as imports: the
 * imports of the server's own files and of the build are what Node will load.
 */
export interface RuntimeEntry {
  /** Relative to the repository's root; the runtime stage keeps the same layout. */
  path: string;
  /** `symlink`: a workspace package's link in node_modules, kept as a link to its copied folder. */
  kind: 'file' | 'directory' | 'symlink';
}

const TEST_FILE = /\.(spec|int-spec|e2e-spec)\.[cm]?[jt]sx?$/;
const CODE = new Set(['.ts', '.mts', '.js', '.mjs', '.cjs']);
const RESOLVE_AS = ['', '.ts', '.js', '.mjs', '/index.ts', '/index.js'];

export function runtimeEntries(serviceDir: string, root: string): RuntimeEntry[] {
  const entries = new Map<string, RuntimeEntry['kind']>();
  const scanned = new Set<string>();
  const packages = new Set<string>();
  const add = (path: string, kind: RuntimeEntry['kind']) => entries.set(relative(root, path), kind);

  for (const required of ['package.json', 'server', 'build/server']) {
    if (!existsSync(join(serviceDir, required))) throw new Error(`${relative(root, serviceDir)}: no ${required} (build the service first)`);
  }
  add(join(serviceDir, 'package.json'), 'file');
  const start = [...filesUnder(join(serviceDir, 'server')), ...filesUnder(join(serviceDir, 'build'))];
  for (const file of start) add(file, 'file');
  const queue = start.filter((file) => CODE.has(extname(file)));

  /** A package from node_modules: the whole folder, then what its package.json says it depends on. */
  const addPackage = (directory: string) => {
    if (packages.has(directory)) return;
    packages.add(directory);
    add(directory, 'directory');
    const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as Record<
      string,
      Record<string, unknown> | undefined
    >;
    // A peer marked optional (`typescript`, for a package's types) is the importer's choice, and types never load.
    const peers = Object.keys(manifest.peerDependencies ?? {}).filter(
      (name) =>
        !name.startsWith('@types/') && (manifest.peerDependenciesMeta?.[name] as { optional?: boolean } | undefined)?.optional !== true,
    );
    const optional = new Set([...Object.keys(manifest.optionalDependencies ?? {}), ...peers]);
    for (const name of new Set([...Object.keys(manifest.dependencies ?? {}), ...optional])) {
      const found = findPackage(name, directory, root);
      if (found) usePackage(found);
      else if (!optional.has(name)) throw new Error(`${relative(root, directory)} depends on ${name}, which is not installed`);
    }
  };
  /** A workspace library linked into node_modules: the link, its files, and what they import. */
  const useWorkspace = (link: string, target: string) => {
    if (packages.has(link)) return;
    packages.add(link);
    add(link, 'symlink');
    for (const file of filesUnder(target)) {
      add(file, 'file');
      if (CODE.has(extname(file))) queue.push(file);
    }
  };
  const usePackage = (directory: string) => {
    const real = realpathSync(directory);
    if (real.split(sep).includes('node_modules')) addPackage(directory);
    else useWorkspace(directory, real);
  };

  while (queue.length > 0) {
    const file = queue.shift()!;
    if (scanned.has(file)) continue;
    scanned.add(file);
    for (const specifier of importsOf(file)) {
      if (isBuiltin(specifier)) continue;
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = RESOLVE_AS.map((suffix) => join(dirname(file), specifier) + suffix).find(isFile);
        if (!target) throw new Error(`${relative(root, file)} imports ${specifier}, which does not exist`);
        if (relative(root, target).startsWith('..'))
          throw new Error(`${relative(root, file)} imports ${specifier}, outside the repository`);
        add(target, 'file');
        if (CODE.has(extname(target))) queue.push(target);
        continue;
      }
      const found = findPackage(packageName(specifier), dirname(file), root);
      if (!found) throw new Error(`${relative(root, file)} imports ${specifier}, which is not installed`);
      usePackage(found);
    }
  }
  // A file inside a copied package folder needs no entry of its own.
  const folders = [...entries].filter(([, kind]) => kind === 'directory').map(([path]) => path + sep);
  return [...entries]
    .filter(([path]) => !folders.some((folder) => path.startsWith(folder)))
    .map(([path, kind]) => ({ path, kind }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Copies the entries into `target`, in the repository's layout; a workspace link stays the same relative link. */
export function copyRuntime(serviceDir: string, root: string, target: string): RuntimeEntry[] {
  const entries = runtimeEntries(serviceDir, root);
  for (const entry of entries) {
    const from = join(root, entry.path);
    const to = join(target, entry.path);
    mkdirSync(dirname(to), { recursive: true });
    if (entry.kind === 'symlink') symlinkSync(readlinkSync(from), to);
    else cpSync(from, to, { recursive: true, verbatimSymlinks: true });
  }
  return entries;
}

/** The modules a file loads at run time: static imports and re-exports (not `import type`), `import()`, `require()`. */
export function importsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require')) &&
      node.arguments.length === 1 &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** `react-dom/server` → `react-dom`; `@react-router/node` → itself. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Where Node finds a package from `directory`: the nearest `node_modules/<name>` up to the repository's root. */
function findPackage(name: string, directory: string, root: string): string | undefined {
  for (let dir = directory; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root || dirname(dir) === dir) return undefined;
  }
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && !TEST_FILE.test(entry.name) && !entry.parentPath.split(sep).includes('node_modules'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter(
      (path) =>
        !relative(directory, path)
          .split(sep)
          .some((part) => part === 'test' || part === 'tests'),
    );
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile() && !lstatSync(path).isDirectory();
}
