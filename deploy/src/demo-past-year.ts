// The demo's past year: a year of cases at one demo organisation, written through intake's and case's own command
// handlers in a process of its own whose clock is set back per step, so the events, hash chains, outboxes, the bus
// and reporting's facts journal are the ones a real year would have left. Run by the demo seed (demo-data.ts).
import { AsyncLocalStorage } from 'node:async_hooks';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';

/** Bakkerij De Korenaar (the employer contact's organisation): enough cases for several cells of at least five, and some below. */
export const PAST_YEAR_INTAKE_CODE = 'bakkerij-2026';
export const PAST_YEAR_CASES = 18;
/** Cases open at once: the bakery's counsellors' capacity (12 and 10) is not exceeded, so matching assigns every one. */
const WAVE = 9;

/** The environment of intake and case as the platform runs them (databases, bus, key vault, identity provider). */
export interface PastYearEnvironment {
  intake: Record<string, string>;
  case: Record<string, string>;
}

export interface PastYearOutcome {
  year: number;
  cases: number;
  /** False when the year was there already (a later seed): nothing was written. */
  written: boolean;
}

const ROOT = resolve(__dirname, '../..');
const CHILD_TIMEOUT_MS = 300_000;

/** Seeds the past year in a child process (its clock is the one set back, not the caller's). */
export function seedPastYear(environment: PastYearEnvironment): Promise<PastYearOutcome> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', __filename], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      // Timers computed across the clocks (a notify throttle) overflow and fire at once: harmless, and not news.
      NODE_NO_WARNINGS: '1',
      SWC_NODE_PROJECT: join(ROOT, 'tsconfig.runtime.json'),
      VERTROUWD_PAST_YEAR_ROLE: JSON.stringify(environment),
    },
  });
  return new Promise((resolvePromise, reject) => {
    let outcome: PastYearOutcome | undefined;
    let failure: string | undefined;
    const timer = setTimeout(() => child.kill('SIGTERM'), CHILD_TIMEOUT_MS);
    child.on('message', (message: { outcome?: PastYearOutcome; error?: string }) => {
      outcome = message.outcome ?? outcome;
      failure = message.error ?? failure;
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (outcome) resolvePromise(outcome);
      else reject(new Error(`Seeding the demo's past year failed: ${failure ?? `exit code ${code}`}`));
    });
  });
}

/**
 * The clock set back for what runs inside `at(instant, work)`: `Date.now()` and `new Date()` answer the instant
 * (plus the time elapsed since), everything else (the bus's consumers, jobs, timers) keeps real time.
 */
