import { Inject, Injectable } from '@nestjs/common';
import { AggregateRepository, EventSerializer, type EventStore, type NewEvent } from '@vertrouwd/event-sourcing';
import { EVENT_STORE } from '@vertrouwd/runtime';
import { AgencyDisclosureRules } from '../domain/disclosure-rules/disclosure-rules.aggregate';
import type { AgencyDisclosureRulesEvent } from '../domain/disclosure-rules/disclosure-rules.events';
import type { ReportingFact } from '../domain/facts/facts';
import { OrganisationReports } from '../domain/reports/organisation-reports.aggregate';
import type { OrganisationReportsEvent } from '../domain/reports/organisation-reports.events';

/**
 * Organisations' reports in streams `reports-<organisationId>`. A publication stored before ADR 0056
 * (`ReportPublished`, every ledger entry's finest cells listed) is a `ReportPublished.v2` whose entries all list them.
 */
@Injectable()
export class ReportsRepository extends AggregateRepository<OrganisationReportsEvent, OrganisationReports> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, {
      category: 'reports',
      create: () => new OrganisationReports(),
      serializer: new EventSerializer<OrganisationReportsEvent>({
        upcasters: { ReportPublished: (data) => ({ type: 'ReportPublished.v2', data }) },
      }),
    });
  }
}

/** The organisation's facts journal, `facts-<organisationId>`: appended once per source event, read up to a version. */
@Injectable()
export class FactsJournal {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Appends a fact under the id of the event it came from: a redelivered event is appended once. */
  async record(organisationId: string, sourceEventId: string, fact: ReportingFact): Promise<void> {
    const { type, ...data } = fact;
    const event: NewEvent = { id: sourceEventId, type, data };
    await this.store.appendToStream(`facts-${organisationId}`, [event], 'any');
  }

  /** The facts up to and including `version` (all when omitted), and the version of the last one (-1: none). */
  async read(organisationId: string, version?: number): Promise<{ facts: ReportingFact[]; version: number }> {
    const recorded = await this.store.readStream(`facts-${organisationId}`, version === undefined ? {} : { maxCount: version + 1 });
    return {
      facts: recorded.map((e) => ({ ...(e.data as object), type: e.type }) as ReportingFact),
      version: recorded.length === 0 ? -1 : (recorded.at(-1)?.version ?? -1),
    };
  }
}

/** Agencies' disclosure rules in streams `disclosurerules-<agencyId>`: every change, with who made it. */
@Injectable()
export class DisclosureRulesRepository extends AggregateRepository<AgencyDisclosureRulesEvent, AgencyDisclosureRules> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, { category: 'disclosurerules', create: () => new AgencyDisclosureRules() });
  }
}
