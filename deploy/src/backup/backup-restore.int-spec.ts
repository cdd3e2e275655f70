import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Client, Pool } from 'pg';
import { PostgresEventStore } from '@vertrouwd/event-sourcing';
import {
  AlreadyShreddedError,
  caseKey,
  createPrivacy,
  ErasureLedgers,
  FileErasureLedger,
  loadMasterKey,
  MasterKeyMismatchError,
  MasterKeyWrapper,
  PostgresErasureLedger,
  subjectKey,
  type Privacy,
  type Sealed,
} from '@vertrouwd/privacy';
import {
  clusterDirectory,
  SHARED_POSTGRES_ROOT,
  startEmbeddedPostgres,
  withDatabase,
  type EmbeddedPostgresServer,
} from '@vertrouwd/testing';
import { takeBaseBackup, type BackupManifest } from './base-backup';
import { restoreBaseBackup, type RestoreReport } from './restore';

const VAULT = 'vertrouwd_privacy';
const EVENTS = 'vertrouwd_case';
const CASES = ['case-a', 'case-b', 'case-c'] as const;
const ERASED_CASE = 'case-b';
const canary = (caseId: string, what: string) => `CANARY-${what}-${caseId}`;
// Throwaway clusters: durability off for speed; a base backup forces full page writes on while it runs.
const FAST = { fsync: 'off', synchronous_commit: 'off' };

async function query<T extends object>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/**
 * What the services would hold: a key vault and an event store, the master key and its ledger from the key directory
 * (the embedded default's file) and, given its URL, on a PostgreSQL server of its own (production's, ADR 0055).
 */
async function openPlatform(adminUrl: string, keys: string, ledger = true, ledgerUrl?: string) {
  const pool = new Pool({ connectionString: withDatabase(adminUrl, VAULT), max: 4 });
  pool.on('error', () => undefined);
  const ledgerServer = ledgerUrl ? new PostgresErasureLedger(ledgerUrl) : undefined;
  const privacy: Privacy = await createPrivacy({
    pool,
    wrapper: loadMasterKey({ env: {}, file: join(keys, 'master.key') }).wrapper,
    erasureLedger: ledger
      ? new ErasureLedgers([new FileErasureLedger(join(keys, 'erasures.log')), ...(ledgerServer ? [ledgerServer] : [])])
      : undefined,
  });
  const store = await PostgresEventStore.create({ connectionString: withDatabase(adminUrl, EVENTS), poolSize: 2 });
  return {
    privacy,
    store,
    close: async () => {
      await store.close();
      await privacy.close();
      await ledgerServer?.close();
      await pool.end();
    },
  };
}

