import { createCaseClient, createIntakeClient } from './client';
import type { IntakeApi } from './index';

type IntakePage = IntakeApi.components['schemas']['IntakePageView'];

/** A stand-in for the service: records each request, answers with `answer`. */
function recording(answer: () => Response) {
  const requests: Request[] = [];
  const fetch = (request: Request) => {
    requests.push(request);
    return Promise.resolve(answer());
  };
  return { requests, fetch };
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

describe('service clients', () => {
  it("call the service's path under the base URL, with the bearer token, and hand back its typed answer", async () => {
    const service = recording(() => json(200, { caseId: 'c1', status: 'received', dates: { received: '2026-12-01T10:00:00.000Z' } }));
    const intake = createIntakeClient({ baseUrl: 'http://intake.test:3001/', token: 'reporter-token', fetch: service.fetch });

    const { data } = await intake.GET('/intake/cases/{caseId}/status', { params: { path: { caseId: 'c1' } } });

    expect(service.requests[0].url).toBe('http://intake.test:3001/intake/cases/c1/status');
    expect(service.requests[0].headers.get('authorization')).toBe('Bearer reporter-token');
    expect(data?.status).toBe('received');
  });

  it('send no Authorization header without a token (the public intake page), and the query as given', async () => {
    const page: Partial<IntakePage> = { language: 'ar', direction: 'rtl' };
    const service = recording(() => json(200, page));
    const intake = createIntakeClient({ baseUrl: 'http://intake.test', fetch: service.fetch, headers: { 'X-Correlation-Id': 'abc' } });

    const { data } = await intake.GET('/intake/{intakeCode}', { params: { path: { intakeCode: 'bakkerij-2026' }, query: { lang: 'ar' } } });

    expect(service.requests[0].url).toBe('http://intake.test/intake/bakkerij-2026?lang=ar');
    expect(service.requests[0].headers.has('authorization')).toBe(false);
    expect(service.requests[0].headers.get('x-correlation-id')).toBe('abc');
    expect(data?.direction).toBe('rtl');
  });

  it("hand back a service's problem as the error, not as data", async () => {
    const problem = { type: 'https://vertrouwd.nl/problems/not-found', title: 'Not found', status: 404, detail: 'No such case of yours' };
    const service = recording(() => json(404, problem, 'application/problem+json'));
    const cases = createCaseClient({ baseUrl: 'http://case.test', token: 'advisor-token', fetch: service.fetch });

    const { data, error, response } = await cases.GET('/cases/{caseId}', { params: { path: { caseId: 'c1' } } });

    expect(response.status).toBe(404);
    expect(data).toBeUndefined();
    expect(error).toEqual(problem);
  });

  it('refuse to be created where a DOM exists: a token never reaches the browser', () => {
    const global = globalThis as { document?: unknown };
    global.document = {};
    try {
      expect(() => createIntakeClient({ baseUrl: 'http://intake.test', token: 't' })).toThrow(/never in the browser/);
    } finally {
      delete global.document;
    }
  });
});
