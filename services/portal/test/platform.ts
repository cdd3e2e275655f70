import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ADVISORS, DEMO_AGENCY_ID, startDevIssuer, type DevIssuer } from '@vertrouwd/auth';
import { startService, type RunningService, type ServiceDefinition } from '@vertrouwd/runtime';
import { createTestDatabase, eventually, type TestDatabase } from '@vertrouwd/testing';

// The real platform under the portal: the dev issuer with the portal's confidential client, and intake and case as
// `npm start` runs them, each with its own database, on the Postgres bus. The portal reaches them only over HTTP, as
// in production; the test composes them the way the launcher does (deploy/src/service-processes.ts), finding each
// service's definition, and the demo directory fixture the cross-service tests share, by path at run time.

const ROOT = join(__dirname, '../../..');

function load<T>(path: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- composed at run time, as the launcher does
  return require(join(ROOT, path)) as T;
}

function serviceDefinition(name: string): ServiceDefinition {
  const exports = load<Record<string, unknown>>(`services/${name}/src/service.ts`);
  const definition = Object.values(exports).find(
    (value): value is ServiceDefinition => typeof value === 'object' && value !== null && (value as ServiceDefinition).name === name,
  );
  if (!definition) throw new Error(`services/${name}/src/service.ts exports no service definition named ${name}`);
  return definition;
}

export const CLIENT_SECRET = 'portal-e2e-client-secret-of-some-length';

export interface Platform {
  issuer: DevIssuer;
  intake: RunningService;
  cases: RunningService;
  reporting: RunningService;
  billing: RunningService;
  /** The matching service, when started with `{ matching: true }`: agency-demo with Anna and Bram, through its API. */
  matching?: RunningService;
  portalDatabase: TestDatabase;
  /** A report filed through intake and its receipt, opened as a case by case; assigned to Anna unless told not to. */
  fileReport(options?: {
    assign?: boolean;
    reporterMessage?: string;
    knownAs?: string;
    /** What the reporter wrote, and how they asked to be reached (default: messages on the platform only). */
    account?: string;
    contact?: { channel: 'platform' | 'email' | 'phone'; email?: string; phone?: string };
  }): Promise<string>;
  /** An `Authorization` header's value for a demo user: a token the dev issuer mints, without signing in. */
  bearer(user: string): Promise<string>;
  /** The reporter of a case filed here signs in to their follow-up with the receipt: their bearer token. */
  reporterToken(caseId: string): Promise<string>;
  /** The agency as a supplier in billing, its details as its coordinator enters them: then price lists can be added. */
  setUpBillingAccount(): Promise<void>;
  stop(): Promise<void>;
}

export const ADMIN_CLIENT_SECRET = 'portal-e2e-identity-admin-secret';

export interface PlatformOptions {
  /**
   * Also run matching (for the coordinator's screens): the dev issuer gets an admin client for its identity port,
   * and agency-demo is made in it through its API with Anna and Bram as counsellors and no pool matching, so a
   * report for an organisation matching does not know waits for the coordinator. Off by default: the other specs
   * do not pay for it.
   */
  matching?: boolean;
  /**
   * With matching: the bakery onboarded too, Anna its primary counsellor and Bram its substitute (so Anna can record
   * her work for it, and matching gives the bakery's reports to Anna).
   */
  bakeryInMatching?: boolean;
}

