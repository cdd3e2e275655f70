// The matching part of `npm run bench` (1/2): how long matching takes to decide who gets a new case, in an agency of
// 1,000 counsellors and 10,000 client organisations. (a) The pure decision, `decide()` of the domain, over the
// agency held in memory; (b) the decision as the service makes it on a report: the organisation, the agency and the
// candidates read from matching's read-model tables (`SqlMatchingDirectory`, on the benchmark's embedded
// PostgreSQL, in a database of its own), then `decide()`. Target from the issue: p99 ≤ 5 ms.
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { THEMES } from '../libs/contracts/src/fields';
import { REGIONS, SPECIALISMS } from '../libs/contracts/src/matching/matching.contracts';
import type { Candidate, Decision, MatchRequest, Tier } from '../services/matching/src/domain/match/match-rules';
import type { MatchingDirectory } from '../services/matching/src/application/ports/directory.port';
import { freshDatabase, random } from './support';

// Like bench/intake.ts: the service's code runs in a child process of its own (this file, BENCH_MATCHING_ROLE set),
// compiled with the runtime tsconfig as deploy/ runs it (the SQL directory is a NestJS provider), loaded by path at
// run time so the driver never loads it.
type MatchRulesModule = typeof import('../services/matching/src/domain/match/match-rules');
type DirectorySqlModule = typeof import('../services/matching/src/infrastructure/directory.sql');
type MigrationModule = typeof import('../services/matching/src/infrastructure/migrations');
type CalendarModule = typeof import('../services/matching/src/application/calendar');
const load = <T>(path: string): T => require(path) as T; // eslint-disable-line @typescript-eslint/no-require-imports
const ROOT = resolve(__dirname, '..');
const MATCHING = join(ROOT, 'services/matching/src');

export const AGENCY = { counsellors: 1_000, organisations: 10_000 };
/** A second, smaller agency in the same tables, so every query must pick its agency out. */
const OTHER_AGENCY = { counsellors: 200, organisations: 2_000 };
const TARGET_P99_MS = 5;

