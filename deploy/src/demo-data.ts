import { amsterdamToday } from '@vertrouwd/domain';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_AGENCY_ID, type DevIssuer } from '@vertrouwd/auth';
import { seedDemoBilling } from './demo-billing';
import { seedPastYear, startEnvironment, type PastYearEnvironment } from './demo-past-year';
import { DEMO_DIRECTORY, DEMO_INTERNAL_COUNSELLOR, type DemoAgency, type DemoCounsellor } from './demo-directory';
import type { ServiceProcess } from './service-processes';

/** Two reports as employees file them on their organisation's intake page (made up; no real person in them). */
const DEMO_REPORTS = [
  {
    key: 'demo-report-1',
    intakeCode: 'bakkerij-2026',
    body: {
      theme: 'bullying',
      relation: 'manager',
      anonymity: 'anonymous',
      language: 'en',
      consentVersion: 'v1',
      account: 'Demo report: my manager shouts at me in meetings.',
      contact: { channel: 'platform' },
    },
  },
  {
    key: 'demo-report-2',
    intakeCode: 'zorggroep-2026',
    body: {
      theme: 'intimidation',
      relation: 'colleague',
      anonymity: 'anonymous',
      language: 'nl',
      consentVersion: 'v1',
      account: 'Demomelding: een collega dreigt mij bij elke dienst.',
      contact: { channel: 'platform' },
    },
  },
];

const SEED_TIMEOUT_MS = 60_000;

