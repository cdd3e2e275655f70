import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startDevIssuer, type DevIssuer } from '@vertrouwd/auth';
import type { IntegrationEvent } from '@vertrouwd/contracts';
import { toMessage } from '@vertrouwd/messaging';
import { startService, type RunningService, type ServiceDefinition } from '@vertrouwd/runtime';
import { createTestDatabase, eventually, type TestDatabase } from '@vertrouwd/testing';
import { CaseProgressListener } from '../src/infrastructure/case-progress.listener';
import { intake } from '../src/service';
import { publishDemoDirectory } from './directory.fixture';

export const REPORT = {
  theme: 'bullying',
  relation: 'manager',
  anonymity: 'anonymous',
  language: 'nl',
  consentVersion: 'v1',
  account: 'what happened',
  contact: { channel: 'platform' },
};

export interface IntakeUnderTest {
  service: RunningService;
  issuer: DevIssuer;
  db: TestDatabase;
  /** The environment it was started with: another replica on the same database starts with it. */
  env: Record<string, string>;
  submit(body?: object): request.Test;
  /** Submits a report and opens a follow-up: the case id and a `Bearer …` header for it. */
  reporter(): Promise<{ caseId: string; auth: string; receiptCode: string; passphrase: string }>;
  /** Publishes case events (as the case service would) and waits until intake has applied them. */
  publishCaseEvents(events: IntegrationEvent[]): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Intake in-process on its own test database, with the dev issuer and the demo directory published as matching would;
 * `definition` to replace limits.
 */
export async function startIntake(
  name: string,
  definition: ServiceDefinition = intake,
  extraEnv: Record<string, string> = {},
): Promise<IntakeUnderTest> {
  const issuer = await startDevIssuer({ port: 0 });
  const db = await createTestDatabase(name);
  const env = {
    DATABASE_URL: db.url,
    OIDC_ISSUER: issuer.issuer,
    REPORTER_TOKEN_SECRET: 'e2e-reporter-token-secret-of-32-chars-or-more',
    VERTROUWD_DATA_DIR: mkdtempSync(join(tmpdir(), `${name}-`)),
    PORT: '0',
    ...extraEnv,
  };
  const service = await startService({ ...definition, logger: false }, env);
  await publishDemoDirectory(service);
  const submit = (body: object = REPORT) => request(service.url).post('/intake/bakkerij-2026/reports').send(body);
  return {
    service,
    issuer,
    db,
    env,
    submit,
    reporter: async () => {
      const { caseId, receiptCode, passphrase } = (await submit().expect(201)).body;
      const opened = await request(service.url).post('/intake/follow-up').send({ receiptCode, passphrase }).expect(200);
      return { caseId, auth: `Bearer ${opened.body.token}`, receiptCode, passphrase };
    },
    publishCaseEvents: async (events) => {
      await service.platform.bus.publish(events.map(toMessage));
      await eventually(() => service.app.get(CaseProgressListener).caughtUp());
    },
    stop: async () => {
      await service?.close();
      await issuer?.stop();
      await db?.drop();
    },
  };
}

/** One case event as the case service publishes it. */
export function caseEvent(type: string, caseId: string, payload: object): IntegrationEvent {
  return {
    eventId: randomUUID(),
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    key: caseId,
    correlationId: randomUUID(),
    causationId: randomUUID(),
    payload: { caseId, ...payload },
  };
}
