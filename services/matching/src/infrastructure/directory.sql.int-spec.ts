import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import type { ReadModels } from '@vertrouwd/service-kit';
import { createTestDatabase, type TestDatabase } from '@vertrouwd/testing';
import type { CounsellorProfile } from '../domain/directory/directory.values';
import type { Candidate } from '../domain/match/match-rules';
import { profileFields, SqlMatchingDirectory } from './directory.sql';
import { MATCHING_MIGRATIONS } from './migrations';
import { DecisionReads1796500000078 } from './migrations/1796500000078-decision-reads';

/**
 * The oracle: the candidate read as it was before ADR 0078, every figure aggregated from the rows on each call (no
 * counter, no version, nothing kept). An independent implementation of what `candidates()` must answer.
 */
const ORACLE_SQL = `with agency as (select counsellor_id, agency_id, status, profile from matching_counsellors where agency_id = $1),
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

interface OracleRow {
  counsellor_id: string;
  agency_id: string;
  status: string;
  profile: CounsellorProfile;
  open_cases: number;
  minutes: number;
  absences: { from: string; until: string; substituteId: string | null }[] | null;
  conflicts: string[] | null;
}

const WEEKS = ['2026-11-30', '2026-12-07'];
const WINDOW = { from: '2026-12-07', until: '2026-12-14' };

/** A candidate with its lists in one order: the oracle's aggregates have none. */
function comparable(c: Candidate) {
  const byDates = (a: { from: string; until: string }, b: { from: string; until: string }) =>
    a.from.localeCompare(b.from) || a.until.localeCompare(b.until);
  return { ...c, absences: [...c.absences].sort(byDates), conflictOrganisationIds: [...c.conflictOrganisationIds].sort() };
}

describe('SqlMatchingDirectory.candidates (ADR 0078)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let replicaSource: DataSource;

  const open = async () => {
    const source = new DataSource({
      type: 'postgres',
      url: db.url,
      migrations: MATCHING_MIGRATIONS,
      migrationsTableName: 'read_model_migrations',
    });
    await source.initialize();
    return source;
  };

  beforeAll(async () => {
    db = await createTestDatabase('matching_directory');
    dataSource = await open();
    await dataSource.runMigrations({ transaction: 'each' });
    replicaSource = await open();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await replicaSource?.destroy();
    await db?.drop();
  });
  beforeEach(async () => {
    await dataSource.query(`truncate matching_counsellors, matching_absences, matching_conflicts, matching_case_load, matching_minutes`);
  });

  const directoryOn = (source: DataSource) => new SqlMatchingDirectory({ dataSource: source } as ReadModels);

  async function oracle(agencyId: string, week: string): Promise<Candidate[]> {
    const rows: OracleRow[] = await dataSource.query(ORACLE_SQL, [agencyId, WINDOW.from, WINDOW.until, week]);
    return rows.map((r) => ({
      counsellorId: r.counsellor_id,
      agencyId: r.agency_id,
      active: r.status === 'active',
      ...profileFields(r.profile),
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

  const profile = (capacity: number, organisationId?: string) => ({
    kind: organisationId ? 'internal' : 'external',
    ...(organisationId ? { organisationId } : {}),
    roles: ['vertrouwenspersoon'],
    languages: ['nl', 'en'],
    gender: 'female',
    regions: ['utrecht'],
    specialisms: [],
    capacityCases: capacity,
    capacityHoursPerWeek: 8,
    sealedName: 'sealed:x',
  });

  /** One change to the read models, as the projector and the listeners make them. */
  type Step =
    | { kind: 'counsellor'; agency: number; capacity: number }
    | { kind: 'profile'; who: number; capacity: number }
    | { kind: 'status'; who: number; active: boolean }
    | { kind: 'absence'; who: number; from: number; days: number; substitute: number | null }
    | { kind: 'end-absence'; which: number }
    | { kind: 'conflict'; who: number; withOrganisation: boolean }
    | { kind: 'end-conflict'; which: number }
    | { kind: 'case'; who: number }
    | { kind: 'close'; which: number }
    | { kind: 'reopen'; which: number }
    | { kind: 'reassign'; which: number; who: number }
    | { kind: 'remove-case'; which: number }
    | { kind: 'minutes'; who: number; week: number; minutes: number }
    | { kind: 'rebuild' }
    | { kind: 'rebuild-load' };

  const index = fc.nat({ max: 40 });
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ kind: fc.constant('counsellor' as const), agency: fc.nat({ max: 1 }), capacity: fc.integer({ min: 1, max: 9 }) }),
    fc.record({ kind: fc.constant('profile' as const), who: index, capacity: fc.integer({ min: 1, max: 9 }) }),
    fc.record({ kind: fc.constant('status' as const), who: index, active: fc.boolean() }),
    fc.record({
      kind: fc.constant('absence' as const),
      who: index,
      from: fc.integer({ min: -10, max: 20 }),
      days: fc.nat({ max: 10 }),
      substitute: fc.option(index, { nil: null }),
    }),
    fc.record({ kind: fc.constant('end-absence' as const), which: index }),
    fc.record({ kind: fc.constant('conflict' as const), who: index, withOrganisation: fc.boolean() }),
    fc.record({ kind: fc.constant('end-conflict' as const), which: index }),
    fc.record({ kind: fc.constant('case' as const), who: index }),
    fc.record({ kind: fc.constant('case' as const), who: index }),
    fc.record({ kind: fc.constant('close' as const), which: index }),
    fc.record({ kind: fc.constant('reopen' as const), which: index }),
    fc.record({ kind: fc.constant('reassign' as const), which: index, who: index }),
    fc.record({ kind: fc.constant('remove-case' as const), which: index }),
    fc.record({ kind: fc.constant('minutes' as const), who: index, week: fc.nat({ max: 1 }), minutes: fc.integer({ min: 1, max: 120 }) }),
    fc.constant({ kind: 'rebuild' as const }),
    fc.constant({ kind: 'rebuild-load' as const }),
  );

  const day = (offset: number) => new Date(Date.UTC(2026, 11, 7 + offset)).toISOString().slice(0, 10);

  it('answers what the rows say after any sequence of changes, from memory or not, in this process and in another', async () => {
    const agencies = [randomUUID(), randomUUID()];
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 40 }), async (steps) => {
        await dataSource.query(
          `truncate matching_counsellors, matching_absences, matching_conflicts, matching_case_load, matching_minutes`,
        );
        // One directory asked after every step (what it keeps is tested), one "replica" asked only at the end.
        const here = directoryOn(dataSource);
        const replica = directoryOn(replicaSource);
        const counsellors: { id: string; agencyId: string }[] = [];
        const absences: string[] = [];
        const conflicts: string[] = [];
        const cases: string[] = [];
        const pick = <T>(list: T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);
        // Every sequence starts with two counsellors in each agency, so its later steps have someone to change.
        const start: Step[] = [0, 1, 0, 1].map((agency) => ({ kind: 'counsellor', agency, capacity: 3 }));
        for (const s of [...start, ...steps]) {
          await apply(s);
          for (const agencyId of agencies) {
            for (const week of WEEKS) {
              expect((await here.candidates(agencyId, WINDOW, week)).map(comparable)).toEqual(
                (await oracle(agencyId, week)).map(comparable),
              );
            }
          }
        }
        for (const agencyId of agencies) {
          expect((await replica.candidates(agencyId, WINDOW, WEEKS[1])).map(comparable)).toEqual(
            (await oracle(agencyId, WEEKS[1])).map(comparable),
          );
        }

        async function apply(s: Step): Promise<void> {
          const who = 'who' in s ? pick(counsellors, s.who) : undefined;
          switch (s.kind) {
            case 'counsellor': {
              const id = randomUUID();
              const agencyId = agencies[s.agency];
              counsellors.push({ id, agencyId });
              await dataSource.query(
                `insert into matching_counsellors (counsellor_id, agency_id, user_id, username, status, profile, version, onboarded_at)
                 values ($1, $2, $4, $4, 'active', $3, 1, now())`,
                [id, agencyId, JSON.stringify(profile(s.capacity, s.capacity % 3 === 0 ? randomUUID() : undefined)), `user-${id}`],
              );
              return;
            }
            case 'profile':
              if (who)
                await dataSource.query('update matching_counsellors set profile = $2 where counsellor_id = $1', [
                  who.id,
                  profile(s.capacity),
                ]);
              return;
            case 'status':
              if (who)
                await dataSource.query('update matching_counsellors set status = $2 where counsellor_id = $1', [
                  who.id,
                  s.active ? 'active' : 'inactive',
                ]);
              return;
            case 'absence': {
              if (!who) return;
              const id = randomUUID();
              absences.push(id);
              const substitute = s.substitute === null ? null : (pick(counsellors, s.substitute)?.id ?? null);
              await dataSource.query(
                `insert into matching_absences (absence_id, counsellor_id, agency_id, from_day, until_day, substitute_id)
                 select $1, $2, agency_id, $3, $4, $5 from matching_counsellors where counsellor_id = $2`,
                [id, who.id, day(s.from), day(s.from + s.days), substitute],
              );
              return;
            }
            case 'end-absence': {
              const id = pick(absences, s.which);
              if (id) await dataSource.query('delete from matching_absences where absence_id = $1', [id]);
              return;
            }
            case 'conflict': {
              if (!who) return;
              const id = randomUUID();
              conflicts.push(id);
              await dataSource.query(
                `insert into matching_conflicts (conflict_id, counsellor_id, agency_id, organisation_id, case_id, review_by, declared_at)
                 select $1, $2, agency_id, $3, $4, '2027-12-01', clock_timestamp() from matching_counsellors where counsellor_id = $2`,
                [id, who.id, s.withOrganisation ? randomUUID() : null, s.withOrganisation ? null : randomUUID()],
              );
              return;
            }
            case 'end-conflict': {
              const id = pick(conflicts, s.which);
              if (id) await dataSource.query('delete from matching_conflicts where conflict_id = $1', [id]);
              return;
            }
            case 'case': {
              if (!who) return;
              const id = randomUUID();
              cases.push(id);
              await dataSource.query(
                `insert into matching_case_load (case_id, counsellor_id, open, updated_at) values ($1, $2, true, now())
                 on conflict (case_id) do update set counsellor_id = excluded.counsellor_id, open = true`,
                [id, who.id],
              );
              return;
            }
            case 'close':
            case 'reopen': {
              const id = pick(cases, s.which);
              if (id) await dataSource.query('update matching_case_load set open = $2 where case_id = $1', [id, s.kind === 'reopen']);
              return;
            }
            case 'reassign': {
              const id = pick(cases, s.which);
              if (id && who) await dataSource.query('update matching_case_load set counsellor_id = $2 where case_id = $1', [id, who.id]);
              return;
            }
            case 'remove-case': {
              const id = pick(cases, s.which);
              if (id) await dataSource.query('delete from matching_case_load where case_id = $1', [id]);
              return;
            }
            case 'minutes':
              if (who) {
                await dataSource.query(
                  `insert into matching_minutes (counsellor_id, week, minutes) values ($1, $2, $3)
                   on conflict (counsellor_id, week) do update set minutes = matching_minutes.minutes + excluded.minutes`,
                  [who.id, WEEKS[s.week], s.minutes],
                );
              }
              return;
            case 'rebuild': {
              // The projector's rebuild: its tables emptied and filled again from the events (here: as they were).
              const [kept] = await dataSource.query(
                `select (select coalesce(json_agg(c), '[]') from matching_counsellors c) as counsellors,
                        (select coalesce(json_agg(a), '[]') from matching_absences a) as absences,
                        (select coalesce(json_agg(k), '[]') from matching_conflicts k) as conflicts`,
              );
              await dataSource.query('truncate matching_counsellors, matching_absences, matching_conflicts');
              await dataSource.query(
                `insert into matching_counsellors select * from json_populate_recordset(null::matching_counsellors, $1)`,
                [JSON.stringify(kept.counsellors)],
              );
              await dataSource.query(`insert into matching_absences select * from json_populate_recordset(null::matching_absences, $1)`, [
                JSON.stringify(kept.absences),
              ]);
              await dataSource.query(`insert into matching_conflicts select * from json_populate_recordset(null::matching_conflicts, $1)`, [
                JSON.stringify(kept.conflicts),
              ]);
              return;
            }
            case 'rebuild-load': {
              // The load's tables emptied and filled again (rows removed: no transaction id says so; ADR 0079).
              const [kept] = await dataSource.query(
                `select (select coalesce(json_agg(l), '[]') from matching_case_load l) as load,
                        (select coalesce(json_agg(w), '[]') from matching_minutes w) as minutes`,
              );
              await dataSource.query('truncate matching_case_load, matching_minutes');
              await dataSource.query(`insert into matching_case_load select * from json_populate_recordset(null::matching_case_load, $1)`, [
                JSON.stringify(kept.load),
              ]);
              await dataSource.query(
                `insert into matching_minutes (counsellor_id, week, minutes)
                 select counsellor_id, week, minutes from json_populate_recordset(null::matching_minutes, $1)`,
                [JSON.stringify(kept.minutes)],
              );
              return;
            }
          }
        }
      }),
      { numRuns: 40, seed: 78 },
    );
  });

  it('keeps an agency read while its directory does not change: only what changed of the load is read again', async () => {
    const agencyId = randomUUID();
    const id = randomUUID();
    await dataSource.query(
      `insert into matching_counsellors (counsellor_id, agency_id, user_id, username, status, profile, version, onboarded_at)
       values ($1, $2, 'u', 'u', 'active', $3, 1, now())`,
      [id, agencyId, JSON.stringify(profile(4))],
    );
    const directory = directoryOn(dataSource);
    const statements: string[] = [];
    const query = dataSource.query.bind(dataSource);
    const spy = jest.spyOn(dataSource, 'query').mockImplementation(((sql: string, params?: unknown[]) => {
      statements.push(
        sql.includes('changed >=')
          ? 'changes'
          : sql.includes('string_agg')
            ? 'load'
            : sql.includes('matching_absences')
              ? 'standing'
              : 'other',
      );
      return query(sql, params);
    }) as typeof dataSource.query);
    try {
      await directory.candidates(agencyId, WINDOW, WEEKS[1]);
      await directory.candidates(agencyId, WINDOW, WEEKS[1]);
      await query(`insert into matching_case_load (case_id, counsellor_id, open, updated_at) values ($1, $2, true, now())`, [
        randomUUID(),
        id,
      ]);
      const [after] = await directory.candidates(agencyId, WINDOW, WEEKS[1]);
      expect(after.openCases).toBe(1);
      expect(statements).toEqual(['load', 'standing', 'changes', 'changes']);
      // Another week: its minutes read in full.
      await directory.candidates(agencyId, WINDOW, WEEKS[0]);
      expect(statements.slice(4)).toEqual(['load']);
      // A change to the directory itself: read again, with the whole load.
      await query('update matching_counsellors set status = $2 where counsellor_id = $1', [id, 'inactive']);
      const [inactive] = await directory.candidates(agencyId, WINDOW, WEEKS[0]);
      expect(inactive.active).toBe(false);
      expect(inactive.openCases).toBe(1);
      expect(statements.slice(5)).toEqual(['changes', 'load', 'standing']);
      // A minute on, the load is read in full again (what changed since is asked of every agency's rows).
      const now = Date.now();
      const clock = jest.spyOn(Date, 'now').mockReturnValue(now + 61_000);
      try {
        await directory.candidates(agencyId, WINDOW, WEEKS[0]);
        await directory.candidates(agencyId, WINDOW, WEEKS[0]);
      } finally {
        clock.mockRestore();
      }
      expect(statements.slice(8)).toEqual(['load', 'changes']);
    } finally {
      spy.mockRestore();
    }
  });

  it('sees a change committed after a read by a transaction that began before it, and one made by a later one', async () => {
    // The edge of ADR 0079: a transaction with an older id than one already seen commits later.
    const agencyId = randomUUID();
    const [a, b] = [randomUUID(), randomUUID()];
    for (const id of [a, b]) {
      await dataSource.query(
        `insert into matching_counsellors (counsellor_id, agency_id, user_id, username, status, profile, version, onboarded_at)
         values ($1, $2, $4, $4, 'active', $3, 1, now())`,
        [id, agencyId, JSON.stringify(profile(4)), `user-${id}`],
      );
    }
    const directory = directoryOn(dataSource);
    const load = async () =>
      Object.fromEntries(
        (await directory.candidates(agencyId, WINDOW, WEEKS[1])).map((c) => [c.counsellorId, [c.openCases, c.minutesThisWeek]]),
      );
    expect(await load()).toEqual({ [a]: [0, 0], [b]: [0, 0] });
    const early = dataSource.createQueryRunner();
    await early.connect();
    try {
      await early.startTransaction();
      await early.query(`insert into matching_case_load (case_id, counsellor_id, open, updated_at) values ($1, $2, true, now())`, [
        randomUUID(),
        a,
      ]);
      await early.query(`insert into matching_minutes (counsellor_id, week, minutes) values ($1, $2, 30)`, [a, WEEKS[1]]);
      // A later transaction commits first, and a read sees it (not the earlier one, still open).
      await dataSource.query(`insert into matching_case_load (case_id, counsellor_id, open, updated_at) values ($1, $2, true, now())`, [
        randomUUID(),
        b,
      ]);
      expect(await load()).toEqual({ [a]: [0, 0], [b]: [1, 0] });
      await early.commitTransaction();
    } finally {
      await early.release();
    }
    expect(await load()).toEqual({ [a]: [1, 30], [b]: [1, 0] });
    // And the same from another process that never kept anything.
    expect(
      Object.fromEntries(
        (await directoryOn(replicaSource).candidates(agencyId, WINDOW, WEEKS[1])).map((c) => [c.counsellorId, c.openCases]),
      ),
    ).toEqual({ [a]: 1, [b]: 1 });
  });

  it('answers each of many decisions at once with a load that was true at some moment, and ends on the last', async () => {
    const agencyId = randomUUID();
    const ids = Array.from({ length: 6 }, () => randomUUID());
    for (const id of ids) {
      await dataSource.query(
        `insert into matching_counsellors (counsellor_id, agency_id, user_id, username, status, profile, version, onboarded_at)
         values ($1, $2, $4, $4, 'active', $3, 1, now())`,
        [id, agencyId, JSON.stringify(profile(4)), `user-${id}`],
      );
    }
    const directory = directoryOn(dataSource);
    await directory.candidates(agencyId, WINDOW, WEEKS[1]);
    // Cases only ever open here, one write at a time: a total that was true at some moment during a read is at least
    // the writes done before it and at most those done after it and the one in flight (committed, not yet counted).
    let written = 0;
    const writes = (async () => {
      for (let i = 0; i < 60; i++) {
        await dataSource.query(`insert into matching_case_load (case_id, counsellor_id, open, updated_at) values ($1, $2, true, now())`, [
          randomUUID(),
          ids[i % ids.length],
        ]);
        written++;
      }
    })();
    const answers: { before: number; total: number; after: number }[] = [];
    const reads = Array.from({ length: 4 }, async () => {
      while (written < 60) {
        const before = written;
        const total = (await directory.candidates(agencyId, WINDOW, WEEKS[1])).reduce((sum, c) => sum + c.openCases, 0);
        answers.push({ before, total, after: written });
      }
    });
    await Promise.all([writes, ...reads]);
    expect(answers.length).toBeGreaterThan(0);
    for (const { before, total, after } of answers) {
      expect(total).toBeGreaterThanOrEqual(before);
      expect(total).toBeLessThanOrEqual(after + 1);
    }
    const last = await directory.candidates(agencyId, WINDOW, WEEKS[1]);
    expect(last.map((c) => c.openCases)).toEqual(ids.map(() => 10));
  });

  it('reads the directory again when its count does not match the load at the same version, instead of failing', async () => {
    const agencyId = randomUUID();
    const insert = (id: string) =>
      dataSource.query(
        `insert into matching_counsellors (counsellor_id, agency_id, user_id, username, status, profile, version, onboarded_at)
         values ($1, $2, 'u', 'u', 'active', $3, 1, now())`,
        [id, agencyId, JSON.stringify(profile(2))],
      );
    await insert(randomUUID());
    const directory = directoryOn(dataSource);
    expect(await directory.candidates(agencyId, WINDOW, WEEKS[1])).toHaveLength(1);
    // A write the triggers do not see (replication's session role skips them): the version stays, the count moves.
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('set session_replication_role = replica');
      await runner.query(
        `insert into matching_counsellors (counsellor_id, agency_id, user_id, username, status, profile, version, onboarded_at)
         values ($1, $2, 'u', 'u', 'active', $3, 1, now())`,
        [randomUUID(), agencyId, JSON.stringify(profile(2))],
      );
      await runner.query('set session_replication_role = origin');
    } finally {
      await runner.release();
    }
    // The kept load sees no change (no version raised, no load written); a full read of the load (another week, or a
    // minute later) finds two counsellors at the version it keeps one for, and reads the directory again.
    expect(await directory.candidates(agencyId, WINDOW, WEEKS[0])).toHaveLength(2);
  });

  it('answers an agency without counsellors with none, and sees its first one', async () => {
    const agencyId = randomUUID();
    const directory = directoryOn(dataSource);
    expect(await directory.candidates(agencyId, WINDOW, WEEKS[1])).toEqual([]);
    await dataSource.query(
      `insert into matching_counsellors (counsellor_id, agency_id, user_id, username, status, profile, version, onboarded_at)
       values ($1, $2, 'u', 'u', 'active', $3, 1, now())`,
      [randomUUID(), agencyId, JSON.stringify(profile(2))],
    );
    expect(await directory.candidates(agencyId, WINDOW, WEEKS[1])).toHaveLength(1);
  });
});

describe('the decision reads migration (ADR 0078) on read models that hold rows already', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase('matching_directory_upgrade');
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('counts the open cases and versions the agencies there are, so the first read after it is right', async () => {
    const before = MATCHING_MIGRATIONS.slice(0, MATCHING_MIGRATIONS.indexOf(DecisionReads1796500000078));
    const old = new DataSource({ type: 'postgres', url: db.url, migrations: before, migrationsTableName: 'read_model_migrations' });
    await old.initialize();
    await old.runMigrations({ transaction: 'each' });
    const agencyId = randomUUID();
    const [a, b] = [randomUUID(), randomUUID()];
    for (const id of [a, b]) {
      await old.query(
        `insert into matching_counsellors (counsellor_id, agency_id, user_id, username, status, profile, version, onboarded_at)
         values ($1, $2, 'u', 'u', 'active', '{"kind":"external","roles":[],"languages":[],"gender":"male","regions":[],"specialisms":[],"capacityCases":3,"capacityHoursPerWeek":4,"sealedName":"x"}', 1, now())`,
        [id, agencyId],
      );
    }
    for (const open of [true, true, false]) {
      await old.query('insert into matching_case_load (case_id, counsellor_id, open, updated_at) values ($1, $2, $3, now())', [
        randomUUID(),
        a,
        open,
      ]);
    }
    await old.destroy();
    dataSource = new DataSource({
      type: 'postgres',
      url: db.url,
      migrations: MATCHING_MIGRATIONS,
      migrationsTableName: 'read_model_migrations',
    });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const candidates = await new SqlMatchingDirectory({ dataSource } as ReadModels).candidates(agencyId, WINDOW, WEEKS[1]);
    expect(Object.fromEntries(candidates.map((c) => [c.counsellorId, c.openCases]))).toEqual({ [a]: 2, [b]: 0 });
    const [{ version }] = await dataSource.query('select version::int as version from matching_directory_versions where agency_id = $1', [
      agencyId,
    ]);
    expect(version).toBe(1);
  });
});
