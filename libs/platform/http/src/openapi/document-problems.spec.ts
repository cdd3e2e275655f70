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

  it("keeps an operation's own description of a status", () => {
    const get = documentProblems(bare(), { idempotency: true }).paths['/cases/{id}'].get!;
    expect(get.responses['404']).toEqual({ description: 'Own 404' });
    expect(Object.keys(get.responses).sort()).toEqual(['400', '404', '500']);
  });
});
