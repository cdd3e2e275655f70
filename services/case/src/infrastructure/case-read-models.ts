import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProjectionRunner } from '@vertrouwd/event-sourcing';
import { PLATFORM, type Platform } from '@vertrouwd/runtime';
import { CaseOverviewProjector } from '../application/projections/case-overview/case-overview.projector';
import { CaseOverview } from '../application/projections/case-overview/case-overview.read-model';
import { LegalClocksProjector } from '../application/projections/legal-clocks/legal-clocks.projector';
import { LegalClock } from '../application/projections/legal-clocks/legal-clocks.read-model';
import { AgencyRetention } from '../application/retention/agency-retention.read-model';

/** The service's read models (TypeORM, its own database) and the projections that feed them while it runs. */
@Injectable()
export class CaseReadModels implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly dataSource: DataSource;
  readonly overview: ProjectionRunner;
  readonly clocks: ProjectionRunner;

  constructor(@Inject(PLATFORM) platform: Platform) {
    this.dataSource = new DataSource({
      type: 'postgres',
      url: platform.config.DATABASE_URL,
      entities: [CaseOverview, LegalClock, AgencyRetention],
      synchronize: true,
    });
    this.overview = new ProjectionRunner(platform.store, this.dataSource, new CaseOverviewProjector());
    this.clocks = new ProjectionRunner(platform.store, this.dataSource, new LegalClocksProjector());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.initialize();
    await this.overview.start();
    await this.clocks.start();
  }

  /** Resolves once everything appended before the call is in the read models. */
  async caughtUp(): Promise<void> {
    await this.overview.caughtUp();
    await this.clocks.caughtUp();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.overview.stop();
    await this.clocks.stop();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
