import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What a service declares about itself in `services/<name>/service.manifest.json`: the one place that names its
 * port, database, variables and integration events. The launcher runs what the manifests list; the compose
 * file, the PostgreSQL init script and the contract registry are tested against them. Adding a service is adding
 * its folder with a manifest.
 */
export interface ServiceManifest {
  /** The folder's name; also the service's name in logs, traces and bus consumer groups. */
  name: string;
  description: string;
  /** The port `npm start` and the compose file give it. */
  port: number;
  /** Its own PostgreSQL database. */
  database: string;
  /** The environment variables it reads (names from libs/platform/config `SERVICE_VARIABLES`). */
  environment: string[];
  /** Topics of the integration events it publishes, `<name>.<event>.v<major>`. */
  publishes: string[];
  /** Topics it consumes. */
  consumes: string[];
}

/** Databases every service shares besides its own: the Postgres bus and the key vault (ADR 0013). */
export const SHARED_DATABASES = { bus: 'vertrouwd_bus', keyVault: 'vertrouwd_privacy' } as const;

export const MANIFEST_FILE = 'service.manifest.json';

const FIELDS = ['name', 'description', 'port', 'database', 'environment', 'publishes', 'consumes'];

const ROOT = join(__dirname, '../..');

/** Every service's manifest, in port order (the order `npm start` starts and lists them). */
export function readServiceManifests(root: string = ROOT): ServiceManifest[] {
  return readManifests(root, MANIFEST_FILE, parseManifest);
}

/** The manifests named `file` in the folders under services/, each parsed, in port order. */
export function readManifests<T extends { port: number }>(root: string, file: string, parse: (folder: string, text: string) => T): T[] {
  const services = join(root, 'services');
  return readdirSync(services, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(services, entry.name, file)))
    .map((entry) => parse(entry.name, readFileSync(join(services, entry.name, file), 'utf8')))
    .sort((a, b) => a.port - b.port);
}

/** Reads one manifest, naming the folder and every field that is wrong: a broken manifest stops the launcher. */
export function parseManifest(folder: string, text: string): ServiceManifest {
  return checkManifest<ServiceManifest>(folder, MANIFEST_FILE, text, FIELDS, (manifest, check) => {
    for (const list of ['environment', 'publishes', 'consumes']) check(isList(manifest[list]), `${list} must be a list of names`);
  });
}

/**
 * The checks every manifest shares (its fields, name, description, port and database), then `more`; throws naming
 * the file and every problem found.
 */
export function checkManifest<T>(
  folder: string,
  file: string,
  text: string,
  fields: readonly string[],
  more: (manifest: Record<string, unknown>, check: (ok: boolean, problem: string) => void) => void,
): T {
  const manifest = JSON.parse(text) as Record<string, unknown>;
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => void (ok || problems.push(problem));
  const unknown = Object.keys(manifest).filter((key) => !fields.includes(key));
  check(unknown.length === 0, `unknown fields ${unknown.join(', ')}`);
  check(manifest.name === folder, `name must be the folder's name, ${folder}`);
  check(typeof manifest.description === 'string' && manifest.description !== '', 'description must be a text');
  check(
    Number.isInteger(manifest.port) && (manifest.port as number) > 1024 && (manifest.port as number) < 65536,
    'port must be 1025..65535',
  );
  check(typeof manifest.database === 'string' && /^vertrouwd_[a-z0-9_]+$/.test(manifest.database), 'database must be vertrouwd_<name>');
  more(manifest, check);
  if (problems.length > 0) throw new Error(`services/${folder}/${file}: ${problems.join('; ')}`);
  return manifest as T;
}

/** A list of strings. */
export const isList = (value: unknown): boolean => Array.isArray(value) && value.every((item) => typeof item === 'string');
