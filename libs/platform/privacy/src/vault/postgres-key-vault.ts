import { randomUUID } from 'node:crypto';
import { pooledRandomBytes } from '@vertrouwd/domain';
import type { Pool, PoolClient } from 'pg';
import { KEY_BYTES } from '../crypto/aes-gcm';
import { AlreadyShreddedError, UnknownKeyError } from '../errors';
import type { KeyWrapper } from '../keys/key-wrapper.port';
import { wrapperOf } from '../keys/rotating-key-wrapper';
import type { ErasureLedger } from './erasure-ledger';
import { ExpiringCache } from './expiring-cache';
import { KeyBatches } from './key-batches';
import { caseKey, checkKind, checkRef, opaqueId, refKey, type KeyRef, type SubjectKind } from './key-ref';
import type { DataKey, KeyLookup, KeyVault, NewKeys as NewKeysToStore, ShredResult, VaultTransaction } from './key-vault.port';
import * as sql from './key-vault.sql';
import { SHRED_CHANNEL, type ShredWatcher } from './shred-watcher';
import { singleFlight } from './single-flight';
import { inTransaction } from './transaction';

export interface KeyCacheOptions {
  /** How long an unwrapped key stays in memory (default 60 000 ms; 0: never, every use reads the vault). */
  cacheTtlMs?: number;
  /** At most this many keys in memory (default 10 000). */
  maxCachedKeys?: number;
}

export interface KeyVaultOptions extends KeyCacheOptions {
  /** Written to before every shred, so that a restored backup can be shredded again (see `ErasureLedger`). */
  erasureLedger?: ErasureLedger;
}

/** A pool or a connection, as what runs `createKeys`' statement. */
function statementsOf(client: Pool | PoolClient): VaultTransaction {
  return {
    query: async <R>(text: string, values?: unknown[], name?: string) => {
      const { rows, rowCount } = await client.query(name === undefined ? { text, values } : { name, text, values });
      return { rows: rows as R[], rowCount: rowCount ?? 0 };
    },
  };
}

const ERASED: KeyLookup = Object.freeze({ status: 'erased' });
/** At most this many callers' keys in one statement. */
const MAX_CALLERS_PER_STATEMENT = 64;

/** One `createKeys` call, its keys made and wrapped, on its way to the vault's statement. */
interface KeysOnTheirWay {
  refs: KeyRef[];
  keys: { keyId: string; key: Buffer; wrapped: Buffer }[];
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The key vault in PostgreSQL (`privacy_keys`). Data keys are stored wrapped by the {@link KeyWrapper}
 * and kept unwrapped in memory briefly. Every shred, in any process, empties every cache (see
 * `ShredWatcher`), so a shredded key is never served from memory once its shred is known here.
 */
export class PostgresKeyVault implements KeyVault {
  private readonly byRef: ExpiringCache<DataKey>;
  private readonly byId: ExpiringCache<KeyLookup>;
  private readonly creating = new Map<string, Promise<DataKey>>();
  private readonly loading = new Map<string, Promise<KeyLookup>>();
  private readonly ledger: ErasureLedger | undefined;
  private readonly batches: KeyBatches<KeysOnTheirWay>;

  constructor(
    private readonly pool: Pool,
    private readonly wrapper: KeyWrapper,
    private readonly watcher: ShredWatcher,
    options: KeyVaultOptions = {},
  ) {
    this.ledger = options.erasureLedger;
    this.batches = new KeyBatches((requests) => this.insert(requests, statementsOf(this.pool)), MAX_CALLERS_PER_STATEMENT);
    this.byRef = new ExpiringCache(options.cacheTtlMs ?? 60_000, options.maxCachedKeys ?? 10_000);
    this.byId = new ExpiringCache(options.cacheTtlMs ?? 60_000, options.maxCachedKeys ?? 10_000);
    watcher.onShred(() => this.forget());
  }

