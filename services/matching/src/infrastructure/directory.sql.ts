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
 * The load in full (ADR 0078, 0079): the agency's directory version, how many counsellors it has, and each one's open
 * cases (a counter the trigger on `matching_case_load` keeps) and minutes this week, as `open:minutes` in counsellor
 * id order, the order of the standing directory read at the same version; with the oldest transaction still running
 * when it was read (`since`): every later change to the load is in a row written by it or a later one.
 */
export const DECISION_LOAD_SQL = `select (select version::text from matching_directory_versions where agency_id = $1) as version,
         pg_snapshot_xmin(pg_current_snapshot())::text as since,
         count(*)::int as counsellors,
         coalesce(string_agg(coalesce(o.open_cases, 0) || ':' || coalesce(w.minutes, 0), ',' order by c.counsellor_id), '') as load
    from matching_counsellors c
    left join matching_open_cases o on o.counsellor_id = c.counsellor_id
    left join matching_minutes w on w.counsellor_id = c.counsellor_id and w.week = $2
   where c.agency_id = $1`;

/**
 * What a decision reads per report once the load is kept (ADR 0079): the directory's version, and the rows of open
 * cases and of the week's minutes written by a transaction at or after `$2` (the `since` of the read the kept load is
 * from), as `counsellor:figure` lists; with this read's own `since`. All in one statement, one snapshot. The rows are
 * every agency's (those of counsellors the agency does not list are passed over): joined to the agency's counsellors
 * the statement took longer to plan than it saved.
 */
export const DECISION_CHANGES_SQL = `select (select version::text from matching_directory_versions where agency_id = $1) as version,
         pg_snapshot_xmin(pg_current_snapshot())::text as since,
         (select coalesce(string_agg(o.counsellor_id || ':' || o.open_cases, ','), '')
            from matching_open_cases o where o.changed >= $2::xid8) as open,
         (select coalesce(string_agg(w.counsellor_id || ':' || w.minutes, ','), '')
            from matching_minutes w where w.changed >= $2::xid8 and w.week = $3) as minutes`;

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
  since: string;
  counsellors: number;
  load: string;
}

interface ChangesRow {
  version: string | null;
  since: string;
  /** `counsellor:open cases` of the rows written since; '' when none. */
  open: string;
  /** `counsellor:minutes` of the week's rows written since; '' when none. */
  minutes: string;
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

/**
 * The load as it was in one snapshot: each counsellor's open cases and the week's minutes, in the standing directory's
 * order, and `since`, the oldest transaction running then: what changed after is in rows written by it or later ones.
 */
interface KeptLoad {
  week: string;
  since: bigint;
  /** When it was first read in full (`Date.now()`): it is read in full again after `LOAD_KEPT_MS`. */
  readAt: number;
  open: number[];
  minutes: number[];
}

/** An agency's standing directory as read, with the version it was read at, and its load once read in full. */
interface StandingDirectory {
  version: string | null;
  counsellors: Standing[];
  /** Each counsellor's position in `counsellors`. */
  positions: Map<string, number>;
  load?: KeptLoad;
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

/**
 * How long a load read in full is kept and changed by the rows written since before it is read in full again. Each
 * changes read asks for every agency's rows written since the kept load's snapshot (at most both tables, when a long
 * transaction anywhere in the cluster holds that snapshot's oldest transaction back).
 */
const LOAD_KEPT_MS = 60_000;

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
   * that overlap the window. What stands between changes to the directory (profiles, absences, conflicts) is kept
   * from an earlier read while its version holds, and read again when it moved: a change committed anywhere, by any
   * replica, raises it (ADR 0078). The load is kept too, as it was in the snapshot of a read, and per call only the
   * rows written since are read, with the version, in one statement (ADR 0079). A full read of the load is matched to
   * the counsellors by position, so both must come from one version: read again if the directory changed between.
   */
  async candidates(agencyId: string, window: { from: string; until: string }, week: string): Promise<Candidate[]> {
    let kept = this.standing.get(agencyId);
    for (let attempt = 1; ; attempt++) {
      if (kept?.load?.week === week && Date.now() - kept.load.readAt < LOAD_KEPT_MS) {
        const changed = await this.changedLoad(agencyId, kept, kept.load);
        if (changed) return this.assemble(kept, changed, window);
      }
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
      const open: number[] = [];
      const minutes: number[] = [];
      if (now.load !== '') {
        for (const pair of now.load.split(',')) {
          const colon = pair.indexOf(':');
          open.push(Number(pair.slice(0, colon)));
          minutes.push(Number(pair.slice(colon + 1)));
        }
      }
      return this.assemble(kept, this.keep(kept, { week, since: BigInt(now.since), readAt: Date.now(), open, minutes }), window);
    }
  }

  /**
   * The load now: the kept one with the rows written since it was read laid over it (rows of counsellors the agency
   * does not list are another agency's); undefined when the directory's version moved, for a full read.
   */
  private async changedLoad(agencyId: string, kept: StandingDirectory, load: KeptLoad): Promise<KeptLoad | undefined> {
    const [now] = await this.query<ChangesRow>(DECISION_CHANGES_SQL, [agencyId, load.since.toString(), load.week]);
    if (now.version !== kept.version) return undefined;
    const open = now.open === '' ? load.open : load.open.slice();
    const minutes = now.minutes === '' ? load.minutes : load.minutes.slice();
    for (const [list, into] of [
      [now.open, open],
      [now.minutes, minutes],
    ] as const) {
      if (list === '') continue;
      for (const pair of list.split(',')) {
        const colon = pair.indexOf(':');
        const at = kept.positions.get(pair.slice(0, colon));
        if (at !== undefined) into[at] = Number(pair.slice(colon + 1));
      }
    }
    // Each row holds its figure, not a difference: laying the same row over twice, or an older read's rows over a
    // newer load, gives the figure of the read that laid it. Only a later snapshot's load replaces the kept one.
    return this.keep(kept, { week: load.week, since: BigInt(now.since), readAt: load.readAt, open, minutes });
  }

  /**
   * Keeps the load unless one of a later snapshot (of the same week) is kept already; returns it either way. Any load
   * kept is exact as of its snapshot, so which of two decisions at once keeps its own is only a question of how many
   * rows the next one asks for. (A snapshot's oldest running transaction never goes back: a later read's is no lower.)
   */
  private keep(kept: StandingDirectory, load: KeptLoad): KeptLoad {
    const current = kept.load;
    if (!current || current.week !== load.week || current.since <= load.since) kept.load = load;
    return load;
  }

  private assemble(kept: StandingDirectory, load: KeptLoad, window: { from: string; until: string }): Candidate[] {
    return kept.counsellors.map(({ candidate, absences }, i) => ({
      ...candidate,
      openCases: load.open[i],
      minutesThisWeek: load.minutes[i],
      absences: absences.filter((a) => a.from <= window.until && a.until >= window.from),
    }));
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
    const standing = { version: rows[0].version, counsellors, positions: new Map(listed.map((r, i) => [r.counsellor_id, i])) };
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
