import type { ANONYMITY, DEADLINES, ENGAGEMENT_KINDS, OUTCOMES, REFERRAL_TYPES, REGIMES, RELATIONS, THEMES } from '@vertrouwd/contracts';

/**
 * What reporting knows of an organisation: content-free facts journaled from other services' integration events,
 * one stream per organisation (`facts-<organisationId>`), each fact under its source event's id so a redelivery is
 * appended once. Reports are computed from this journal alone, up to a version: that is what makes a published
 * report reproducible from the event history. A case appears only as a keyed pseudonym (`caseRef`).
 */
export type Theme = (typeof THEMES)[number];
export type Relation = (typeof RELATIONS)[number];
export type Anonymity = (typeof ANONYMITY)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type ReferralType = (typeof REFERRAL_TYPES)[number];
export type Deadline = (typeof DEADLINES)[number];
export type Regime = (typeof REGIMES)[number];
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

export type ReportingFact =
  | {
      type: 'OrganisationRecorded';
      agencyId: string;
      headcount: number;
      headcountFrom: string;
      sbiCode: string;
      wbkObliged: boolean;
      pendingBillObliged: boolean;
      /** A primary external counsellor is appointed. */
      counsellorAppointed: boolean;
      /** Recorded since the compliance view: a substitute appointed, and how many internal counsellors. */
      substituteAppointed?: boolean;
      internalCounsellors?: number;
      active: boolean;
      /** The provinces of its sites (absent in facts journaled before sites were kept). */
      sites?: string[];
      /** The directory's version of the record (absent in facts journaled before it was kept). */
      version?: number;
    }
  | {
      type: 'CaseReported';
      caseRef: string;
      on: string;
      theme: Theme;
      relation: Relation;
      anonymity: Anonymity;
      /** The site (province) the reporter gave, if any. */
      site?: string;
    }
  /** The written agreement (billing's subscription) as it stands after a change; the highest version wins. */
  | { type: 'AgreementRecorded'; version: number; startsOn: string; endsOn: string | null; changedAt: string }
  | { type: 'CaseAcknowledged'; caseRef: string; on: string }
  | { type: 'FeedbackGiven'; caseRef: string; on: string }
  | { type: 'DeadlineMissed'; caseRef: string; deadline: Deadline; regime: Regime | 'unknown'; on: string }
  | { type: 'ReferralMade'; caseRef: string; on: string; referralType: ReferralType }
  | { type: 'CaseClosed'; caseRef: string; on: string; outcome: Outcome }
  | { type: 'CaseReopened'; caseRef: string; on: string }
  | { type: 'CaseWorkLogged'; caseRef: string; on: string; minutes: number }
  | { type: 'ActivityRecorded'; on: string; kind: EngagementKind; minutes: number };