  async keyFor(ref: KeyRef): Promise<DataKey> {
    const checked = checkRef(ref);
    const id = refKey(checked);
    const cached = this.byRef.get(id);
    if (cached) return cached;
    return singleFlight(this.creating, id, () =>
      this.remember(
        () => this.loadOrCreate(checked),
        (dataKey) => {
          this.byRef.set(id, dataKey);
          this.byId.set(dataKey.keyId, { status: 'live', key: dataKey.key, caseRef: checked.caseRef });
        },
      ),
    );
  }

  async createKeys(refs: KeyRef[], tx?: VaultTransaction): Promise<DataKey[]> {
    const { keys, store } = await this.newKeys(refs);
    await store(tx);
    return keys;
  }

  async newKeys(refs: KeyRef[]): Promise<NewKeysToStore> {
    const checked = refs.map(checkRef);
    if (new Set(checked.map(refKey)).size !== checked.length) throw new Error('createKeys: a ref is named twice');
    const keys = await Promise.all(
      checked.map(async () => {
        const keyId = randomUUID();
        const key = pooledRandomBytes(KEY_BYTES);
        return { keyId, key, wrapped: await this.wrapper.wrap(key, sql.dataKeyContext(keyId)) };
      }),
    );
    return {
      keys: keys.map(({ keyId, key }) => ({ keyId, key })),
      // In the caller's transaction: its statement. On its own: with the callers that wait beside it (`KeyBatches`).
      store: (tx) => (tx ? this.insert([{ refs: checked, keys }], tx) : this.batches.submit({ refs: checked, keys })),
    };
  }

  /**
   * The keys of one or more callers in one statement, all or none: the refs' locks (every case lock before every
   * subject lock, each once, in one order for every creator), then the rows unless a case or subject named was
   * shredded. Refuses (AlreadyShreddedError) when not every key was made.
   */
  private async insert(requests: KeysOnTheirWay[], via: VaultTransaction): Promise<void> {
    const refs = requests.flatMap((r) => r.refs);
    const keys = requests.flatMap((r) => r.keys);
    const caseLocks = [...new Set(refs.map((r) => sql.caseLock(r.caseRef)))].sort();
    const subjectLocks = [...new Set(refs.flatMap((r) => sql.locksFor(r).slice(1)))].sort();
    const params = refs.map(sql.refParams);
    const values = [
      [...caseLocks, ...subjectLocks],
      keys.map((k) => k.keyId),
      params.map((p) => p[1]),
      params.map((p) => p[2]),
      params.map((p) => p[3]),
      params.map((p) => p[0]),
      keys.map((k) => k.wrapped),
      this.wrapper.keyId,
    ];
    const { rows } = await via.query<{ created: number; shredded: 'case' | 'subject' | null }>(
      sql.CREATE_KEYS,
      values,
      'privacy_create_keys',
    );
    if (rows[0].created !== refs.length) throw new AlreadyShreddedError(rows[0].shredded ?? 'case');
  }

  async keyById(keyId: string): Promise<KeyLookup> {
    // Checked here, so PostgreSQL never gets to quote a malformed id back in its error message.
    if (!UUID.test(keyId)) throw new UnknownKeyError();
    const cached = this.byId.get(keyId);
    if (cached) return cached;
    return singleFlight(this.loading, keyId, () =>
      this.remember(
        () => this.load(keyId),
        (lookup) => this.byId.set(keyId, lookup),
      ),
    );
  }

  async shredSubject(subjectKind: SubjectKind, subjectRef: string): Promise<ShredResult> {
    const kind = checkKind(subjectKind);
    const ref = opaqueId(subjectRef, 'subjectRef');
    await this.ledger?.record({ scope: 'subject', subjectKind: kind, subjectRef: ref, at: new Date().toISOString() });
    return this.shred([sql.subjectLock(kind, ref)], async (client) => {
      const { rowCount } = await client.query(sql.SHRED_SUBJECT, [kind, ref]);
      await client.query(sql.TOMBSTONE_SUBJECT, [kind, ref, randomUUID()]);
      return rowCount ?? 0;
    });
  }

