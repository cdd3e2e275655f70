import { randomUUID } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import { DEMO_ADVISORS, DEMO_AGENCY_ID, DEMO_ORGANISATIONS } from '@vertrouwd/auth';
import { eventually } from '@vertrouwd/testing';
import { type Browser } from 'playwright-core';
import { startPlatform, type Platform } from './platform';
import {
  buildPortal,
  freePort,
  launchChromium,
  openPage,
  portalEnvironment,
  signInAt,
  startPortal,
  stopPortalUnderTest,
  type RunningPortal,
} from './portal';

/** The web kit's refusal of a form posted from another site: problem+json, as every refusal before a page. */
const FOREIGN_FORM = [403, 'application/problem+json', 'A form of another site is not accepted.'];

// Every form the portal offers, posted by a signed-in user of each role that must not use it, exactly as the
// portal's own page would post it (its origin, `Sec-Fetch-Site: same-origin`, the session cookie): only the role
// check of the action can refuse it, and it must, with the 403 page, before the portal asks any service anything
// (the portal reaches the services through a proxy that records each request), and with nothing changed in any
// service. The services would refuse most of these posts too; the portal must not rely on it. Then forms posted from
// another site, refused before any action runs, again with nothing asked and nothing changed.
const BAKERY = DEMO_ORGANISATIONS['org-bakkerij'];
const ANNA = DEMO_ADVISORS['advisor-anna'];
const BRAM = DEMO_ADVISORS['advisor-bram'];
const YEAR = new Date().getUTCFullYear() - 1;
const CANARY = 'CANARY-formposts-3f9a: de chef scheldt mij uit.';
const USERS = {
  advisor: 'advisor-anna',
  coordinator: 'coordinator-carla',
  employer: 'employer-erik',
  auditor: 'auditor-ada',
  admin: 'admin-adam',
} as const;
type Role = keyof typeof USERS;
const ROLES = Object.keys(USERS) as Role[];

let platform: Platform;
let portal: RunningPortal;
let browser: Browser;
let proxies: Server[] = [];
/** Every request the portal made to a service, as `METHOD service path`. */
const asked: string[] = [];
/** A body a proxy answers with (201, said to be JSON) instead of passing the request on, when this gives one. */
let answerInstead: ((request: string) => string | undefined) | undefined;
let caseId: string;
const cookies = new Map<Role, string>();
const serverErrors: string[] = [];

/** A form of the portal: where its page posts it, what it posts, and the roles whose screen it is. */
interface FormPost {
  name: string;
  path: () => string;
  form: () => Record<string, string>;
  allowed: Role[];
}

const absence = { from: `${YEAR + 2}-03-02`, until: `${YEAR + 2}-03-06` };
const profile = {
  name: 'Bram Jansen',
  introduction: CANARY,
  kind: 'external',
  roles: 'unwanted-behaviour',
  languages: 'nl',
  gender: 'male',
  regions: 'gelderland',
  specialisms: 'bullying',
  capacityCases: '11',
  capacityHoursPerWeek: '16',
};
const address = {
  'address.name': 'Overgenomen B.V.',
  'address.street': 'Straat 1',
  'address.postcode': '1234 AB',
  'address.city': 'Utrecht',
};

