import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { ReportComposer } from '../../application/ports/report-composer.port';
import type { ComposedReport, ComposeRequest } from '../../application/reports/compose-report';
import { ComposePool } from './compose-pool';

/** Reports computed on a pool of worker threads (one per core), closed with the service. */
@Injectable()
export class PooledReportComposer implements ReportComposer, OnApplicationShutdown {
  private readonly pool = new ComposePool();

  compose(request: ComposeRequest): Promise<ComposedReport> {
    return this.pool.compose(request);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }
}
