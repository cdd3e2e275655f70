import type { EntityManager } from 'typeorm';
import type { Projection, RecordedEvent } from '@vertrouwd/event-sourcing';
import type { AgencyEvent } from '../../domain/directory/agency.events';
import type { CounsellorEvent } from '../../domain/directory/counsellor.events';
import type { OrganisationEvent } from '../../domain/directory/organisation.events';
import type { CaseMatchEvent } from '../../domain/match/case-match.events';

type MatchingEvent = AgencyEvent | CounsellorEvent | OrganisationEvent | CaseMatchEvent;

/**
 * Folds the service's own events into its read models: the directory (agencies, counsellors with absences and
 * conflicts, organisations with headcount, appointment and agreement history, engagement activities) and the
 * decisions with their explanations. Rebuildable from zero.
 */
export class DirectoryProjector implements Projection {
  readonly name = 'matching-directory';
  readonly filter = { categories: ['agency', 'counsellor', 'organisation', 'match'] };

  async apply(events: RecordedEvent[], manager: EntityManager): Promise<void> {
    for (const recorded of events) {
      const event = { ...(recorded.data as object), type: recorded.type } as MatchingEvent;
      await this.applyOne(event, manager);
      if (recorded.streamId.startsWith('agency-'))
        await this.agencyAt(recorded.streamId.slice('agency-'.length), recorded.version, manager);
    }
  }

  /** The agency's stream version: what its settings' ETag says and a conditional `PUT …/settings` compares with. */
  private async agencyAt(agencyId: string, version: number, m: EntityManager): Promise<void> {
    await m.query('update matching_agencies set version = $2 where agency_id = $1', [agencyId, version]);
  }

  private async applyOne(e: MatchingEvent, m: EntityManager): Promise<void> {
    switch (e.type) {
      case 'AgencyRegistered':
        await m.query(
          `insert into matching_agencies (agency_id, sealed_name, status, settings, registered_at) values ($1, $2, 'active', $3, $4)
           on conflict (agency_id) do nothing`,
          [e.agencyId, e.sealedName, e.settings, e.registeredAt],
        );
        return;
      case 'AgencyConfigured':
        return void (await m.query('update matching_agencies set settings = $2 where agency_id = $1', [e.agencyId, e.settings]));
      case 'AgencySuspended':
        return void (await m.query("update matching_agencies set status = 'suspended' where agency_id = $1", [e.agencyId]));
      case 'AgencyReinstated':
        return void (await m.query("update matching_agencies set status = 'active' where agency_id = $1", [e.agencyId]));
      case 'CoordinatorAppointed':
        return void (await m.query('update matching_agencies set coordinators = coordinators + 1 where agency_id = $1', [e.agencyId]));
      case 'CounsellorOnboarded':
        await m.query(
          `insert into matching_counsellors (counsellor_id, agency_id, user_id, username, status, profile, version, onboarded_at)
           values ($1, $2, $3, $4, 'active', $5, $6, $7) on conflict (counsellor_id) do nothing`,
          [e.counsellorId, e.agencyId, e.userId, e.username, e.profile, e.version, e.onboardedAt],
        );
        return;
      case 'CounsellorProfileChanged':
        return void (await m.query('update matching_counsellors set profile = $2, version = $3 where counsellor_id = $1', [
          e.counsellorId,
          e.profile,
          e.version,
        ]));
      case 'CounsellorDeactivated':
        return void (await m.query("update matching_counsellors set status = 'inactive', version = $2 where counsellor_id = $1", [
          e.counsellorId,
          e.version,
        ]));
      case 'CounsellorReactivated':
        return void (await m.query("update matching_counsellors set status = 'active', version = $2 where counsellor_id = $1", [
          e.counsellorId,
          e.version,
        ]));
      case 'AbsenceRecorded':
        await m.query(
          `insert into matching_absences (absence_id, counsellor_id, agency_id, from_day, until_day, substitute_id)
           select $1, $2, agency_id, $3, $4, $5 from matching_counsellors where counsellor_id = $2 on conflict (absence_id) do nothing`,
          [e.absenceId, e.counsellorId, e.from, e.until, e.substituteId ?? null],
        );
        return;
      case 'AbsenceCancelled':
        return void (await m.query('delete from matching_absences where absence_id = $1', [e.absenceId]));
      case 'ConflictDeclared':
        await m.query(
          `insert into matching_conflicts (conflict_id, counsellor_id, agency_id, organisation_id, case_id, review_by, declared_at)
           select $1, $2, agency_id, $3, $4, $5, $6 from matching_counsellors where counsellor_id = $2 on conflict (conflict_id) do nothing`,
          [e.conflictId, e.counsellorId, e.organisationId ?? null, e.caseId ?? null, e.reviewBy, e.declaredAt],
        );
        return;
      case 'ConflictWithdrawn':
        return void (await m.query('delete from matching_conflicts where conflict_id = $1', [e.conflictId]));
      case 'OrganisationRegistered':
        await m.query(
          `insert into matching_organisations (organisation_id, agency_id, intake_code, snapshot, version, registered_at)
           values ($1, $2, $3, $4, $5, $6) on conflict (organisation_id) do nothing`,
          [e.organisationId, e.agencyId, e.snapshot.details.intakeCode, e.snapshot, e.snapshot.version, e.registeredAt],
        );
        await this.headcount(m, e.organisationId, e.snapshot.headcountFrom, e.snapshot.headcount, e.registeredAt);
        return;
      case 'OrganisationDetailsChanged':
        return this.snapshot(m, e.organisationId, e.snapshot);
      case 'HeadcountChanged':
        await this.snapshot(m, e.organisationId, e.snapshot);
        return this.headcount(m, e.organisationId, e.from, e.headcount, e.changedAt);
      case 'CounsellorsAppointed':
        await this.snapshot(m, e.organisationId, e.snapshot);
        await m.query(
          `insert into matching_appointments (organisation_id, version, appointment, appointed_by, appointed_at)
           values ($1, $2, $3, $4, $5) on conflict do nothing`,
          [e.organisationId, e.snapshot.version, e.appointment, e.appointedBy, e.appointedAt],
        );
        return;
      case 'AgreementVersioned':
        await m.query(
          `insert into matching_agreements (organisation_id, version, agreement, versioned_at) values ($1, $2, $3, $4)
           on conflict do nothing`,
          [e.organisationId, e.agreementVersion, e.agreement, e.versionedAt],
        );
        return;
      case 'EngagementRecorded':
        await m.query(
          `insert into matching_engagements (activity_id, organisation_id, agency_id, counsellor_id, kind, on_day, minutes,
             sealed_description, recorded_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict do nothing`,
          [e.activityId, e.organisationId, e.agencyId, e.counsellorId, e.kind, e.on, e.minutes, e.sealedDescription, e.recordedAt],
        );
        return;
      case 'CounsellorMatched':
        await this.decision(m, e, e.counsellorId, e.tier, null, e.matchedAt);
        // The load counts the case at once, so a burst of reports does not all go to one counsellor before case answers.
        await m.query(
          `insert into matching_case_load (case_id, counsellor_id, open, updated_at) values ($1, $2, true, $3)
           on conflict (case_id) do update set counsellor_id = excluded.counsellor_id, open = true, updated_at = excluded.updated_at`,
          [e.caseId, e.counsellorId, e.matchedAt],
        );
        return;
      case 'NoCounsellorAvailable':
        return this.decision(m, e, null, null, e.reason, e.decidedAt);
      case 'MatchDeclined':
        await m.query('update matching_decisions set declined_at = $3, declined_conflict = $4 where case_id = $1 and round = $2', [
          e.caseId,
          e.round,
          e.declinedAt,
          e.conflictWith,
        ]);
        await m.query('delete from matching_case_load where case_id = $1 and counsellor_id = $2', [e.caseId, e.counsellorId]);
        return;
    }
  }

