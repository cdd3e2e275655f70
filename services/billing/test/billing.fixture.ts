import { randomUUID } from 'node:crypto';
import { EngagementRecordedV1, HoursLoggedV1, OrganisationPublishedV1 } from '@vertrouwd/contracts';
import { publishAs } from '@vertrouwd/messaging';
import { caseKey } from '@vertrouwd/privacy';
import type { RunningService } from '@vertrouwd/runtime';
import { ReadModels } from '@vertrouwd/service-kit';
import { eventually } from '@vertrouwd/testing';

/** Facts as the other services publish them: matching's organisations and activities, case's hours. */
export interface OrganisationFact {
  organisationId: string;
  agencyId: string;
  headcount: number;
  headcountFrom?: string;
  version?: number;
  kvkNumber?: string;
  vatId?: string;
}

export async function publishOrganisation(service: RunningService, o: OrganisationFact): Promise<void> {
  const sealedName = await service.platform.privacy.sealer.seal('Organisatie', caseKey(`directory:organisation:${o.organisationId}`));
  await publishAs(service.platform.bus, OrganisationPublishedV1, o.organisationId, {
    organisationId: o.organisationId,
    agencyId: o.agencyId,
    version: o.version ?? 1,
    status: 'active',
    sealedName,
    intakeCode: `org-${o.organisationId.slice(0, 8)}`,
    kvkNumber: o.kvkNumber ?? '87654321',
    ...(o.vatId ? { vatId: o.vatId } : {}),
    sbiCode: '1071',
    headcount: o.headcount,
    headcountFrom: o.headcountFrom ?? '2025-01-01',
    wbkObliged: o.headcount >= 50,
    pendingBillObliged: o.headcount >= 10,
    regions: ['utrecht'],
    languages: ['nl'],
    internalCounsellorIds: [],
    changedAt: new Date().toISOString(),
  });
}

export async function publishHours(
  service: RunningService,
  organisationId: string,
  caseId: string,
  workedOn: string,
  minutes: number,
): Promise<void> {
  await publishAs(service.platform.bus, HoursLoggedV1, caseId, {
    caseId,
    organisationId,
    advisorId: randomUUID(),
    workedOn,
    minutes,
    activity: 'conversation',
  });
}

export async function publishActivity(
  service: RunningService,
  agencyId: string,
  organisationId: string,
  on: string,
  minutes: number,
): Promise<void> {
  await publishAs(service.platform.bus, EngagementRecordedV1, organisationId, {
    activityId: randomUUID(),
    agencyId,
    organisationId,
    counsellorId: randomUUID(),
    kind: 'workshop',
    on,
    minutes,
    recordedAt: new Date().toISOString(),
  });
}

/** Resolves once billing holds `organisations` organisations and `facts` minutes-of-work facts in all. */
export async function factsArrived(service: RunningService, organisations: number, facts: number): Promise<void> {
  const db = service.app.get(ReadModels).dataSource;
  await eventually(async () => {
    const [{ o, u }] = await db.query(
      'select (select count(*) from billing_organisations)::int as o, (select count(*) from billing_usage)::int as u',
    );
    if (o < organisations || u < facts) throw new Error(`billing has ${o} organisations and ${u} facts so far`);
  });
}
