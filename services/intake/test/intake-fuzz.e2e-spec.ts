import { Agent, request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { eventually, rowCounts } from '@vertrouwd/testing';
import { REPORT, startIntake, type IntakeUnderTest } from './intake-service.fixture';

// Intake's public endpoints (and the reporter's message, the one body a reporter token opens), each sent 10,000
// generated bodies that break its rules: malformed, hostile (deep, wide, prototype keys, NUL, not UTF-8), of the
// wrong type, or one field wrong. Every answer must be a 4xx problem, and no table may gain or lose a row.
// A fixed seed: a failure names the body, and the run repeats it.

const SEED = 20_261_205;
const BODIES = Number(process.env.FUZZ_BODIES ?? 10_000);
const IN_FLIGHT = 8;
const KNOWN_CODES = new Set(['bakkerij-2026', 'zorggroep-2026', 'proof-key', 'follow-up', 'cases', 'proofs', 'consent-texts']);

interface Sent {
  method: 'GET' | 'POST';
  path: string;
  contentType?: string;
  body: string | Buffer;
}

interface Endpoint {
  name: string;
  method: 'GET' | 'POST';
  path: () => string;
  valid: () => Record<string, unknown>;
  /** Required fields holding a string (or enum) and those holding an object. */
  strings: string[];
  objects: string[];
  auth?: () => string;
}

const notAString = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);
const notAnObject = fc.oneof(
  fc.integer(),
  fc.string({ maxLength: 20 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
);
const withNul = fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 })).map(([a, b]) => `${a}\u0000${b}`);
// A lone surrogate: valid JSON (`"\ud800"`), but no UTF-8 form. The strings around it are ASCII, so it stays alone.
const withLoneSurrogate = fc
  .tuple(fc.string({ maxLength: 6 }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string({ maxLength: 6 }))
  .map(([a, unit, b]) => `${a}${String.fromCharCode(unit)}${b}`);
const deep = fc
  .tuple(fc.integer({ min: 33, max: 30_000 }), fc.boolean())
  .map(([depth, arrays]) => (arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`));

/** Where a valid body of `endpoint` holds a string: a top-level field, or a field of an object field. */
function stringPaths(endpoint: Endpoint): [string, string?][] {
  const valid = endpoint.valid();
  const inner = endpoint.objects.flatMap((name) =>
    Object.entries((valid[name] ?? {}) as Record<string, unknown>)
      .filter(([, value]) => typeof value === 'string')
      .map(([key]): [string, string] => [name, key]),
  );
  return [...endpoint.strings.map((name): [string] => [name]), ...inner];
}

/** Bodies that break `endpoint`'s rules, each as the exact bytes and Content-Type sent. */
function hostileBodies(endpoint: Endpoint): fc.Arbitrary<{ contentType?: string; body: string | Buffer }> {
  const json = (value: unknown) => ({ contentType: 'application/json', body: JSON.stringify(value) });
  const known = new Set([...endpoint.strings, ...endpoint.objects, ...Object.keys(endpoint.valid())]);
  const first = endpoint.strings[0] ?? endpoint.objects[0];
  const strings = endpoint.strings.length > 0 ? [fc.constantFrom(...endpoint.strings)] : [];
  const objects = endpoint.objects.length > 0 ? [fc.constantFrom(...endpoint.objects)] : [];
  const set = (name: string, value: unknown) => json({ ...endpoint.valid(), [name]: value });
  return fc.oneof(
    // One field of the wrong type, missing, or with a NUL.
    ...strings.map((name) => fc.tuple(name, notAString).map(([n, value]) => set(n, value))),
    ...objects.map((name) => fc.tuple(name, notAnObject).map(([n, value]) => set(n, value))),
    fc.constantFrom(...endpoint.strings, ...endpoint.objects).map((name) => {
      const body = endpoint.valid();
      delete body[name];
      return json(body);
    }),
    fc
      .tuple(withNul, fc.boolean())
      .map(([value, nested]) => (nested ? json({ ...endpoint.valid(), [first]: { text: value } }) : set(first, value))),
    // A lone surrogate in a string field, at the top or inside an object field (an e-mail address: a 500 once).
    fc.tuple(withLoneSurrogate, fc.constantFrom(...stringPaths(endpoint))).map(([value, [name, inner]]) => {
      const body = endpoint.valid();
      if (inner === undefined) body[name] = value;
      else body[name] = { ...(body[name] as Record<string, unknown>), [inner]: value };
      return json(body);
    }),
    // A field the endpoint does not know, with any value.
    fc
      .tuple(
        fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !known.has(key)),
        fc.jsonValue({ maxDepth: 3 }),
      )
      .map(([key, value]) => json({ ...endpoint.valid(), [key]: value })),
    // Prototype keys, at the top or one level down, spelled plainly or escaped.
    fc.tuple(fc.constantFrom('__proto__', 'constructor', 'prototype', '__pro\\u0074o__'), fc.boolean()).map(([key, top]) => {
      const valid = JSON.stringify(endpoint.valid());
      const injected = `"${key}":{"isAdmin":true},`;
      return { contentType: 'application/json', body: top ? `{${injected}${valid.slice(1)}` : `{"x":{${injected}"y":1},${valid.slice(1)}` };
    }),
    // Too deep, too many keys, too large.
    deep.map((value) => ({ contentType: 'application/json', body: `{"${first}":${value}}` })),
    fc.integer({ min: 1_001, max: 4_000 }).map((keys) => json(Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, i])))),
    fc.integer({ min: 65 * 1024, max: 90 * 1024 }).map((size) => set(first, 'x'.repeat(size))),
    // Not an object, not JSON, not UTF-8, not declared as JSON.
    fc.oneof(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }), fc.integer(), fc.string(), fc.constant(null)).map(json),
    fc.string({ unit: 'binary', maxLength: 200 }).map((text) => ({ contentType: 'application/json', body: text })),
    fc.uint8Array({ minLength: 1, maxLength: 200 }).map((bytes) => ({
      contentType: 'application/json',
      body: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bytes)]),
    })),
    fc
      .constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/json; charset=utf-16',
        'multipart/form-data; boundary=x',
        'application/xml',
      )
      .map((contentType) => ({ contentType, body: JSON.stringify(endpoint.valid()) })),
  );
}

/** The intake page: a code no organisation has (any Unicode), a language or none, and any hostile body besides. */
function pageRequests(endpoint: Endpoint): fc.Arbitrary<Sent> {
  const code = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).filter((c) => !KNOWN_CODES.has(c) && c !== '.' && c !== '..');
  const lang = fc.option(fc.oneof(fc.constantFrom('nl', 'en', 'ar'), fc.string({ unit: 'binary', maxLength: 8 })), { nil: undefined });
  return fc.tuple(code, lang, hostileBodies(endpoint)).map(([c, l, sent]) => ({
    method: 'GET' as const,
    path: `/intake/${encodeURIComponent(c)}${l === undefined ? '' : `?lang=${encodeURIComponent(l)}`}`,
    ...sent,
  }));
}

describe('intake: fuzzed bodies on the public endpoints', () => {
  let intake: IntakeUnderTest;
  let reporter: { caseId: string; auth: string };
  const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });

  const endpoints: Endpoint[] = [
    {
      name: 'POST /intake/:intakeCode/reports',
      method: 'POST',
      path: () => '/intake/bakkerij-2026/reports',
      valid: () => ({ ...REPORT, contact: { channel: 'email', email: 'someone@example.org' } }),
      strings: ['theme', 'relation', 'account', 'anonymity', 'language', 'consentVersion'],
      objects: ['contact'],
    },
    {
      name: 'POST /intake/follow-up',
      method: 'POST',
      path: () => '/intake/follow-up',
      valid: () => ({ receiptCode: 'ABCD-EFGH-JKMN-PQRS-TVWX', passphrase: 'ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567' }),
      strings: ['receiptCode', 'passphrase'],
      objects: [],
    },
    {
      name: 'POST /intake/proofs/verification',
      method: 'POST',
      path: () => '/intake/proofs/verification',
      valid: () => ({ proof: { receiptHash: 'a'.repeat(64), submittedAt: '2026-12-05T20:00:00Z', signature: 'c2ln', keyId: 'k1' } }),
      strings: [],
      objects: ['proof'],
    },
    {
      name: 'POST /intake/cases/:caseId/messages',
      method: 'POST',
      path: () => `/intake/cases/${reporter.caseId}/messages`,
      valid: () => ({ body: 'are you there?' }),
      strings: ['body'],
      objects: [],
      auth: () => reporter.auth,
    },
    {
      name: 'GET /intake/:intakeCode',
      method: 'GET',
      path: () => '/intake/bakkerij-2026',
      valid: () => ({ lang: 'nl' }),
      strings: ['lang'],
      objects: [],
    },
  ];

  beforeAll(async () => {
    intake = await startIntake('intake_fuzz');
    reporter = await intake.reporter();
    // The report's event has left the outbox for the bus: nothing of it is still being written when counting starts.
    await eventually(async () => {
      const { rows } = await intake.service.platform.pool.query('select 1 from bus_messages where key = $1', [reporter.caseId]);
      expect(rows).toHaveLength(1);
    });
  });
  afterAll(async () => {
    agent.destroy();
    await intake?.stop();
  });

  /** Rows per table, but for the bookkeeping of subscriptions and consumers, which move on their own. */
  async function written(): Promise<Record<string, number>> {
    const counts = await rowCounts(intake.db.url);
    for (const bookkeeping of ['es_checkpoints', 'bus_group_offsets', 'bus_partitions']) delete counts[bookkeeping];
    return counts;
  }

  function send(sent: Sent, auth?: string): Promise<{ status: number; contentType: string }> {
    const url = new URL(intake.service.url);
    const headers: Record<string, string> = { 'Content-Length': String(Buffer.byteLength(sent.body)) };
    if (sent.contentType) headers['Content-Type'] = sent.contentType;
    if (auth) headers.Authorization = auth;
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: url.hostname, port: url.port, path: sent.path, method: sent.method, headers, agent }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type']) }));
      });
      req.on('error', reject);
      req.end(sent.body);
    });
  }

  it.each(endpoints.map((e) => [e.name, e] as const))(
    '%s answers 10,000 of them with 4xx problems and writes nothing',
    async (_name, endpoint) => {
      const requests: Sent[] =
        endpoint.method === 'GET'
          ? fc.sample(pageRequests(endpoint), { seed: SEED, numRuns: BODIES })
          : fc
              .sample(hostileBodies(endpoint), { seed: SEED, numRuns: BODIES })
              .map((b) => ({ method: 'POST', path: endpoint.path(), ...b }));
      const before = await written();
      const wrong: string[] = [];
      let next = 0;
      const worker = async () => {
        while (next < requests.length) {
          const sent = requests[next++];
          const { status, contentType } = await send(sent, endpoint.auth?.());
          const refused = status >= 400 && status < 500 && contentType.startsWith('application/problem+json');
          if (!refused && wrong.length < 5) wrong.push(`${status} ${sent.method} ${sent.path} ${String(sent.body).slice(0, 120)}`);
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
      expect(wrong).toEqual([]);
      const after = await written();
      // The throttle's sweep job removes expired rows on its own schedule: a hostile request may add none.
      expect(after.intake_throttle ?? 0).toBeLessThanOrEqual(before.intake_throttle ?? 0);
      delete after.intake_throttle;
      delete before.intake_throttle;
      expect(after).toEqual(before);
    },
    300_000,
  ); // about 15 s each on a quiet machine; the bound is for a busy one
});