  async shredCase(caseRef: string): Promise<ShredResult> {
    const { caseRef: ref } = caseKey(caseRef);
    await this.ledger?.record({ scope: 'case', caseRef: ref, at: new Date().toISOString() });
    return this.shred([sql.caseLock(ref)], async (client) => {
      const { rowCount } = await client.query(sql.SHRED_CASE, [ref]);
      await client.query(sql.TOMBSTONE_CASE, [ref, randomUUID()]);
      return rowCount ?? 0;
    });
  }

  /** Caches only what was read while no shred could have slipped past the watcher (see `ShredWatcher`). */
  private async remember<V>(load: () => Promise<V>, store: (value: V) => void): Promise<V> {
    const generation = this.watcher.generation;
    const value = await load();
    if (this.watcher.listening && this.watcher.generation === generation) store(value);
    return value;
  }

  private forget(): void {
    this.byRef.clear();
    this.byId.clear();
    // Loads in flight may have read a key before the shred: later callers must not join them.
    this.creating.clear();
    this.loading.clear();
  }

  private async load(keyId: string): Promise<KeyLookup> {
    const { rows } = await this.pool.query<sql.KeyRow>(sql.SELECT_BY_ID, [keyId]);
    const row = rows[0];
    if (!row) throw new UnknownKeyError(keyId);
    if (!row.wrapped_key) return ERASED;
    // Every live key has a case (the schema allows null only on a subject's tombstone); were one
    // without, the empty ref matches no case a caller can name, so its values read as foreign.
    return { status: 'live', key: await this.unwrap(row), caseRef: row.case_ref ?? '' };
  }

  private async loadOrCreate(ref: KeyRef): Promise<DataKey> {
    const { rows } = await this.pool.query<sql.KeyRow>(sql.SELECT_BY_REF, sql.refParams(ref));
    if (rows[0]) return this.liveKey(rows[0], ref);
    return inTransaction(this.pool, async (client) => {
      await sql.lockRefs(client, sql.locksFor(ref));
      const again = await client.query<sql.KeyRow>(sql.SELECT_BY_REF, sql.refParams(ref));
      if (again.rows[0]) return this.liveKey(again.rows[0], ref);
      await this.refuseIfShredded(client, ref);
      const keyId = randomUUID();
      const key = pooledRandomBytes(KEY_BYTES);
      const wrapped = await this.wrapper.wrap(key, sql.dataKeyContext(keyId));
      const [caseRef, scope, kind, subjectRef] = sql.refParams(ref);
      await client.query(sql.INSERT_KEY, [keyId, scope, kind, subjectRef, caseRef, wrapped, this.wrapper.keyId]);
      return { keyId, key };
    });
  }

  private async refuseIfShredded(client: PoolClient, ref: KeyRef): Promise<void> {
    const [caseRef, , kind, subjectRef] = sql.refParams(ref);
    const { rows } = await client.query<{ scope: 'case' | 'subject' }>(sql.SELECT_TOMBSTONE, [caseRef, kind, subjectRef]);
    if (rows[0]) throw new AlreadyShreddedError(rows[0].scope);
  }

  private async liveKey(row: sql.KeyRow, ref: KeyRef): Promise<DataKey> {
    if (!row.wrapped_key) throw new AlreadyShreddedError(ref.scope);
    return { keyId: row.key_id, key: await this.unwrap(row) };
  }

  private async unwrap(row: sql.KeyRow): Promise<Buffer> {
    return wrapperOf(this.wrapper, row.wrapped_by).unwrap(row.wrapped_key!, sql.dataKeyContext(row.key_id));
  }

  /** One transaction: locks, shred, NOTIFY (delivered on commit); then this process forgets at once. */
  private async shred(locks: string[], work: (client: PoolClient) => Promise<number>): Promise<ShredResult> {
    const keys = await inTransaction(this.pool, async (client) => {
      await sql.lockRefs(client, locks);
      const count = await work(client);
      await client.query(`select pg_notify('${SHRED_CHANNEL}', '')`);
      return count;
    });
    this.watcher.shredded();
    return { keys };
  }
}
