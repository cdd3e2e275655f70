import { Client, Pool } from 'pg';
import { applyMigrations, type Migration } from '@vertrouwd/event-sourcing';
import { checkErasure, type Erasure, type ErasureLedger } from './erasure-ledger';

/** Advisory lock of the ledger's migrations (LOCK_NAMESPACE, 5): the ledger has a database of its own. */
export const ERASURE_LEDGER_MIGRATION_LOCK = 5;

export const erasureLedgerMigrations: Migration[] = [
  {
    version: 1,
    name: 'erasure ledger, append-only',
    sql: `
-- One row per erasure, written before its shred: opaque refs and a time, never content. Kept on a server that
-- the database backups do not include, so a restored backup can be shredded again (docs/operations/backup-restore.md).
create table erasure_ledger (
  position    bigint generated always as identity primary key,
  scope       text not null check (scope in ('case', 'subject', 'audit')),
  ref         text not null,
  kind        text,
  erased_at   timestamptz not null,
  recorded_at timestamptz not null default now(),
  check ((scope = 'subject') = (kind is not null))
);

-- Append-only: a ledger that could be edited could be made to forget an erasure.
create function erasure_ledger_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'the erasure ledger is append-only' using errcode = 'insufficient_privilege';
end $$;
create trigger erasure_ledger_no_update before update or delete on erasure_ledger
  for each row execute function erasure_ledger_append_only();
create trigger erasure_ledger_no_truncate before truncate on erasure_ledger
  for each statement execute function erasure_ledger_append_only();
`,
  },
];

/**
 * The erasure ledger in a PostgreSQL database of its own (`PRIVACY_ERASURE_LEDGER_URL`), for production, where
 * replicas share no disk: every replica of every shredding service appends to it, a row committed (synchronous
 * commit) before the shred. The server must not be one the database backups copy; a restore reads it with
 * `PostgresErasureLedger.read` and shreds again (ADR 0055). Rows cannot be changed or deleted.
 */
export class PostgresErasureLedger implements ErasureLedger {
  private readonly pool: Pool;
  private ready: Promise<void> | undefined;

  constructor(
    readonly url: string,
    options: { poolSize?: number } = {},
  ) {
    this.pool = new Pool({ connectionString: url, max: options.poolSize ?? 2, connectionTimeoutMillis: 10_000 });
    this.pool.on('error', () => undefined); // a lost idle connection: the pool replaces it
  }

  /** Creates the table once (under an advisory lock, so replicas may start together). `record` calls it too. */
  migrate(): Promise<void> {
    this.ready ??= applyMigrations(this.pool, {
      historyTable: 'erasure_ledger_schema_migrations',
      lockId: ERASURE_LEDGER_MIGRATION_LOCK,
      migrations: erasureLedgerMigrations,
    }).then(
      () => undefined,
      (error: unknown) => {
        this.ready = undefined; // tried again at the next erasure
        throw error;
      },
    );
    return this.ready;
  }

  async record(erasure: Erasure): Promise<void> {
    const checked = checkErasure(erasure);
    await this.migrate();
    const [ref, kind] =
      checked.scope === 'case'
        ? [checked.caseRef, null]
        : checked.scope === 'subject'
          ? [checked.subjectRef, checked.subjectKind]
          : [checked.auditId, null];
    await this.pool.query('insert into erasure_ledger (scope, ref, kind, erased_at) values ($1, $2, $3, $4)', [
      checked.scope,
      ref,
      kind,
      checked.at,
    ]);
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  /** Every erasure in the ledger at `url`, in the order written (none if the table does not exist yet). */
  static async read(url: string): Promise<Erasure[]> {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    await client.connect();
    try {
      const { rows: exists } = await client.query<{ present: boolean }>("select to_regclass('erasure_ledger') is not null as present");
      if (!exists[0].present) return [];
      const { rows } = await client.query<{ scope: Erasure['scope']; ref: string; kind: string | null; erased_at: Date }>(
        'select scope, ref, kind, erased_at from erasure_ledger order by position',
      );
      return rows.map((row) => {
        const at = row.erased_at.toISOString();
        if (row.scope === 'case') return checkErasure({ scope: 'case', caseRef: row.ref, at });
        if (row.scope === 'audit') return checkErasure({ scope: 'audit', auditId: row.ref, at });
        return checkErasure({ scope: 'subject', subjectKind: row.kind as never, subjectRef: row.ref, at });
      });
    } finally {
      await client.end();
    }
  }
}

/** Writes each erasure to every ledger (a file and a database, while moving from one to the other); all or it fails. */
export class ErasureLedgers implements ErasureLedger {
  constructor(readonly ledgers: readonly ErasureLedger[]) {}

  async record(erasure: Erasure): Promise<void> {
    for (const ledger of this.ledgers) await ledger.record(erasure);
  }
}