export interface Latencies {
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface MatchingDecisionFigures {
  /** The 1-minute load average when the timing ended: other work on the machine shows in the tail. */
  loadAverage: number;
  counsellors: number;
  organisations: number;
  pure: Latencies & { perSec: number; byTier: Partial<Record<Tier | 'none', number>> };
  sql: {
    /** The three reads (organisation, agency, candidates), as the service makes them. */
    reads: Latencies;
    /** `candidates()` alone. */
    candidates: Latencies;
    decide: Latencies;
    /** Reads and decision: what one report costs matching before its event is written. */
    total: Latencies;
    perSec: number;
    /**
     * Reads and decision right after a change to the agency's directory (its version raised before each): the
     * standing directory (profiles, absences, conflicts) is read again, not kept (ADR 0078).
     */
    afterChange: Latencies;
    /** Rows in the read-model tables. */
    rows: Record<string, number>;
    /** EXPLAIN (ANALYZE, BUFFERS) of the per-decision read (load, minutes, version), its summary lines. */
    plan: string[];
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
function latencies(samples: number[]): Latencies {
  const sorted = [...samples].sort((a, b) => a - b);
  return { samples: sorted.length, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99), maxMs: sorted[sorted.length - 1] };
}

const addDays = (day: string, days: number) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

interface Organisation {
  organisationId: string;
  agencyId: string;
  intakeCode: string;
  regions: string[];
  languages: string[];
  headcount: number;
  appointment: { primaryId: string; substituteId: string; internalIds: string[] };
}
interface Agency {
  agencyId: string;
  counsellors: Candidate[];
  organisations: Organisation[];
}

/**
 * An agency as a real one might look: mostly external counsellors of both roles, one in ten internal (an employee of
 * one client), Dutch for all and other languages for some, 1–3 regions, 0–3 specialisms, capacities of 4–20 cases
 * and 4–24 hours a week at various loads (about one in ten full), one in ten absent some time this month (half of
 * them during the window, with a stand-in), one in twenty with declared conflicts, 2 % deactivated. Every
 * organisation has a primary and a substitute among the external counsellors.
 */
export function generateAgency(seed: number, size: { counsellors: number; organisations: number }, today: string): Agency {
  const r = random(seed);
  const agencyId = r.uuid();
  const organisations: Organisation[] = Array.from({ length: size.organisations }, (_, i) => ({
    organisationId: r.uuid(),
    agencyId,
    intakeCode: `org-${seed}-${i}`,
    regions: r.some(REGIONS, 1, 2),
    languages: ['nl', ...r.some(['en', 'en', 'pl', 'de', 'tr', 'ar'], 0, 2)].filter((l, k, all) => all.indexOf(l) === k),
    headcount: 5 + r.int(2_000),
    appointment: { primaryId: '', substituteId: '', internalIds: [] },
  }));
  const counsellors: Candidate[] = Array.from({ length: size.counsellors }, (_, i) => {
    const internal = i % 10 === 9;
    const capacityCases = 4 + r.int(17);
    const capacityHoursPerWeek = 4 + r.int(21);
    const full = r.next() < 0.1;
    const roll = r.next();
    const counsellor: Candidate = {
      counsellorId: r.uuid(),
      agencyId,
      active: r.next() >= 0.02,
      kind: internal ? 'internal' : 'external',
      roles: roll < 0.6 ? ['unwanted-behaviour', 'integrity'] : roll < 0.85 ? ['unwanted-behaviour'] : ['integrity'],
      languages: ['nl', ...r.some(['en', 'en', 'en', 'de', 'pl', 'tr', 'ar', 'fr'], 0, 2)].filter((l, k, all) => all.indexOf(l) === k),
      gender: r.next() < 0.1 ? 'non-binary' : r.next() < 0.5 ? 'female' : 'male',
      regions: r.some(REGIONS, 1, 3),
      specialisms: r.some(SPECIALISMS, 0, 3),
      capacityCases,
      capacityHoursPerWeek,
      openCases: full ? capacityCases : r.int(capacityCases),
      minutesThisWeek: r.next() < 0.05 ? capacityHoursPerWeek * 60 : r.int(capacityHoursPerWeek * 60),
      absences: [],
      conflictOrganisationIds: r.next() < 0.05 ? Array.from({ length: 1 + r.int(3) }, () => r.pick(organisations).organisationId) : [],
    };
    if (internal) {
      const own = r.pick(organisations);
      counsellor.organisationId = own.organisationId;
      own.appointment.internalIds.push(counsellor.counsellorId);
    }
    return counsellor;
  });
  const external = counsellors.filter((c) => c.kind === 'external');
  for (const c of counsellors) {
    if (r.next() >= 0.1) continue;
    const start = addDays(today, r.next() < 0.5 ? r.int(8) : 9 + r.int(20));
    (c.absences as Candidate['absences'][number][]).push({
      from: start,
      until: addDays(start, 1 + r.int(10)),
      ...(r.next() < 0.7 ? { substituteId: r.pick(external).counsellorId } : {}),
    });
  }
  for (const org of organisations) {
    const primary = r.pick(external);
    let substitute = r.pick(external);
    while (substitute === primary) substitute = r.pick(external);
    org.appointment.primaryId = primary.counsellorId;
    org.appointment.substituteId = substitute.counsellorId;
  }
  return { agencyId, counsellors, organisations };
}

/** A report as matching receives it: a random organisation, theme, language and (sometimes) preferences. */
export function generateRequests(agency: Agency, count: number, window: { from: string; until: string }, seed: number): MatchRequest[] {
  const r = random(seed);
  return Array.from({ length: count }, () => {
    const org = r.pick(agency.organisations);
    const roll = r.next();
    return {
      caseId: r.uuid(),
      agencyId: agency.agencyId,
      organisationId: org.organisationId,
      theme: r.pick(THEMES),
      language: roll < 0.88 ? 'nl' : roll < 0.97 ? 'en' : r.pick(['pl', 'tr', 'ar', 'de']),
      preferredGender: r.next() < 0.8 ? 'any' : r.pick(['female', 'male', 'non-binary'] as const),
      preferredKind: r.next() < 0.85 ? 'any' : r.pick(['internal', 'external'] as const),
      ...(r.next() < 0.03 ? { preferredCounsellorId: r.pick(agency.counsellors).counsellorId } : {}),
      declinedIds: r.next() < 0.02 ? [org.appointment.primaryId] : [],
      organisationRegions: org.regions as MatchRequest['organisationRegions'],
      organisationLanguages: org.languages,
      windowFrom: window.from,
      windowUntil: window.until,
    };
  });
}

/** (a) `decide()` alone, over the agency in memory, after a warm-up of 2,000 decisions. */
function pureDecisions(rules: MatchRulesModule, agency: Agency, requests: MatchRequest[]): MatchingDecisionFigures['pure'] {
  const appointments = new Map(agency.organisations.map((o) => [o.organisationId, o.appointment]));
  const byTier: Partial<Record<Tier | 'none', number>> = {};
  for (const request of requests.slice(0, 2_000)) rules.decide(request, appointments.get(request.organisationId)!, agency.counsellors);
  const samples = new Array<number>(requests.length);
  const started = performance.now();
  for (let i = 0; i < requests.length; i++) {
    const request = requests[i];
    const t0 = performance.now();
    const decision = rules.decide(request, appointments.get(request.organisationId)!, agency.counsellors);
    samples[i] = performance.now() - t0;
    const tier = decision.chosen?.tier ?? 'none';
    byTier[tier] = (byTier[tier] ?? 0) + 1;
  }
  const seconds = (performance.now() - started) / 1000;
  return { ...latencies(samples), perSec: requests.length / seconds, byTier };
}

/** The agency's rows, inserted straight into matching's read-model tables (what its projector would have written). */
export async function insertAgency(client: Client, agency: Agency, week: string, seed: number): Promise<void> {
  const r = random(seed);
  const now = new Date().toISOString();
  await client.query(
    `insert into matching_agencies (agency_id, sealed_name, status, settings, coordinators, registered_at)
     values ($1, 'sealed', 'active', $2, 1, $3)`,
    [agency.agencyId, JSON.stringify({ poolMatching: true, languages: ['nl', 'en'] }), now],
  );
  const rows = <T>(list: T[], size: number) =>
    Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
  for (const batch of rows(agency.counsellors, 500)) {
    await client.query(
      `insert into matching_counsellors (counsellor_id, agency_id, user_id, username, status, profile, version, onboarded_at)
       select x.id, $1, x.id::text, 'counsellor-' || x.id, x.status, x.profile, 1, $2
         from unnest($3::uuid[], $4::text[], $5::jsonb[]) as x(id, status, profile)`,
      [
        agency.agencyId,
        now,
        batch.map((c) => c.counsellorId),
        batch.map((c) => (c.active ? 'active' : 'inactive')),
        batch.map((c) =>
          JSON.stringify({
            kind: c.kind,
            ...(c.organisationId ? { organisationId: c.organisationId } : {}),
            roles: c.roles,
            languages: c.languages,
            gender: c.gender,
            regions: c.regions,
            specialisms: c.specialisms,
            capacityCases: c.capacityCases,
            capacityHoursPerWeek: c.capacityHoursPerWeek,
            sealedName: 'sealed-name-of-about-this-length-in-base64-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
            sealedIntroduction: 'sealed-introduction-'.repeat(12),
          }),
        ),
      ],
    );
  }
  const absences = agency.counsellors.flatMap((c) => c.absences.map((a) => ({ ...a, counsellorId: c.counsellorId })));
  // Past absences too: they stay in the table and the query must skip them.
  const past = agency.counsellors
    .filter(() => r.next() < 0.3)
    .map((c) => ({ counsellorId: c.counsellorId, from: addDays(week, -60 - r.int(300)), until: addDays(week, -30 - r.int(25)) }));
  for (const batch of rows([...absences, ...past], 1_000)) {
    await client.query(
      `insert into matching_absences (absence_id, counsellor_id, agency_id, from_day, until_day, substitute_id)
       select gen_random_uuid(), x.c, $1, x.f, x.u, x.s from unnest($2::uuid[], $3::date[], $4::date[], $5::uuid[]) as x(c, f, u, s)`,
      [
        agency.agencyId,
        batch.map((a) => a.counsellorId),
        batch.map((a) => a.from),
        batch.map((a) => a.until),
        batch.map((a) => ('substituteId' in a ? (a.substituteId ?? null) : null)),
      ],
    );
  }
  const conflicts = agency.counsellors.flatMap((c) => c.conflictOrganisationIds.map((o) => [c.counsellorId, o]));
  // Conflicts declared for single cases (no organisation) are rows the query must skip.
  const caseConflicts = agency.counsellors.filter(() => r.next() < 0.1).map((c) => [c.counsellorId, null]);
  for (const batch of rows([...conflicts, ...caseConflicts], 1_000)) {
    await client.query(
      `insert into matching_conflicts (conflict_id, counsellor_id, agency_id, organisation_id, case_id, review_by, declared_at)
       select gen_random_uuid(), x.c, $1, x.o, case when x.o is null then gen_random_uuid() end, $2, $3
         from unnest($4::uuid[], $5::uuid[]) as x(c, o)`,
      [agency.agencyId, addDays(week, 365), now, batch.map((k) => k[0]), batch.map((k) => k[1])],
    );
  }
  for (const batch of rows(agency.organisations, 1_000)) {
    await client.query(
      `insert into matching_organisations (organisation_id, agency_id, intake_code, snapshot, version, registered_at)
       select x.id, $1, x.code, x.snapshot, 3, $2 from unnest($3::uuid[], $4::text[], $5::jsonb[]) as x(id, code, snapshot)`,
      [
        agency.agencyId,
        now,
        batch.map((o) => o.organisationId),
        batch.map((o) => o.intakeCode),
        batch.map((o) =>
          JSON.stringify({
            organisationId: o.organisationId,
            agencyId: o.agencyId,
            version: 3,
            details: {
              sealedName: 'sealed-organisation-name',
              intakeCode: o.intakeCode,
              kvkNumber: '30111222',
              sbiCode: '1071',
              regions: o.regions,
              languages: o.languages,
            },
            headcount: o.headcount,
            headcountFrom: addDays(week, -400),
            appointment: o.appointment,
          }),
        ),
      ],
    );
  }
  // Each counsellor's open cases, and three closed ones for every open one (history the query must skip).
  const load = agency.counsellors.flatMap((c) => [
    ...Array.from({ length: c.openCases }, () => [c.counsellorId, true] as const),
    ...Array.from({ length: c.openCases * 3 }, () => [c.counsellorId, false] as const),
  ]);
  for (const batch of rows(load, 5_000)) {
    await client.query(
      `insert into matching_case_load (case_id, counsellor_id, open, updated_at)
       select gen_random_uuid(), x.c, x.o, $1 from unnest($2::uuid[], $3::boolean[]) as x(c, o)`,
      [now, batch.map((l) => l[0]), batch.map((l) => l[1])],
    );
  }
  // This week's minutes, and twelve earlier weeks'.
  const minutes = agency.counsellors.flatMap((c) => [
    [c.counsellorId, week, c.minutesThisWeek] as const,
    ...Array.from({ length: 12 }, (_, k) => [c.counsellorId, addDays(week, -7 * (k + 1)), r.int(c.capacityHoursPerWeek * 60)] as const),
  ]);
  for (const batch of rows(minutes, 5_000)) {
    await client.query(
      `insert into matching_minutes (counsellor_id, week, minutes)
       select x.c, x.w, x.m from unnest($1::uuid[], $2::date[], $3::int[]) as x(c, w, m)`,
      [batch.map((m) => m[0]), batch.map((m) => m[1]), batch.map((m) => m[2])],
    );
  }
}

/** (b) The service's way: organisation first, then organisation, agency and candidates at once, then `decide()`. */
async function sqlDecisions(
  rules: MatchRulesModule,
  directory: MatchingDirectory,
  requests: MatchRequest[],
  week: string,
  changeDirectory: () => Promise<unknown>,
  assign: (counsellorId: string) => Promise<unknown>,
): Promise<Omit<MatchingDecisionFigures['sql'], 'rows' | 'plan'>> {
  const reads: number[] = [];
  const candidates: number[] = [];
  const decides: number[] = [];
  const totals: number[] = [];
  const once = async (request: MatchRequest, measure: boolean) => {
    const t0 = performance.now();
    // MatchCaseHandler reads the organisation, the agency and the candidates at once (and whether the case was
    // matched already, left out here), then decides.
    let candidatesDone = 0;
    const [organisation, , all] = await Promise.all([
      directory.organisation(request.organisationId),
      directory.agency(request.agencyId),
      directory.candidates(request.agencyId, { from: request.windowFrom, until: request.windowUntil }, week).then((list) => {
        candidatesDone = performance.now();
        return list;
      }),
    ]);
    const t1 = performance.now();
    const decision: Decision = rules.decide(request, organisation?.appointment ?? { internalIds: [] }, all);
    const t2 = performance.now();
    if (!decision.ruleSet) throw new Error('no decision');
    if (measure) {
      reads.push(t1 - t0);
      candidates.push(candidatesDone - t0);
      decides.push(t2 - t1);
      totals.push(t2 - t0);
    }
    // The case assigned, as case's event reaches matching's listener (outside the timing): the next decision sees
    // the chosen counsellor's load one higher.
    if (decision.chosen) await assign(decision.chosen.counsellorId);
  };
  for (const request of requests.slice(0, 100)) await once(request, false);
  const started = performance.now();
  for (const request of requests) await once(request, true);
  const seconds = (performance.now() - started) / 1000;
  const steady = { reads: latencies(reads), candidates: latencies(candidates), decide: latencies(decides), total: latencies(totals) };
  // Each decision after a change to the directory (outside the timing): its standing part is read again.
  totals.length = 0;
  for (const request of requests.slice(0, 100)) {
    await changeDirectory();
    await once(request, true);
  }
  return { ...steady, perSec: requests.length / seconds, afterChange: latencies(totals) };
}

interface ChildConfig {
  databaseUrl: string;
  decisions: number;
  sqlDecisions: number;
}

/** The child process: generates the agencies, times (a), fills the tables, times (b). */
async function runChild(config: ChildConfig): Promise<void> {
  // The IPC channel would keep this process alive: it leaves once its message is out.
  const send = (message: object) => process.send?.(message, () => process.exit(0));
  try {
    const rules = load<MatchRulesModule>(join(MATCHING, 'domain/match/match-rules'));
    const { weekOf } = load<CalendarModule>(join(MATCHING, 'application/calendar'));
    const { SqlMatchingDirectory, DECISION_CHANGES_SQL } = load<DirectorySqlModule>(join(MATCHING, 'infrastructure/directory.sql'));
    const { MATCHING_MIGRATIONS } = load<MigrationModule>(join(MATCHING, 'infrastructure/migrations'));
    const { DataSource } = load<typeof import('typeorm')>('typeorm');
    const window = rules.acknowledgementWindow(new Date());
    const week = weekOf(window.from);
    const agency = generateAgency(9, AGENCY, window.from);
    const other = generateAgency(10, OTHER_AGENCY, window.from);
    const progress = (what: string) => console.error(`matching decision: ${what}`);
    progress('decide() alone');
    const pure = pureDecisions(rules, agency, generateRequests(agency, config.decisions, window, 11));

    // The same data source matching's ReadModels makes (TypeORM, postgres driver, its default pool).
    const dataSource = new DataSource({
      type: 'postgres',
      url: config.databaseUrl,
      migrations: MATCHING_MIGRATIONS,
      migrationsTableName: 'read_model_migrations',
      synchronize: false,
    });
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
      const client = new Client({ connectionString: config.databaseUrl });
      await client.connect();
      try {
        progress('filling the read-model tables');
        await insertAgency(client, agency, week, 12);
        await insertAgency(client, other, week, 13);
        await client.query('vacuum analyze');
        const counts: Record<string, number> = {};
        for (const table of [
          'matching_counsellors',
          'matching_organisations',
          'matching_absences',
          'matching_conflicts',
          'matching_case_load',
          'matching_minutes',
        ]) {
          const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from ${table}`);
          counts[table] = rows[0].n;
        }
        progress('reads and decide()');
        const directory = new SqlMatchingDirectory({ dataSource } as ConstructorParameters<typeof SqlMatchingDirectory>[0]);
        // A change to the directory as the triggers record it: the agency's version raised.
        const change = () =>
          client.query('update matching_directory_versions set version = version + 1 where agency_id = $1', [agency.agencyId]);
        const assign = (counsellorId: string) =>
          client.query(
            `insert into matching_case_load (case_id, counsellor_id, open, updated_at) values (gen_random_uuid(), $1, true, now())`,
            [counsellorId],
          );
        const requests = generateRequests(agency, config.sqlDecisions, window, 14);
        const sql = await sqlDecisions(rules, directory, requests, week, change, assign);
        const plan = await explainDecisionChanges(client, DECISION_CHANGES_SQL, agency.agencyId, week, () =>
          assign(agency.counsellors[0].counsellorId),
        );
        send({
          phase: 'result',
          figures: {
            loadAverage: loadavg()[0],
            counsellors: AGENCY.counsellors,
            organisations: AGENCY.organisations,
            pure,
            sql: { ...sql, rows: counts, plan },
          },
        });
      } finally {
        await client.end();
      }
    } finally {
      await dataSource.destroy();
    }
  } catch (error) {
    send({ phase: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

/** EXPLAIN ANALYZE of the per-decision read: `SqlMatchingDirectory`'s own statement. */
/** EXPLAIN of the per-decision read of what changed since a read, with one assignment in between (as in (b)). */
async function explainDecisionChanges(
  client: Client,
  statement: string,
  agencyId: string,
  week: string,
  assign: () => Promise<unknown>,
): Promise<string[]> {
  await client.query(`prepare decision_changes(uuid, xid8, date) as ${statement}`);
  const since = async () =>
    (await client.query<{ since: string }>('select pg_snapshot_xmin(pg_current_snapshot())::text as since')).rows[0].since;
  // The values are ours (a generated uuid, a date, a transaction id), checked by their shape before they join the statement.
  const execute = async () => {
    const values = [agencyId, await since(), week];
    await assign();
    if (!values.every((v) => /^[0-9a-f-]+$/.test(v))) throw new Error('unexpected value');
    return `execute decision_changes('${values[0]}', '${values[1]}', '${values[2]}')`;
  };
  for (let i = 0; i < 6; i++) await client.query(await execute());
  const { rows } = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers, costs off) ${await execute()}`);
  return rows.map((r) => r['QUERY PLAN']);
}

export async function benchmarkMatchingDecision(adminUrl: string, decisions: number): Promise<MatchingDecisionFigures> {
  const config: ChildConfig = {
    databaseUrl: await freshDatabase(adminUrl, 'bench_matching_decision'),
    decisions,
    sqlDecisions: Math.max(100, Math.min(1_000, Math.floor(decisions / 40))),
  };
  const child = spawn(process.execPath, ['-r', '@swc-node/register', __filename], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.runtime.json'), BENCH_MATCHING_ROLE: JSON.stringify(config) },
  });
  return new Promise((resolvePromise, reject) => {
    let result: MatchingDecisionFigures | undefined;
    child.on('message', (message: { phase: string; figures?: MatchingDecisionFigures; error?: string }) => {
      if (message.phase === 'result') result = message.figures;
      else if (message.phase === 'failed') reject(new Error(message.error));
    });
    child.once('exit', (code) => (result ? resolvePromise(result) : reject(new Error(`the matching bench exited with code ${code}`))));
  });
}

/** The plan's lines that say where the time goes: the nodes with their actual times and loops, and the totals. */
function planSummary(plan: string[]): string[] {
  return plan.filter((line) => /actual time|Execution Time|Planning Time/.test(line)).map((line) => line.replace(/\s+$/, ''));
}

export function renderMatchingDecision(f: MatchingDecisionFigures): string {
  const int = (n: number) => Math.round(n).toLocaleString('en-US');
  const ms = (n: number) => `${n.toFixed(2)} ms`;
  const verdict = (ok: boolean) => (ok ? '**PASS**' : '**MISS**');
  const trio = (l: Latencies) => `${ms(l.p50Ms)} / ${ms(l.p99Ms)} / ${ms(l.maxMs)}`;
  const tiers = Object.entries(f.pure.byTier)
    .sort((a, b) => b[1] - a[1])
    .map(([tier, n]) => `${tier} ${((n * 100) / f.pure.samples).toFixed(1)} %`)
    .join(', ');
  const rows = Object.entries(f.sql.rows)
    .map(([table, n]) => `${table} ${int(n)}`)
    .join(', ');
  const lines = [
    '## Matching: the decision',
    '',
    `An agency of ${int(f.counsellors)} counsellors (one in ten internal; varied roles, genders, languages, regions, ` +
      'specialisms and capacities, about one in ten full, one in ten absent this month, one in twenty with declared ' +
      `conflicts) and ${int(f.organisations)} client organisations, each with a primary and a substitute; a second ` +
      'agency of 200 counsellors and 2,000 organisations shares the tables. Each decision is a random organisation and ' +
      'a random request (theme, language, sometimes a gender, kind or named counsellor, sometimes a decline).',
    `(a) \`decide()\` alone over the agency in memory, ${int(f.pure.samples)} decisions one after another after a ` +
      `warm-up. Chosen: ${tiers}.`,
    `(b) As the service decides a report: organisation, agency and candidates read at ` +
      `once from matching's read-model tables (\`SqlMatchingDirectory\`, TypeORM, one decision at a time), then ` +
      `\`decide()\`; ${int(f.sql.total.samples)} decisions. Rows: ${rows}. Load average when it ended: ` +
      `${f.loadAverage.toFixed(1)}.`,
    '',
    '| measure | p50 / p99 / max | decisions/s | target | |',
    '|---|--:|--:|--:|---|',
    `| (a) decide() | ${trio(f.pure)} | ${int(f.pure.perSec)} | p99 ≤ ${TARGET_P99_MS} ms | ${verdict(f.pure.p99Ms <= TARGET_P99_MS)} |`,
    `| (b) reads + decide() | ${trio(f.sql.total)} | ${int(f.sql.perSec)} | p99 ≤ ${TARGET_P99_MS} ms | ${verdict(f.sql.total.p99Ms <= TARGET_P99_MS)} |`,
    `| of which the reads | ${trio(f.sql.reads)} | | | |`,
    `| of which candidates() (from the start) | ${trio(f.sql.candidates)} | | | |`,
    `| of which decide() | ${trio(f.sql.decide)} | | | |`,
    `| (b) right after a change to the directory (${int(f.sql.afterChange.samples)} decisions) | ${trio(f.sql.afterChange)} | | | |`,
    '',
    "Each decision is followed by its assignment (outside the timing), as case's event reaches matching: the next " +
      "decision sees the chosen counsellor's load one higher. Per decision matching reads its directory's version and " +
      "the rows of the load (open cases, the week's minutes) written since its last read, and lays them over the load " +
      'it keeps (ADR 0079); the profiles, absences and conflicts it keeps while that version holds, and reads again with ' +
      'the whole load after a change (ADR 0078). The last row is a decision right after such a change.',
  ];
  if (f.sql.total.p99Ms > TARGET_P99_MS) {
    lines.push(
      '',
      `(b) misses the target: the candidate read is ${ms(f.sql.candidates.p99Ms)} of the p99. The plan of its ` +
        'per-decision read (EXPLAIN ANALYZE, warm cache):',
      '',
      '```',
      ...planSummary(f.sql.plan),
      '```',
    );
  }
  return lines.join('\n');
}

if (require.main === module && process.env.BENCH_MATCHING_ROLE) void runChild(JSON.parse(process.env.BENCH_MATCHING_ROLE) as ChildConfig);
