import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  EngagementRecordedV1,
  HoursLoggedV1,
  isEvent,
  OrganisationPublishedV1,
  topicOf,
  type IntegrationEvent,
} from '@vertrouwd/contracts';
import { ReadModelListener } from '@vertrouwd/service-kit';

/**
 * A pseudonym of a case for billing: enough to count distinct cases in a period, nothing to find the case by in
 * billing's own data. Billing never stores or prints a case id (ADR 0031).
 */
export function caseRef(caseId: string): string {
  return createHash('sha256').update(`vertrouwd-billing-case:${caseId}`).digest('hex').slice(0, 32);
}

/** The directory as billing needs it: which organisation belongs to which agency, its KvK, VAT id and headcount history. */
@Injectable()
export class OrganisationDirectoryListener extends ReadModelListener {
  readonly topics = [topicOf(OrganisationPublishedV1)];
  override readonly group = 'billing-directory';

  async apply(event: IntegrationEvent, m: EntityManager): Promise<void> {
    if (!isEvent(event, OrganisationPublishedV1)) return;
    const { organisationId, agencyId, version, status, kvkNumber, vatId, headcount, headcountFrom } = event.payload;
    await m.query(
      `insert into billing_organisations (organisation_id, agency_id, version, active, kvk, vat_id) values ($1, $2, $3, $4, $5, $6)
       on conflict (organisation_id) do update set agency_id = excluded.agency_id, version = excluded.version,
         active = excluded.active, kvk = excluded.kvk, vat_id = excluded.vat_id
       where billing_organisations.version < excluded.version`,
      [organisationId, agencyId, version, status === 'active', kvkNumber, vatId ?? null],
    );
    await m.query(
      `insert into billing_headcounts (organisation_id, from_day, headcount, version) values ($1, $2, $3, $4)
       on conflict (organisation_id, from_day) do update set headcount = excluded.headcount, version = excluded.version
       where billing_headcounts.version < excluded.version`,
      [organisationId, headcountFrom, headcount, version],
    );
  }
}

/** Minutes of counsellor work as content-free facts: case work (pseudonymous) and activities. */
@Injectable()
export class UsageListener extends ReadModelListener {
  readonly topics = [HoursLoggedV1, EngagementRecordedV1].map(topicOf);
  override readonly group = 'billing-usage';

  async apply(event: IntegrationEvent, m: EntityManager): Promise<void> {
    const insert = `insert into billing_usage (fact_id, organisation_id, source, case_ref, on_day, minutes) values ($1, $2, $3, $4, $5, $6)
       on conflict (fact_id) do nothing`;
    if (isEvent(event, HoursLoggedV1)) {
      const { caseId, organisationId, workedOn, minutes } = event.payload;
      await m.query(insert, [event.eventId, organisationId, 'case', caseRef(caseId), workedOn, minutes]);
    } else if (isEvent(event, EngagementRecordedV1)) {
      const { activityId, organisationId, on, minutes } = event.payload;
      await m.query(insert, [activityId, organisationId, 'activity', null, on, minutes]);
    }
  }
}
