import { Injectable } from '@nestjs/common';
import { ReadModels } from '@vertrouwd/service-kit';
import type { MatchingDirectory } from '../application/ports/directory.port';
import type { AgencySettings } from '../domain/directory/agency.events';
import type { CounsellorProfile } from '../domain/directory/directory.values';
import { headcountOn, headcountsOf } from '../domain/directory/headcount-history';
import type { AppointeeCheck } from '../domain/directory/organisation.aggregate';
import type { OrganisationSnapshot } from '../domain/directory/organisation.events';
import type { Candidate } from '../domain/match/match-rules';

/**
 * What a decision reads per report (ADR 0078): the agency's directory version, how many counsellors it has, and each
 * one's open cases (a counter the trigger on `matching_case_load` keeps) and minutes this week, as `open:minutes` in
 * counsellor id order, the order of the standing directory read at the same version.
 */
export const DECISION_LOAD_SQL = `select (select version::text from matching_directory_versions where agency_id = $1) as version,
         count(*)::int as counsellors,
         coalesce(string_agg(coalesce(o.open_cases, 0) || ':' || coalesce(w.minutes, 0), ',' order by c.counsellor_id), '') as load
    from matching_counsellors c
    left join matching_open_cases o on o.counsellor_id = c.counsellor_id
    left join matching_minutes w on w.counsellor_id = c.counsellor_id and w.week = $2
   where c.agency_id = $1`;

/**
 * What stands between changes to the agency's directory, in one snapshot: its version, and its counsellors in
 * counsellor id order with their absences and organisation conflicts. Kept in memory while the version holds
 * (triggers raise it on every change to counsellors, absences and conflicts).
 */
export const STANDING_DIRECTORY_SQL = `with agency as (select counsellor_id, agency_id, status, profile from matching_counsellors where agency_id = $1),
         away as (select counsellor_id, json_agg(json_build_object('from', from_day::text, 'until', until_day::text,
                     'substituteId', substitute_id) order by from_day, until_day, absence_id) as absences
                    from matching_absences where agency_id = $1 group by counsellor_id),
         conflicted as (select counsellor_id, json_agg(organisation_id order by declared_at, conflict_id) as conflicts
                          from matching_conflicts where agency_id = $1 and organisation_id is not null group by counsellor_id),
         counsellors as (select c.counsellor_id, c.agency_id, c.status, c.profile, away.absences, conflicted.conflicts
                           from agency c
                           left join away on away.counsellor_id = c.counsellor_id
                           left join conflicted on conflicted.counsellor_id = c.counsellor_id)
       -- One row at least, counsellors or not, so the version always comes from this snapshot.
       select v.version, s.*
         from (select (select version::text from matching_directory_versions where agency_id = $1) as version) v
         left join counsellors s on true
        order by s.counsellor_id`;

interface LoadRow {
  version: string | null;
  counsellors: number;
  load: string;
}

interface StandingRow {
  version: string | null;
  /** Null in the one row of an agency without counsellors. */
  counsellor_id: string | null;
  agency_id: string;
  status: string;
  profile: CounsellorProfile;
  absences: { from: string; until: string; substituteId: string | null }[] | null;
  conflicts: string[] | null;
}

type Absence = Candidate['absences'][number];

/** A counsellor as the directory stands: everything of a candidate but their load and the window's absences. */
interface Standing {
  candidate: Omit<Candidate, 'openCases' | 'minutesThisWeek' | 'absences'>;
  absences: Absence[];
}

/** An agency's standing directory as read, with the version it was read at. */
interface StandingDirectory {
  version: string | null;
  counsellors: Standing[];
}

/** What a candidate takes from the counsellor's profile (its sealed name and introduction stay out). */
export function profileFields(
  profile: CounsellorProfile,
): Omit<Candidate, 'counsellorId' | 'agencyId' | 'active' | 'openCases' | 'minutesThisWeek' | 'absences' | 'conflictOrganisationIds'> {
  return {
    kind: profile.kind,
    ...(profile.organisationId ? { organisationId: profile.organisationId } : {}),
    roles: profile.roles,
    languages: profile.languages,
    gender: profile.gender,
    regions: profile.regions,
    specialisms: profile.specialisms,
    capacityCases: profile.capacityCases,
    capacityHoursPerWeek: profile.capacityHoursPerWeek,
  };
}

/** Agencies whose standing directory is kept; the one read longest ago goes first. */
const KEPT_AGENCIES = 64;

/** The directory's read models for the commands: one query per question, each an index scan of one agency. */
@Injectable()
export class SqlMatchingDirectory implements MatchingDirectory {
  /** Each agency's standing directory as last read, with the version it was read at. */
  private readonly standing = new Map<string, StandingDirectory>();

  constructor(private readonly readModels: ReadModels) {}

  private query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.readModels.dataSource.query(sql, params);
  }

  /**
   * The agency's counsellors in counsellor id order, with their open cases, the week's minutes and their absences
   * that overlap the window. Per call one statement reads the load and the directory's version; the rest (profiles,
   * absences, conflicts) is kept from an earlier read while that version holds, and read again when it moved: a change
   * committed anywhere, by any replica, raises it (ADR 0078). The load is matched to the counsellors by position, so
   * both must come from one version: read again if the directory changed between the two reads.
   */
  async candidates(agencyId: string, window: { from: string; until: string }, week: string): Promise<Candidate[]> {
    let kept = this.standing.get(agencyId);
    for (let attempt = 1; ; attempt++) {
      const [now] = await this.query<LoadRow>(DECISION_LOAD_SQL, [agencyId, week]);
      if (!kept || kept.version !== now.version) kept = await this.readStanding(agencyId);
      if (kept.version !== now.version || kept.counsellors.length !== now.counsellors) {
        // Changed between the two reads: read both again. The same version with other counsellors cannot be (the
        // triggers see every write), but is read again too; a directory that changes faster than it is read ends
        // in an error.
        if (attempt === 5) throw new Error("The agency's directory changed during every read of it");
        kept = undefined;
        continue;
      }
      const load = now.load === '' ? [] : now.load.split(',');
      return kept.counsellors.map(({ candidate, absences }, i) => {
        const [open, minutes] = load[i].split(':');
        return {
          ...candidate,
          openCases: Number(open),
          minutesThisWeek: Number(minutes),
          absences: absences.filter((a) => a.from <= window.until && a.until >= window.from),
        };
      });
    }
  }

  private async readStanding(agencyId: string): Promise<StandingDirectory> {
    const rows = await this.query<StandingRow>(STANDING_DIRECTORY_SQL, [agencyId]);
    const listed = rows.filter((r): r is StandingRow & { counsellor_id: string } => r.counsellor_id !== null);
    const counsellors = listed.map((r) => ({
      candidate: {
        counsellorId: r.counsellor_id,
        agencyId: r.agency_id,
        active: r.status === 'active',
        ...profileFields(r.profile),
        conflictOrganisationIds: r.conflicts ?? [],
      },
      absences: (r.absences ?? []).map((a) => ({
        from: a.from,
        until: a.until,
        ...(a.substituteId ? { substituteId: a.substituteId } : {}),
      })),
    }));
    const standing = { version: rows[0].version, counsellors };
    this.standing.delete(agencyId);
    this.standing.set(agencyId, standing);
    if (this.standing.size > KEPT_AGENCIES) this.standing.delete(this.standing.keys().next().value!);
    return standing;
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
