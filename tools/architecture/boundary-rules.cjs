// The architecture boundaries as a dependency-cruiser configuration, for the workspace at `root` (the repository,
// or a fixture workspace in the tests). `.dependency-cruiser.cjs` at the root is this for the repository; run it with
// `npm run boundaries`; `boundaries.spec.ts` runs it in `npm test`. ADR 0016 says why dependency-cruiser.
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

/** The folders cruised, where they exist. `node_modules` is never followed; see `options` below for exclusions. */
const CRUISED_FOLDERS = ['libs', 'services', 'deploy', 'tools', 'bench'];

/** Which project types may depend on which (the Nx tags in each package.json `nx.tags`). */
const ALLOWED_TYPES = {
  'type:service': ['type:contracts', 'type:platform', 'type:testing'],
  'type:platform': ['type:platform', 'type:contracts', 'type:testing'],
  'type:contracts': [],
  'type:testing': ['type:platform'],
  // Tools drive whole services, like the launcher.
  'type:tooling': ['type:service', 'type:platform', 'type:contracts', 'type:testing'],
  // The benchmarks too, and they measure the launcher as a newcomer runs it (its web builds, its footprint).
  'type:bench': ['type:service', 'type:platform', 'type:contracts', 'type:testing', 'type:tooling', 'type:deploy'],
  // The launcher and the cross-service tests compose services; only the benchmarks import it. Its start script reuses the
  // repository's tooling (the Node version check, the compile settings the tests use).
  'type:deploy': ['type:service', 'type:platform', 'type:contracts', 'type:testing', 'type:tooling'],
};

/**
 * Framework and I/O modules: domain code reaches none of them, not even through a library's index. Module paths are
 * matched as dependency-cruiser resolves them: npm packages by their folder under a `node_modules` (with their
 * `@types` package, which a type-only import resolves to), Node's built-ins by name.
 */
const FRAMEWORK_OR_IO = [
  '(^|/)node_modules/@types/(node/)?(fs|net|http|https|http2|child_process|dgram|dns|tls|worker_threads)([./]|$)',
  '(^|/)node_modules/(@nestjs|@kurrent|@platformatic|@opentelemetry)/',
  '(^|/)node_modules/(@types/)?(typeorm|pg|jose|express|nestjs-pino|pino|pino-[^/]+)/',
  '^(node:)?(fs|net|http|https|http2|child_process|dgram|dns|tls|worker_threads)(/|$)',
];

