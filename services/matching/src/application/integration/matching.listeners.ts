import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AdvisorAssignedV1,
  AssignmentDeclinedV1,
  CaseClosedV1,
  CaseErasedV1,
  CaseReopenedV1,
  HoursLoggedV1,
  isEvent,
  PageVisitsCountedV1,
  ReportSubmittedV1,
  topicOf,
  type IntegrationEvent,
} from '@vertrouwd/contracts';
import { CommandListener, ReadModelListener, systemContext } from '@vertrouwd/service-kit';
import { weekOf } from '../calendar';
import { DeclineMatch, MatchCase } from '../match-case/match-case.commands';

/**
 * A submitted report → its match (once per case); a counsellor's decline → the next round. At least once: a repeat
 * finds the match made or the decline recorded, and changes nothing.
 */
@Injectable()
export class MatchingListener extends CommandListener {
  readonly topics = [ReportSubmittedV1, AssignmentDeclinedV1].map(topicOf);

  commandFor(event: IntegrationEvent): object | undefined {
    const context = systemContext('system:matching', event.correlationId, event.eventId);
    if (isEvent(event, ReportSubmittedV1)) {
      const p = event.payload;
      return new MatchCase(
        {
          caseId: p.caseId,
          agencyId: p.agencyId,
          organisationId: p.organisationId,
          theme: p.theme,
          language: p.language,
          preferredGender: p.preferredAdvisorGender,
          preferredKind: p.preferredAdvisorKind,
          ...(p.preferredCounsellorId ? { preferredCounsellorId: p.preferredCounsellorId } : {}),
          receivedAt: p.receivedAt,
        },
        context,
      );
    }
    if (isEvent(event, AssignmentDeclinedV1)) {
      return new DeclineMatch(event.payload.caseId, event.payload.advisorId, event.payload.conflictWith, context);
    }
    return undefined;
  }
}

/**
 * The counsellors' load from case's events: who holds each open case (a manual assignment or a transfer counts as
 * much as a match), and the minutes of case work per counsellor per week; and intake's daily page visits per
 * organisation (engagement). Exactly once, with the inbox.
 */
@Injectable()
export class CaseLoadListener extends ReadModelListener {
  readonly topics = [
    AdvisorAssignedV1,
    CaseClosedV1,
    CaseReopenedV1,
    CaseErasedV1,
    HoursLoggedV1,
    AssignmentDeclinedV1,
    PageVisitsCountedV1,
  ].map(topicOf);
  override readonly group = 'matching-load';

  async apply(event: IntegrationEvent, m: EntityManager): Promise<void> {
    if (isEvent(event, AdvisorAssignedV1)) {
      const { caseId, advisorId, assignedAt } = event.payload;
      await m.query(
        `insert into matching_case_load (case_id, counsellor_id, open, updated_at) values ($1, $2, true, $3)
         on conflict (case_id) do update set counsellor_id = excluded.counsellor_id, open = true, updated_at = excluded.updated_at`,
        [caseId, advisorId, assignedAt],
      );
    } else if (isEvent(event, CaseClosedV1)) {
      await m.query('update matching_case_load set open = false, updated_at = $2 where case_id = $1', [
        event.payload.caseId,
        event.payload.closedAt,
      ]);
    } else if (isEvent(event, CaseReopenedV1)) {
      await m.query('update matching_case_load set open = true, updated_at = $2 where case_id = $1', [
        event.payload.caseId,
        event.payload.reopenedAt,
      ]);
    } else if (isEvent(event, CaseErasedV1)) {
      await m.query('delete from matching_case_load where case_id = $1', [event.payload.caseId]);
    } else if (isEvent(event, AssignmentDeclinedV1)) {
      // Only the decliner's hold: the next round's counsellor may be in already.
      await m.query('delete from matching_case_load where case_id = $1 and counsellor_id = $2', [
        event.payload.caseId,
        event.payload.advisorId,
      ]);
    } else if (isEvent(event, PageVisitsCountedV1)) {
      // Engagement outside cases: how often the organisation's intake page was opened that day.
      const { organisationId, agencyId, day, visits } = event.payload;
      await m.query(
        `insert into matching_page_visits (organisation_id, agency_id, day, visits) values ($1, $2, $3, $4)
         on conflict (organisation_id, day) do update set visits = excluded.visits`,
        [organisationId, agencyId, day, visits],
      );
    } else if (isEvent(event, HoursLoggedV1)) {
      const { advisorId, workedOn, minutes } = event.payload;
      await m.query(
        `insert into matching_minutes (counsellor_id, week, minutes) values ($1, $2, $3)
         on conflict (counsellor_id, week) do update set minutes = matching_minutes.minutes + excluded.minutes`,
        [advisorId, weekOf(workedOn), minutes],
      );
    }
  }
}
