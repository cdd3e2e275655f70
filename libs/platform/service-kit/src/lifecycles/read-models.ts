import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
  type Provider,
} from '@nestjs/common';
import { DataSource, type EntitySchema, type MigrationInterface } from 'typeorm';
import { ProjectionRunner, type Projection } from '@vertrouwd/event-sourcing';
import { PLATFORM, type Platform } from '@vertrouwd/runtime';
import { InboxTable1733400000000 } from './inbox.migration';

type Class<T = unknown> = new (...args: never[]) => T;

/** A service's read side: its tables (TypeORM entities and migrations, never `synchronize`) and the projections feeding them. */
export interface ReadModelsDefinition {
  entities: (Class | EntitySchema)[];
  /** Applied in order of their timestamps on every start, before the first request; each once (TypeORM's migrations table). */
  migrations: Class<MigrationInterface>[];
  /** Projections of the service's own events; each keeps its checkpoint with its rows. */
  projectors?: Projection[];
}

const DEFINITION = Symbol('READ_MODELS_DEFINITION');

/** How long a query or transaction waits for a connection of the service's pool before it fails. */
export const READ_MODEL_CONNECTION_TIMEOUT_MS = 10_000;

/**
 * The service's own database as TypeORM sees it: migrated before the first request (the inbox table included),
 * projections running while the service runs. Query ports in application are implemented in infrastructure with
 * `dataSource`.
 */
@Injectable()
export class ReadModels implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  readonly dataSource: DataSource;
  private readonly runners = new Map<string, ProjectionRunner>();

  constructor(
    @Inject(PLATFORM) private readonly platform: Platform,
    @Inject(DEFINITION) definition: ReadModelsDefinition,
  ) {
    this.dataSource = new DataSource({
      type: 'postgres',
      url: platform.config.DATABASE_URL,
      entities: definition.entities,
      migrations: [InboxTable1733400000000, ...definition.migrations],
      migrationsTableName: 'read_model_migrations',
      synchronize: false,
      // TypeORM's own pool on the service's database: as small as the platform's when the caller chose (npm start).
      ...(platform.poolSizes?.database ? { poolSize: platform.poolSizes.database } : {}),
      // Waiting for a connection ends: a request answers 503 (try again) and a job fails and runs again, where work
      // holding every connection while waiting for another would otherwise hang the service for good.
      extra: { connectionTimeoutMillis: READ_MODEL_CONNECTION_TIMEOUT_MS },
    });
    for (const projector of definition.projectors ?? []) {
      this.runners.set(projector.name, new ProjectionRunner(platform.store, this.dataSource, projector));
    }
  }

  async onModuleInit(): Promise<void> {
    await this.dataSource.initialize();
    await this.dataSource.runMigrations({ transaction: 'each' });
    // Ready only while a connection of this pool comes free: a pool held to the last connection answers 503 to every
    // request (after its wait), and readiness says so, so a balancer sends the requests elsewhere.
    this.platform.readinessChecks.push({ name: 'read-models', check: () => this.dataSource.query('select 1') });
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const runner of this.runners.values()) await runner.start();
  }

  /** Resolves once everything appended before the call is in every projection. */
  async caughtUp(): Promise<void> {
    for (const runner of this.runners.values()) await runner.caughtUp();
  }

  /** A projection's runner by name (to rebuild it, or read its lag). */
  projection(name: string): ProjectionRunner {
    const runner = this.runners.get(name);
    if (!runner) throw new Error(`No projection named ${name}`);
    return runner;
  }

  async onApplicationShutdown(): Promise<void> {
    for (const runner of this.runners.values()) await runner.stop();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** The providers of a service's read models: add them to its module. */
export function provideReadModels(definition: ReadModelsDefinition): Provider[] {
  return [{ provide: DEFINITION, useValue: definition }, ReadModels];
}
