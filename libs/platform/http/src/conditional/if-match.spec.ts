import { StaleVersionError } from '@vertrouwd/event-sourcing';
import type { HttpRequest } from '../http-types';
import { ProblemException } from '../problem/problem.exception';
import { toProblem } from '../problem/to-problem';
import { entityTagOf, ifMatchVersion } from './if-match';

// If-Match of a write (RFC 9110 §13.1.1): the ETag of a read, one strong tag of a version, or `*`.

const refusalOf = (header: string | string[]) => {
  try {
    ifMatchVersion(header);
  } catch (error) {
    if (error instanceof ProblemException) return error.problem;
  }
  throw new Error('expected a refusal');
};

describe('If-Match', () => {
  it('names the version of the ETag a read sent', () => {
    expect(ifMatchVersion(entityTagOf(3))).toBe(3);
    expect(ifMatchVersion(' "0" ')).toBe(0);
  });

  it('is unconditional without the header or with *', () => {
    expect(ifMatchVersion(undefined)).toBeUndefined();
    expect(ifMatchVersion('*')).toBeUndefined();
  });

  it.each([
    ['W/"3"', 'strongEntityTag'],
    ['"3", "4"', 'singleEntityTag'],
    [['"3"', '"4"'], 'singleEntityTag'],
    ['3', 'quotedVersion'],
    ['"abc"', 'quotedVersion'],
    ['', 'quotedVersion'],
    ['"99999999999999999999"', 'quotedVersion'],
  ])('refuses %j with a 400 naming the header and the rule %s, not the value', (header, rule) => {
    const problem = refusalOf(header);
    expect(problem.status).toBe(400);
    expect(problem.errors).toEqual([{ field: 'If-Match', rule, message: expect.any(String) }]);
    expect(JSON.stringify(problem)).not.toContain(Array.isArray(header) ? header[1] : header || '""');
  });

  it('answers a stale version with 412 precondition-failed, saying what to do and no version', () => {
    const req = { correlationId: 'c-1', route: { path: '/things/:id' } } as unknown as HttpRequest;
    const { status, body } = toProblem(new StaleVersionError(), req);
    expect(status).toBe(412);
    expect(body).toMatchObject({ type: 'https://vertrouwd.nl/problems/precondition-failed', status: 412, instance: '/things/:id' });
    expect(body.detail).toMatch(/changed since you read it/);
  });
});
