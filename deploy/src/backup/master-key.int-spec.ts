import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client, Pool } from 'pg';
import { caseKey, createPrivacy, loadMasterKey, MasterKeyWrapper, subjectKey, type KeyWrapper, type Sealed } from '@vertrouwd/privacy';
import { freePort, startEmbeddedPostgres, withDatabase, type EmbeddedPostgresServer } from '@vertrouwd/testing';
import { postgresDirectory } from '../data-dir';

const ROOT = resolve(__dirname, '../../..');
const VAULT = 'vertrouwd_privacy';
const CASES = ['case-a', 'case-b', 'case-c'] as const;
const SHREDDED = 'case-b';
const FAST = { fsync: 'off', synchronous_commit: 'off' };

interface KeyRow {
  key_id: string;
  wrapped_key: Buffer | null;
  wrapped_by: string | null;
}

/** One of the operator's commands, as npm runs it: its exit code and what it printed. */
function command(name: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'deploy/src/backup/cli.ts'), name], {
      cwd: ROOT,
      env: { ...process.env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.runtime.json'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => done({ code, output }));
  });
}

/** The key in the file alone, without the earlier ones beside it. */
const fileKeyAlone = (file: string) => new MasterKeyWrapper(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));

describe('rotating the embedded default master key (npm run master-key:rotate, master-key:forget-previous)', () => {
  let dataDir: string;
  let cluster: string;
  let keyFile: string;
  let env: Record<string, string>;
  let oldKeyId: string;
  /** What a backup taken before the shred and the rotation holds of the vault. */
  let oldBackup: KeyRow[];
  /** The vault's rows after the shred: the shredded case's keys and its tombstone have no wrapped key. */
  let shreddedBefore: string[];
  const sealed = new Map<string, Sealed>();
  const servers: EmbeddedPostgresServer[] = [];

  const withServer = async <T>(work: (url: string) => Promise<T>): Promise<T> => {
    const server = await startEmbeddedPostgres({ dataDir: cluster, persistent: true, settings: FAST });
    servers.push(server);
    try {
      return await work(withDatabase(server.url, VAULT));
    } finally {
      await server.stop();
    }
  };
  const keyRows = (url: string) =>
    withClient(url, async (c) => (await c.query<KeyRow>('select key_id, wrapped_key, wrapped_by from privacy_keys')).rows);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'master-key-'));
    cluster = postgresDirectory(dataDir);
    keyFile = join(dataDir, 'privacy', 'master.key');
    env = { VERTROUWD_DATA_DIR: dataDir, PGPORT: String(await freePort()) };
    const server = await startEmbeddedPostgres({ dataDir: cluster, persistent: true, settings: FAST });
    servers.push(server);
    try {
      await withClient(server.url, (c) => c.query(`create database ${VAULT}`));
      const url = withDatabase(server.url, VAULT);
      const wrapper = loadMasterKey({ env: {}, file: keyFile }).wrapper;
      oldKeyId = wrapper.keyId;
      await withPrivacy(url, wrapper, async (privacy) => {
        for (const caseId of CASES)
          sealed.set(caseId, await privacy.sealer.seal(`CANARY-${caseId}`, subjectKey('reporter', `r-${caseId}`, caseId)));
        await privacy.sealer.seal('a note', caseKey('case-a'));
        await privacy.pseudonymizer.pseudonym('audit-1', 'advisor-anna');
        oldBackup = await keyRows(url);
        await privacy.vault.shredCase(SHREDDED);
        shreddedBefore = (await keyRows(url)).filter((r) => r.wrapped_key === null).map((r) => r.key_id);
      });
    } finally {
      await server.stop();
    }
  }, 120_000);

  afterAll(async () => {
    for (const server of servers) await server.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    if (existsSync(cluster)) rmSync(cluster, { recursive: true, force: true });
  });

  it('refuses while the platform runs: its processes hold the key they started with', async () => {
    const server = await startEmbeddedPostgres({ dataDir: cluster, persistent: true, port: Number(env.PGPORT), settings: FAST });
    servers.push(server);
    try {
      const run = await command('rotate-master-key', env);
      expect(run.code).toBe(1);
      expect(run.output).toContain('The platform is running: stop it first');
    } finally {
      await server.stop();
    }
    expect(fileKeyAlone(keyFile).keyId).toBe(oldKeyId);
    expect(existsSync(`${keyFile}.previous`)).toBe(false);
  }, 120_000);

  it('rotates: a new key in the file, the old one beside it, every live key and secret wrapped by the new; the shredded stays shredded', async () => {
    const run = await command('rotate-master-key', env);
    expect(run.output).toContain('Every key vault is wrapped by the new key');
    expect(run.code).toBe(0);
    const newKey = fileKeyAlone(keyFile);
    expect(newKey.keyId).not.toBe(oldKeyId);
    expect(fileKeyAlone(`${keyFile}.previous`).keyId).toBe(oldKeyId);
    expect(loadMasterKey({ env: {}, file: keyFile }).wrapper.previous?.map((w) => w.keyId)).toEqual([oldKeyId]);
    await withServer(async (url) => {
      const rows = await keyRows(url);
      expect(rows.filter((r) => r.wrapped_key !== null).every((r) => r.wrapped_by === newKey.keyId)).toBe(true);
      expect(shreddedBefore.length).toBeGreaterThan(0);
      expect(
        rows
          .filter((r) => r.wrapped_key === null)
          .map((r) => r.key_id)
          .sort(),
      ).toEqual([...shreddedBefore].sort());
      const secrets = await withClient(
        url,
        async (c) => (await c.query<{ wrapped_by: string }>('select wrapped_by from privacy_audit_secrets')).rows,
      );
      expect(secrets).toEqual([{ wrapped_by: newKey.keyId }]);
      // The new key alone reads every live value; the shredded one stays erased.
      await withPrivacy(url, newKey, async (privacy) => {
        for (const caseId of CASES) {
          const opened = await privacy.sealer.unseal(sealed.get(caseId)!);
          expect(opened).toEqual(caseId === SHREDDED ? { status: 'erased' } : { status: 'ok', value: `CANARY-${caseId}` });
        }
      });
    });
  }, 180_000);

  it('forgets the old key: what a backup holds under it, the shredded key above all, opens with no key this machine keeps', async () => {
    // With the platform running again, as the guide has it: forgetting only reads the vaults.
    const server = await startEmbeddedPostgres({ dataDir: cluster, persistent: true, port: Number(env.PGPORT), settings: FAST });
    servers.push(server);
    const run = await command('forget-previous-master-keys', env).finally(() => server.stop());
    expect(run.output).toContain(`Forgot ${oldKeyId}`);
    expect(run.code).toBe(0);
    expect(existsSync(`${keyFile}.previous`)).toBe(false);
    const kept = loadMasterKey({ env: {}, file: keyFile }).wrapper;
    expect(kept.previous).toBeUndefined();
    // The backup was taken before the shred: it holds every key live, the shredded case's too.
    const inBackup = oldBackup.filter((row) => !!row.wrapped_key);
    expect(inBackup).toHaveLength(oldBackup.length);
    for (const row of inBackup) {
      expect(row.wrapped_by).toBe(oldKeyId);
      await expect(kept.unwrap(row.wrapped_key!, `vertrouwd/privacy/data-key/${row.key_id}`)).rejects.toThrow();
    }
    // Restored as it was, the old vault opens with no key kept here.
    await expect(
      withServer((url) =>
        withClient(url, async (c) => {
          await c.query('update privacy_vault set master_key_id = $1', [oldKeyId]);
          return withPrivacy(url, kept, async () => undefined);
        }),
      ),
    ).rejects.toThrow(/master key/);
  }, 180_000);
});

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function withPrivacy<T>(
  url: string,
  wrapper: KeyWrapper,
  work: (privacy: Awaited<ReturnType<typeof createPrivacy>>) => Promise<T>,
): Promise<T> {
  const pool = new Pool({ connectionString: url, max: 2 });
  // A connection the server ends when it stops (as each test stops it) must not fail the suite.
  pool.on('error', () => undefined);
  try {
    const privacy = await createPrivacy({ pool, wrapper, cacheTtlMs: 0 });
    try {
      return await work(privacy);
    } finally {
      await privacy.close();
    }
  } finally {
    await pool.end();
  }
}
