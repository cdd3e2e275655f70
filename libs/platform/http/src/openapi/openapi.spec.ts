import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApp } from '../fixtures/test-app';

describe('OpenAPI and docs', () => {
  let app: INestApplication;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('serves the document generated from the decorators at /openapi.json', async () => {
    const res = await http()
      .get('/openapi.json')
      .expect(200)
      .expect('Content-Type', /^application\/json/);
    expect(res.body.info).toMatchObject({ title: 'Reports', description: 'A test service', version: '1.2.3' });
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/reports', '/reports/{id}', '/reports/{id}/acknowledge', '/health/live', '/health/ready']),
    );
    expect(res.body.components.schemas.CreateReportDto.properties).toHaveProperty('contact');
  });

  it('documents the problems an operation can answer with, as application/problem+json', async () => {
    const { body } = await http().get('/openapi.json');
    const create = body.paths['/reports'].post;
    for (const status of ['400', '413', '415', '500']) {
      expect(create.responses[status].content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
    }
    expect(create.responses['201']).toBeDefined();
    // This app does not import IdempotencyModule, so it must not promise what it does not honour.
    expect(create.parameters ?? []).not.toContainEqual(expect.objectContaining({ name: 'Idempotency-Key' }));
    expect(body.paths['/health/ready'].get.responses['503'].content).toHaveProperty('application/problem+json');
    expect(body.components.schemas.Problem.required).toEqual(['type', 'title', 'status', 'detail']);
    expect(body.components.schemas.FieldError).toBeDefined();
  });

  it('serves Swagger UI at /docs from the app itself', async () => {
    const page = await http()
      .get('/docs')
      .expect(200)
      .expect('Content-Type', /^text\/html/);
    expect(page.text).toContain('swagger-ui-bundle.js');
    expect(page.text).toContain('<title>Reports API</title>');
    await http()
      .get('/docs/swagger-ui-bundle.js')
      .expect(200)
      .expect('Content-Type', /javascript/);
    const init = await http().get('/docs/swagger-ui-init.js').expect(200);
    expect(init.text).toContain('/reports/{id}/acknowledge');
  });
});
