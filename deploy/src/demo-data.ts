import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_AGENCY_ID, type DevIssuer } from '@vertrouwd/auth';
import type { ServiceProcess } from './service-processes';

/** Two reports as employees file them on their organisation's intake page (made up; no real person in them). */
const DEMO_REPORTS = [
  {
    key: 'demo-report-1',
    intakeCode: 'bakkerij-2026',
    body: {
      theme: 'bullying',
      relation: 'manager',
      anonymity: 'anonymous',
      language: 'en',
      consentVersion: 'v1',
      account: 'Demo report: my manager shouts at me in meetings.',
      contact: { channel: 'platform' },
    },
  },
  {
    key: 'demo-report-2',
    intakeCode: 'zorggroep-2026',
    body: {
      theme: 'intimidation',
      relation: 'colleague',
      anonymity: 'anonymous',
      language: 'nl',
      consentVersion: 'v1',
      account: 'Demomelding: een collega dreigt mij bij elke dienst.',
      contact: { channel: 'platform' },
    },
  },
];

/**
 * Seeds the demo data once: two reports filed through intake's public API, like any reporter, which reach case
 * over the bus and wait there for the coordinator. Idempotency keys make a restart mid-seed harmless; a marker
 * in the data directory makes every later start skip it (intake forgets idempotency keys after 24 hours).
 * Skipped with an external identity provider (no demo users to look with).
 */
export async function seedDemoData(services: ServiceProcess[], issuer: DevIssuer | undefined, dataDir: string): Promise<boolean> {
  const intake = services.find((s) => s.name === 'intake');
  const cases = services.find((s) => s.name === 'case');
  if (!intake || !cases || !issuer) return false;
  const marker = join(dataDir, 'demo-data.seeded');
  if (existsSync(marker)) return true;
  const caseIds: string[] = [];
  for (const { key, intakeCode, body } of DEMO_REPORTS) {
    const response = await fetch(`${intake.url}/intake/${intakeCode}/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`Seeding demo data failed: intake answered ${response.status}`);
    caseIds.push(((await response.json()) as { caseId: string }).caseId);
  }
  await untilCasesOpened(cases.url, `Bearer ${await issuer.mintToken('coordinator-carla')}`, caseIds);
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  return true;
}

/** "Seeded" means the coordinator sees the cases: wait until case has opened them from intake's events. */
async function untilCasesOpened(caseUrl: string, authorization: string, caseIds: string[]): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const response = await fetch(`${caseUrl}/agencies/${DEMO_AGENCY_ID}/cases`, { headers: { Authorization: authorization } });
    if (response.ok) {
      const { cases } = (await response.json()) as { cases: { caseId: string }[] };
      if (caseIds.every((id) => cases.some((c) => c.caseId === id))) return;
    }
    if (Date.now() > deadline) throw new Error('Seeding demo data failed: the demo reports did not open cases within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
