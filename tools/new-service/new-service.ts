// `npm run new:service -- <name>`: scaffolds services/<name> from ./template on the service kit (domain, one use case
// each way, a projection behind a read-model port, the API, an aggregate test and an e2e test), gives it the next free
// port and its own database, and adds it where the platform's central lists live (docker-compose.yml, the PostgreSQL
// init script, the lockfile). The launcher, Jest, Nx and the manifest tests find it by themselves.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { render, namesOf, type Names } from './render';

const ROOT = join(__dirname, '../..');
const TEMPLATE = join(__dirname, 'template');

function main(argv: string[]): void {
  const name = argv[0];
  if (!name || argv.length > 1) fail('usage: npm run new:service -- <name>   (kebab-case, e.g. demo-check)');
  const names = namesOf(name, nextPort(), Date.now());
  const target = join(ROOT, 'services', name);
  if (existsSync(target)) fail(`services/${name} exists already`);
  const written = writeTemplate(TEMPLATE, target, names);
  addToCompose(names);
  addDatabase(names);
  console.log(`wrote ${written.length} files in services/${name}:`);
  for (const file of written) console.log(`  ${relative(ROOT, file)}`);
  execFileSync(join(ROOT, 'node_modules/.bin/prettier'), ['--write', '--log-level', 'warn', target], { cwd: ROOT, stdio: 'inherit' });
  console.log('added it to docker-compose.yml and deploy/postgres/init/01-databases.sql; updating package-lock.json…');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: ROOT, stdio: 'inherit' });
  console.log(`\nservices/${name} listens on ${names.port} under npm start; its tests: npx jest --selectProjects ${name}`);
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** One above the highest port any manifest claims. */
function nextPort(): number {
  const services = join(ROOT, 'services');
  const ports = readdirSync(services)
    .map((dir) => join(services, dir, 'service.manifest.json'))
    .filter((file) => existsSync(file))
    .map((file) => (JSON.parse(readFileSync(file, 'utf8')) as { port: number }).port);
  return Math.max(3000, ...ports) + 1;
}

function writeTemplate(from: string, to: string, names: Names): string[] {
  return readdirSync(from).flatMap((entry) => {
    const source = join(from, entry);
    const destination = join(to, render(entry.replace(/\.tmpl$/, ''), names));
    if (statSync(source).isDirectory()) return writeTemplate(source, destination, names);
    mkdirSync(dirname(destination), { recursive: true });
    writeFileSync(destination, render(readFileSync(source, 'utf8'), names));
    return [destination];
  });
}

/** A compose service like the others: the shared environment and dependencies, its own port and database. */
function addToCompose(names: Names): void {
  const file = join(ROOT, 'docker-compose.yml');
  const entry = [
    `  ${names.kebab}:`,
    `    build: { context: ., dockerfile: deploy/Dockerfile, args: { SERVICE: ${names.kebab} } }`,
    '    environment:',
    '      <<: *service-environment',
    `      PORT: "${names.port}"`,
    `      DATABASE_URL: postgres://vertrouwd:vertrouwd@postgres:5432/vertrouwd_${names.snake}`,
    '    ports:',
    `      - "${names.port}:${names.port}"`,
    '    depends_on: *service-dependencies',
    '',
  ].join('\n');
  const compose = readFileSync(file, 'utf8');
  const at = compose.lastIndexOf('\nvolumes:');
  if (at < 0) fail('docker-compose.yml has no top-level volumes: section to insert before');
  writeFileSync(file, `${compose.slice(0, at + 1)}${entry}\n${compose.slice(at + 1)}`);
}

function addDatabase(names: Names): void {
  const file = join(ROOT, 'deploy/postgres/init/01-databases.sql');
  const sql = readFileSync(file, 'utf8');
  const line = `create database vertrouwd_${names.snake};\n`;
  const at = sql.indexOf('create database vertrouwd_bus;');
  writeFileSync(file, at < 0 ? sql + line : sql.slice(0, at) + line + sql.slice(at));
}

main(process.argv.slice(2));
