// Server-side sessions for the web services (the reporter's follow-up, the staff portal's tokens): a row per
// session in the web service's own PostgreSQL database, so every replica sees every session and a restart keeps
// them. The browser holds only a random id; the table holds only that id's SHA-256 (a copy of the table cannot be
// replayed as cookies) and the data sealed with AES-256-GCM under a key derived from the service's secret, bound to
// the row's id (a sealed value moved to another row does not open). A session ends at its absolute expiry, after
// its idle time, or when destroyed; expired rows are swept.
import { createHash, createSecretKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { Pool } from 'pg';
import { openRow, sealRow } from './sealed-row';
import { deepFreeze, SESSION_CHANGES, SessionCache } from './session-cache';

export interface SessionStoreOptions {
  databaseUrl: string;
  /** The table, created when missing: lower-case letters, digits and underscores. */
  table: string;
  /** At least 32 characters; the sealing key is derived from it (HKDF-SHA-256, bound to the table's name). */
  secret: string;
  /** Absolute lifetime of a session from its creation (or its last rotation). */
  ttlSeconds: number;
  /** A session unused this long ends earlier; default: the whole lifetime. */
  idleSeconds?: number;
  /** Connections in the pool; default 4. */
  poolSize?: number;
  /**
   * How long a session read stays in this process's memory (frozen: callers share it and cannot change it), to answer
   * the next reads without the database (default 0: every read asks it). Served only while the store hears every change
   * of the table (see `SessionCache`): a session changed or ended by any process is dropped from every process's memory
   * when that change commits.
   */
  cacheSeconds?: number;
  /** At most this many sessions in memory (default 10 000). */
  maxCachedSessions?: number;
}

export interface CreatedSession {
  /** For the cookie only: never log it, never store it. */
  id: string;
  expiresAt: Date;
}

const TABLE = /^[a-z_][a-z0-9_]{0,62}$/;
const SWEEP_EVERY = 100;

export class SessionStore<T> {
  private creates = 0;
  // Plain fields, not parameter properties: Node's type stripping runs this file as it is.
  private readonly pool: Pool;
  private readonly table: string;
  /** A key object made once: a cipher made from a key object skips importing the key bytes again on every seal. */
  private readonly key: KeyObject;
  private readonly ttlSeconds: number;
  private readonly idleSeconds: number;
  private readonly cache: SessionCache | undefined;

  private constructor(pool: Pool, table: string, key: KeyObject, ttlSeconds: number, idleSeconds: number, cache: SessionCache | undefined) {
    this.pool = pool;
    this.table = table;
    this.key = key;
    this.ttlSeconds = ttlSeconds;
    this.idleSeconds = idleSeconds;
    this.cache = cache;
  }

  static async open<T>(options: SessionStoreOptions): Promise<SessionStore<T>> {
    if (!TABLE.test(options.table)) throw new Error('The session table name must be lower-case letters, digits and underscores');
    if (options.secret.length < 32) throw new Error('The session secret must be at least 32 characters');
    const ttl = options.ttlSeconds;
    const idle = options.idleSeconds ?? ttl;
    if (!Number.isInteger(ttl) || ttl <= 0) throw new Error('ttlSeconds must be a positive integer');
    if (!Number.isInteger(idle) || idle <= 0 || idle > ttl)
      throw new Error('idleSeconds must be a positive integer no larger than ttlSeconds');
    const cacheSeconds = options.cacheSeconds ?? 0;
    if (!(cacheSeconds >= 0 && cacheSeconds <= 60)) throw new Error('cacheSeconds must be between 0 and 60');
    const key = createSecretKey(Buffer.from(hkdfSync('sha256', options.secret, 'vertrouwd-web-session', options.table, 32)));
    const pool = new Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 4 });
    pool.on('error', () => undefined); // an idle connection lost (a restart, a failover): the pool replaces it
    try {
      await pool.query(
        `CREATE TABLE IF NOT EXISTS ${options.table} (
           id_hash bytea PRIMARY KEY,
           sealed bytea NOT NULL,
           expires_at timestamptz NOT NULL,
           idle_until timestamptz NOT NULL
         )`,
      );
      await pool.query(`CREATE INDEX IF NOT EXISTS ${options.table}_expires_at ON ${options.table} (expires_at)`);
    } catch (error) {
      await pool.end();
      throw error;
    }
    const cache =
      cacheSeconds > 0
        ? new SessionCache(options.databaseUrl, options.table, cacheSeconds * 1000, options.maxCachedSessions ?? 10_000)
        : undefined;
    await cache?.start();
    const store = new SessionStore<T>(pool, options.table, key, ttl, idle, cache);
    await store.sweep();
    return store;
  }

  /** A new session holding `data`; the id is 256 random bits. */
  async create(data: T): Promise<CreatedSession> {
    const id = randomBytes(32).toString('base64url');
    const hash = hashOf(id);
    const { rows } = await this.pool.query<{ expires_at: Date }>(
      `INSERT INTO ${this.table} (id_hash, sealed, expires_at, idle_until)
       VALUES ($1, $2, now() + make_interval(secs => $3), now() + make_interval(secs => $4))
       RETURNING expires_at`,
      [hash, this.seal(hash, data), this.ttlSeconds, this.idleSeconds],
    );
    if (++this.creates % SWEEP_EVERY === 0) void this.sweep().catch(() => undefined);
    return { id, expiresAt: rows[0].expires_at };
  }

  /**
   * The session's data, or undefined when the id is unknown, expired or idle too long. Reading counts as use: the idle
   * end moves to `idleSeconds` from now, written only when that moves it by more than a tenth of the idle time (at
   * most a minute), so a page that reads the session again soon after is a read, not a write. A session therefore
   * idles out between `idleSeconds` less that step and `idleSeconds` after its last use: never later. With a cache,
   * a read it answers is not written either, so the earliest end moves back by `cacheSeconds` more.
   */
  async read(id: string): Promise<T | undefined> {
    const hash = hashOf(id);
    const cached = this.cache?.get(hash);
    if (cached !== undefined) return cached as T;
    const since = this.cache?.generation ?? 0;
    const { rows } = await this.pool.query<{ sealed: Buffer; expires_at: Date; idle_until: Date; database_now: Date }>(
      `WITH live AS (
         SELECT sealed, expires_at, least(expires_at, now() + make_interval(secs => $2)) AS next_idle, idle_until
         FROM ${this.table} WHERE id_hash = $1 AND expires_at > now() AND idle_until > now()
       ), touched AS (
         UPDATE ${this.table} SET idle_until = live.next_idle FROM live
         WHERE id_hash = $1 AND live.next_idle - live.idle_until > make_interval(secs => $3)
       )
       SELECT sealed, expires_at, idle_until, now() AS database_now FROM live`,
      [hash, this.idleSeconds, this.touchStepSeconds],
    );
    if (rows.length === 0) return undefined;
    const row = rows[0];
    const data = this.open(hash, row.sealed);
    if (data === undefined || !this.cache) return data;
    // Frozen whether kept or not, so a caller that changes a session fails the same way with or without the cache.
    const ends = { expiresAt: row.expires_at, idleUntil: row.idle_until, databaseNow: row.database_now };
    this.cache.remember(hash, deepFreeze(data), ends, since);
    return data;
  }

  /** How far a read must move the idle end before it is written: a tenth of the idle time, at most a minute. */
  private get touchStepSeconds(): number {
    return Math.min(60, this.idleSeconds / 10);
  }

  /** Replaces the session's data; false when the session has ended. */
  async update(id: string, data: T): Promise<boolean> {
    const hash = hashOf(id);
    const { rowCount } = await this.pool.query(
      `WITH changed AS (
         UPDATE ${this.table} SET sealed = $2, idle_until = least(expires_at, now() + make_interval(secs => $3))
         WHERE id_hash = $1 AND expires_at > now() AND idle_until > now() RETURNING id_hash
       )
       SELECT ${this.notified('changed')} FROM changed`,
      [hash, this.seal(hash, data), this.idleSeconds],
    );
    this.cache?.forget(hash);
    return rowCount === 1;
  }

  /**
   * The same data under a new id, with a new lifetime; the old id stops working at once. For sign-in and any change
   * of privilege, so an id planted before sign-in is worth nothing after it. Undefined when the session has ended.
   */
  async rotate(id: string): Promise<CreatedSession | undefined> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const oldHash = hashOf(id);
      const { rows } = await client.query<{ sealed: Buffer }>(
        `WITH ended AS (
           DELETE FROM ${this.table} WHERE id_hash = $1 AND expires_at > now() AND idle_until > now() RETURNING id_hash, sealed
         )
         SELECT sealed, ${this.notified('ended')} FROM ended`,
        [oldHash],
      );
      if (rows.length === 0) {
        await client.query('ROLLBACK');
        return undefined;
      }
      const data = this.open(oldHash, rows[0].sealed);
      if (data === undefined) {
        await client.query('COMMIT'); // a row that does not open is worth nothing: it stays deleted
        this.cache?.forget(oldHash);
        return undefined;
      }
      const newId = randomBytes(32).toString('base64url');
      const newHash = hashOf(newId);
      const inserted = await client.query<{ expires_at: Date }>(
        `INSERT INTO ${this.table} (id_hash, sealed, expires_at, idle_until)
         VALUES ($1, $2, now() + make_interval(secs => $3), now() + make_interval(secs => $4))
         RETURNING expires_at`,
        [newHash, this.seal(newHash, data), this.ttlSeconds, this.idleSeconds],
      );
      await client.query('COMMIT');
      this.cache?.forget(oldHash);
      return { id: newId, expiresAt: inserted.rows[0].expires_at };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Changes the session's data under the row's lock, so processes and replicas change one session one at a time: a
   * second caller waits, then sees the first one's data. `change` gets the live data and answers the new data, the
   * same object to leave it as it is, or undefined to end the session. Undefined when the session has ended. For what
   * must happen once per session across processes, e.g. redeeming a refresh token the issuer rotates.
   */
  async modify(id: string, change: (data: T) => Promise<T | undefined>): Promise<T | undefined> {
    const hash = hashOf(id);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ sealed: Buffer }>(
        `SELECT sealed FROM ${this.table} WHERE id_hash = $1 AND expires_at > now() AND idle_until > now() FOR UPDATE`,
        [hash],
      );
      const data = rows.length === 0 ? undefined : this.open(hash, rows[0].sealed);
      if (data === undefined) {
        await client.query('ROLLBACK');
        return undefined;
      }
      const next = await change(data);
      if (next === undefined)
        await client.query(
          `WITH ended AS (DELETE FROM ${this.table} WHERE id_hash = $1 RETURNING id_hash) SELECT ${this.notified('ended')} FROM ended`,
          [hash],
        );
      else if (next !== data)
        await client.query(
          `WITH changed AS (
             UPDATE ${this.table} SET sealed = $2, idle_until = least(expires_at, now() + make_interval(secs => $3))
             WHERE id_hash = $1 RETURNING id_hash
           )
           SELECT ${this.notified('changed')} FROM changed`,
          [hash, this.seal(hash, next), this.idleSeconds],
        );
      await client.query('COMMIT');
      if (next !== data) this.cache?.forget(hash);
      return this.cache ? deepFreeze(next) : next;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async destroy(id: string): Promise<void> {
    const hash = hashOf(id);
    await this.pool.query(
      `WITH ended AS (DELETE FROM ${this.table} WHERE id_hash = $1 RETURNING id_hash) SELECT ${this.notified('ended')} FROM ended`,
      [hash],
    );
    this.cache?.forget(hash);
  }

  /** Removes every ended session; returns how many. */
  async sweep(): Promise<number> {
    const { rowCount } = await this.pool.query(`DELETE FROM ${this.table} WHERE expires_at <= now() OR idle_until <= now()`);
    return rowCount ?? 0;
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.end(), this.cache?.close()]);
  }

  /**
   * Tells every process's cache, when the transaction commits, that the rows `from` returns changed or ended (sent
   * whether or not a cache listens: another process's may). The table's name is checked when the store opens.
   */
  private notified(from: string): string {
    return `pg_notify('${SESSION_CHANGES}', '${this.table}:' || encode(${from}.id_hash, 'hex'))`;
  }

  private seal(hash: Buffer, data: T): Buffer {
    return sealRow(this.key, hash, data);
  }

  /** Undefined when the seal does not open (another secret, a row tampered with or moved). */
  private open(hash: Buffer, sealed: Buffer): T | undefined {
    return openRow<T>(this.key, hash, sealed);
  }
}

function hashOf(id: string): Buffer {
  return createHash('sha256').update(id, 'utf8').digest();
}
