import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { AuditEndedError } from '../errors';
import type { KeyWrapper } from '../keys/key-wrapper.port';
import { wrapperOf } from '../keys/rotating-key-wrapper';
import type { ErasureLedger } from '../vault/erasure-ledger';
import { ExpiringCache } from '../vault/expiring-cache';
import { opaqueId } from '../vault/key-ref';
import { SHRED_CHANNEL, type ShredWatcher } from '../vault/shred-watcher';
import { singleFlight } from '../vault/single-flight';
import { inTransaction } from '../vault/transaction';
import { keyedPseudonym } from './pseudonym';

const SECRET_BYTES = 32;
export const secretContext = (auditId: string) => `vertrouwd/privacy/audit-secret/${auditId}`;

interface SecretRow {
  wrapped_secret: Buffer | null;
  wrapped_by: string | null;
}

/**
 * Keyed pseudonyms for audit views: each audit gets its own random secret (in PostgreSQL, wrapped by
 * the master key), so an actor's pseudonym is stable within the audit, across processes and restarts,
 * and cannot be linked to their pseudonym in another audit without both secrets.
 */
export class Pseudonymizer {
  private readonly secrets: ExpiringCache<Buffer>;
  private readonly loading = new Map<string, Promise<Buffer>>();

  constructor(
    private readonly pool: Pool,
    private readonly wrapper: KeyWrapper,
    private readonly watcher: ShredWatcher,
    cacheTtlMs = 60_000,
    private readonly ledger?: ErasureLedger,
  ) {
    this.secrets = new ExpiringCache(cacheTtlMs, 1_000);
    watcher.onShred(() => {
      this.secrets.clear();
      this.loading.clear();
    });
  }

  /**
   * The actor's pseudonym in this audit, e.g. `actor-7f3a9c2e1b04`. The audit's secret is created on
   * first use. Throws `AuditEndedError` once the audit has ended.
   */
  async pseudonym(auditId: string, actorId: string, prefix = 'actor'): Promise<string> {
    return keyedPseudonym(await this.secretFor(opaqueId(auditId, 'auditId')), actorId, prefix);
  }

  /** Shreds the audit's secret: its pseudonyms can no longer be recomputed or extended. Final. */
  async endAudit(auditId: string): Promise<void> {
    const id = opaqueId(auditId, 'auditId');
    await this.ledger?.record({ scope: 'audit', auditId: id, at: new Date().toISOString() });
    await inTransaction(this.pool, async (client) => {
      await client.query(
        `insert into privacy_audit_secrets (audit_id, ended_at) values ($1, now())
         on conflict (audit_id) do update set wrapped_secret = null, wrapped_by = null,
           ended_at = coalesce(privacy_audit_secrets.ended_at, now())`,
        [id],
      );
      await client.query(`select pg_notify('${SHRED_CHANNEL}', '')`);
    });
    this.watcher.shredded();
  }

  private async secretFor(auditId: string): Promise<Buffer> {
    return this.secrets.get(auditId) ?? singleFlight(this.loading, auditId, () => this.loadOrCreate(auditId));
  }

  private async loadOrCreate(auditId: string): Promise<Buffer> {
    const generation = this.watcher.generation;
    const row = (await this.select(auditId)) ?? (await this.create(auditId));
    const secret = await this.unwrap(row, auditId);
    if (this.watcher.listening && this.watcher.generation === generation) this.secrets.set(auditId, secret);
    return secret;
  }

  // The first writer wins; everyone, the losers included, then reads the winner's secret.
  private async create(auditId: string): Promise<SecretRow> {
    const wrapped = await this.wrapper.wrap(randomBytes(SECRET_BYTES), secretContext(auditId));
    await this.pool.query(
      'insert into privacy_audit_secrets (audit_id, wrapped_secret, wrapped_by) values ($1, $2, $3) on conflict do nothing',
      [auditId, wrapped, this.wrapper.keyId],
    );
    return (await this.select(auditId))!;
  }

  private async select(auditId: string): Promise<SecretRow | undefined> {
    const { rows } = await this.pool.query<SecretRow>('select wrapped_secret, wrapped_by from privacy_audit_secrets where audit_id = $1', [
      auditId,
    ]);
    return rows[0];
  }

  private async unwrap(row: SecretRow, auditId: string): Promise<Buffer> {
    if (!row.wrapped_secret) throw new AuditEndedError();
    return wrapperOf(this.wrapper, row.wrapped_by).unwrap(row.wrapped_secret, secretContext(auditId));
  }
}
