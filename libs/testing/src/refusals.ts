/** What a refusal is read from: a supertest response, or the like. */
export interface AnsweredRequest {
  status: number;
  headers: Record<string, unknown>;
  body: unknown;
  text: string;
}

/**
 * Asserts the answer to an id that is not a UUID in `field`: a 400 validation problem naming that field and the rule
 * `isUuid`, quoting nothing of what was sent. The field leads the first comparison, so a failure says which call.
 */
export function expectUuidRefused(res: AnsweredRequest, field: string, sent: string): void {
  expect([field, res.status, res.headers['content-type']]).toEqual([field, 400, expect.stringMatching(/^application\/problem\+json/)]);
  expect(res.body).toMatchObject({ type: 'https://vertrouwd.nl/problems/validation', status: 400 });
  expect((res.body as { errors?: unknown }).errors).toEqual([{ field, rule: 'isUuid', message: `${field} must be a UUID` }]);
  expect(res.text).not.toContain(sent);
}