  private async snapshot(
    m: EntityManager,
    organisationId: string,
    snapshot: { version: number; details: { intakeCode: string } },
  ): Promise<void> {
    await m.query('update matching_organisations set snapshot = $2, version = $3, intake_code = $4 where organisation_id = $1', [
      organisationId,
      snapshot,
      snapshot.version,
      snapshot.details.intakeCode,
    ]);
  }

  private async headcount(m: EntityManager, organisationId: string, from: string, headcount: number, at: string): Promise<void> {
    await m.query(
      `insert into matching_headcounts (organisation_id, from_day, headcount, changed_at) values ($1, $2, $3, $4)
       on conflict (organisation_id, from_day) do update set headcount = excluded.headcount, changed_at = excluded.changed_at`,
      [organisationId, from, headcount, at],
    );
  }

  private async decision(
    m: EntityManager,
    e: Extract<MatchingEvent, { type: 'CounsellorMatched' | 'NoCounsellorAvailable' }>,
    counsellorId: string | null,
    tier: string | null,
    reason: string | null,
    at: string,
  ): Promise<void> {
    await m.query(
      `insert into matching_decisions (case_id, round, agency_id, organisation_id, counsellor_id, tier, reason, request, decision, decided_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict do nothing`,
      [e.caseId, e.round, e.agencyId, e.organisationId, counsellorId, tier, reason, e.request, e.decision, at],
    );
  }

  async reset(m: EntityManager): Promise<void> {
    await m.query(`truncate matching_agencies, matching_counsellors, matching_absences, matching_conflicts, matching_organisations,
      matching_headcounts, matching_appointments, matching_agreements, matching_engagements, matching_decisions`);
    // matching_case_load is left: case's events keep it too, and replaying the matches only upserts it again.
  }
}
