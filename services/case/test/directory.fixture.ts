import { DEMO_USERS, type DemoUser } from '@vertrouwd/auth';
import { CounsellorPublishedV1 } from '@vertrouwd/contracts';
import { publishAs } from '@vertrouwd/messaging';
import { caseKey } from '@vertrouwd/privacy';
import type { RunningService } from '@vertrouwd/runtime';
import { ReadModels } from '@vertrouwd/service-kit';
import { eventually } from '@vertrouwd/testing';

const DEMO_ADVISOR_USERS = DEMO_USERS.filter((u) => u.advisorId && u.agencyId);

/** `matching.counsellor-published.v1` for a demo advisor, published on the bus as matching does. */
async function publishCounsellor(service: RunningService, user: DemoUser, status: 'active' | 'inactive', version: number): Promise<void> {
  const counsellorId = user.advisorId!;
  const sealedName = await service.platform.privacy.sealer.seal(user.username, caseKey(`directory:counsellor:${counsellorId}`));
  await publishAs(service.platform.bus, CounsellorPublishedV1, counsellorId, {
    counsellorId,
    agencyId: user.agencyId!,
    version,
    status,
    kind: 'external',
    roles: ['unwanted-behaviour', 'integrity'],
    languages: ['nl', 'en'],
    gender: 'female',
    regions: [],
    specialisms: [],
    sealedName,
    changedAt: new Date().toISOString(),
  });
}

async function activeCounsellors(service: RunningService): Promise<string[]> {
  const rows: { id: string }[] = await service.app
    .get(ReadModels)
    .dataSource.query('select counsellor_id as id from case_counsellors where active');
  return rows.map((r) => r.id);
}

/**
 * Matching's directory as the case service learns it: every demo advisor active, and the `extra` advisors a test
 * mints; resolves once case knows them.
 */
export async function publishDemoCounsellors(service: RunningService, extra: readonly DemoUser[] = []): Promise<void> {
  const advisors = [...DEMO_ADVISOR_USERS, ...extra];
  for (const user of advisors) await publishCounsellor(service, user, 'active', 1);
  await eventually(async () => {
    const active = await activeCounsellors(service);
    if (!advisors.every((u) => active.includes(u.advisorId!))) throw new Error('case does not know every demo counsellor yet');
  });
}

/** Matching publishes that a demo advisor left (or came back), as version `version` of their record. */
export async function publishCounsellorStatus(service: RunningService, advisorId: string, status: 'active' | 'inactive', version: number) {
  const user = DEMO_ADVISOR_USERS.find((u) => u.advisorId === advisorId)!;
  await publishCounsellor(service, user, status, version);
  await eventually(async () => {
    if ((await activeCounsellors(service)).includes(advisorId) !== (status === 'active')) throw new Error('case has not applied it yet');
  });
}
