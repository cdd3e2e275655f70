import { Inject, Injectable } from '@nestjs/common';
import { PLATFORM, type Platform } from '@vertrouwd/runtime';
import { ReadModels } from '@vertrouwd/service-kit';
import { amsterdamToday } from '@vertrouwd/domain';
import type {
  AgencyView,
  CounsellorView,
  DecisionView,
  DirectoryReads,
  EngagementView,
  OrganisationDetailView,
  OrganisationView,
} from '../application/queries/directory-reads.port';
import type { CounsellorProfile } from '../domain/directory/directory.values';
import { PENDING_BILL_THRESHOLD, WBK_THRESHOLD } from '../domain/directory/directory.values';
import { headcountOn, headcountsOf, scheduledAfter } from '../domain/directory/headcount-history';
import type { OrganisationSnapshot } from '../domain/directory/organisation.events';

type Row = Record<string, unknown>;
const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value));

/** The directory's lists and details for the API; sealed names opened with the key vault (erased reads as null). */
@Injectable()
export class SqlDirectoryReads implements DirectoryReads {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(PLATFORM) private readonly platform: Platform,
  ) {}

  private query<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.readModels.dataSource.query(sql, params);
  }

  /**
   * Before a read of one agency, counsellor or organisation (what an edit form shows, with the version it saves against):
   * the directory's projection has applied everything committed, so a page read right after a save, or after a 412
   * that says someone else saved, shows that save (it could show the version before it).
   */
  private settled(): Promise<void> {
    return this.readModels.projection('matching-directory').caughtUp();
  }

  private async open(sealed: string | undefined | null): Promise<string | null> {
    if (!sealed) return null;
    const opened = await this.platform.privacy.sealer.unseal<string>(sealed);
    return opened.status === 'ok' ? opened.value : null;
  }

  async agencies(): Promise<AgencyView[]> {
    const rows = await this.query(`${AGENCY_SQL} order by a.registered_at`);
    return Promise.all(rows.map((r) => this.agencyView(r)));
  }

  async agency(agencyId: string): Promise<AgencyView | undefined> {
    await this.settled();
    const [row] = await this.query(`${AGENCY_SQL} where a.agency_id = $1`, [agencyId]);
    return row ? this.agencyView(row) : undefined;
  }

  private async agencyView(r: Row): Promise<AgencyView> {
    return {
      agencyId: r.agency_id as string,
      name: await this.open(r.sealed_name as string),
      status: r.status as 'active' | 'suspended',
      settings: r.settings as AgencyView['settings'],
      coordinators: r.coordinators as number,
      counsellors: r.counsellors as number,
      organisations: r.organisations as number,
      registeredAt: iso(r.registered_at),
      ...(typeof r.version === 'number' ? { version: r.version } : {}),
    };
  }

  async counsellors(agencyId: string): Promise<CounsellorView[]> {
    const rows = await this.query(`${COUNSELLOR_SQL} where c.agency_id = $1 order by c.onboarded_at, c.counsellor_id`, [agencyId]);
    return Promise.all(rows.map((r) => this.counsellorView(r)));
  }

  async counsellor(agencyId: string, counsellorId: string): Promise<CounsellorView | undefined> {
    await this.settled();
    const [row] = await this.query(`${COUNSELLOR_SQL} where c.agency_id = $1 and c.counsellor_id = $2`, [agencyId, counsellorId]);
    return row ? this.counsellorView(row) : undefined;
  }

  private async counsellorView(r: Row): Promise<CounsellorView> {
    const p = r.profile as CounsellorProfile;
    return {
      counsellorId: r.counsellor_id as string,
      username: r.username as string,
      name: await this.open(p.sealedName),
      introduction: await this.open(p.sealedIntroduction),
      status: r.status as 'active' | 'inactive',
      kind: p.kind,
      organisationId: p.organisationId ?? null,
      roles: p.roles,
      languages: p.languages,
      gender: p.gender,
      regions: p.regions,
      specialisms: p.specialisms,
      capacityCases: p.capacityCases,
      capacityHoursPerWeek: p.capacityHoursPerWeek,
      openCases: r.open_cases as number,
      version: r.version as number,
      absences: (r.absences as CounsellorView['absences'] | null) ?? [],
      conflicts: (r.conflicts as CounsellorView['conflicts'] | null) ?? [],
    };
  }

  async organisations(agencyId: string): Promise<OrganisationView[]> {
    const rows = await this.query<{ snapshot: OrganisationSnapshot }>(
      'select snapshot from matching_organisations where agency_id = $1 order by registered_at, organisation_id',
      [agencyId],
    );
    return Promise.all(rows.map((r) => this.organisationView(r.snapshot)));
  }

  async servedBy(counsellorId: string): Promise<OrganisationView[]> {
    const rows = await this.query<{ snapshot: OrganisationSnapshot }>(
      `select snapshot from matching_organisations
        where snapshot->'appointment'->>'primaryId' = $1 or snapshot->'appointment'->>'substituteId' = $1
           or snapshot->'appointment'->'internalIds' ? $1 order by registered_at`,
      [counsellorId],
    );
    return Promise.all(rows.map((r) => this.organisationView(r.snapshot)));
  }

  async organisation(agencyId: string, organisationId: string): Promise<OrganisationDetailView | undefined> {
    await this.settled();
    const [row] = await this.query<{ snapshot: OrganisationSnapshot }>(
      'select snapshot from matching_organisations where agency_id = $1 and organisation_id = $2',
      [agencyId, organisationId],
    );
    if (!row) return undefined;
    const [headcounts, appointments, agreements] = await Promise.all([
      this.query('select from_day::text as "from", headcount from matching_headcounts where organisation_id = $1 order by from_day', [
        organisationId,
      ]),
      this.query('select appointment, appointed_by, appointed_at from matching_appointments where organisation_id = $1 order by version', [
        organisationId,
      ]),
      this.query('select version, agreement, versioned_at from matching_agreements where organisation_id = $1 order by version', [
        organisationId,
      ]),
    ]);
    return {
      ...(await this.organisationView(row.snapshot)),
      headcountHistory: headcounts as OrganisationDetailView['headcountHistory'],
      appointmentHistory: appointments.map((a) => {
        const appointment = a.appointment as { primaryId?: string; substituteId?: string; internalIds: string[] };
        return {
          primaryId: appointment.primaryId ?? null,
          substituteId: appointment.substituteId ?? null,
          internalIds: appointment.internalIds,
          appointedBy: a.appointed_by as string,
          appointedAt: iso(a.appointed_at),
        };
      }),
      agreements: agreements.map((a) => ({ version: a.version as number, agreement: a.agreement, versionedAt: iso(a.versioned_at) })),
    };
  }

  /** The headcount in force today (Amsterdam), computed on every read: a scheduled one applies on its day unaided. */
  private async organisationView(s: OrganisationSnapshot): Promise<OrganisationView> {
    const today = amsterdamToday();
    const history = headcountsOf(s);
    const now = headcountOn(history, today) ?? { from: s.headcountFrom, headcount: s.headcount };
    return {
      organisationId: s.organisationId,
      name: await this.open(s.details.sealedName),
      intakeCode: s.details.intakeCode,
      kvkNumber: s.details.kvkNumber,
      vatId: s.details.vatId ?? null,
      sbiCode: s.details.sbiCode,
      headcount: now.headcount,
      headcountFrom: now.from,
      wbkObliged: now.headcount >= WBK_THRESHOLD,
      pendingBillObliged: now.headcount >= PENDING_BILL_THRESHOLD,
      scheduledHeadcounts: scheduledAfter(history, today),
      regions: s.details.regions,
      languages: s.details.languages,
      primaryCounsellorId: s.appointment.primaryId ?? null,
      substituteCounsellorId: s.appointment.substituteId ?? null,
      internalCounsellorIds: s.appointment.internalIds,
      version: s.version,
    };
  }

  async engagements(agencyId: string, organisationId: string): Promise<EngagementView[]> {
    const rows = await this.query(
      `select activity_id, organisation_id, counsellor_id, kind, on_day::text as on_day, minutes, sealed_description
         from matching_engagements where agency_id = $1 and organisation_id = $2 order by on_day, activity_id`,
      [agencyId, organisationId],
    );
    return Promise.all(rows.map((r) => this.engagementView(r)));
  }

  async engagementsOf(agencyId: string, counsellorId: string): Promise<EngagementView[]> {
    const rows = await this.query(
      `select activity_id, organisation_id, counsellor_id, kind, on_day::text as on_day, minutes, sealed_description
         from matching_engagements where agency_id = $1 and counsellor_id = $2 order by on_day desc, activity_id limit 500`,
      [agencyId, counsellorId],
    );
    return Promise.all(rows.map((r) => this.engagementView(r)));
  }

  private async engagementView(r: Row): Promise<EngagementView> {
    return {
      activityId: r.activity_id as string,
      organisationId: r.organisation_id as string,
      counsellorId: r.counsellor_id as string,
      kind: r.kind as string,
      on: r.on_day as string,
      minutes: r.minutes as number,
      description: await this.open(r.sealed_description as string),
    };
  }

  pageVisits(agencyId: string, organisationId: string): Promise<{ day: string; visits: number }[]> {
    return this.query(
      `select day::text as day, visits from matching_page_visits where agency_id = $1 and organisation_id = $2
        order by day desc limit 366`,
      [agencyId, organisationId],
    );
  }

  async decisions(agencyId: string, unmatchedOnly: boolean): Promise<DecisionView[]> {
    // The latest round of each case; `unmatched`: nobody was available in it.
    const rows = await this.query(
      `select distinct on (case_id) * from matching_decisions where agency_id = $1 order by case_id, round desc`,
      [agencyId],
    );
    return rows
      .map((r) => decisionView(r, false))
      .filter((d) => !unmatchedOnly || d.outcome === 'no-counsellor-available')
      .sort((a, b) => b.decidedAt.localeCompare(a.decidedAt));
  }

  async decisionsOfCase(agencyId: string, caseId: string): Promise<DecisionView[]> {
    const rows = await this.query('select * from matching_decisions where agency_id = $1 and case_id = $2 order by round', [
      agencyId,
      caseId,
    ]);
    return rows.map((r) => decisionView(r, true));
  }
}

