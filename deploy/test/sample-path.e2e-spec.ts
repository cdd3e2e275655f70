import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startDevIssuer, type DevIssuer } from '@vertrouwd/auth';
import { startService, type RunningService } from '@vertrouwd/runtime';
import { InMemorySpanExporter, SpanKind, startTelemetry, type Telemetry } from '@vertrouwd/telemetry';
import { createTestDatabase, eventually, type TestDatabase, tablesContaining } from '@vertrouwd/testing';
import { sampleMarks } from '../../services/sample-marks/src/service';
import { sampleDigest } from '../../services/sample-digest/src/service';

// The whole sample path on the embedded default, over HTTP: an advisor records a mark in sample-marks;
// its event leaves through the outbox onto the Postgres bus; sample-digest consumes it into its own events
// and read model; a coordinator reads the digest. One trace spans both services; the remark (a canary)
// appears nowhere but sealed.
const CANARY = 'CANARY-Jansen-0612345678-jansen@example.nl';

describe('the sample path: HTTP → events → outbox → bus → consumer → read model', () => {
  const exporter = new InMemorySpanExporter();
  let telemetry: Telemetry;
  let issuer: DevIssuer;
  let dbs: TestDatabase[];
  let marks: RunningService;
  let digest: RunningService;
  const token = (user: string) => issuer.mintToken(user).then((t) => `Bearer ${t}`);

  beforeAll(async () => {
    telemetry = startTelemetry({ serviceName: 'e2e', exporter });
    issuer = await startDevIssuer({ port: 0 });
    dbs = await Promise.all(['marks', 'digest', 'bus'].map((label) => createTestDatabase(`sample_${label}`)));
    const common = {
      OIDC_ISSUER: issuer.issuer,
      BUS_DATABASE_URL: dbs[2].url,
      VERTROUWD_DATA_DIR: mkdtempSync(join(tmpdir(), 'vertrouwd-e2e-')),
      PORT: '0',
    };
    marks = await startService({ ...sampleMarks, logger: false }, { ...common, DATABASE_URL: dbs[0].url });
    digest = await startService({ ...sampleDigest, logger: false }, { ...common, DATABASE_URL: dbs[1].url });
  });
  afterAll(async () => {
    await marks?.close();
    await digest?.close();
    await issuer?.stop();
    await Promise.all((dbs ?? []).map((db) => db.drop()));
    await telemetry?.shutdown();
  });

  it('carries a recorded mark to the digest, in one trace, with the remark sealed everywhere', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const recorded = await request(marks.url)
      .post('/marks')
      .set('Authorization', await token('advisor-anna'))
      .set('traceparent', `00-${traceId}-00f067aa0ba902b7-01`)
      .send({ topic: 'integrity', weight: 3, remark: CANARY })
      .expect(201);
    const { markId } = recorded.body as { markId: string };

    const coordinator = await token('coordinator-carla');
    await eventually(async () => {
      const { body } = await request(digest.url).get('/digest').set('Authorization', coordinator).expect(200);
      expect(body).toEqual({ topics: [{ topic: 'integrity', marks: 1, weight: 3 }] });
    });

    // The advisor reads the remark back; nobody else learns the mark exists.
    const own = await request(marks.url)
      .get(`/marks/${markId}`)
      .set('Authorization', await token('advisor-anna'))
      .expect(200);
    expect(own.body).toEqual({ markId, topic: 'integrity', weight: 3, remark: CANARY });
    await request(marks.url)
      .get(`/marks/${markId}`)
      .set('Authorization', await token('advisor-bram'))
      .expect(404);

    // One trace: the HTTP request in sample-marks and the consumer in sample-digest, and digest's own event.
    await telemetry.forceFlush();
    const spans = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
    expect(spans.find((s) => s.kind === SpanKind.SERVER)?.name).toBe('HTTP POST /marks');
    expect(spans.find((s) => s.kind === SpanKind.CONSUMER)?.name).toBe('consume sample.mark-recorded.v1');
    const [counted] = await digest.platform.store.readAll({ categories: ['tally'] });
    expect(counted.metadata.traceparent).toContain(traceId);

    // The canary is nowhere in clear: not in any row of any table of the three databases.
    for (const db of dbs) expect(await tablesContaining(db.url, CANARY)).toEqual([]);
    // ...while the same scan does find what is stored in clear (so it can fail).
    expect(await tablesContaining(dbs[1].url, 'integrity')).toEqual(expect.arrayContaining(['digest_topics', 'es_events']));
  });

  it('refuses every role that must not reach an endpoint, and anyone without a token', async () => {
    const body = { topic: 'other', weight: 1, remark: 'x' };
    for (const user of ['coordinator-carla', 'employer-erik', 'auditor-ada', 'admin-adam']) {
      await request(marks.url)
        .post('/marks')
        .set('Authorization', await token(user))
        .send(body)
        .expect(403);
    }
    for (const user of ['advisor-anna', 'employer-erik', 'auditor-ada', 'admin-adam']) {
      await request(digest.url)
        .get('/digest')
        .set('Authorization', await token(user))
        .expect(403);
    }
    await request(marks.url).post('/marks').send(body).expect(401);
    await request(digest.url).get('/digest').expect(401);
  });

  it('answers bad input with a problem naming the field and the rule, and writes nothing', async () => {
    const before = await marks.platform.store.headPosition();
    const advisor = await token('advisor-anna');
    const bad = await request(marks.url)
      .post('/marks')
      .set('Authorization', advisor)
      .send({ topic: 'gossip', weight: 'heavy', remark: CANARY, extra: 1 })
      .expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    const fields = (bad.body.errors as { field: string; rule: string }[]).map((e) => `${e.field}:${e.rule}`);
    expect(fields).toEqual(expect.arrayContaining(['topic:isIn', 'weight:isInt', 'extra:unknownField']));
    expect(JSON.stringify(bad.body)).not.toContain('CANARY');
    await request(marks.url)
      .post('/marks')
      .set('Authorization', advisor)
      .send({ topic: 'other', weight: 1, remark: 'x'.repeat(70_000) })
      .expect(413);
    await request(marks.url).post('/marks').set('Authorization', advisor).set('Content-Type', 'text/plain').send('hello').expect(415);
    await request(marks.url).get('/nowhere').set('Authorization', advisor).expect(404);
    expect(await marks.platform.store.headPosition()).toBe(before);
  });

  it('replays an Idempotency-Key: same body, same answer and one mark; other body, 422', async () => {
    const advisor = await token('advisor-anna');
    const send = (body: object) =>
      request(marks.url).post('/marks').set('Authorization', advisor).set('Idempotency-Key', 'e2e-key-1').send(body);
    const first = await send({ topic: 'other', weight: 5, remark: 'once' }).expect(201);
    const again = await send({ topic: 'other', weight: 5, remark: 'once' }).expect(201);
    expect(again.body).toEqual(first.body);
    await send({ topic: 'other', weight: 6, remark: 'changed' }).expect(422);
    expect(await marks.platform.store.readStream(`mark-${first.body.markId}`)).toHaveLength(1);
  });

  it('is ready when its database and bus are, and documents its API', async () => {
    await request(marks.url).get('/health/ready').expect(200);
    const { body } = await request(digest.url).get('/openapi.json').expect(200);
    expect(Object.keys(body.paths)).toContain('/digest');
  });
});
