import {
  AgencyRegisteredV1,
  AgencyStatusChangedV1,
  CounsellorMatchedV1,
  CounsellorPublishedV1,
  EngagementRecordedV1,
  NoCounsellorAvailableV1,
  OrganisationPublishedV1,
  outgoing,
} from '@vertrouwd/contracts';
import { amsterdamDay } from '@vertrouwd/domain';
import type { Translated } from '@vertrouwd/messaging';
import type { AgencyEvent } from '../../domain/directory/agency.events';
import type { CounsellorEvent } from '../../domain/directory/counsellor.events';
import type { CounsellorProfile } from '../../domain/directory/directory.values';
import { PENDING_BILL_THRESHOLD, WBK_THRESHOLD } from '../../domain/directory/directory.values';
import { headcountOn, headcountsOf } from '../../domain/directory/headcount-history';
import type { OrganisationEvent, OrganisationSnapshot } from '../../domain/directory/organisation.events';
import type { CaseMatchEvent } from '../../domain/match/case-match.events';

// Domain events → integration events: the one place that decides what leaves the service. The switches are
// exhaustive: a new event type fails the type check until it is decided here.

export function translateAgencyEvent(event: AgencyEvent): Translated[] {
  switch (event.type) {
    case 'AgencyRegistered':
      return [outgoing(AgencyRegisteredV1, { agencyId: event.agencyId, sealedName: event.sealedName, registeredAt: event.registeredAt })];
    case 'AgencySuspended':
      return [outgoing(AgencyStatusChangedV1, { agencyId: event.agencyId, status: 'suspended', changedAt: event.suspendedAt })];
    case 'AgencyReinstated':
      return [outgoing(AgencyStatusChangedV1, { agencyId: event.agencyId, status: 'active', changedAt: event.reinstatedAt })];
    case 'AgencyConfigured':
    case 'CoordinatorAppointed':
      return [];
  }
}

export function translateCounsellorEvent(event: CounsellorEvent): Translated[] {
  switch (event.type) {
    case 'CounsellorOnboarded':
      return [counsellorPublished(event.counsellorId, event.agencyId, event.profile, event.version, 'active', event.onboardedAt)];
    case 'CounsellorProfileChanged':
      return [counsellorPublished(event.counsellorId, event.agencyId, event.profile, event.version, 'active', event.changedAt)];
    case 'CounsellorDeactivated':
      return [counsellorPublished(event.counsellorId, event.agencyId, event.profile, event.version, 'inactive', event.deactivatedAt)];
    case 'CounsellorReactivated':
      return [counsellorPublished(event.counsellorId, event.agencyId, event.profile, event.version, 'active', event.reactivatedAt)];
    case 'AbsenceRecorded':
    case 'AbsenceCancelled':
    case 'ConflictDeclared':
    case 'ConflictWithdrawn':
      return [];
  }
}

function counsellorPublished(
  counsellorId: string,
  agencyId: string,
  p: CounsellorProfile,
  version: number,
  status: 'active' | 'inactive',
  changedAt: string,
): Translated {
  return outgoing(CounsellorPublishedV1, {
    counsellorId,
    agencyId,
    version,
    status,
    kind: p.kind,
    ...(p.organisationId ? { organisationId: p.organisationId } : {}),
    roles: p.roles,
    languages: p.languages,
    gender: p.gender,
    regions: p.regions,
    specialisms: p.specialisms,
    sealedName: p.sealedName,
    ...(p.sealedIntroduction ? { sealedIntroduction: p.sealedIntroduction } : {}),
    changedAt,
  });
}

export function translateOrganisationEvent(event: OrganisationEvent): Translated[] {
  switch (event.type) {
    case 'OrganisationRegistered':
      return [organisationPublished(event.snapshot, event.registeredAt)];
    case 'OrganisationDetailsChanged':
    case 'HeadcountChanged':
      return [organisationPublished(event.snapshot, event.changedAt)];
    case 'CounsellorsAppointed':
      return [organisationPublished(event.snapshot, event.appointedAt)];
    case 'EngagementRecorded':
      return [
        outgoing(EngagementRecordedV1, {
          activityId: event.activityId,
          agencyId: event.agencyId,
          organisationId: event.organisationId,
          counsellorId: event.counsellorId,
          kind: event.kind,
          on: event.on,
          minutes: event.minutes,
          recordedAt: event.recordedAt,
        }),
      ];
    case 'AgreementVersioned':
      return [];
  }
}

/**
 * `headcount`/`headcountFrom`: the dated headcount recorded last (consumers keep one per day, so every change reaches
 * them, a scheduled one too); the flags: of the headcount in force on the day of publication.
 */
function organisationPublished(s: OrganisationSnapshot, changedAt: string): Translated {
  const { details, appointment } = s;
  const inForce = headcountOn(headcountsOf(s), amsterdamDay(changedAt))?.headcount ?? s.headcount;
  return outgoing(OrganisationPublishedV1, {
    organisationId: s.organisationId,
    agencyId: s.agencyId,
    version: s.version,
    status: 'active',
    sealedName: details.sealedName,
    intakeCode: details.intakeCode,
    kvkNumber: details.kvkNumber,
    ...(details.vatId ? { vatId: details.vatId } : {}),
    sbiCode: details.sbiCode,
    headcount: s.headcount,
    headcountFrom: s.headcountFrom,
    wbkObliged: inForce >= WBK_THRESHOLD,
    pendingBillObliged: inForce >= PENDING_BILL_THRESHOLD,
    regions: details.regions,
    languages: details.languages,
    ...(appointment.primaryId ? { primaryCounsellorId: appointment.primaryId } : {}),
    ...(appointment.substituteId ? { substituteCounsellorId: appointment.substituteId } : {}),
    internalCounsellorIds: appointment.internalIds,
    changedAt,
  });
}

export function translateCaseMatchEvent(event: CaseMatchEvent): Translated[] {
  switch (event.type) {
    case 'CounsellorMatched':
      return [
        outgoing(CounsellorMatchedV1, {
          caseId: event.caseId,
          agencyId: event.agencyId,
          organisationId: event.organisationId,
          counsellorId: event.counsellorId,
          round: event.round,
          tier: event.tier,
          ruleSet: event.decision.ruleSet,
          matchedAt: event.matchedAt,
        }),
      ];
    case 'NoCounsellorAvailable':
      return [
        outgoing(NoCounsellorAvailableV1, {
          caseId: event.caseId,
          agencyId: event.agencyId,
          organisationId: event.organisationId,
          round: event.round,
          reason: event.reason,
          ruleSet: event.decision.ruleSet,
          decidedAt: event.decidedAt,
        }),
      ];
    case 'MatchDeclined':
      return [];
  }
}