/** The workspace projects (root package.json `workspaces`), each with its folder and its `type:` tag. */
function projectsOf(root) {
  const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const folders = workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    if (!existsSync(join(root, parent))) return [];
    return readdirSync(join(root, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${parent}/${entry.name}`);
  });
  return folders
    .filter((folder) => existsSync(join(root, folder, 'package.json')))
    .map((folder) => {
      const pkg = JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8'));
      const tags = pkg.nx?.tags ?? [];
      const type = tags.find((tag) => tag.startsWith('type:'));
      if (!type || !ALLOWED_TYPES[type]) {
        throw new Error(`${folder}/package.json: nx.tags needs one of ${Object.keys(ALLOWED_TYPES).join(', ')}`);
      }
      return { name: pkg.name, folder, type, tags };
    });
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** One regular expression matching any module inside one of the folders; the folder is capture group 1. */
const inFolders = (folders) => (folders.length ? `^(${folders.map(escapeRegExp).join('|')})/` : '(?!)');

/** One rule per project type: what its projects may not import, by the tag constraints. */
function tagRules(projects) {
  const types = [...new Set(projects.map((p) => p.type))];
  return types.flatMap((type) => {
    const sources = projects.filter((p) => p.type === type).map((p) => p.folder);
    // A service importing another service has its own rule (`no-service-to-service`), with a clearer name.
    const forbidden = projects
      .filter((p) => !ALLOWED_TYPES[type].includes(p.type) && !(type === 'type:service' && p.type === 'type:service'))
      .map((p) => p.folder);
    if (forbidden.length === 0) return [];
    return [
      {
        name: `tags-${type.slice('type:'.length)}`,
        severity: 'error',
        comment: ALLOWED_TYPES[type].length
          ? `A ${type} project depends only on itself and ${ALLOWED_TYPES[type].join(', ')} projects.`
          : `A ${type} project depends on no other project.`,
        from: { path: inFolders(sources) },
        // `$1` is the importing project's folder: a project may always import itself.
        to: { path: inFolders(forbidden), pathNot: '^$1/' },
      },
    ];
  });
}

/** The dependency-cruiser configuration for the workspace at `root`. */
function boundaryConfiguration(root) {
  const projects = projectsOf(root);
  const services = projects.filter((p) => p.type === 'type:service').map((p) => p.folder);
  // Domain code: each service's src/domain, and the whole of a library tagged layer:domain (@vertrouwd/domain).
  const domain = [
    ...services.map((folder) => `^${escapeRegExp(folder)}/src/domain/`),
    ...projects.filter((p) => p.tags.includes('layer:domain')).map((p) => `^${escapeRegExp(p.folder)}/`),
  ];
  const domainLibraries = projects.filter((p) => p.tags.includes('layer:domain') || p.type === 'type:contracts');
  return {
    forbidden: [
      {
        name: 'domain-no-framework-or-io',
        severity: 'error',
        comment:
          'Domain code is plain TypeScript: it reaches no framework or I/O module, directly or through any chain of ' +
          'imports (a library index re-exporting an adapter counts). node:crypto and node:assert are fine.',
        from: { path: domain },
        to: { reachable: true, path: FRAMEWORK_OR_IO },
      },
      {
        name: 'domain-only-domain-libraries',
        severity: 'error',
        comment: `Domain code imports, of the workspace libraries, only ${domainLibraries.map((p) => p.name).join(' and ')}.`,
        from: { path: domain },
        to: { path: '^libs/', pathNot: inFolders(domainLibraries.map((p) => p.folder)) },
      },
      {
        name: 'domain-contracts-type-only',
        severity: 'error',
        comment:
          "Domain code imports contracts for their types only (import type): contracts' runtime is the registry, which " +
          'compiles JSON schemas with ajv; validating messages is the adapters’ job.',
        from: { path: domain },
        to: { path: inFolders(projects.filter((p) => p.type === 'type:contracts').map((p) => p.folder)), preCompilationOnly: false },
      },
      {
        name: 'domain-only-domain-code',
        severity: 'error',
        comment: "A service's domain imports nothing else of the service: not application, infrastructure or API code.",
        from: { path: `${inFolders(services)}src/domain/` },
        to: { path: '^$1/(?!src/domain/)' },
      },
      {
        name: 'application-not-infrastructure',
        severity: 'error',
        comment: 'Application code talks to infrastructure through ports it declares; the module wires the adapters.',
        from: { path: `${inFolders(services)}src/application/` },
        to: { path: '^$1/src/infrastructure/' },
      },
      {
        name: 'application-not-api',
        severity: 'error',
        comment: 'Application code does not know how it is called (HTTP, messages): the API layer calls it, not back.',
        from: { path: `${inFolders(services)}src/application/` },
        to: { path: '^$1/src/api/' },
      },
      {
        name: 'api-not-infrastructure',
        severity: 'error',
        comment: 'The API layer calls use cases (application), never adapters directly.',
        from: { path: `${inFolders(services)}src/api/` },
        to: { path: '^$1/src/infrastructure/' },
      },
      {
        name: 'no-service-to-service',
        severity: 'error',
        comment: 'Services talk through integration events (contracts), never through each other’s code.',
        from: { path: inFolders(services) },
        to: { path: inFolders(services), pathNot: '^$1/' },
      },
      {
        name: 'no-circular',
        severity: 'error',
        comment: 'No import cycles in libraries and services (type-only imports included: they are cycles to read too).',
        from: { path: '^(libs|services)/' },
        to: { circular: true },
      },
      ...tagRules(projects),
      {
        name: 'not-to-unresolvable',
        severity: 'error',
        comment: 'Every import resolves: a typo or a missing dependency fails here, not at start-up.',
        from: {},
        // React Router's route types (`./+types/<route>`) are generated by `react-router typegen` into
        // .react-router/ and found through tsconfig rootDirs, which the resolver does not follow; tsc checks them.
        to: { couldNotResolve: true, pathNot: '^\\./\\+types/' },
      },
    ],
    options: {
      doNotFollow: { path: ['(^|/)node_modules/'] },
      // The scaffolder's templates are .tmpl files with placeholders; the fixtures break the rules on purpose; a web
      // service's build output and generated route types are not source.
      exclude: { path: ['^tools/new-service/template/', '^tools/architecture/fixtures/', '^services/[^/]+/(build|\\.react-router)/'] },
      moduleSystems: ['cjs', 'es6'],
      // The path aliases (@vertrouwd/*) resolve as TypeScript resolves them.
      tsConfig: { fileName: join(root, 'tsconfig.base.json') },
      // Type-only imports are dependencies too, marked so that rules can tell them apart (preCompilationOnly).
      tsPreCompilationDeps: 'specify',
      enhancedResolveOptions: {
        exportsFields: ['exports'],
        conditionNames: ['import', 'require', 'node', 'default', 'types'],
        mainFields: ['main', 'types', 'typings'],
        extensions: ['.ts', '.tsx', '.d.ts', '.js', '.cjs', '.mjs', '.json'],
      },
      skipAnalysisNotInRules: true,
    },
  };
}

module.exports = { boundaryConfiguration, CRUISED_FOLDERS, ALLOWED_TYPES };
