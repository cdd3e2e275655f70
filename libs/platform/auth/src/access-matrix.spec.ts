import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DEFAULT_AUDIENCE } from './auth.options';
import { DEMO_ADVISORS, DEMO_AGENCY_ID, DEMO_ORGANISATIONS, DEMO_USERS } from './demo-users';
import { startDevIssuer, type DevIssuer } from './dev-issuer/dev-issuer';
import { startAccessTestApp } from './fixtures/access-test.app';
import { ReporterTokens } from './reporter-tokens';

// The authorisation matrix: every endpoint of the test service against every caller. Tenant values in the paths
// are agency-demo's, the right ones for the allowed callers: agency-noord's users are refused on tenant whatever
// their role; every other refusal here is about role, token kind or declaration.
const CASE = randomUUID();
const A = DEMO_AGENCY_ID;
const users = DEMO_USERS.map((user) => user.username);
const everyone = [...users, 'reporter', 'anonymous'];

type Endpoint = { name: string; method?: 'get' | 'post'; path: string; body?: object; allowed: string[]; declared?: 'public' | 'no' };
const ENDPOINTS: Endpoint[] = [
  { name: 'agency cases (controller-level roles)', path: `/agencies/${A}/cases`, allowed: ['coordinator-carla'] },
  { name: 'agency audit (handler overrides roles)', path: `/agencies/${A}/audit`, allowed: ['auditor-ada'] },
  {
    name: 'add advisor (body scope)',
    method: 'post',
    path: `/agencies/${A}/advisors`,
    body: { agencyId: A },
    allowed: ['coordinator-carla'],
  },
  { name: "advisor's cases", path: `/advisors/${DEMO_ADVISORS['advisor-anna']}/cases?agencyId=${A}`, allowed: ['advisor-anna'] },
  { name: 'organisation report', path: `/organisations/${DEMO_ORGANISATIONS['org-bakkerij']}/report`, allowed: ['employer-erik'] },
  { name: 'admin tenants', path: '/admin/tenants', allowed: ['admin-adam'] },
  { name: 'reporter messages', path: `/intake/cases/${CASE}/messages`, allowed: ['reporter'] },
  { name: 'conversation', path: `/cases/${CASE}/conversation?agencyId=${A}`, allowed: ['advisor-anna', 'advisor-bram', 'reporter'] },
  { name: 'intake page (public)', path: '/intake/page', allowed: everyone, declared: 'public' },
  { name: 'roles without tenant scope', path: '/admin/unscoped', allowed: [], declared: 'no' },
  { name: 'undeclared', path: '/undeclared', allowed: [], declared: 'no' },
];

function expectedStatus(endpoint: Endpoint, caller: string): number {
  if (endpoint.allowed.includes(caller)) return endpoint.method === 'post' ? 201 : 200;
  // Declarations are judged before tokens: a misdeclared endpoint is 403 even for an anonymous caller.
  return caller === 'anonymous' && endpoint.declared !== 'no' ? 401 : 403;
}

describe('authorisation matrix: every endpoint against every caller', () => {
  let issuer: DevIssuer;
  let app: INestApplication;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    issuer = await startDevIssuer();
    const reporterTokens = { secretOrKey: 'matrix-test-secret-of-at-least-32-bytes' };
    app = await startAccessTestApp({ issuer: issuer.issuer, audience: DEFAULT_AUDIENCE, reporterTokens });
    for (const username of users) tokens.set(username, await issuer.mintToken(username));
    tokens.set('reporter', await app.get(ReporterTokens).issue({ caseId: CASE }));
  });
  afterAll(async () => {
    await app?.close();
    await issuer?.stop();
  });

  const cells = ENDPOINTS.flatMap((endpoint) =>
    everyone.map((caller) => [endpoint.name, caller, expectedStatus(endpoint, caller), endpoint] as const),
  );

  it.each(cells)('%s, called by %s: %i', async (_name, caller, status, endpoint) => {
    const call = request(app.getHttpServer())[endpoint.method ?? 'get'](endpoint.path);
    const token = tokens.get(caller);
    if (token) call.set('Authorization', `Bearer ${token}`);
    const response = await (endpoint.body ? call.send(endpoint.body) : call);
    expect(response.status).toBe(status);
    if (status === 200 && caller !== 'anonymous' && endpoint.declared !== 'public') {
      expect(response.body.kind).toBe(caller === 'reporter' ? 'reporter' : 'user');
    }
  });

  it('covers every demo role', () => {
    const roles = new Set(DEMO_USERS.flatMap((user) => user.roles));
    expect([...roles].sort()).toEqual(['admin', 'advisor', 'auditor', 'coordinator', 'employer']);
  });
});
