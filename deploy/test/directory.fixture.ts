import { DEMO_USERS } from '@vertrouwd/auth';
import type { RunningService } from '@vertrouwd/runtime';
import { ReadModels } from '@vertrouwd/service-kit';
import { eventually } from '@vertrouwd/testing';
import {
  ANNA,
  BRAM,
  counsellorPublished,
  publish,
  publishDemoDirectory as publishIntakePages,
} from '../../services/intake/test/directory.fixture';

// Intake and case learn organisations and counsellors only from matching's events. The cross-service tests that do
// not run matching publish its demo directory on the bus themselves, as matching would: every demo advisor of both
// agencies active (case lets only those act), the demo agency's two organisations with Anna and Bram (intake's
// pages), names sealed under the directory records' keys.

const NAMES: Record<string, string> = { 'advisor-nina': 'Nina Postma' };
const ADVISORS = DEMO_USERS.filter((u) => u.advisorId && u.agencyId);

/** Publishes the demo directory and waits until intake's pages show it and, given the case service, case knows every advisor. */
export async function publishDemoDirectory(intake: RunningService, cases?: RunningService): Promise<void> {
  const { sealer } = intake.platform.privacy;
  const others = ADVISORS.filter((u) => u.advisorId !== ANNA.counsellorId && u.advisorId !== BRAM.counsellorId);
  const published = others.map((u) =>
    counsellorPublished(sealer, {
      counsellorId: u.advisorId!,
      agencyId: u.agencyId!,
      name: NAMES[u.username] ?? u.username,
      gender: 'female',
      languages: ['nl'],
    }),
  );
  await publish(intake, await Promise.all(published));
  await publishIntakePages(intake); // Anna and Bram with the two organisations
  if (!cases) return;
  await eventually(async () => {
    const rows: { id: string }[] = await cases.app
      .get(ReadModels)
      .dataSource.query('select counsellor_id as id from case_counsellors where active');
    const active = new Set(rows.map((r) => r.id));
    if (!ADVISORS.every((u) => active.has(u.advisorId!))) throw new Error('case does not know every demo advisor yet');
  });
}
