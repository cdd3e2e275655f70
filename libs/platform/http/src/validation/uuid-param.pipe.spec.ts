import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApp } from '../fixtures/test-app';

const REPORT = '0f8b7c6e-1d2a-4b3c-8d4e-5f6a7b8c9d0e';
const NOTE = '6c1f2e3d-4b5a-4978-a6b5-c4d3e2f1a0b9';
/** Every way an id can fail to be one, each refused the same way; the last two have a UUID's length. */
const NOT_UUIDS = ['CANARY-7f3a', 'Jansen', `${REPORT}0`, REPORT.replaceAll('-', ''), 'a'.repeat(36), '-'.repeat(36)];

describe('UUID_PARAM', () => {
  let app: INestApplication;
  const get = (path: string) => request(app.getHttpServer()).get(path);

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('hands a UUID sent in either case to the handler in lowercase, as ids are stored and compared', async () => {
    const { body } = await get(`/reports/${REPORT}/notes/${NOTE.toUpperCase()}?authorId=${REPORT.toUpperCase()}`).expect(200);
    expect(body).toEqual({ reportId: REPORT, noteId: NOTE, authorId: REPORT });
  });

  it.each([
    ['reportId', (bad: string) => `/reports/${bad}/notes/${NOTE}`],
    ['noteId', (bad: string) => `/reports/${REPORT}/notes/${bad}`],
    ['authorId', (bad: string) => `/reports/${REPORT}/notes/${NOTE}?authorId=${bad}`],
  ])('names %s and the rule when it is not a UUID, and never the value', async (field, path) => {
    for (const bad of NOT_UUIDS) {
      const res = await get(path(encodeURIComponent(bad)))
        .expect(400)
        .expect('Content-Type', /^application\/problem\+json/);
      expect(res.body).toMatchObject({ type: 'https://vertrouwd.nl/problems/validation', status: 400 });
      expect(res.body.errors).toEqual([{ field, rule: 'isUuid', message: `${field} must be a UUID` }]);
      expect(res.text).not.toContain(bad);
    }
  });

  it('takes an optional query id as absent, and refuses it empty or sent twice', async () => {
    expect((await get(`/reports/${REPORT}/notes/${NOTE}`).expect(200)).body.authorId).toBeNull();
    for (const query of ['authorId=', `authorId=${REPORT}&authorId=${NOTE}`]) {
      const res = await get(`/reports/${REPORT}/notes/${NOTE}?${query}`).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'authorId', rule: 'isUuid' })]);
    }
  });
});
