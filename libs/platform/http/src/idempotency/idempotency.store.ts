import type { OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';

/** The answer kept for a key and replayed to every repeat of its request. */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  /** What the handler returned (or the problem), as JSON; `undefined` for an empty body. */
  body: unknown;
}

/** What claiming a key found: it is now ours, or it was answered, is being answered, or belongs to another body. */
export type Claim =
  | { outcome: 'claimed'; claimId: string }
  | { outcome: 'completed'; response: StoredResponse }
  | { outcome: 'in-flight' }
  | { outcome: 'mismatch' };

interface Row {
  request_hash: string;
  status: number | null;
  response_headers: Record<string, string> | null;
  response_body: unknown;
  completed: boolean;
  stale: boolean;
}

/**
 * Idempotency keys in PostgreSQL (`http_idempotency`). A claim is a row without a response; its `claim_id`
 * guards completion and release, so a claim taken over after `staleAfterMs` (its process died mid-request)
 * cannot be overwritten by a late original.
 */
export class IdempotencyStore implements OnModuleDestroy {
  constructor(
    private readonly pool: Pool,
    private readonly staleAfterMs: number,
    private readonly ownsPool = false,
  ) {}

  async claim(key: string, scope: string, hash: string): Promise<Claim> {
    // A row released between our insert and our read is gone: claim again (bounded; then report it in flight).
    for (let attempt = 0; attempt < 3; attempt++) {
      const claimId = randomUUID();
      const inserted = await this.pool.query(
        `INSERT INTO http_idempotency (key, scope, request_hash, claim_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (scope, key) DO NOTHING`,
        [key, scope, hash, claimId],
      );
      if (inserted.rowCount === 1) return { outcome: 'claimed', claimId };
      const row = await this.read(key, scope);
      if (row === undefined) continue;
      if (row.request_hash !== hash) return { outcome: 'mismatch' };
      if (row.completed) return { outcome: 'completed', response: toResponse(row) };
      if (row.stale && (await this.takeOver(key, scope, claimId))) return { outcome: 'claimed', claimId };
      return { outcome: 'in-flight' };
    }
    return { outcome: 'in-flight' };
  }

  async complete(key: string, scope: string, claimId: string, response: StoredResponse): Promise<void> {
    await this.pool.query(
      `UPDATE http_idempotency SET status = $4, response_headers = $5, response_body = $6::json, completed_at = now()
       WHERE scope = $2 AND key = $1 AND claim_id = $3 AND completed_at IS NULL`,
      [key, scope, claimId, response.status, response.headers, response.body === undefined ? null : JSON.stringify(response.body)],
    );
  }

  /** Frees the key so a retry runs the request again (after a 5xx, a 429 or invalid input). */
  async release(key: string, scope: string, claimId: string): Promise<void> {
    await this.pool.query('DELETE FROM http_idempotency WHERE scope = $2 AND key = $1 AND claim_id = $3 AND completed_at IS NULL', [
      key,
      scope,
      claimId,
    ]);
  }

  async onModuleDestroy(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }

  private async read(key: string, scope: string): Promise<Row | undefined> {
    const { rows } = await this.pool.query<Row>(
      `SELECT request_hash, status, response_headers, response_body, completed_at IS NOT NULL AS completed,
              created_at < now() - make_interval(secs => $3::double precision / 1000) AS stale
       FROM http_idempotency WHERE scope = $2 AND key = $1`,
      [key, scope, this.staleAfterMs],
    );
    return rows[0];
  }

  private async takeOver(key: string, scope: string, claimId: string): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE http_idempotency SET claim_id = $3, created_at = now()
       WHERE scope = $2 AND key = $1 AND completed_at IS NULL
         AND created_at < now() - make_interval(secs => $4::double precision / 1000)`,
      [key, scope, claimId, this.staleAfterMs],
    );
    return result.rowCount === 1;
  }
}

function toResponse(row: Row): StoredResponse {
  return { status: row.status ?? 200, headers: row.response_headers ?? {}, body: row.response_body ?? undefined };
}
