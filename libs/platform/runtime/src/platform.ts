import { join } from 'node:path';
import { Pool } from 'pg';
import { ALL_CONTRACTS, ContractRegistry } from '@vertrouwd/contracts';
import { loadServiceConfig, type ServiceConfig } from '@vertrouwd/config';
import { createEventStore, type EventStore } from '@vertrouwd/event-sourcing';
import type { HealthCheck } from '@vertrouwd/http';
import { createMessageBus, type MessageBus } from '@vertrouwd/messaging';
import { createPrivacy, ErasureLedgers, FileErasureLedger, loadMasterKey, PostgresErasureLedger, type Privacy } from '@vertrouwd/privacy';

/** Everything a service stands on, created from the environment before Nest starts. */
export interface Platform {
  serviceName: string;
  config: ServiceConfig;
  /** The service's own database: read models, inbox, idempotency keys, key vault. */
  pool: Pool;
  store: EventStore;
  bus: MessageBus;
  privacy: Privacy;
  /**
   * The key vault is in the service's own database (no PRIVACY_DATABASE_URL), the event store's with EVENT_STORE=
   * postgres: new keys can then be written in a transaction of the store (`EventStore.transaction`).
   */
  vaultInServiceDatabase: boolean;
  contracts: ContractRegistry;
  /** The pool sizes the caller chose (PlatformOptions); what else opens a pool on the service's database follows them. */
  poolSizes?: PoolSizes;
  /**
   * What `/health/ready` checks besides the service's database and the bus: parts started inside the application add
   * theirs (the read models' own pool), and the readiness answer sees them from then on.
   */
  readinessChecks: HealthCheck[];
  close(): Promise<void>;
}

/** Connections of a service's pools, when the environment's defaults do not fit how it runs. */
export interface PoolSizes {
  /** The service's own database: read models, inbox, idempotency keys (default 10). */
  database?: number;
  /** The PostgreSQL event store's appends and reads (default 10). */
  eventStore?: number;
  /** The Postgres bus (default 10). */
  bus?: number;
  /** The shared key vault (default 5). */
  keyVault?: number;
}

let warnedNoLedger = false;

/** What the caller (not the environment) decides about a platform: `npm start` gives small pools (ADR 0039). */
export interface PlatformOptions {
  poolSizes?: PoolSizes;
}

/**
 * Connects a service to its database, event store, bus and key vault, as the environment says
 * (`libs/platform/config`). The master key comes from PRIVACY_MASTER_KEY or a file under
 * VERTROUWD_DATA_DIR (the embedded default). Every erasure is first written down in the erasure ledger, which a
 * restore re-applies: PRIVACY_ERASURE_LEDGER_URL (a PostgreSQL server of its own, production), PRIVACY_ERASURE_LEDGER
 * (a file), or beside the master key file (`<data dir>/privacy/erasures.log`).
 */
export async function createPlatform(
  serviceName: string,
  env: NodeJS.ProcessEnv = process.env,
  options: PlatformOptions = {},
): Promise<Platform> {
  const sizes = options.poolSizes ?? {};
  const config = loadServiceConfig(env);
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL is required');
  const pool = new Pool({ connectionString: config.DATABASE_URL, max: sizes.database ?? 10 });
  pool.on('error', () => undefined); // a lost idle connection: the pool replaces it
  const store = await createEventStore({ ...config, DATABASE_URL: config.DATABASE_URL }, { poolSize: sizes.eventStore });
  const bus = await createMessageBus(
    { ...config, BUS_DATABASE_URL: config.BUS_DATABASE_URL ?? config.DATABASE_URL },
    { poolSize: sizes.bus },
  );
  const dataDir = env.VERTROUWD_DATA_DIR ?? join(process.cwd(), '.data');
  const { wrapper, source } = loadMasterKey({ env, file: join(dataDir, 'privacy', 'master.key') });
  // One key vault for the platform (ADR 0013): a service alone may keep it in its own database.
  const vaultPool = config.PRIVACY_DATABASE_URL
    ? new Pool({ connectionString: config.PRIVACY_DATABASE_URL, max: sizes.keyVault ?? 5 })
    : pool;
  vaultPool.on('error', () => undefined);
  // Beside the master key: its file in the embedded default; with the key from a secret store, where the variable says.
  // Production: PRIVACY_ERASURE_LEDGER_URL, a PostgreSQL server of its own that every replica shares (ADR 0055).
  const ledgerFile = config.PRIVACY_ERASURE_LEDGER ?? (source === 'file' ? join(dataDir, 'privacy', 'erasures.log') : undefined);
  const ledgerServer = config.PRIVACY_ERASURE_LEDGER_URL ? new PostgresErasureLedger(config.PRIVACY_ERASURE_LEDGER_URL) : undefined;
  const ledgers = [...(ledgerFile ? [new FileErasureLedger(ledgerFile)] : []), ...(ledgerServer ? [ledgerServer] : [])];
  const erasureLedger = ledgers.length > 1 ? new ErasureLedgers(ledgers) : ledgers[0];
  if (!erasureLedger && !warnedNoLedger) {
    warnedNoLedger = true;
    process.emitWarning(
      'No erasure ledger (PRIVACY_ERASURE_LEDGER_URL or PRIVACY_ERASURE_LEDGER): a restored backup would bring shredded keys back',
      { code: 'VERTROUWD_NO_ERASURE_LEDGER' },
    );
  }
  await ledgerServer?.migrate();
  const privacy = await createPrivacy({ pool: vaultPool, wrapper, erasureLedger });
  const contracts = new ContractRegistry(ALL_CONTRACTS);
  return {
    serviceName,
    config,
    pool,
    store,
    bus,
    privacy,
    vaultInServiceDatabase: vaultPool === pool,
    contracts,
    poolSizes: options.poolSizes,
    readinessChecks: [],
    close: async () => {
      await bus.close();
      await store.close();
      await privacy.close();
      await ledgerServer?.close();
      if (vaultPool !== pool) await vaultPool.end();
      await pool.end();
    },
  };
}
