import { undeclaredAnswers } from './declared-answers';

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const document = (responses: Record<string, unknown>) => ({ paths: { '/cases': { get: { responses } } } });

describe('undeclaredAnswers', () => {
  it('passes a GET whose answer names its schema', () => {
    expect(undeclaredAnswers(document({ '200': json({ $ref: '#/components/schemas/CasesView' }) }))).toEqual([]);
  });

  it('names a GET that answers 200 without describing the body', () => {
    expect(undeclaredAnswers(document({ '200': { description: '' } }))).toEqual(['GET /cases 200']);
  });

  it('names a GET whose JSON answer is a bare object', () => {
    expect(undeclaredAnswers(document({ '200': json({ type: 'object' }) }))).toEqual(['GET /cases 200']);
  });

  it('passes a download, which declares its media type instead of a JSON schema', () => {
    const csv = { content: { 'text/csv': { schema: { type: 'string' } } } };
    expect(undeclaredAnswers(document({ '200': csv }))).toEqual([]);
  });

  it('leaves alone the answers with no body by design, and the failures', () => {
    expect(undeclaredAnswers(document({ '204': { description: '' }, '404': { description: '' } }))).toEqual([]);
  });

  it('names a write whose answer is undeclared, and passes one that names its schema', () => {
    const write = (method: string, answer: unknown) => ({
      paths: { '/cases/{caseId}/advice': { [method]: { responses: { '201': answer } } } },
    });
    expect(undeclaredAnswers(write('post', { description: '' }))).toEqual(['POST /cases/{caseId}/advice 201']);
    expect(undeclaredAnswers(write('put', json({ type: 'object' })))).toEqual(['PUT /cases/{caseId}/advice 201']);
    expect(undeclaredAnswers(write('post', json({ $ref: '#/components/schemas/AdviceGivenView' })))).toEqual([]);
  });
});
