import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** A workspace project: its package name, folder and Nx tags (package.json `nx.tags`). */
export interface Project {
  name: string;
  root: string;
  tags: string[];
}

export interface SourceFile {
  project: Project;
  path: string;
  imports: string[];
}

export interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

/** Which project types may depend on which (Nx tag constraints). */
export const DEPENDENCY_RULES: Record<string, string[]> = {
  'type:service': ['type:contracts', 'type:platform', 'type:testing'],
  'type:platform': ['type:platform', 'type:contracts', 'type:testing'],
  'type:contracts': [],
  'type:testing': ['type:platform'],
  // Benchmarks and tools drive whole services, like the launcher.
  'type:tooling': ['type:service', 'type:platform', 'type:contracts', 'type:testing'],
  // The launcher and the cross-service tests compose services; no service imports it.
  'type:deploy': ['type:service', 'type:platform', 'type:contracts', 'type:testing'],
};

/** Modules domain code must not import: frameworks and I/O. */
const FRAMEWORK_OR_IO = [
  /^@nestjs\//,
  /^typeorm/,
  /^pg($|\/)/,
  /^@kurrent\//,
  /^@platformatic\//,
  /^jose/,
  /^@opentelemetry\//,
  /^pino/,
  /^(node:)?(fs|net|http|https|http2|child_process|dgram|dns|tls|worker_threads)(\/|$)/,
];

const IMPORT =
  /(?:^|[^\w.])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[^\w.])import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[^\w.])import\s+['"]([^'"]+)['"]|(?:^|[^\w.])require\s*\(\s*['"]([^'"]+)['"]\s*\)/gm;

export function importsOf(source: string): string[] {
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...withoutComments.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
}

/** Every violation of the tag constraints and of the layer rules inside services. */
export function checkBoundaries(projects: Project[], files: SourceFile[]): Violation[] {
  const byName = new Map(projects.map((p) => [p.name, p]));
  const violations: Violation[] = [];
  for (const file of files) {
    const type = file.project.tags.find((t) => t.startsWith('type:'));
    for (const specifier of file.imports) {
      const target = workspaceTarget(specifier, file, projects, byName);
      if (target && target !== file.project) {
        const targetType = target.tags.find((t) => t.startsWith('type:'));
        if (type === 'type:service' && targetType === 'type:service') {
          violations.push({ file: file.path, specifier, rule: 'a service never imports another service' });
        } else if (!type || !targetType || !(DEPENDENCY_RULES[type] ?? []).includes(targetType)) {
          violations.push({ file: file.path, specifier, rule: `${type ?? 'untagged'} may not depend on ${targetType ?? 'untagged'}` });
        }
      }
      violations.push(...layerViolations(file, specifier));
    }
  }
  return violations;
}

function workspaceTarget(specifier: string, file: SourceFile, projects: Project[], byName: Map<string, Project>) {
  if (specifier.startsWith('.')) {
    const target = resolve(dirname(file.path), specifier);
    return projects.find((p) => target === p.root || target.startsWith(p.root + sep));
  }
  const name = specifier.split('/').slice(0, 2).join('/');
  return byName.get(name);
}

/** Inside a service: domain imports no framework and no I/O; application does not import the API layer. */
function layerViolations(file: SourceFile, specifier: string): Violation[] {
  if (!file.project.tags.includes('type:service')) return [];
  const layer = relative(file.project.root, file.path).split(sep)[1];
  if (layer === 'domain' && FRAMEWORK_OR_IO.some((pattern) => pattern.test(specifier))) {
    return [{ file: file.path, specifier, rule: 'domain code imports no framework and no I/O' }];
  }
  const target = specifier.startsWith('.') ? relative(file.project.root, resolve(dirname(file.path), specifier)).split(sep) : [];
  if (layer === 'domain' && target[0] === 'src' && target[1] && target[1] !== 'domain') {
    return [{ file: file.path, specifier, rule: 'domain code imports only domain code' }];
  }
  if (layer === 'application' && target[0] === 'src' && target[1] === 'api') {
    return [{ file: file.path, specifier, rule: 'application code does not import the API layer' }];
  }
  return [];
}

/** Reads the workspace: projects from the root package.json workspaces, their TypeScript sources. */
export function readWorkspace(root: string): { projects: Project[]; files: SourceFile[] } {
  const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces: string[] };
  const roots = workspaces.flatMap((pattern) => expand(root, pattern));
  const projects = roots.map((dir) => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; nx?: { tags?: string[] } };
    return { name: pkg.name, root: dir, tags: pkg.nx?.tags ?? [] };
  });
  const files = projects.flatMap((project) =>
    walk(project.root).map((path) => ({ project, path, imports: importsOf(readFileSync(path, 'utf8')) })),
  );
  return { projects, files };
}

function expand(root: string, pattern: string): string[] {
  if (!pattern.endsWith('/*')) return [join(root, pattern)].filter(hasPackage);
  const parent = join(root, pattern.slice(0, -2));
  try {
    return readdirSync(parent)
      .map((name) => join(parent, name))
      .filter(hasPackage);
  } catch {
    return [];
  }
}

function hasPackage(dir: string): boolean {
  try {
    return statSync(join(dir, 'package.json')).isFile();
  } catch {
    return false;
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return hasPackage(path) ? [] : walk(path);
    return /\.ts$/.test(entry.name) ? [path] : [];
  });
}
