import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { Effects } from '../fixtures/reports.controller';
import { validReport } from '../fixtures/reports.dto';
import { createTestApp } from '../fixtures/test-app';

const CANARY = 'canary-7f3a9c@leak.example';

describe('DTO validation', () => {
  let app: INestApplication;
  const post = (body: unknown) =>
    request(app.getHttpServer())
      .post('/reports')
      .send(body as object);
  const errorsOf = (res: request.Response) =>
    (res.body.errors as Array<{ field: string; rule: string }>).map((e) => `${e.field}:${e.rule}`);

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('names a missing field and the rule it breaks', async () => {
    const { title: _title, ...body } = validReport();
    const res = await post(body)
      .expect(400)
      .expect('Content-Type', /^application\/problem\+json/);
    expect(res.body).toMatchObject({
      type: 'https://vertrouwd.nl/problems/validation',
      title: 'Invalid request',
      status: 400,
      instance: '/reports',
    });
    expect(errorsOf(res)).toEqual(['title:isLength', 'title:isString']);
  });

  it('names a field of the wrong type with every rule it breaks', async () => {
    const res = await post(validReport({ age: 'thirty' })).expect(400);
    expect(errorsOf(res)).toEqual(['age:min', 'age:isInt']);
  });

  it('names a nested field by its path', async () => {
    const res = await post(validReport({ contact: { email: 'not-an-email' } })).expect(400);
    expect(res.body.errors).toEqual([{ field: 'contact.email', rule: 'isEmail', message: 'email must be an email' }]);
    const notAnObject = await post(validReport({ contact: 'someone' })).expect(400);
    expect(errorsOf(notAnObject)).toEqual(['contact:isObject']);
  });

  it('names an array item by its index', async () => {
    const res = await post(
      validReport({
        items: [
          { name: 'a', quantity: 1 },
          { name: '', quantity: 0 },
        ],
      }),
    ).expect(400);
    expect(errorsOf(res)).toEqual(['items[1].name:isNotEmpty', 'items[1].quantity:min']);
  });

  it('rejects unknown fields, at the top and nested, instead of dropping them', async () => {
    const res = await post(validReport({ isAdmin: true, contact: { email: 'a@example.org', nickname: 'x' } })).expect(400);
    expect(errorsOf(res)).toEqual(['(unnamed):unknownField', 'contact.(unnamed):unknownField']);
  });

  it('reports every broken rule of the body at once', async () => {
    const res = await post({}).expect(400);
    expect(new Set(res.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['title', 'age', 'contact', 'items']));
  });

  it('answers malformed JSON with a 400 problem that does not quote the body', async () => {
    const res = await request(app.getHttpServer())
      .post('/reports')
      .set('Content-Type', 'application/json')
      .send(`{"title": "${CANARY}",`)
      .expect(400);
    const detail = 'The request body is not valid JSON.';
    expect(res.body).toMatchObject({ type: 'https://vertrouwd.nl/problems/malformed-json', status: 400, detail });
    expect(res.text).not.toContain('canary');
  });

  it('never runs the handler when validation fails', async () => {
    const effects = app.get(Effects);
    const before = effects.runs.get('create') ?? 0;
    await post(validReport({ age: -1 })).expect(400);
    expect(effects.runs.get('create') ?? 0).toBe(before);
  });

  it('never echoes a submitted value, not even in the names of unknown fields', async () => {
    const body = {
      title: [CANARY],
      age: CANARY,
      contact: { email: CANARY, phone: 42 },
      items: [{ name: CANARY, quantity: CANARY }, CANARY],
      [CANARY]: CANARY,
    };
    const res = await post(body).expect(400);
    expect(res.body.errors.length).toBeGreaterThan(5);
    expect(res.text).not.toContain('canary');
    expect(JSON.stringify(res.headers)).not.toContain('canary');
    expect(errorsOf(res)).toContain('(unnamed):unknownField');
  });
});
