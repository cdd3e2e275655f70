import { Injectable } from '@nestjs/common';
import { ReadModels } from '@vertrouwd/service-kit';
import type { MatchingDirectory } from '../application/ports/directory.port';
import type { AgencySettings } from '../domain/directory/agency.events';
import type { CounsellorProfile } from '../domain/directory/directory.values';
import { headcountOn, headcountsOf } from '../domain/directory/headcount-history';
import type { AppointeeCheck } from '../domain/directory/organisation.aggregate';
import type { OrganisationSnapshot } from '../domain/directory/organisation.events';
import type { Candidate } from '../domain/match/match-rules';

/** The candidate read: the agency's counsellors with their open cases, the week's minutes, absences in the window and conflicts. */
export const CANDIDATES_SQL = `with agency as (select counsellor_id, agency_id, status, profile from matching_counsellors where agency_id = $1),
         load as (select l.counsellor_id, count(*)::int as n from matching_case_load l join agency using (counsellor_id)
                   where l.open group by l.counsellor_id),
         away as (select counsellor_id, json_agg(json_build_object('from', from_day::text, 'until', until_day::text,
                     'substituteId', substitute_id)) as absences
                    from matching_absences where agency_id = $1 and from_day <= $3 and until_day >= $2 group by counsellor_id),
         conflicted as (select counsellor_id, json_agg(organisation_id) as conflicts from matching_conflicts
                         where agency_id = $1 and organisation_id is not null group by counsellor_id)
       select c.counsellor_id, c.agency_id, c.status, c.profile, coalesce(load.n, 0) as open_cases,
              coalesce(w.minutes, 0) as minutes, away.absences, conflicted.conflicts
         from agency c
         left join load on load.counsellor_id = c.counsellor_id
         left join matching_minutes w on w.counsellor_id = c.counsellor_id and w.week = $4
         left join away on away.counsellor_id = c.counsellor_id
         left join conflicted on conflicted.counsellor_id = c.counsellor_id
        order by c.counsellor_id`;

interface CandidateRow {
  counsellor_id: string;
  agency_id: string;
  status: string;
  profile: CounsellorProfile;
  open_cases: number;
  minutes: number;
  absences: { from: string; until: string; substituteId?: string }[] | null;
  conflicts: string[] | null;
}

/** The directory's read models for the commands: one query per question, each an index scan of one agency. */
@Injectable()
export class SqlMatchingDirectory implements MatchingDirectory {
  constructor(private readonly readModels: ReadModels) {}

  private query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.readModels.dataSource.query(sql, params);
  }

  async candidates(agencyId: string, window: { from: string; until: string }, week: string): Promise<Candidate[]> {
    // Set-based: the agency's case load, absences in the window and organisation conflicts aggregated once each and
    // joined to its counsellors (no subquery per counsellor).
    const rows = await this.query<CandidateRow>(CANDIDATES_SQL, [agencyId, window.from, window.until, week]);
    return rows.map((r) => ({
      counsellorId: r.counsellor_id,
      agencyId: r.agency_id,
      active: r.status === 'active',
      kind: r.profile.kind,
      ...(r.profile.organisationId ? { organisationId: r.profile.organisationId } : {}),
      roles: r.profile.roles,
      languages: r.profile.languages,
      gender: r.profile.gender,
      regions: r.profile.regions,
      specialisms: r.profile.specialisms,
      capacityCases: r.profile.capacityCases,
      capacityHoursPerWeek: r.profile.capacityHoursPerWeek,
      openCases: r.open_cases,
      minutesThisWeek: r.minutes,
      absences: (r.absences ?? []).map((a) => ({
        from: a.from,
        until: a.until,
        ...(a.substituteId ? { substituteId: a.substituteId } : {}),
      })),
      conflictOrganisationIds: r.conflicts ?? [],
    }));
  }

  async organisation(organisationId: string): Promise<OrganisationSnapshot | undefined> {
    const [row] = await this.query<{ snapshot: OrganisationSnapshot }>(
      'select snapshot from matching_organisations where organisation_id = $1',
      [organisationId],
    );
    return row?.snapshot;
  }

  async agency(agencyId: string): Promise<{ status: 'active' | 'suspended'; settings: AgencySettings } | undefined> {
    const [row] = await this.query<{ status: 'active' | 'suspended'; settings: AgencySettings }>(
      'select status, settings from matching_agencies where agency_id = $1',
      [agencyId],
    );
    return row;
  }

  async accountInUse(agencyId: string, userId: string, exceptCounsellorId: string): Promise<boolean> {
    const rows = await this.query(
      `select 1 from matching_counsellors
        where agency_id = $1 and user_id = $2 and counsellor_id <> $3 and status = 'active' limit 1`,
      [agencyId, userId, exceptCounsellorId],
    );
    return rows.length > 0;
  }

  async intakeCodeTaken(intakeCode: string, exceptOrganisationId: string): Promise<boolean> {
    const rows = await this.query('select 1 from matching_organisations where intake_code = $1 and organisation_id <> $2', [
      intakeCode,
      exceptOrganisationId,
    ]);
    return rows.length > 0;
  }

  async appointeeChecks(counsellorIds: readonly string[]): Promise<Map<string, AppointeeCheck>> {
    const rows = await this.query<{ counsellor_id: string; agency_id: string; status: string; profile: CounsellorProfile }>(
      'select counsellor_id, agency_id, status, profile from matching_counsellors where counsellor_id = any($1::uuid[])',
      [[...counsellorIds]],
    );
    return new Map(
      rows.map((r) => [
        r.counsellor_id,
        {
          active: r.status === 'active',
          agencyId: r.agency_id,
          kind: r.profile.kind,
          ...(r.profile.organisationId ? { organisationId: r.profile.organisationId } : {}),
        },
      ]),
    );
  }

  async appointedLoad(agencyId: string, day: string): Promise<Map<string, { organisations: number; headcount: number }>> {
    // Only the headcounts of each snapshot: an agency's whole directory of snapshots is not read for a sum.
    type Headcounts = Pick<OrganisationSnapshot, 'headcount' | 'headcountFrom' | 'headcounts'>;
    const rows = await this.query<{ counsellor_id: string; snapshot: Headcounts }>(
      `select x.counsellor_id,
              jsonb_build_object('headcount', o.snapshot->'headcount', 'headcountFrom', o.snapshot->'headcountFrom',
                                 'headcounts', o.snapshot->'headcounts') as snapshot
         from matching_organisations o
         cross join lateral (values (o.snapshot->'appointment'->>'primaryId'), (o.snapshot->'appointment'->>'substituteId')) as x(counsellor_id)
        where o.agency_id = $1 and x.counsellor_id is not null`,
      [agencyId],
    );
    const load = new Map<string, { organisations: number; headcount: number }>();
    for (const { counsellor_id: id, snapshot } of rows) {
      // The snapshot's headcount is the last one recorded, which may be scheduled for a later day.
      const headcount = headcountOn(headcountsOf(snapshot), day)?.headcount ?? snapshot.headcount;
      const found = load.get(id) ?? { organisations: 0, headcount: 0 };
      load.set(id, { organisations: found.organisations + 1, headcount: found.headcount + headcount });
    }
    return load;
  }
}
