import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { startEmbeddedPostgres, withDatabase } from './embedded-postgres';
import { serverUser } from './postgres-user';
import { processRuns } from './processes';

describe('an embedded PostgreSQL in a directory others share', () => {
  const shared = mkdtempSync(join(tmpdir(), 'shared-parent-'));
  afterAll(() => rmSync(shared, { recursive: true, force: true }));

  it('leaves the mode of the directory above its cluster as it was (a /tmp keeps its sticky bit and everyone’s write)', async () => {
    chmodSync(shared, 0o1777);
    const server = await startEmbeddedPostgres({ dataDir: join(shared, 'cluster'), persistent: false });
    try {
      expect(server.url).toMatch(/^postgres(ql)?:\/\//);
    } finally {
      await server.stop();
    }
    expect((statSync(shared).mode & 0o7777).toString(8)).toBe('1777');
  });

  it('makes a parent it made itself passable for the server, and no more', async () => {
    const dataDir = join(shared, 'private', 'cluster');
    const server = await startEmbeddedPostgres({ dataDir, persistent: false });
    await server.stop();
    // Made 0700 with the cluster; the server's user (root runs it as postgres) only needs to pass through it.
    const expected = serverUser() ? '711' : '700';
    expect((statSync(join(shared, 'private')).mode & 0o7777).toString(8)).toBe(expected);
  });
});

describe('an embedded PostgreSQL that a killed launcher left running', () => {
  const parent = mkdtempSync(join(tmpdir(), 'orphaned-'));
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('is stopped by the next start on its cluster, which then starts with every row kept', async () => {
    const dataDir = join(parent, 'cluster');
    // A launcher: starts the cluster, keeps a row, says so, and is then killed with no chance to stop it.
    const script = `
      const { startEmbeddedPostgres } = require(${JSON.stringify(resolve(__dirname, 'embedded-postgres.ts'))});
      const { Client } = require('pg');
      startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, persistent: true }).then(async (server) => {
        const client = new Client({ connectionString: server.url });
        await client.connect();
        await client.query('create table kept (n int)');
        await client.query('insert into kept values (42)');
        await client.end();
        process.stdout.write('ready\\n');
        setInterval(() => undefined, 1000);
      });`;
    const launcher = spawn(process.execPath, ['-r', '@swc-node/register', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((ready, failed) => {
      launcher.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && ready());
      launcher.once('exit', (code) => failed(new Error(`the launcher exited (${code}) before it was ready`)));
    });
    const orphan = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    launcher.kill('SIGKILL');
    await new Promise((exited) => launcher.once('exit', exited));
    expect(processRuns(orphan)).toBe(true); // still running, holding the cluster's lock

    const server = await startEmbeddedPostgres({ dataDir, persistent: false });
    try {
      expect(processRuns(orphan)).toBe(false);
      const client = new Client({ connectionString: server.url });
      await client.connect();
      try {
        expect((await client.query('select n from kept')).rows).toEqual([{ n: 42 }]);
      } finally {
        await client.end();
      }
    } finally {
      await server.stop();
    }
  });

  it('never signals a process a stale lock file names that is no server of this cluster', async () => {
    const dataDir = join(parent, 'stale');
    const first = await startEmbeddedPostgres({ dataDir, persistent: true });
    await first.stop();
    // A server that died with its machine left its lock file; the pid in it now belongs to something else.
    const bystander = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      writeFileSync(join(dataDir, 'postmaster.pid'), `${bystander.pid}\n${dataDir}\n`);
      const second = await startEmbeddedPostgres({ dataDir, persistent: false }).catch((error: Error) => error);
      if (!(second instanceof Error)) await second.stop();
      expect(processRuns(bystander.pid!)).toBe(true);
    } finally {
      bystander.kill('SIGKILL');
    }
  });

  it('is refused in words, not stopped, while the process that started it still runs', async () => {
    const dataDir = join(parent, 'live');
    const first = await startEmbeddedPostgres({ dataDir, persistent: false });
    try {
      await expect(startEmbeddedPostgres({ dataDir, persistent: false })).rejects.toThrow(/already runs under another process/);
      const client = new Client({ connectionString: first.url });
      await client.connect();
      await client.end();
    } finally {
      await first.stop();
    }
  });
});

describe('how clients reach an embedded PostgreSQL (ADR 0080)', () => {
  const parent = mkdtempSync(join(tmpdir(), 'socket-'));
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  /** The client's address as the server sees it: null over a Unix-domain socket. */
  const clientAddress = async (url: string) => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<{ address: string | null }>('select inet_client_addr()::text as address')).rows[0].address;
    } finally {
      await client.end();
    }
  };

  it('through the socket in its data directory by its URL, over TCP by its TCP URL, TypeORM included', async () => {
    const dataDir = join(parent, 'cluster');
    const server = await startEmbeddedPostgres({ dataDir, persistent: false });
    try {
      expect(new URL(server.url).searchParams.get('host')).toBe(resolve(dataDir));
      expect(await clientAddress(server.url)).toBeNull();
      expect(await clientAddress(withDatabase(server.url, 'postgres'))).toBeNull();
      expect(await clientAddress(server.tcpUrl)).toMatch(/^127\.0\.0\.1/);
      // TypeORM parses the URL itself (and drops its query), then hands it to pg whole: the socket still wins.
      const source = new DataSource({ type: 'postgres', url: server.url });
      await source.initialize();
      try {
        const [row] = await source.query<{ address: string | null }[]>('select inet_client_addr()::text as address');
        expect(row.address).toBeNull();
      } finally {
        await source.destroy();
      }
      // The socket is reachable by the server's user and root alone: the directory stays 0700.
      expect((statSync(dataDir).mode & 0o777).toString(8)).toBe('700');
    } finally {
      await server.stop();
    }
  });

  it('over TCP alone when the data directory holds a comma (the setting would read it as a list)', async () => {
    const server = await startEmbeddedPostgres({ dataDir: join(parent, 'a,b', 'cluster'), persistent: false });
    try {
      expect(server.url).toBe(server.tcpUrl);
      expect(await clientAddress(server.url)).toMatch(/^127\.0\.0\.1/);
    } finally {
      await server.stop();
    }
  });

  it('over TCP alone when the socket path would not fit a socket address', async () => {
    const dataDir = join(parent, 'd'.repeat(100), 'cluster');
    const server = await startEmbeddedPostgres({ dataDir, persistent: false });
    try {
      expect(server.url).toBe(server.tcpUrl);
      expect(await clientAddress(server.url)).toMatch(/^127\.0\.0\.1/);
    } finally {
      await server.stop();
    }
  });
});
