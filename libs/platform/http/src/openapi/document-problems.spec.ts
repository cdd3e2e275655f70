import type { OpenAPIObject } from '@nestjs/swagger';
import { documentProblems } from './document-problems';

const bare = (): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/cases': { post: { requestBody: { content: {} }, responses: { '201': { description: 'Created' } } } },
    '/cases/{id}': { get: { parameters: [{ name: 'id', in: 'path' }], responses: { '404': { description: 'Own 404' } } } },
  },
});

describe('documentProblems', () => {
  it('documents Idempotency-Key and its problems only when the app honours it', () => {
    const without = documentProblems(bare(), { idempotency: false }).paths['/cases'].post!;
    expect(Object.keys(without.responses).sort()).toEqual(['201', '400', '413', '415', '500']);
    expect(without.parameters ?? []).toEqual([]);
    const withKeys = documentProblems(bare(), { idempotency: true }).paths['/cases'].post!;
    expect(Object.keys(withKeys.responses).sort()).toEqual(['201', '400', '409', '413', '415', '422', '500']);
    expect(withKeys.parameters).toEqual([expect.objectContaining({ name: 'Idempotency-Key' })]);
  });

  it('documents 401 and 403 on operations that need a token, and only there', () => {
    const document = bare();
    document.paths['/cases/{id}'].get!.security = [{ bearer: [] }];
    const described = documentProblems(document, { idempotency: false });
    expect(Object.keys(described.paths['/cases/{id}'].get!.responses).sort()).toEqual(['400', '401', '403', '404', '500']);
    expect(described.paths['/cases/{id}'].get!.responses['401']).toMatchObject({
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    });
    expect(Object.keys(described.paths['/cases'].post!.responses)).not.toContain('401');
  });

  it('puts back the success status of an operation that documents only its problems', () => {
    const document = bare();
    document.paths['/cases/{id}'].get!.operationId = 'CasesController_read';
    document.paths['/cases'].post!.operationId = 'CasesController_open';
    const described = documentProblems(document, { idempotency: false, successOf: (id) => (id === 'CasesController_read' ? 200 : 204) });
    expect(described.paths['/cases/{id}'].get!.responses['200']).toEqual({ description: '' });
    // The operation that documents its own success keeps it, and gets no second one.
    expect(Object.keys(described.paths['/cases'].post!.responses).filter((s) => s.startsWith('2'))).toEqual(['201']);
  });

  it("keeps an operation's own description of a status", () => {
    const get = documentProblems(bare(), { idempotency: true }).paths['/cases/{id}'].get!;
    expect(get.responses['404']).toEqual({ description: 'Own 404' });
    expect(Object.keys(get.responses).sort()).toEqual(['400', '404', '500']);
  });
});
