// Something to be shown once, after a redirect, by whichever process of the web service the browser reaches next:
// the reporter's receipt (receipt code, passphrase, proof) between the report form and the receipt page. A row in the
// web service's own PostgreSQL, so every process and replica sees it; the row holds only the SHA-256 of a random id
// and the data sealed under a random key made for this row alone. Id and key travel together in one cookie value and
// nowhere else: neither a copy of the database nor the service's secrets can open a row, only the browser holding
// the cookie, and only once (taking it deletes it, atomically). Rows expire; expired rows are swept.
import { createHash, randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { openRow, sealRow } from './sealed-row';

export interface OneTimeStoreOptions {
  databaseUrl: string;
  /** The table, created when missing: lower-case letters, digits and underscores. */
  table: string;
  /** How long a kept value waits to be taken. */
  ttlSeconds: number;
  /** Connections in the pool; default 2. */
  poolSize?: number;
}

const TABLE = /^[a-z_][a-z0-9_]{0,62}$/;
const ID_BYTES = 32;
const KEY_BYTES = 32;
/** A token: base64url of the id's and the key's 64 bytes. */
export const ONE_TIME_TOKEN_PATTERN = /^[A-Za-z0-9_-]{86}$/;
const SWEEP_EVERY = 100;

export class OneTimeStore<T> {
  private kept = 0;
  // Plain fields, not parameter properties: Node's type stripping may run this file as it is.
  private readonly pool: Pool;
  private readonly table: string;
  private readonly ttlSeconds: number;

  private constructor(pool: Pool, table: string, ttlSeconds: number) {
    this.pool = pool;
    this.table = table;
    this.ttlSeconds = ttlSeconds;
  }

  static async open<T>(options: OneTimeStoreOptions): Promise<OneTimeStore<T>> {
    if (!TABLE.test(options.table)) throw new Error('The table name must be lower-case letters, digits and underscores');
    if (!Number.isInteger(options.ttlSeconds) || options.ttlSeconds <= 0) throw new Error('ttlSeconds must be a positive integer');
    const pool = new Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 2 });
    pool.on('error', () => undefined); // an idle connection lost (a restart, a failover): the pool replaces it
    try {
      await pool.query(
        `CREATE TABLE IF NOT EXISTS ${options.table} (
           id_hash bytea PRIMARY KEY,
           sealed bytea NOT NULL,
           expires_at timestamptz NOT NULL
         )`,
      );
      await pool.query(`CREATE INDEX IF NOT EXISTS ${options.table}_expires_at ON ${options.table} (expires_at)`);
    } catch (error) {
      await pool.end();
      throw error;
    }
    const store = new OneTimeStore<T>(pool, options.table, options.ttlSeconds);
    await store.sweep();
    return store;
  }

  /** Keeps `data` for one taking; the token is for the cookie only (never log it, never store it). */
  async keep(data: T): Promise<string> {
    const secret = randomBytes(ID_BYTES + KEY_BYTES);
    const idHash = hashOf(secret.subarray(0, ID_BYTES));
    await this.pool.query(`INSERT INTO ${this.table} (id_hash, sealed, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))`, [
      idHash,
      sealRow(secret.subarray(ID_BYTES), idHash, data),
      this.ttlSeconds,
    ]);
    if (++this.kept % SWEEP_EVERY === 0) void this.sweep().catch(() => undefined);
    return secret.toString('base64url');
  }

  /**
   * The data, once: the row is deleted as it is read, so of two requests with the same token at most one gets it.
   * Undefined for an unknown, expired, malformed or already taken token, and for one whose key does not open the row
   * (the row is deleted all the same).
   */
  async take(token: string | undefined): Promise<T | undefined> {
    if (token === undefined || !ONE_TIME_TOKEN_PATTERN.test(token)) return undefined;
    const secret = Buffer.from(token, 'base64url');
    const idHash = hashOf(secret.subarray(0, ID_BYTES));
    const { rows } = await this.pool.query<{ sealed: Buffer; live: boolean }>(
      `DELETE FROM ${this.table} WHERE id_hash = $1 RETURNING sealed, expires_at > now() AS live`,
      [idHash],
    );
    if (rows.length === 0 || !rows[0].live) return undefined;
    return openRow<T>(secret.subarray(ID_BYTES), idHash, rows[0].sealed);
  }

  /** Removes every expired row; returns how many. */
  async sweep(): Promise<number> {
    const { rowCount } = await this.pool.query(`DELETE FROM ${this.table} WHERE expires_at <= now()`);
    return rowCount ?? 0;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

function hashOf(id: Buffer): Buffer {
  return createHash('sha256').update(id).digest();
}