const FORMS: FormPost[] = [
  {
    name: 'agencies: register',
    path: () => '/nl/agencies',
    form: () => ({ intent: 'register', name: 'Overgenomen bureau', languages: 'nl', agencyId: randomUUID() }),
    allowed: ['admin'],
  },
  {
    name: 'agencies: suspend',
    path: () => '/nl/agencies',
    form: () => ({ intent: 'suspend', agencyId: DEMO_AGENCY_ID }),
    allowed: ['admin'],
  },
  {
    name: 'annual report: narrative',
    path: () => `/nl/annual-reports?organisation=${BAKERY}&year=${YEAR}`,
    form: () => ({ intent: 'narrative', signals: CANARY, advice: CANARY }),
    allowed: ['advisor', 'coordinator'],
  },
  {
    // The advisor may open the annual report, but only the coordinator publishes it.
    name: 'annual report: publish',
    path: () => `/nl/annual-reports?organisation=${BAKERY}&year=${YEAR}`,
    form: () => ({ intent: 'publish' }),
    allowed: ['coordinator'],
  },
  {
    name: 'billing: supplier details',
    path: () => '/nl/billing',
    form: () => ({
      intent: 'account',
      'supplier.name': CANARY,
      'supplier.street': 'Straat 1',
      'supplier.postcode': '1234 AB',
      'supplier.city': 'Utrecht',
      'supplier.country': 'NL',
      'supplier.kvk': '30999111',
      'supplier.iban': 'NL02ABNA0123456789',
      paymentTermDays: '14',
    }),
    allowed: ['coordinator'],
  },
  {
    name: 'billing: subscription',
    path: () => '/nl/billing',
    form: () => ({ intent: 'subscribe', organisationId: BAKERY, startsOn: `${YEAR + 1}-01-01`, ...address, language: 'nl' }),
    allowed: ['coordinator'],
  },
  {
    name: 'billing: a subscription’s terms',
    path: () => `/nl/billing/subscriptions/${BAKERY}`,
    form: () => ({ intent: 'terms', ...address, buyerReference: CANARY, language: 'nl' }),
    allowed: ['coordinator'],
  },
  { name: 'cases: accept a handover', path: () => '/nl/cases', form: () => ({ intent: 'accept', caseId }), allowed: ['advisor'] },
  {
    name: 'consultations: answer',
    path: () => '/nl/consultations',
    form: () => ({ intent: 'answer', consultationId: randomUUID(), answer: CANARY }),
    allowed: ['advisor'],
  },
  { name: 'my work: absence', path: () => '/nl/work', form: () => ({ intent: 'absence', ...absence }), allowed: ['advisor'] },
  {
    name: 'my work: engagement',
    path: () => '/nl/work',
    form: () => ({
      intent: 'engagement',
      organisationId: BAKERY,
      kind: 'workshop',
      on: `${YEAR + 1}-01-05`,
      minutes: '60',
      description: CANARY,
    }),
    allowed: ['advisor'],
  },
  {
    name: 'counsellors: onboard',
    path: () => '/nl/counsellors/new',
    form: () => ({ counsellorId: randomUUID(), username: 'overgenomen', email: 'overgenomen@example.test', ...profile }),
    allowed: ['coordinator'],
  },
  { name: 'counsellor: profile', path: () => `/nl/counsellors/${BRAM}/profile`, form: () => profile, allowed: ['coordinator'] },
  {
    name: 'counsellor: absence',
    path: () => `/nl/counsellors/${BRAM}`,
    form: () => ({ intent: 'add-absence', ...absence, substituteId: ANNA }),
    allowed: ['coordinator'],
  },
  {
    name: 'organisations: register',
    path: () => '/nl/organisations/new',
    form: () => ({
      name: CANARY,
      intakeCode: 'overgenomen-2026',
      kvkNumber: '30555666',
      sbiCode: '1071',
      regions: 'utrecht',
      languages: 'nl',
      headcount: '12',
    }),
    allowed: ['coordinator'],
  },
  {
    name: 'organisation: headcount',
    path: () => `/nl/organisations/${BAKERY}`,
    form: () => ({ intent: 'headcount', headcount: '99', from: `${YEAR + 1}-01-01` }),
    allowed: ['coordinator'],
  },
  {
    name: 'queue: assign a case',
    path: () => `/nl/queue/${caseId}`,
    form: () => ({ intent: 'assign', advisorId: BRAM }),
    allowed: ['coordinator'],
  },
];