describe('backup and restore of the embedded cluster', () => {
  let root: string;
  const clusters: string[] = [];
  const servers: EmbeddedPostgresServer[] = [];
  let keys: string;
  let backup: string;
  let manifest: BackupManifest;
  const sealed = new Map<string, Sealed[]>();
  const eventsBeforeBackup = new Map<string, number>();
  let writtenDuringBackup = 0;
  let ledgerUrl: string; // the erasure ledger's own server: never backed up with the cluster, still there at the restore

  const newCluster = (name: string) => {
    const dir = clusterDirectory(join(root, name, 'postgres'), `backup-${basename(root)}-${name}`);
    clusters.push(dir);
    return dir;
  };
  const start = async (dataDir: string) => {
    const began = Date.now();
    const server = await startEmbeddedPostgres({ dataDir, persistent: true, settings: FAST });
    servers.push(server);
    if (process.env.BACKUP_TEST_TIMES) console.log(`started ${dataDir} in ${Date.now() - began} ms`);
    return server;
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'backup-restore-'));
    keys = join(root, 'keys'); // apart from the backup: the master key and the erasure ledger
    backup = join(root, 'backup');
    const ledgerServer = await start(newCluster('ledger'));
    await query(ledgerServer.url, 'create database vertrouwd_erasures');
    ledgerUrl = withDatabase(ledgerServer.url, 'vertrouwd_erasures');
    const source = await start(newCluster('source'));
    for (const database of [VAULT, EVENTS]) await query(source.url, `create database ${database}`);
    const platform = await openPlatform(source.url, keys, true, ledgerUrl);
    try {
      // Each case: a report with a sealed account and reporter, then work on it, in its hash-chained stream.
      for (const caseId of CASES) {
        const account = await platform.privacy.sealer.seal(canary(caseId, 'account'), caseKey(caseId));
        const reporter = await platform.privacy.sealer.seal(
          { name: canary(caseId, 'reporter') },
          subjectKey('reporter', `r-${caseId}`, caseId),
        );
        sealed.set(caseId, [account, reporter]);
        await platform.store.appendToStream(`case-${caseId}`, [{ type: 'case-opened', data: { account, reporter } }], 'no_stream');
        await platform.store.appendToStream(
          `case-${caseId}`,
          [
            { type: 'advisor-assigned', data: { advisorId: 'advisor-1' } },
            { type: 'note-added', data: { note: await platform.privacy.sealer.seal(canary(caseId, 'note'), caseKey(caseId)) } },
          ],
          0,
        );
        eventsBeforeBackup.set(`case-${caseId}`, 3);
      }
      await platform.store.appendToStream('agency-1', [{ type: 'agency-registered', data: { name: 'Bureau' } }], 'no_stream');
      eventsBeforeBackup.set('agency-1', 1);

      // Online: a writer keeps appending to another stream while the backup copies the files.
      let backingUp = true;
      let written = 0;
      const writer = (async () => {
        while (backingUp) {
          await platform.store.appendToStream(
            'load-1',
            [{ type: 'tick', data: { n: written } }],
            written - 1 < 0 ? 'no_stream' : written - 1,
          );
          written += 1;
        }
      })();
      manifest = await takeBaseBackup({ adminUrl: source.url, target: backup }).finally(() => (backingUp = false));
      await writer;
      writtenDuringBackup = written;

      // After the backup: case b is erased (crypto-shredded) and case a gets one more event.
      expect(await platform.privacy.vault.shredCase(ERASED_CASE)).toEqual({ keys: 2 });
      await platform.store.appendToStream(`case-${CASES[0]}`, [{ type: 'case-closed', data: {} }], 2);
    } finally {
      await platform.close();
    }
    await source.stop(); // the source is gone: the restore needs nothing of it
  }, 180_000);

  afterAll(async () => {
    for (const server of servers) await server.stop();
    for (const cluster of clusters)
      if (cluster.startsWith(SHARED_POSTGRES_ROOT)) rmSync(dirname(cluster), { recursive: true, force: true });
    rmSync(root, { recursive: true, force: true });
  });

  it('holds the database only: no plaintext, no master key, and every file checksummed', () => {
    const masterKey = readFileSync(join(keys, 'master.key'), 'utf8').trim();
    const needles = [...CASES.flatMap((c) => ['account', 'reporter', 'note'].map((w) => canary(c, w))), masterKey].map((text) =>
      Buffer.from(text),
    );
    needles.push(Buffer.from(masterKey, 'base64'));
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(dir, entry.name));
        else files.push(join(dir, entry.name));
      }
    };
    walk(backup);
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const needle of needles) expect({ file, found: bytes.includes(needle) }).toEqual({ file, found: false });
    }
    expect(files.map((file) => basename(file))).not.toContain('master.key');
    expect(files.map((file) => basename(file))).not.toContain('erasures.log');
    expect(manifest.files.length).toBe(files.length - 1); // all but backup.json
    expect(manifest.masterKeyIds).toEqual([loadMasterKey({ env: {}, file: join(keys, 'master.key') }).wrapper.keyId]);
    expect(statSync(backup).mode & 0o077).toBe(0);
  });

  it('refuses to restore without the master key it was taken with: the backup alone decrypts nothing', async () => {
    const cluster = newCluster('wrong-key');
    const wrapper = new MasterKeyWrapper(randomBytes(32));
    await expect(restoreBaseBackup({ backup, clusterDir: cluster, wrapper, erasures: [], settings: FAST })).rejects.toThrow(
      MasterKeyMismatchError,
    );
    expect(() => statSync(cluster)).toThrow();
  }, 120_000);

  describe('into a new cluster, with the erasure ledger kept beside the master key', () => {
    let report: RestoreReport;
    let platform: Awaited<ReturnType<typeof openPlatform>>;

    beforeAll(async () => {
      const cluster = newCluster('restored');
      report = await restoreBaseBackup({
        backup,
        clusterDir: cluster,
        wrapper: loadMasterKey({ env: {}, file: join(keys, 'master.key') }).wrapper,
        erasures: FileErasureLedger.read(join(keys, 'erasures.log')),
        settings: FAST,
      });
      const server = await start(cluster); // as `npm start` would, on a port of its own
      platform = await openPlatform(server.url, keys);
    }, 180_000);
    afterAll(() => platform?.close());

    it('replays every stream as it was at the backup, its hash chain intact', async () => {
      const rows = await query<{ stream_id: string }>(
        withDatabase(servers.at(-1)!.url, EVENTS),
        'select distinct stream_id from es_events',
      );
      expect(rows.map((row) => row.stream_id).sort()).toEqual([...eventsBeforeBackup.keys(), 'load-1'].sort());
      // The stream written to during the backup: a prefix of what was written, chained without a gap.
      const load = await platform.store.verifyStream('load-1');
      expect(load.valid).toBe(true);
      expect(load.eventsChecked).toBeGreaterThan(0);
      expect(load.eventsChecked).toBeLessThanOrEqual(writtenDuringBackup);
      expect(report).toMatchObject({ vaults: 1, erasures: 1, keysShredded: 2, streams: 5, events: 10 + load.eventsChecked });
      for (const [stream, count] of eventsBeforeBackup) {
        expect(await platform.store.verifyStream(stream)).toEqual({ valid: true, eventsChecked: count });
        expect(await platform.store.readStream(stream)).toHaveLength(count); // case a's later event is not in the backup
      }
    });

    it('keeps the case erased after the backup erased: its content reads as erased and it takes no new key', async () => {
      const [account, reporter] = sealed.get(ERASED_CASE)!;
      expect(await platform.privacy.sealer.unseal(account)).toEqual({ status: 'erased' });
      expect(await platform.privacy.sealer.unseal(reporter)).toEqual({ status: 'erased' });
      const [opened] = await platform.store.readStream(`case-${ERASED_CASE}`);
      expect(await platform.privacy.sealer.unseal((opened.data as { account: Sealed }).account)).toEqual({ status: 'erased' });
      await expect(platform.privacy.sealer.seal('again', caseKey(ERASED_CASE))).rejects.toThrow(AlreadyShreddedError);
    });

    it('decrypts every other case', async () => {
      for (const caseId of CASES.filter((c) => c !== ERASED_CASE)) {
        const events = await platform.store.readStream(`case-${caseId}`);
        const { account, reporter } = events[0].data as { account: Sealed; reporter: Sealed };
        expect(await platform.privacy.sealer.unseal(account, { caseRef: caseId })).toEqual({
          status: 'ok',
          value: canary(caseId, 'account'),
        });
        expect(await platform.privacy.sealer.unseal(reporter)).toEqual({ status: 'ok', value: { name: canary(caseId, 'reporter') } });
        const note = (events[2].data as { note: Sealed }).note;
        expect(await platform.privacy.sealer.unseal(note)).toEqual({ status: 'ok', value: canary(caseId, 'note') });
      }
    });
  });

  it("with the ledger read from its own PostgreSQL server (production's), keeps the erased case erased and the others readable", async () => {
    const erasures = await PostgresErasureLedger.read(ledgerUrl);
    expect(erasures).toEqual([{ scope: 'case', caseRef: ERASED_CASE, at: expect.any(String) }]);
    const cluster = newCluster('from-ledger-server');
    const report = await restoreBaseBackup({
      backup,
      clusterDir: cluster,
      wrapper: loadMasterKey({ env: {}, file: join(keys, 'master.key') }).wrapper,
      erasures,
      settings: FAST,
    });
    expect(report).toMatchObject({ vaults: 1, erasures: 1, keysShredded: 2 });
    const server = await start(cluster);
    const platform = await openPlatform(server.url, keys, false);
    try {
      const [account, reporter] = sealed.get(ERASED_CASE)!;
      expect(await platform.privacy.sealer.unseal(account)).toEqual({ status: 'erased' });
      expect(await platform.privacy.sealer.unseal(reporter)).toEqual({ status: 'erased' });
      await expect(platform.privacy.sealer.seal('again', caseKey(ERASED_CASE))).rejects.toThrow(AlreadyShreddedError);
      const [kept] = sealed.get(CASES[0])!;
      expect(await platform.privacy.sealer.unseal(kept)).toEqual({ status: 'ok', value: canary(CASES[0], 'account') });
    } finally {
      await platform.close();
      await server.stop();
    }
  }, 120_000);

  it('without the ledger the erased case would come back: the ledger is what keeps it shredded', async () => {
    const cluster = newCluster('no-ledger');
    await restoreBaseBackup({
      backup,
      clusterDir: cluster,
      wrapper: loadMasterKey({ env: {}, file: join(keys, 'master.key') }).wrapper,
      erasures: [],
      settings: FAST,
    });
    const server = await start(cluster);
    const platform = await openPlatform(server.url, keys, false);
    try {
      const [account] = sealed.get(ERASED_CASE)!;
      expect(await platform.privacy.sealer.unseal(account)).toEqual({ status: 'ok', value: canary(ERASED_CASE, 'account') });
    } finally {
      await platform.close();
      await server.stop();
    }
  }, 120_000);

  it('refuses a damaged backup before restoring anything, naming the file', async () => {
    const damaged = manifest.files.find((file) => file.path.startsWith('base/base/'))!; // among the first checked
    const path = join(backup, ...damaged.path.split('/'));
    const bytes = readFileSync(path);
    bytes[0] ^= 0xff;
    writeFileSync(path, bytes);
    const cluster = newCluster('damaged');
    await expect(
      restoreBaseBackup({
        backup,
        clusterDir: cluster,
        wrapper: loadMasterKey({ env: {}, file: join(keys, 'master.key') }).wrapper,
        erasures: [],
        settings: FAST,
      }),
    ).rejects.toThrow(`The backup is damaged: ${damaged.path} differs from its checksum`);
    expect(() => statSync(cluster)).toThrow();
  }, 120_000);
});