/** One call of the seed; `ok` lists the statuses that mean done (409: made by an earlier, interrupted seed). */
async function call(url: string, init: { method: string; token?: string; body?: object; key?: string }, ok: number[]): Promise<unknown> {
  const response = await fetch(url, {
    method: init.method,
    headers: {
      ...(init.token ? { Authorization: init.token } : {}),
      ...(init.body ? { 'Content-Type': 'application/json' } : {}),
      ...(init.key ? { 'Idempotency-Key': init.key } : {}),
    },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  if (!ok.includes(response.status))
    throw new Error(`Seeding demo data failed: ${init.method} ${new URL(url).pathname} answered ${response.status}`);
  return response.status === 204 ? undefined : response.json().catch(() => undefined);
}

/** Repeats `attempt` until it succeeds (a read model catching up), for at most the seed's time. */
async function until<T>(what: string, attempt: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + SEED_TIMEOUT_MS;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`Seeding demo data failed: ${what} (${error instanceof Error ? error.message : 'no answer'})`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

const emailOf = (username: string) => `${username}@demo.vertrouwd.example`;
const day = (offsetDays: number) => amsterdamToday(offsetDays);

/** An agency through matching's API, as its admin and coordinator would make it. */
async function seedAgency(matching: string, issuer: DevIssuer, agency: DemoAgency): Promise<void> {
  const admin = `Bearer ${await issuer.mintToken('admin-adam')}`;
  const coordinator = `Bearer ${await issuer.mintToken(agency.coordinator)}`;
  const base = `${matching}/agencies/${agency.agencyId}`;
  await call(
    `${matching}/platform/agencies`,
    { method: 'POST', token: admin, body: { agencyId: agency.agencyId, name: agency.name, poolMatching: true, languages: ['nl', 'en'] } },
    [201, 409],
  );
  await call(
    `${matching}/platform/agencies/${agency.agencyId}/coordinators`,
    { method: 'POST', token: admin, body: { username: agency.coordinator, email: emailOf(agency.coordinator) } },
    [201],
  );
  const onboard = (c: DemoCounsellor) =>
    call(`${base}/counsellors`, { method: 'POST', token: coordinator, body: { ...c, email: emailOf(c.username) } }, [201, 409]);
  for (const counsellor of agency.counsellors) await onboard(counsellor);
  const ids = new Map(agency.counsellors.map((c) => [c.username, c.counsellorId]));
  for (const org of agency.organisations) {
    const { label: _label, appoint, internal, ...body } = org;
    await call(`${base}/organisations`, { method: 'POST', token: coordinator, body }, [201, 409]);
    if (internal?.includes(DEMO_INTERNAL_COUNSELLOR.username)) {
      await until('the organisation of the internal counsellor', () => onboard(DEMO_INTERNAL_COUNSELLOR));
      ids.set(DEMO_INTERNAL_COUNSELLOR.username, DEMO_INTERNAL_COUNSELLOR.counsellorId);
    }
  }
  for (const org of agency.organisations) {
    const path = `${base}/organisations/${org.organisationId}/appointment`;
    const internalIds = (org.internal ?? []).map((u) => ids.get(u)!);
    if (org.appoint === 'matching') {
      await until(`matching appoints for ${org.label}`, () => call(`${path}/matching`, { method: 'POST', token: coordinator }, [200]));
      if (internalIds.length > 0) {
        const appointed = await until(`${org.label} appointed`, async () => {
          const detail = (await call(
            `${base}/organisations/${org.organisationId}`,
            { method: 'GET', token: coordinator },
            [200],
          )) as Record<string, string | null>;
          if (!detail.primaryCounsellorId) throw new Error('not yet');
          return detail;
        });
        await until(`internal counsellors of ${org.label}`, () =>
          call(
            path,
            {
              method: 'PUT',
              token: coordinator,
              body: { primaryId: appointed.primaryCounsellorId, substituteId: appointed.substituteCounsellorId, internalIds },
            },
            [204],
          ),
        );
      }
    } else {
      const [primary, substitute] = org.appoint.map((u) => ids.get(u)!);
      await until(`appointment of ${org.label}`, () =>
        call(path, { method: 'PUT', token: coordinator, body: { primaryId: primary, substituteId: substitute, internalIds } }, [204]),
      );
    }
  }
}

/** What the demo agency adds: Bram away next week (Anna stands in), the bakery's agreement and a workshop. */
async function seedDemoAgencyWork(matching: string, issuer: DevIssuer): Promise<void> {
  const [agency] = DEMO_DIRECTORY;
  const coordinator = `Bearer ${await issuer.mintToken(agency.coordinator)}`;
  const base = `${matching}/agencies/${DEMO_AGENCY_ID}`;
  const [anna, bram] = agency.counsellors;
  const bakery = agency.organisations[0].organisationId;
  await call(
    `${base}/counsellors/${bram.counsellorId}/absences`,
    {
      method: 'POST',
      token: coordinator,
      body: { absenceId: '917d4f2e-428d-4b9d-83b1-ddbd11d65717', from: day(7), until: day(11), substituteId: anna.counsellorId },
    },
    [201],
  );
  await call(
    `${base}/organisations/${bakery}/agreements`,
    {
      method: 'POST',
      token: coordinator,
      body: {
        tasks: ['reception-and-advice', 'support-and-guidance', 'referral', 'aftercare', 'prevention', 'annual-report'],
        powers: ['speak-to-anyone-with-consent', 'consult-external-experts'],
        recorded: ['contact-log', 'anonymised-statistics', 'hours'],
        termFrom: day(-30),
        reportsToOrganisation: 'annual',
        signedOn: day(-31),
      },
    },
    [201],
  );
  await call(
    `${base}/organisations/${bakery}/engagements`,
    {
      method: 'POST',
      token: coordinator,
      body: {
        activityId: '37ea2d62-2743-4737-a643-10fd3db14fff',
        counsellorId: anna.counsellorId,
        kind: 'workshop',
        on: day(-7),
        minutes: 90,
        description: 'Workshop "Wat doet de vertrouwenspersoon?" voor leidinggevenden',
      },
    },
    [201, 409],
  );
}

/**
 * Seeds the demo data once: the directory through matching's API (which publishes it to intake and case), then two
 * reports filed through intake's public API like any reporter's, which matching gives a counsellor and case assigns,
 * then last year's cases at the bakery through intake's and case's own handlers on a clock set back
 * (demo-past-year.ts; `pastYear`: their environment, when it is not `npm start`'s).
 * Idempotent ids and keys make a restart mid-seed harmless; a marker in the data directory makes every later start
 * skip it. Skipped with an external identity provider: nothing is seeded in production.
 */
export async function seedDemoData(
  services: ServiceProcess[],
  issuer: DevIssuer | undefined,
  dataDir: string,
  pastYear?: PastYearEnvironment,
  /** Called once this year's demo data is in, while last year's cases may still be written. */
  onThisYearSeeded?: () => void,
): Promise<boolean> {
  const url = (name: string) => services.find((s) => s.name === name)?.url;
  const [matching, intake, cases, billing] = [url('matching'), url('intake'), url('case'), url('billing')];
  if (!matching || !intake || !cases || !billing || !issuer) return false;
  const marker = join(dataDir, 'demo-data.seeded');
  if (existsSync(marker)) return true;
  // Last year's cases at the bakery, so its annual report can be published (a year is published once it is over):
  // in a process of its own, which starts beside the seed below and waits for the bakery to reach intake.
  const pastYearSeeded = seedPastYear(pastYear ?? startEnvironment(dataDir, issuer.issuer));
  pastYearSeeded.catch(() => undefined);
  for (const agency of DEMO_DIRECTORY) await seedAgency(matching, issuer, agency);
  await seedDemoAgencyWork(matching, issuer);
  await seedDemoBilling(billing, issuer, call, until);
  // Intake learns the organisations from matching's events: the pages answer once it has.
  for (const { intakeCode } of DEMO_REPORTS)
    await until(`the intake page ${intakeCode}`, () => call(`${intake}/intake/${intakeCode}`, { method: 'GET' }, [200]));
  const caseIds: string[] = [];
  for (const { key, intakeCode, body } of DEMO_REPORTS) {
    const receipt = (await call(`${intake}/intake/${intakeCode}/reports`, { method: 'POST', body, key }, [201])) as { caseId: string };
    caseIds.push(receipt.caseId);
  }
  const coordinator = `Bearer ${await issuer.mintToken('coordinator-carla')}`;
  await until('the demo reports opened as cases and assigned by matching', async () => {
    const { cases: listed } = (await call(`${cases}/agencies/${DEMO_AGENCY_ID}/cases`, { method: 'GET', token: coordinator }, [200])) as {
      cases: { caseId: string; advisorId: string | null }[];
    };
    if (!caseIds.every((id) => listed.some((c) => c.caseId === id && c.advisorId))) throw new Error('not yet');
  });
  onThisYearSeeded?.();
  await pastYearSeeded;
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  return true;
}
