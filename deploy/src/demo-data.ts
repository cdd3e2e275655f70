import type { DevIssuer } from '@vertrouwd/auth';
import type { ServiceProcess } from './service-processes';

/**
 * Seeds the sample path once: an advisor records two marks (through the API, like any client), which
 * then travel to the digest. Idempotency keys make a second start, or a restart mid-seed, harmless.
 * Skipped with an external identity provider (no demo passwords to use).
 */
export async function seedDemoData(services: ServiceProcess[], issuer: DevIssuer | undefined): Promise<boolean> {
  const marks = services.find((s) => s.name === 'sample-marks');
  if (!marks || !issuer) return false;
  const token = await issuer.mintToken('advisor-anna');
  const demo = [
    { key: 'demo-mark-1', body: { topic: 'unwanted-behaviour', weight: 2, remark: 'Demo remark, sealed at rest' } },
    { key: 'demo-mark-2', body: { topic: 'integrity', weight: 5, remark: 'Another demo remark' } },
  ];
  for (const { key, body } of demo) {
    const response = await fetch(`${marks.url}/marks`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': key },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`Seeding demo data failed: ${response.status}`);
  }
  return true;
}