function installBackdatedClock(): <T>(instant: string, work: () => Promise<T>) => Promise<T> {
  const offsets = new AsyncLocalStorage<number>();
  const RealDate = Date;
  const now = () => RealDate.now() + (offsets.getStore() ?? 0);
  class BackdatedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now());
      else super(...(args as [string]));
    }
    static override now(): number {
      return now();
    }
  }
  globalThis.Date = BackdatedDate as DateConstructor;
  return (instant, work) => offsets.run(RealDate.parse(instant) - RealDate.now(), work);
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayOfYear = (year: number, day: number) => {
  const d = new Date(Date.UTC(year, 0, 1 + day));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
function shift(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
/** Ten in the morning, Amsterdam (in winter and summer alike, near enough: 09:00 UTC). */
const morning = (day: string) => `${day}T09:00:00.000Z`;

const THEMES = [
  ...Array<string>(6).fill('bullying'),
  ...Array<string>(5).fill('intimidation'),
  ...Array<string>(5).fill('aggression-and-violence'),
  'discrimination',
  'discrimination',
];
const RELATIONS = [...Array<string>(8).fill('manager'), ...Array<string>(7).fill('colleague'), 'other', 'other', 'other'];
const OUTCOMES = ['settled-informally', 'listened-and-advised', 'referred'];

/** The year's cases, the same on every run: spread over the year, themes and relations mixed, the last ones still open at its end. */
export function pastYearPlan(year: number) {
  return Array.from({ length: PAST_YEAR_CASES }, (_, i) => {
    const received = dayOfYear(year, 5 + i * 20);
    const closedAfter = 30 + ((i * 17) % 50);
    return {
      received,
      theme: THEMES[(i * 7) % PAST_YEAR_CASES],
      relation: RELATIONS[(i * 5) % PAST_YEAR_CASES],
      anonymity: i % 3 < 2 ? 'anonymous' : 'known-to-advisor',
      acknowledged: shift(received, 1 + (i % 3)),
      hours: [2, 5, 9, 14].slice(0, 2 + (i % 3)).map((after, n) => ({ on: shift(received, after), minutes: 45 + 15 * ((i + n) % 6) })),
      feedback: shift(received, 20 + (i % 15)),
      closed: shift(received, closedAfter),
      outcome: OUTCOMES[i % OUTCOMES.length],
    };
  });
}

async function runChild(environment: PastYearEnvironment): Promise<void> {
  const at = installBackdatedClock();
  const send = (message: object) => new Promise<void>((done) => process.send?.(message, () => done()));
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { startService } = require('@vertrouwd/runtime') as typeof import('@vertrouwd/runtime');
  const { ReadModels, systemContext } = require('@vertrouwd/service-kit') as typeof import('@vertrouwd/service-kit');
  const { amsterdamToday } = require('@vertrouwd/domain') as typeof import('@vertrouwd/domain');
  const { CommandBus } = require('@nestjs/cqrs') as typeof import('@nestjs/cqrs');
  const { intake } = require('../../services/intake/src/service') as typeof import('../../services/intake/src/service');
  const { caseService } = require('../../services/case/src/service') as typeof import('../../services/case/src/service');
  const { SubmitReport } =
    require('../../services/intake/src/application/submit-report/submit-report.command') as typeof import('../../services/intake/src/application/submit-report/submit-report.command');
  const { AcknowledgeCase } =
    require('../../services/case/src/application/acknowledge-case/acknowledge-case.command') as typeof import('../../services/case/src/application/acknowledge-case/acknowledge-case.command');
  const { LogHours } =
    require('../../services/case/src/application/log-hours/log-hours.command') as typeof import('../../services/case/src/application/log-hours/log-hours.command');
  const { GiveFeedback } =
    require('../../services/case/src/application/give-feedback/give-feedback.command') as typeof import('../../services/case/src/application/give-feedback/give-feedback.command');
  const { CloseCase } =
    require('../../services/case/src/application/close-case/close-case.command') as typeof import('../../services/case/src/application/close-case/close-case.command');
  const { AssignAdvisor } =
    require('../../services/case/src/application/assign-advisor/assign-advisor.command') as typeof import('../../services/case/src/application/assign-advisor/assign-advisor.command');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const services = [];
  try {
    const year = Number(amsterdamToday().slice(0, 4)) - 1;
    const [intakeApp, caseApp] = await Promise.all([
      startService({ ...intake, logger: false }, { ...environment.intake, PORT: '0' }),
      startService({ ...caseService, logger: false }, { ...environment.case, PORT: '0' }),
    ]);
    services.push(intakeApp, caseApp);
    const caseDb = caseApp.app.get(ReadModels).dataSource;
    // Started beside the directory's seed: intake learns the organisation from matching's events meanwhile.
    const known = Date.now() + 120_000;
    let organisation: { organisation_id: string; agency_id: string } | undefined;
    while (!organisation) {
      [organisation] = await intakeApp.app
        .get(ReadModels)
        .dataSource.query(
          'select organisation_id, agency_id from directory_organisations where intake_code = $1 order by changed_at desc limit 1',
          [PAST_YEAR_INTAKE_CODE],
        );
      if (organisation) break;
      if (Date.now() > known) throw new Error(`intake does not know ${PAST_YEAR_INTAKE_CODE}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const { organisation_id: organisationId, agency_id: agencyId } = organisation;
    const [{ count }]: { count: number }[] = await caseDb.query(
      `select count(*)::int as count from case_overview where "organisationId" = $1 and "receivedAt" < $2`,
      [organisationId, `${year + 1}-01-01`],
    );
    if (count > 0) {
      await send({ outcome: { year, cases: count, written: false } });
      return;
    }
    const plan = pastYearPlan(year);
    const submit = intakeApp.app.get(CommandBus);
    const commandBus = caseApp.app.get(CommandBus);
    const { WrongExpectedVersionError } = require('@vertrouwd/event-sourcing') as typeof import('@vertrouwd/event-sourcing'); // eslint-disable-line @typescript-eslint/no-require-imports
    /** A command again when the case changed meanwhile (the running case service's jobs and listeners act on it too). */
    const work = {
      execute: async (command: object): Promise<unknown> => {
        for (let attempt = 1; ; attempt++) {
          try {
            return await commandBus.execute(command);
          } catch (error) {
            if (!(error instanceof WrongExpectedVersionError) || attempt >= 5) throw error;
          }
        }
      },
    };
    /**
     * The cases as case opened them from intake's events and matching assigned them, as any report is; what matching
     * leaves waiting after a minute (every counsellor full) the coordinator assigns.
     */
    const assignedAdvisors = async (ids: string[]): Promise<Map<string, string>> => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const rows: { case_id: string; advisor_id: string | null }[] = await caseDb.query(
          'select "caseId" as case_id, "advisorId" as advisor_id from case_overview where "caseId" = any($1)',
          [ids],
        );
        const assigned = new Map(rows.filter((r) => r.advisor_id).map((r) => [r.case_id, r.advisor_id!]));
        if (assigned.size === ids.length) return assigned;
        if (Date.now() > deadline) {
          if (rows.length < ids.length) throw new Error('the past year cases did not open in time');
          const [someone]: { advisor_id: string }[] = await caseDb.query(
            'select "advisorId" as advisor_id from case_overview where "advisorId" is not null and "agencyId" = $1 limit 1',
            [agencyId],
          );
          for (const row of rows.filter((r) => !r.advisor_id))
            await work.execute(
              new AssignAdvisor(row.case_id, agencyId, someone.advisor_id, systemContext('system:demo-seed', randomUUID())),
            );
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    const caseIds: string[] = [];
    for (let first = 0; first < plan.length; first += WAVE) {
      const wave = plan.slice(first, first + WAVE);
      const ids: string[] = [];
      for (const c of wave) {
        const result = await at(morning(c.received), () =>
          submit.execute<object, { caseId: string }>(
            new SubmitReport(
              PAST_YEAR_INTAKE_CODE,
              c.theme as never,
              c.relation as never,
              'Demomelding uit het afgelopen jaar (verzonnen).',
              c.anonymity as never,
              { channel: 'platform' },
              undefined,
              'nl',
              { advisorGender: 'any', advisorKind: 'any' },
              'v1',
              { actor: 'reporter', correlationId: randomUUID() },
            ),
          ),
        );
        ids.push(result.caseId);
      }
      const assigned = await assignedAdvisors(ids);
      // Each case worked in its own steps, at the days of the plan.
      await Promise.all(
        wave.map(async (c, i) => {
          const caseId = ids[i];
          const advisorId = assigned.get(caseId)!;
          const context = () => ({ actor: advisorId, correlationId: randomUUID(), agencyId });
          await at(morning(c.acknowledged), () => work.execute(new AcknowledgeCase(caseId, advisorId, context())));
          for (const h of c.hours)
            await at(morning(h.on), () => work.execute(new LogHours(caseId, advisorId, h.on, h.minutes, 'conversation', context())));
          await at(morning(c.feedback), () =>
            work.execute(new GiveFeedback(caseId, advisorId, randomUUID(), 'Wij hebben uw melding besproken (demo).', context())),
          );
          await at(morning(c.closed), () => work.execute(new CloseCase(caseId, advisorId, c.outcome as never, context())));
        }),
      );
      caseIds.push(...ids);
    }
    await send({ outcome: { year, cases: caseIds.length, written: true } });
  } catch (error) {
    await send({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  } finally {
    for (const service of services.reverse()) await service.close().catch(() => undefined);
    process.exit(0);
  }
}

if (require.main === module && process.env.VERTROUWD_PAST_YEAR_ROLE)
  void runChild(JSON.parse(process.env.VERTROUWD_PAST_YEAR_ROLE) as PastYearEnvironment);

/**
 * Intake's and case's environment as `npm start` gives it (deploy/src/start.ts): the embedded PostgreSQL on PGPORT,
 * the shared bus and key vault, the dev issuer, the secrets kept in the data directory.
 */
export function startEnvironment(dataDir: string, issuerUrl: string): PastYearEnvironment {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { withDatabase } = require('@vertrouwd/testing') as typeof import('@vertrouwd/testing');
  const { SHARED_DATABASES } = require('./service-manifests') as typeof import('./service-manifests');
  const { SERVICES } = require('./service-processes') as typeof import('./service-processes');
  const { readOrCreateSecret } = require('./embedded-resources') as typeof import('./embedded-resources');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const server = `postgres://postgres:postgres@127.0.0.1:${Number(process.env.PGPORT ?? 54320)}/postgres`;
  const common = {
    OIDC_ISSUER: issuerUrl,
    BUS_DATABASE_URL: withDatabase(server, SHARED_DATABASES.bus),
    PRIVACY_DATABASE_URL: withDatabase(server, SHARED_DATABASES.keyVault),
    VERTROUWD_DATA_DIR: dataDir,
    REPORTER_TOKEN_SECRET: readOrCreateSecret(join(dataDir, 'reporter-token.secret')),
    IDENTITY_ADMIN_CLIENT_SECRET: readOrCreateSecret(join(dataDir, 'dev-issuer', 'identity-admin.secret')),
    IDENTITY_ADMIN_PASSWORD_EMAIL: 'off',
  };
  const database = (name: string) => withDatabase(server, SERVICES.find((s) => s.name === name)!.database);
  return { intake: { ...common, DATABASE_URL: database('intake') }, case: { ...common, DATABASE_URL: database('case') } };
}