export async function startPlatform(portalUrl: string, options: PlatformOptions = {}): Promise<Platform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-e2e-'));
  const issuer = await startDevIssuer({
    ...(options.matching ? { adminClientSecret: ADMIN_CLIENT_SECRET, usersFile: join(dataDir, 'users.json') } : {}),
    port: 0,
    // Access tokens of 32 seconds: the portal refreshes 30 seconds before expiry, so almost every page it serves in
    // the journeys refreshes first (with the issuer's rotating refresh tokens); a broken refresh fails the journeys.
    tokenTtlSec: 32,
    portalClient: {
      clientId: 'vertrouwd-portal',
      secret: CLIENT_SECRET,
      redirectUris: [`${portalUrl}/auth/callback`],
      postLogoutRedirectUris: [`${portalUrl}/`],
    },
  });
  const [[intakeDb, caseDb, bus, vault, portalDatabase, reportingDb, billingDb], matchingDb] = await Promise.all([
    Promise.all(['intake', 'case', 'bus', 'vault', 'portal', 'reporting', 'billing'].map((label) => createTestDatabase(`portal_${label}`))),
    options.matching ? createTestDatabase('portal_matching') : undefined,
  ]);
  const common = {
    OIDC_ISSUER: issuer.issuer,
    BUS_DATABASE_URL: bus.url,
    PRIVACY_DATABASE_URL: vault.url,
    PORT: '0',
    REPORTER_TOKEN_SECRET: 'portal-e2e-reporter-secret-of-at-least-32-chars',
    VERTROUWD_DATA_DIR: dataDir,
  };
  // Started together, as the launcher starts them (deploy/src/service-processes.ts).
  const [intake, cases, reporting, billing] = await Promise.all(
    (
      [
        ['intake', intakeDb],
        ['case', caseDb],
        ['reporting', reportingDb],
        ['billing', billingDb],
      ] as const
    ).map(([name, db]) => startService({ ...serviceDefinition(name), logger: false }, { ...common, DATABASE_URL: db.url })),
  );
  const directory = load<{ publishDemoDirectory(intake: RunningService, cases?: RunningService): Promise<void> }>(
    'deploy/test/directory.fixture.ts',
  );
  await directory.publishDemoDirectory(intake, cases);
  const matching = matchingDb
    ? await startService(
        { ...serviceDefinition('matching'), logger: false },
        {
          ...common,
          DATABASE_URL: matchingDb.url,
          IDENTITY_ADMIN_CLIENT_SECRET: ADMIN_CLIENT_SECRET,
          IDENTITY_ADMIN_PASSWORD_EMAIL: 'off',
        },
      )
    : undefined;
  if (matching) await seedMatching(matching.url, (user) => issuer.mintToken(user));
  if (matching && options.bakeryInMatching) await onboardBakery(matching, issuer);

  const bearer = async (user: string) => `Bearer ${await issuer.mintToken(user)}`;
  let filed = 0;
  const receipts = new Map<string, { receiptCode: string; passphrase: string }>();
  const reporterToken = async (caseId: string) => {
    const followUp = await fetch(`${intake.url}/intake/follow-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `follow-up-${caseId}-${Date.now()}` },
      body: JSON.stringify(receipts.get(caseId)),
    });
    if (followUp.status !== 200 && followUp.status !== 201) throw new Error(`the follow-up login answered ${followUp.status}`);
    return ((await followUp.json()) as { token: string }).token;
  };
  const fileReport: Platform['fileReport'] = async ({ assign = true, reporterMessage, knownAs, account, contact } = {}) => {
    filed += 1;
    const response = await fetch(`${intake.url}/intake/bakkerij-2026/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        theme: 'bullying',
        relation: 'manager',
        // `knownAs`: the reporter chose to be known to their counsellor, under that name (sealed under their key).
        ...(knownAs ? { anonymity: 'known-to-advisor', identity: { name: knownAs } } : { anonymity: 'anonymous' }),
        language: 'nl',
        consentVersion: 'v1',
        account: account ?? `Report ${filed}: my manager shouts at me in front of customers.`,
        contact: contact ?? { channel: 'platform' },
      }),
    });
    if (response.status !== 201) throw new Error(`intake answered ${response.status}: ${await response.text()}`);
    const { caseId, receiptCode, passphrase } = (await response.json()) as { caseId: string; receiptCode: string; passphrase: string };
    receipts.set(caseId, { receiptCode, passphrase });
    const carla = await bearer('coordinator-carla');
    await eventually(
      async () => {
        const listed = await fetch(`${cases.url}/agencies/${DEMO_AGENCY_ID}/cases`, { headers: { authorization: carla } });
        const { cases: open } = (await listed.json()) as { cases: { caseId: string }[] };
        if (!open.some((c) => c.caseId === caseId)) throw new Error('the case is not open yet');
      },
      { timeoutMs: 20_000 },
    );
    if (assign) {
      const assigned = await fetch(`${cases.url}/agencies/${DEMO_AGENCY_ID}/cases/${caseId}/assignment`, {
        method: 'POST',
        headers: { authorization: carla, 'content-type': 'application/json' },
        body: JSON.stringify({ advisorId: DEMO_ADVISORS['advisor-anna'] }),
      });
      // With matching running, matching may have given the case to Anna (the bakery's primary) first: 409.
      if (assigned.status >= 300 && !(matching && assigned.status === 409)) throw new Error(`assignment answered ${assigned.status}`);
      if (matching) {
        await eventually(
          async () => {
            const listed = await fetch(`${cases.url}/agencies/${DEMO_AGENCY_ID}/cases`, { headers: { authorization: carla } });
            const { cases: all } = (await listed.json()) as { cases: { caseId: string; advisorId: string | null }[] };
            if (all.find((c) => c.caseId === caseId)?.advisorId !== DEMO_ADVISORS['advisor-anna']) throw new Error('not Anna’s yet');
          },
          { timeoutMs: 20_000 },
        );
      }
    }
    if (reporterMessage) {
      const followUp = await fetch(`${intake.url}/intake/follow-up`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `follow-up-${caseId}` },
        body: JSON.stringify({ receiptCode, passphrase }),
      });
      const { token } = (await followUp.json()) as { token: string };
      const sent = await fetch(`${intake.url}/intake/cases/${caseId}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ body: reporterMessage }),
      });
      if (sent.status !== 201) throw new Error(`the reporter's message answered ${sent.status}`);
      await eventually(
        async () => {
          const types = (await cases.platform.store.readStream(`case-${caseId}`)).map((e) => e.type);
          if (!types.includes('ReporterMessageReceived')) throw new Error('the message has not reached the case yet');
        },
        { timeoutMs: 20_000 },
      );
    }
    return caseId;
  };

  // The demo agency's details as `npm start` seeds them.
  const { SUPPLIERS } = load<{ SUPPLIERS: Record<string, object> }>('deploy/src/demo-billing.ts');
  const setUpBillingAccount = async () => {
    const account = await fetch(`${billing.url}/agencies/${DEMO_AGENCY_ID}/billing/account`, {
      method: 'PUT',
      headers: { authorization: await bearer('coordinator-carla'), 'content-type': 'application/json' },
      body: JSON.stringify({ supplier: SUPPLIERS[DEMO_AGENCY_ID], paymentTermDays: 30 }),
    });
    if (account.status !== 204) throw new Error(`billing's account answered ${account.status}: ${await account.text()}`);
  };

  return {
    issuer,
    intake,
    cases,
    reporting,
    billing,
    ...(matching ? { matching } : {}),
    portalDatabase,
    bearer,
    fileReport,
    reporterToken,
    setUpBillingAccount,
    stop: async () => {
      await intake.close();
      await cases.close();
      await reporting.close();
      await billing.close();
      await matching?.close();
      await issuer.stop();
      await Promise.all([intakeDb, caseDb, bus, vault, portalDatabase, reportingDb, billingDb].map((db) => db.drop()));
      await matchingDb?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The counsellors of agency-demo that matching knows in the portal's tests (the demo advisors' ids and accounts). */
export const MATCHING_COUNSELLORS = {
  anna: { name: 'Anna de Vries', gender: 'female', languages: ['nl', 'en'], regions: ['utrecht'] },
  bram: { name: 'Bram Jansen', gender: 'male', languages: ['nl', 'en'], regions: ['gelderland'] },
} as const;

/** agency-demo in matching, as its admin and coordinator make it (deploy/src/demo-data.ts does the same at start). */
async function seedMatching(url: string, mint: (user: string) => Promise<string>): Promise<void> {
  const admin = `Bearer ${await mint('admin-adam')}`;
  const carla = `Bearer ${await mint('coordinator-carla')}`;
  const call = async (path: string, token: string, body: object) => {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { authorization: token, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`matching: POST ${path} answered ${response.status}: ${await response.text()}`);
  };
  await call('/platform/agencies', admin, {
    agencyId: DEMO_AGENCY_ID,
    name: 'Vertrouwenspunt Midden (test)',
    poolMatching: false,
    languages: ['nl', 'en'],
  });
  await call(`/platform/agencies/${DEMO_AGENCY_ID}/coordinators`, admin, { username: 'coordinator-carla', email: 'carla@example.test' });
  for (const [username, c] of [
    ['advisor-anna', MATCHING_COUNSELLORS.anna],
    ['advisor-bram', MATCHING_COUNSELLORS.bram],
  ] as const) {
    await call(`/agencies/${DEMO_AGENCY_ID}/counsellors`, carla, {
      counsellorId: DEMO_ADVISORS[username],
      username,
      email: `${username}@example.test`,
      name: c.name,
      kind: 'external',
      roles: ['unwanted-behaviour', 'integrity'],
      languages: c.languages,
      gender: c.gender,
      regions: c.regions,
      specialisms: ['bullying'],
      capacityCases: 10,
      capacityHoursPerWeek: 16,
    });
  }
}

interface DemoAgency {
  agencyId: string;
  name: string;
  counsellors: Record<string, unknown>[];
  organisations: (Record<string, unknown> & { organisationId: string; label: string; appoint: unknown; internal?: unknown })[];
}

/**
 * The bakery in matching as its coordinator onboards it (the demo directory's, with its id), Anna its primary and
 * Bram its substitute. The cases stay as the fixture published them (matching publishes the same people).
 */
async function onboardBakery(matching: RunningService, issuer: DevIssuer): Promise<void> {
  const { DEMO_DIRECTORY } = load<{ DEMO_DIRECTORY: DemoAgency[] }>('deploy/src/demo-directory.ts');
  const agency = DEMO_DIRECTORY.find((a) => a.agencyId === DEMO_AGENCY_ID)!;
  const call = async (path: string, user: string, method: string, body?: object) => {
    const response = await fetch(`${matching.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${await issuer.mintToken(user)}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (response.status >= 300) throw new Error(`matching ${method} ${path} answered ${response.status}: ${await response.text()}`);
  };
  const base = `/agencies/${agency.agencyId}`;
  const {
    organisationId,
    label: _label,
    appoint: _appoint,
    internal: _internal,
    ...bakery
  } = agency.organisations.find((o) => o.label === 'org-bakkerij')!;
  await call(`${base}/organisations`, 'coordinator-carla', 'POST', { organisationId, ...bakery });
  await eventually(
    () =>
      call(`${base}/organisations/${organisationId}/appointment`, 'coordinator-carla', 'PUT', {
        primaryId: DEMO_ADVISORS['advisor-anna'],
        substituteId: DEMO_ADVISORS['advisor-bram'],
        internalIds: [],
      }),
    { timeoutMs: 20_000 },
  );
}
