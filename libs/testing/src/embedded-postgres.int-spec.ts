import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres';
import { serverUser } from './postgres-user';

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