/** A proxy in front of a service that records every request the portal makes to it and passes it on. */
async function recordingProxy(name: string, target: string): Promise<string> {
  const server = createServer((req, res) => {
    asked.push(`${req.method} ${name} ${req.url}`);
    const instead = answerInstead?.(`${req.method} ${name} ${req.url}`);
    if (instead !== undefined) {
      req.resume();
      res.writeHead(201, { 'content-type': 'application/json' }).end(instead);
      return;
    }
    const forwarded = request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forwarded.on('error', () => res.writeHead(502).end());
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxies.push(server);
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

const formNamed = (name: string) => FORMS.find((f) => f.name === name)!;

beforeAll(async () => {
  buildPortal();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  platform = await startPlatform(url, { matching: true, bakeryInMatching: true });
  const services = {
    INTAKE_URL: platform.intake,
    CASE_URL: platform.cases,
    MATCHING_URL: platform.matching!,
    BILLING_URL: platform.billing,
  };
  const proxied: Record<string, string> = { REPORTING_URL: await recordingProxy('reporting', platform.reporting.url) };
  for (const [variable, service] of Object.entries(services)) proxied[variable] = await recordingProxy(variable, service.url);
  portal = await startPortal(port, { ...portalEnvironment(platform, url), ...proxied });
  browser = await launchChromium();
  await platform.setUpBillingAccount();
  caseId = await platform.fileReport();
  for (const role of ROLES) {
    const { context, page } = await openPage(browser, { problems: serverErrors, serverErrors: true });
    await signInAt(portal.url, page, USERS[role]);
    const cookie = (await context.cookies()).find((c) => c.name === '__Host-portal')!;
    cookies.set(role, `${cookie.name}=${cookie.value}`);
    await context.close();
  }
}, 300_000);

afterAll(async () => {
  await stopPortalUnderTest({ browser, portal, platform });
  await Promise.all(proxies.map((proxy) => new Promise((resolve) => proxy.close(resolve))));
  proxies = [];
});

async function read(service: string, path: string, user: string): Promise<unknown> {
  const response = await fetch(`${service}${path}`, { headers: { authorization: await platform.bearer(user) } });
  return { path, status: response.status, body: await response.text() };
}

/** What any of the forms would change, as the services hold it: their reads and the case's history. */
async function backend(): Promise<unknown[]> {
  const agency = `/agencies/${DEMO_AGENCY_ID}`;
  const matching = platform.matching!.url;
  const carla = 'coordinator-carla';
  return [
    await read(matching, '/platform/agencies', 'admin-adam'),
    await read(matching, `${agency}/counsellors`, carla),
    await read(matching, `${agency}/counsellors/${BRAM}`, carla),
    await read(matching, `${agency}/organisations`, carla),
    await read(matching, `${agency}/organisations/${BAKERY}`, carla),
    await read(matching, `${agency}/organisations/${BAKERY}/engagements`, carla),
    await read(matching, '/counsellors/me', 'advisor-anna'),
    await read(platform.cases.url, `${agency}/retention`, carla),
    await read(platform.billing.url, `${agency}/billing/account`, carla),
    await read(platform.billing.url, `${agency}/billing/subscriptions`, carla),
    await read(platform.reporting.url, `${agency}/organisations/${BAKERY}/reports`, carla),
    await read(platform.reporting.url, `${agency}/organisations/${BAKERY}/reports/${YEAR}/draft`, carla),
    (await platform.cases.platform.store.readStream(`case-${caseId}`)).map((event) => event.type),
  ];
}

/** The services at rest: two reads in a row alike (what the set-up started has reached every read model). */
async function settledBackend(): Promise<unknown[]> {
  let last = await backend();
  return eventually(
    async () => {
      const now = await backend();
      const same = JSON.stringify(now) === JSON.stringify(last);
      last = now;
      if (!same) throw new Error('the services are still moving');
      return now;
    },
    { timeoutMs: 30_000, intervalMs: 500 },
  );
}

/** A form posted as the portal's own page posts it, with a role's session. */
function post(path: string, form: Record<string, string>, headers: Record<string, string>): Promise<Response> {
  return fetch(`${portal.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
}

const ownPage = (role: Role) => ({ cookie: cookies.get(role)!, origin: portal.url, 'sec-fetch-site': 'same-origin' });

describe('a form posted by a signed-in user whose role may not use it', () => {
  const refusals = FORMS.flatMap((f) => ROLES.filter((role) => !f.allowed.includes(role)).map((role) => [f.name, role, f] as const));

  it('covers every form of the table with at least one role', () => {
    expect(new Set(refusals.map(([name]) => name)).size).toBe(FORMS.length);
  });

  it('is refused with the 403 page by each such role, and no service changes', async () => {
    const before = await settledBackend();
    const answers: string[] = [];
    for (const [name, role, f] of refusals) {
      const from = asked.length;
      const response = await post(f.path(), f.form(), ownPage(role));
      const html = await response.text();
      const refused = html.includes('Geen toegang') ? 'refused' : 'not the refusal page';
      answers.push(`${name} as ${role}: ${response.status} ${refused}, asked ${JSON.stringify(asked.slice(from))}`);
      expect(html).not.toContain(CANARY);
    }
    expect(answers).toEqual(refusals.map(([name, role]) => `${name} as ${role}: 403 refused, asked []`));
    expect(await backend()).toEqual(before);
  }, 180_000);
});

describe('a form posted from another site', () => {
  const settings = { intent: 'retention', monthsAfterClosure: '1' };

  it('is refused (403) when the browser says so, before any action runs, even with the session cookie', async () => {
    const before = await settledBackend();
    const from = asked.length;
    const cross = await post('/nl/settings', settings, {
      ...ownPage('coordinator'),
      origin: 'https://elders.example',
      'sec-fetch-site': 'cross-site',
    });
    expect([cross.status, cross.headers.get('content-type'), (await cross.json()).detail]).toEqual(FOREIGN_FORM);
    const sameSite = await post('/nl/billing', formNamed('billing: supplier details').form(), {
      ...ownPage('coordinator'),
      'sec-fetch-site': 'same-site',
    });
    expect(sameSite.status).toBe(403);
    await sameSite.arrayBuffer();
    expect(asked.slice(from)).toEqual([]);
    expect(await backend()).toEqual(before);
  });

  it('is refused (403) when only its Origin names another site, as an older browser posts it', async () => {
    const before = await settledBackend();
    const { cookie } = ownPage('coordinator');
    const from = asked.length;
    const forged = await post('/nl/settings', settings, { cookie, origin: 'https://elders.example' });
    // Refused by the server before the router, which answered a plain 400 and logged a stack trace for each.
    expect([forged.status, forged.headers.get('content-type'), (await forged.json()).detail]).toEqual(FOREIGN_FORM);
    expect(asked.slice(from)).toEqual([]);
    expect(await backend()).toEqual(before);
  });

  it('is refused when a real browser posts it from a page of another site, and nothing changes', async () => {
    const before = await settledBackend();
    const { context, page } = await openPage(browser, { problems: [] });
    await signInAt(portal.url, page, 'coordinator-carla');
    // A page of another site with a form that posts to the portal: the browser sends it as its own navigation.
    await context.route('http://elders.example/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><form method="post" action="${portal.url}/nl/settings">
          <input name="intent" value="retention"><input name="monthsAfterClosure" value="1"><button>Verstuur</button></form>`,
      }),
    );
    await page.goto('http://elders.example/');
    const from = asked.length;
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().startsWith(portal.url)),
      page.getByRole('button', { name: 'Verstuur' }).click(),
    ]);
    // Refused by the portal's Fetch Metadata check (the browser's `Sec-Fetch-Site: cross-site`), and the browser kept
    // the SameSite=Strict session cookie to itself besides.
    const sent = await answer.request().allHeaders();
    expect({ status: answer.status(), body: await answer.text(), origin: sent.origin, cookie: sent.cookie }).toEqual({
      status: 403,
      body: expect.stringContaining('"detail":"A form of another site is not accepted."'),
      origin: 'http://elders.example',
      cookie: undefined,
    });
    expect(asked.slice(from)).toEqual([]);
    await context.close();
    expect(await backend()).toEqual(before);
  });

  it('is taken from the portal’s own page: the posts above were refused for their origin alone', async () => {
    const own = await post('/nl/settings', settings, ownPage('coordinator'));
    expect(own.status).toBe(303);
    await own.arrayBuffer();
    const retention = await read(platform.cases.url, `/agencies/${DEMO_AGENCY_ID}/retention`, 'coordinator-carla');
    expect(JSON.parse((retention as { body: string }).body)).toEqual({ agencyId: DEMO_AGENCY_ID, monthsAfterClosure: 1 });
  });
});

