import { amsterdamDay } from '@vertrouwd/domain';
import { Inject, Injectable } from '@nestjs/common';
import type { ContractRegistry } from '@vertrouwd/contracts';
import { AggregateRepository, type EventStore } from '@vertrouwd/event-sourcing';
import { CONTRACTS, EVENT_STORE } from '@vertrouwd/runtime';
import { CLOCK, CommandRunner, IntervalJob, systemContext, type Clock } from '@vertrouwd/service-kit';
import { randomUUID } from 'node:crypto';
import { PageVisits, type PageVisitsEvent } from '../../domain/page-visits/page-visits';
import { translatePageVisitsEvent } from '../integration/intake-events.translator';
import { IntakeCodeNotFoundError } from '../intake.errors';
import { PAGE_VISIT_TALLIES, type PageVisitTallies } from '../ports/page-visits.port';

@Injectable()
export class PageVisitsWork extends CommandRunner<PageVisits, PageVisitsEvent> {
  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(CONTRACTS) contracts: ContractRegistry) {
    super({
      aggregates: new AggregateRepository<PageVisitsEvent, PageVisits>(store, { category: 'pagevisits', create: () => new PageVisits() }),
      translate: translatePageVisitsEvent,
      contracts,
      tenantOf: () => undefined,
      notFound: () => new IntakeCodeNotFoundError(),
    });
  }
}

/**
 * Once a day is over in the Netherlands, records each organisation's page visits of that day as one event
 * (`intake.page-visits-counted.v1` through the outbox). Creating the day's stream is idempotent, so a crash between
 * recording and marking records nothing twice.
 */
@Injectable()
export class PageVisitsJob extends IntervalJob {
  constructor(
    @Inject(PAGE_VISIT_TALLIES) private readonly tallies: PageVisitTallies,
    private readonly work: PageVisitsWork,
    @Inject(CLOCK) clock: Clock,
  ) {
    super(clock);
  }

  async runOnce(now = this.clock()): Promise<number> {
    const done = await this.tallies.unrecorded(amsterdamDay(now), 500);
    for (const { organisationId, agencyId, day, visits } of done) {
      const tally = new PageVisits();
      tally.count(organisationId, agencyId, day, visits, now);
      await this.work.create(tally, systemContext('system:page-visits', randomUUID()));
      await this.tallies.markRecorded(organisationId, day);
    }
    return done.length;
  }
}
