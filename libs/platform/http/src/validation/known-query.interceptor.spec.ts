import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApp } from '../fixtures/test-app';

const REPORT = '0f8b7c6e-1d2a-4b3c-8d4e-5f6a7b8c9d0e';
const NOTE = '6c1f2e3d-4b5a-4978-a6b5-c4d3e2f1a0b9';

describe('query parameters a handler does not take', () => {
  let app: INestApplication;
  const get = (path: string) => request(app.getHttpServer()).get(path);

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('are refused, as a body’s unknown field is, without naming them', async () => {
    for (const query of ['canary-4b1e=1', `authorId=${REPORT}&canary-4b1e[]=x`, 'authorid=x']) {
      const res = await get(`/reports/${REPORT}/notes/${NOTE}?${query}`).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: '(query)', rule: 'unknownParameter' })]);
      expect(res.text).not.toContain('canary');
    }
  });

  it('leave the parameters it declares, and a path without a query, as they were', async () => {
    await get(`/reports/${REPORT}/notes/${NOTE}?authorId=${REPORT}`).expect(200);
    await get(`/reports/${REPORT}/notes/${NOTE}`).expect(200);
  });
});