describe('an action that fails', () => {
  it('is logged by the error’s class and a correlation id only, never with what the error quotes', async () => {
    // A service (or something between) answering with a body that is no JSON: the action's parse fails, and the
    // error's message quotes the body's start, here a name and a number as a body might carry.
    const quoted = 'Pietersen-0698765432 en zijn melding';
    const from = portal.output().length;
    answerInstead = (request) => (request === `POST MATCHING_URL /agencies/${DEMO_AGENCY_ID}/organisations` ? quoted : undefined);
    let response: Response;
    try {
      response = await post(
        '/nl/organisations/new',
        { ...formNamed('organisations: register').form(), intakeCode: 'mislukt-2026' },
        ownPage('coordinator'),
      );
    } finally {
      answerInstead = undefined;
    }
    expect(response.status).toBe(500);
    const page = await response.text();
    // Logged once the answer is out, in whatever form: then nothing the error quoted may be in the log.
    const logged = () => portal.output().slice(from);
    await eventually(async () => expect(logged()).toMatch(/SyntaxError/), { timeoutMs: 5_000, intervalMs: 100 });
    for (const secret of ['Pietersen', '0698765432', CANARY]) {
      expect(logged()).not.toContain(secret);
      expect(page).not.toContain(secret);
    }
    const failed = logged()
      .split('\n')
      .filter((line) => line.includes('SyntaxError'));
    expect(failed).toHaveLength(1);
    expect(JSON.parse(failed[0])).toEqual({
      level: 'error',
      time: expect.any(String),
      service: 'portal',
      msg: 'a page failed',
      error: 'SyntaxError',
      correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });
});

describe("the price list form's figures", () => {
  it('says once per field that an amount or a count cannot be read, and asks billing nothing', async () => {
    const from = asked.length;
    const form = {
      intent: 'prices',
      effectiveFrom: '2027-01-01',
      period: 'quarter',
      hourlyRateCents: '-5',
      'band0.minHeadcount': 'one',
      'band0.plan': 'collective',
      'band0.yearlyFee': '€ 12,50',
      'band0.includedHours': '0',
    };
    const response = await post('/en/billing', form, ownPage('coordinator'));
    const html = await response.text();
    expect(response.status).toBe(422);
    expect(html).toContain('Not saved: some figures could not be read.');
    // The hourly rate and the yearly fee: each told once what an amount is; nothing said of limits it did not break.
    expect(html.split('type an amount in euros').length - 1).toBe(2);
    expect(html).toContain('enter a whole number');
    expect(html).not.toContain('the number is too large');
    expect(asked.slice(from).filter((request) => request.startsWith('POST'))).toEqual([]);
  });
});

describe('afterwards', () => {
  it('no answer was a 500, and the portal logged neither the canary nor a token', () => {
    expect(serverErrors).toEqual([]);
    const log = portal.output();
    expect(log).not.toContain(CANARY);
    expect(log).not.toMatch(/eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\./);
  });
});
