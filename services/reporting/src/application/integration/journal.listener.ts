import { amsterdamDay } from '@vertrouwd/domain';
import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  CaseAcknowledgedV1,
  CaseClosedV1,
  CaseOpenedV1,
  CaseReopenedV1,
  DeadlineMissedV1,
  EngagementRecordedV1,
  FeedbackGivenV1,
  HoursLoggedV1,
  isEvent,
  OrganisationPublishedV1,
  ReferralMadeV1,
  SubscriptionPublishedV1,
  topicOf,
  type IntegrationEvent,
} from '@vertrouwd/contracts';
import { ReadModelListener } from '@vertrouwd/service-kit';
import type { ReportingFact } from '../../domain/facts/facts';
import { FactsJournal } from '../reporting.repositories';

/** A case as reporting knows it: a pseudonym (never the case id), enough to tie a case's facts together. */
export function caseRef(caseId: string): string {
  return createHash('sha256').update(`vertrouwd-reporting-case:${caseId}`).digest('hex').slice(0, 32);
}

/**
 * Other services' integration events → the organisation's facts journal, content-free. A case's later events carry
 * only its id: its organisation is looked up by pseudonym in `reporting_cases` (written when the case opened).
 */
@Injectable()
export class JournalListener extends ReadModelListener {
  readonly topics = [
    CaseOpenedV1,
    CaseAcknowledgedV1,
    FeedbackGivenV1,
    DeadlineMissedV1,
    ReferralMadeV1,
    CaseClosedV1,
    CaseReopenedV1,
    HoursLoggedV1,
    OrganisationPublishedV1,
    EngagementRecordedV1,
    SubscriptionPublishedV1,
  ].map(topicOf);
  override readonly group = 'reporting-journal';

  @Inject(FactsJournal) private readonly journal!: FactsJournal;

  async apply(event: IntegrationEvent, m: EntityManager): Promise<void> {
    const recorded = await this.factOf(event, m);
    if (recorded) await this.journal.record(recorded.organisationId, event.eventId, recorded.fact);
  }

  private async organisationOf(caseId: string, m: EntityManager): Promise<string> {
    const rows: { organisation_id: string }[] = await m.query('select organisation_id from reporting_cases where case_ref = $1', [
      caseRef(caseId),
    ]);
    // A case event before the case opened here: retried by the bus until the opening has been journaled.
    if (!rows[0]) throw new Error('a case event arrived before its case: retried');
    return rows[0].organisation_id;
  }

  private async factOf(event: IntegrationEvent, m: EntityManager): Promise<{ organisationId: string; fact: ReportingFact } | undefined> {
    if (isEvent(event, OrganisationPublishedV1)) {
      const p = event.payload;
      await m.query(
        `insert into reporting_organisations (organisation_id, agency_id, version, headcount, sbi_code, active)
         values ($1, $2, $3, $4, $5, $6)
         on conflict (organisation_id) do update set agency_id = excluded.agency_id, version = excluded.version,
           headcount = excluded.headcount, sbi_code = excluded.sbi_code, active = excluded.active
         where reporting_organisations.version < excluded.version`,
        [p.organisationId, p.agencyId, p.version, p.headcount, p.sbiCode, p.status === 'active'],
      );
      const fact: ReportingFact = {
        type: 'OrganisationRecorded',
        agencyId: p.agencyId,
        headcount: p.headcount,
        headcountFrom: p.headcountFrom,
        sbiCode: p.sbiCode,
        wbkObliged: p.wbkObliged,
        pendingBillObliged: p.pendingBillObliged,
        counsellorAppointed: p.primaryCounsellorId !== undefined,
        substituteAppointed: p.substituteCounsellorId !== undefined,
        internalCounsellors: p.internalCounsellorIds.length,
        active: p.status === 'active',
        sites: [...p.regions],
        version: p.version,
      };
      return { organisationId: p.organisationId, fact };
    }
    if (isEvent(event, SubscriptionPublishedV1)) {
      const p = event.payload;
      return {
        organisationId: p.organisationId,
        fact: { type: 'AgreementRecorded', version: p.version, startsOn: p.startsOn, endsOn: p.endsOn ?? null, changedAt: p.changedAt },
      };
    }
    if (isEvent(event, EngagementRecordedV1)) {
      const p = event.payload;
      return { organisationId: p.organisationId, fact: { type: 'ActivityRecorded', on: p.on, kind: p.kind, minutes: p.minutes } };
    }
    if (isEvent(event, CaseOpenedV1)) {
      const p = event.payload;
      const ref = caseRef(p.caseId);
      const on = amsterdamDay(p.receivedAt);
      await m.query(
        `insert into reporting_cases (case_ref, organisation_id, agency_id, year, theme) values ($1, $2, $3, $4, $5)
         on conflict (case_ref) do nothing`,
        [ref, p.organisationId, p.agencyId, Number(on.slice(0, 4)), p.theme],
      );
      return {
        organisationId: p.organisationId,
        fact: {
          type: 'CaseReported',
          caseRef: ref,
          on,
          theme: p.theme,
          relation: p.relation,
          anonymity: p.anonymity,
          ...(p.site ? { site: p.site } : {}),
        },
      };
    }
    const withCase = async (caseId: string, fact: ReportingFact) => ({ organisationId: await this.organisationOf(caseId, m), fact });
    if (isEvent(event, CaseAcknowledgedV1))
      return withCase(event.payload.caseId, {
        type: 'CaseAcknowledged',
        caseRef: caseRef(event.payload.caseId),
        on: amsterdamDay(event.payload.acknowledgedAt),
      });
    if (isEvent(event, FeedbackGivenV1))
      return withCase(event.payload.caseId, {
        type: 'FeedbackGiven',
        caseRef: caseRef(event.payload.caseId),
        on: amsterdamDay(event.payload.givenAt),
      });
    if (isEvent(event, DeadlineMissedV1)) {
      const p = event.payload;
      return withCase(p.caseId, {
        type: 'DeadlineMissed',
        caseRef: caseRef(p.caseId),
        deadline: p.deadline,
        regime: p.regime ?? 'unknown',
        on: amsterdamDay(p.dueAt),
      });
    }
    if (isEvent(event, ReferralMadeV1)) {
      const p = event.payload;
      return withCase(p.caseId, {
        type: 'ReferralMade',
        caseRef: caseRef(p.caseId),
        on: amsterdamDay(p.referredAt),
        referralType: p.referralType,
      });
    }
    if (isEvent(event, CaseClosedV1)) {
      const p = event.payload;
      return withCase(p.caseId, { type: 'CaseClosed', caseRef: caseRef(p.caseId), on: amsterdamDay(p.closedAt), outcome: p.outcome });
    }
    if (isEvent(event, CaseReopenedV1))
      return withCase(event.payload.caseId, {
        type: 'CaseReopened',
        caseRef: caseRef(event.payload.caseId),
        on: amsterdamDay(event.payload.reopenedAt),
      });
    if (isEvent(event, HoursLoggedV1)) {
      const p = event.payload;
      return {
        organisationId: p.organisationId,
        fact: { type: 'CaseWorkLogged', caseRef: caseRef(p.caseId), on: p.workedOn, minutes: p.minutes },
      };
    }
    return undefined;
  }
}
