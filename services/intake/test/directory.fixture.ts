import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DEMO_ADVISORS, DEMO_AGENCY_ID, DEMO_ORGANISATIONS } from '@vertrouwd/auth';
import {
  AgencyStatusChangedV1,
  CounsellorPublishedV1,
  OrganisationPublishedV1,
  type ContractDefinition,
  type IntegrationEvent,
} from '@vertrouwd/contracts';
import { toMessage } from '@vertrouwd/messaging';
import { caseKey } from '@vertrouwd/privacy';
import type { RunningService } from '@vertrouwd/runtime';
import { eventually } from '@vertrouwd/testing';

// Matching's directory as its events tell it, for tests: intake has no organisation until matching publishes one.
// Names are sealed as matching seals them, under the directory record's own key.

type Sealer = RunningService['platform']['privacy']['sealer'];

export interface CounsellorFacts {
  counsellorId: string;
  name: string;
  introduction?: string;
  version?: number;
  status?: 'active' | 'inactive';
  kind?: 'external' | 'internal';
  organisationId?: string;
  agencyId?: string;
  gender: 'female' | 'male' | 'non-binary';
  languages: string[];
}

export interface OrganisationFacts {
  organisationId: string;
  name: string;
  intakeCode: string;
  version?: number;
  status?: 'active' | 'inactive';
  agencyId?: string;
  languages?: string[];
  primaryCounsellorId?: string;
  substituteCounsellorId?: string;
  internalCounsellorIds?: string[];
  changedAt?: string;
  /** The provinces of its sites; `['utrecht']` unless said. */
  regions?: string[];
}

export const ANNA: CounsellorFacts = {
  counsellorId: DEMO_ADVISORS['advisor-anna'],
  name: 'Anna de Vries',
  introduction: 'Ik luister eerst, en samen kijken we wat je wilt.',
  gender: 'female',
  languages: ['nl', 'en'],
};
export const BRAM: CounsellorFacts = {
  counsellorId: DEMO_ADVISORS['advisor-bram'],
  name: 'Bram Jansen',
  introduction: 'Twintig jaar ervaring in de zorg en de bouw.',
  gender: 'male',
  languages: ['nl'],
};
export const BAKKERIJ: OrganisationFacts = {
  organisationId: DEMO_ORGANISATIONS['org-bakkerij'],
  name: 'Bakkerij De Korenaar',
  intakeCode: 'bakkerij-2026',
  primaryCounsellorId: ANNA.counsellorId,
  substituteCounsellorId: BRAM.counsellorId,
};
export const ZORGGROEP: OrganisationFacts = {
  organisationId: DEMO_ORGANISATIONS['org-zorggroep'],
  name: 'Zorggroep Het Baken',
  intakeCode: 'zorggroep-2026',
  primaryCounsellorId: BRAM.counsellorId,
};

function event(contract: ContractDefinition, key: string, payload: object): IntegrationEvent {
  return {
    eventId: randomUUID(),
    type: contract.type,
    version: contract.version,
    occurredAt: new Date().toISOString(),
    key,
    correlationId: randomUUID(),
    causationId: randomUUID(),
    payload,
  };
}

const directoryKey = (kind: 'counsellor' | 'organisation', id: string) => caseKey(`directory:${kind}:${id}`);

/** `matching.counsellor-published.v1` for a counsellor, whole (version 1 and active unless said). */
export async function counsellorPublished(sealer: Sealer, c: CounsellorFacts): Promise<IntegrationEvent> {
  const key = directoryKey('counsellor', c.counsellorId);
  return event(CounsellorPublishedV1, c.counsellorId, {
    counsellorId: c.counsellorId,
    agencyId: c.agencyId ?? DEMO_AGENCY_ID,
    version: c.version ?? 1,
    status: c.status ?? 'active',
    kind: c.kind ?? 'external',
    ...(c.organisationId ? { organisationId: c.organisationId } : {}),
    roles: ['unwanted-behaviour', 'integrity'],
    languages: c.languages,
    gender: c.gender,
    regions: ['utrecht'],
    specialisms: [],
    sealedName: await sealer.seal(c.name, key),
    ...(c.introduction ? { sealedIntroduction: await sealer.seal(c.introduction, key) } : {}),
    changedAt: new Date().toISOString(),
  });
}

/** `matching.organisation-published.v1` for an organisation, whole (version 1 and active unless said). */
export async function organisationPublished(sealer: Sealer, o: OrganisationFacts): Promise<IntegrationEvent> {
  return event(OrganisationPublishedV1, o.organisationId, {
    organisationId: o.organisationId,
    agencyId: o.agencyId ?? DEMO_AGENCY_ID,
    version: o.version ?? 1,
    status: o.status ?? 'active',
    sealedName: await sealer.seal(o.name, directoryKey('organisation', o.organisationId)),
    intakeCode: o.intakeCode,
    kvkNumber: '12345678',
    sbiCode: '1071',
    headcount: 60,
    headcountFrom: '2026-01-01',
    wbkObliged: true,
    pendingBillObliged: true,
    regions: (o.regions ?? ['utrecht']) as ['utrecht'],
    languages: o.languages ?? ['nl', 'en'],
    ...(o.primaryCounsellorId ? { primaryCounsellorId: o.primaryCounsellorId } : {}),
    ...(o.substituteCounsellorId ? { substituteCounsellorId: o.substituteCounsellorId } : {}),
    internalCounsellorIds: o.internalCounsellorIds ?? [],
    changedAt: o.changedAt ?? new Date().toISOString(),
  });
}

/** `matching.agency-status-changed.v1`. */
export function agencyStatusChanged(agencyId: string, status: 'active' | 'suspended', changedAt = new Date()): IntegrationEvent {
  return event(AgencyStatusChangedV1, agencyId, { agencyId, status, changedAt: changedAt.toISOString() });
}

export async function publish(service: RunningService, events: IntegrationEvent[]): Promise<void> {
  await service.platform.bus.publish(events.map(toMessage));
}

/**
 * Publishes the demo agency's directory as matching would (Bakkerij De Korenaar: Anna, then Bram as substitute;
 * Zorggroep Het Baken: Bram) and waits until intake's pages show it.
 */
export async function publishDemoDirectory(service: RunningService): Promise<void> {
  const { sealer } = service.platform.privacy;
  await publish(service, [
    await counsellorPublished(sealer, ANNA),
    await counsellorPublished(sealer, BRAM),
    await organisationPublished(sealer, BAKKERIJ),
    await organisationPublished(sealer, ZORGGROEP),
  ]);
  await eventually(async () => {
    for (const [code, counsellors] of [
      [BAKKERIJ.intakeCode, 2],
      [ZORGGROEP.intakeCode, 1],
    ] as const) {
      const page = await request(service.url).get(`/intake/${code}`);
      if (page.status !== 200 || page.body.counsellors?.length !== counsellors) throw new Error(`the page ${code} is not there yet`);
    }
  });
}