function decisionView(r: Row, explained: boolean): DecisionView {
  const request = r.request as {
    theme: string;
    language: string;
    preferredGender: string;
    preferredKind: string;
    preferredCounsellorId?: string;
    windowFrom: string;
    windowUntil: string;
    declinedIds: string[];
  };
  return {
    caseId: r.case_id as string,
    round: r.round as number,
    organisationId: r.organisation_id as string,
    outcome: r.counsellor_id ? 'matched' : 'no-counsellor-available',
    counsellorId: (r.counsellor_id as string | null) ?? null,
    tier: (r.tier as string | null) ?? null,
    reason: (r.reason as string | null) ?? null,
    decidedAt: iso(r.decided_at),
    declined: r.declined_at ? { at: iso(r.declined_at), conflictWith: r.declined_conflict as string } : null,
    ...(explained
      ? {
          request: {
            language: request.language,
            preferredGender: request.preferredGender,
            preferredKind: request.preferredKind,
            preferredCounsellorId: request.preferredCounsellorId ?? null,
            acknowledgementWindow: { from: request.windowFrom, until: request.windowUntil },
            declinedIds: request.declinedIds,
          },
          explanation: r.decision,
        }
      : {}),
  };
}

const AGENCY_SQL = `select a.*,
  (select count(*)::int from matching_counsellors c where c.agency_id = a.agency_id and c.status = 'active') as counsellors,
  (select count(*)::int from matching_organisations o where o.agency_id = a.agency_id) as organisations
  from matching_agencies a`;

const COUNSELLOR_SQL = `select c.*,
  (select count(*)::int from matching_case_load l where l.counsellor_id = c.counsellor_id and l.open) as open_cases,
  (select json_agg(json_build_object('absenceId', a.absence_id, 'from', a.from_day::text, 'until', a.until_day::text,
     'substituteId', a.substitute_id) order by a.from_day) from matching_absences a where a.counsellor_id = c.counsellor_id) as absences,
  (select json_agg(json_build_object('conflictId', k.conflict_id, 'organisationId', k.organisation_id, 'caseId', k.case_id,
     'reviewBy', k.review_by::text) order by k.declared_at) from matching_conflicts k where k.counsellor_id = c.counsellor_id) as conflicts
  from matching_counsellors c`;
