import { Type, type TObject, type TProperties, type TSchema } from 'typebox';
import type { FieldClasses } from '../contract';
import { contractV1, count, day, instant, language, oneOf, sealed, uuid } from '../fields';

// Matching's published language: the agency's directory (counsellors, client organisations, who serves whom) and
// its decisions on new cases. A counsellor's name and introduction are public (employees must find their
// counsellor), an organisation's name is no personal data; they still travel only sealed, under the directory
// record's own key, so leaving the agency shreds them everywhere. Decisions carry ids and reason codes, never
// anything of the case.

/** A counsellor of the agency, or an employee of one client organisation appointed as its internal counsellor. */
export const COUNSELLOR_KINDS = ['external', 'internal'] as const;
/** What a counsellor is a counsellor for (seed 001: unwanted behaviour, integrity, or both). */
export const COUNSELLOR_ROLES = ['unwanted-behaviour', 'integrity'] as const;
export const COUNSELLOR_GENDERS = ['female', 'male', 'non-binary'] as const;
/** The twelve provinces, where a counsellor meets people in person and where an organisation has sites. */
export const REGIONS = [
  'drenthe',
  'flevoland',
  'friesland',
  'gelderland',
  'groningen',
  'limburg',
  'noord-brabant',
  'noord-holland',
  'overijssel',
  'utrecht',
  'zeeland',
  'zuid-holland',
] as const;
/** What a counsellor has particular experience in. Append only: the order is published. */
export const SPECIALISMS = [
  'sexual-harassment',
  'discrimination',
  'aggression-and-violence',
  'bullying',
  'integrity-and-fraud',
  'whistleblowing',
  'healthcare',
  'education',
  'public-sector',
  'hospitality-and-retail',
  'mediation',
  'trauma',
] as const;
/** Prevention and other work for an organisation outside any case (seed 001's tasks, domain.md). */
export const ENGAGEMENT_KINDS = [
  'presentation',
  'workshop',
  'posters',
  'intranet',
  'onboarding-information-pack',
  'team-leader-training',
  'board-advice',
  'works-council-advice',
  'annual-report-discussion',
  'other',
] as const;
/**
 * Why the counsellor was matched: the reporter chose them, the organisation's primary, who stands in for the absent
 * primary, the substitute, or the best of the agency's pool. Append only.
 */
export const MATCH_TIERS = ['chosen', 'primary', 'stand-in', 'substitute', 'pool'] as const;
/** Why nobody could take a case. */
export const NO_MATCH_REASONS = ['no-counsellors', 'all-excluded', 'chosen-unavailable'] as const;
export const DIRECTORY_STATUSES = ['active', 'inactive'] as const;

const languages = Type.Array(language, { maxItems: 20 });
const kvkNumber = Type.String({ pattern: '^[0-9]{8}$', maxLength: 8 });
const vatId = Type.String({ pattern: '^[A-Z]{2}[0-9A-Z]{2,13}$', maxLength: 15 });
const sbiCode = Type.String({ pattern: '^[0-9]{2,5}$', maxLength: 5 });
const intakeCode = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{2,62}$', maxLength: 63 });
const ruleSet = Type.String({ pattern: '^[a-z0-9.-]{1,40}$', maxLength: 40 });
const list = <T extends TSchema>(item: T, maxItems = 20) => Type.Array(item, { maxItems });

const event = <P extends TProperties, O extends keyof P & string = never>(
  name: string,
  description: string,
  properties: P,
  fields: FieldClasses<TObject<P>>,
  optional: readonly O[] = [],
) => contractV1('matching', name, description, properties, fields, optional);

export const AgencyRegisteredV1 = event(
  'agency-registered',
  'The platform admin created an agency (tenant); consumed by billing (the supplier) and reporting.',
  { agencyId: uuid, sealedName: sealed, registeredAt: instant },
  { agencyId: 'id', sealedName: 'sealed', registeredAt: 'timestamp' },
);

export const AgencyStatusChangedV1 = event(
  'agency-status-changed',
  'An agency was suspended (its staff can no longer act) or reinstated.',
  { agencyId: uuid, status: oneOf(['active', 'suspended'] as const), changedAt: instant },
  { agencyId: 'id', status: 'enum', changedAt: 'timestamp' },
);

/**
 * A counsellor as the directory publishes them, whole, after every change (a snapshot with a version: a consumer
 * keeps the highest). Consumed by intake (the page shows them by name), case (who may act) and billing (rates).
 */
export const CounsellorPublishedV1 = event(
  'counsellor-published',
  'A counsellor of the directory, whole, after onboarding or any change (the highest version wins).',
  {
    counsellorId: uuid,
    agencyId: uuid,
    version: count,
    status: oneOf(DIRECTORY_STATUSES),
    kind: oneOf(COUNSELLOR_KINDS),
    organisationId: uuid,
    roles: list(oneOf(COUNSELLOR_ROLES), 2),
    languages,
    gender: oneOf(COUNSELLOR_GENDERS),
    regions: list(oneOf(REGIONS), 12),
    specialisms: list(oneOf(SPECIALISMS)),
    sealedName: sealed,
    sealedIntroduction: sealed,
    changedAt: instant,
  },
  {
    counsellorId: 'id',
    agencyId: 'id',
    version: 'count',
    status: 'enum',
    kind: 'enum',
    organisationId: 'id',
    'roles[]': 'enum',
    'languages[]': 'language',
    gender: 'enum',
    'regions[]': 'enum',
    'specialisms[]': 'enum',
    sealedName: 'sealed',
    sealedIntroduction: 'sealed',
    changedAt: 'timestamp',
  },
  ['organisationId', 'sealedIntroduction'],
);

/**
 * A client organisation as the directory publishes it, whole, after every change (the highest version wins).
 * `headcount` from `headcountFrom`: the dated headcount recorded last, possibly scheduled ahead (up to a year); a
 * consumer keeps one per day and judges a day by the latest dated on or before it. `wbkObliged`: 50 or more employees
 * in force on the day of publication, the Wbk obliges a reporting procedure; `pendingBillObliged`: 10 or more, the
 * pending bill on counsellors for unwanted behaviour would oblige one.
 */
export const OrganisationPublishedV1 = event(
  'organisation-published',
  'A client organisation, whole, after registration or any change; consumed by intake (its page), billing and reporting.',
  {
    organisationId: uuid,
    agencyId: uuid,
    version: count,
    status: oneOf(DIRECTORY_STATUSES),
    sealedName: sealed,
    intakeCode,
    kvkNumber,
    vatId,
    sbiCode,
    headcount: count,
    headcountFrom: day,
    wbkObliged: Type.Boolean(),
    pendingBillObliged: Type.Boolean(),
    regions: list(oneOf(REGIONS), 12),
    languages,
    primaryCounsellorId: uuid,
    substituteCounsellorId: uuid,
    internalCounsellorIds: list(uuid),
    changedAt: instant,
  },
  {
    organisationId: 'id',
    agencyId: 'id',
    version: 'count',
    status: 'enum',
    sealedName: 'sealed',
    intakeCode: 'id',
    kvkNumber: 'id',
    vatId: 'id',
    sbiCode: 'id',
    headcount: 'count',
    headcountFrom: 'timestamp',
    wbkObliged: 'flag',
    pendingBillObliged: 'flag',
    'regions[]': 'enum',
    'languages[]': 'language',
    primaryCounsellorId: 'id',
    substituteCounsellorId: 'id',
    'internalCounsellorIds[]': 'id',
    changedAt: 'timestamp',
  },
  ['vatId', 'primaryCounsellorId', 'substituteCounsellorId'],
);

/** Work for an organisation outside any case (prevention, advice); the public description stays in matching. */
export const EngagementRecordedV1 = event(
  'engagement-recorded',
  'A counsellor did work for an organisation outside any case; consumed by billing (hours) and reporting.',
  {
    activityId: uuid,
    agencyId: uuid,
    organisationId: uuid,
    counsellorId: uuid,
    kind: oneOf(ENGAGEMENT_KINDS),
    on: day,
    minutes: count,
    recordedAt: instant,
  },
  {
    activityId: 'id',
    agencyId: 'id',
    organisationId: 'id',
    counsellorId: 'id',
    kind: 'enum',
    on: 'timestamp',
    minutes: 'count',
    recordedAt: 'timestamp',
  },
);

/** The counsellor who takes a new case (round 1), or takes it over after a decline (round 2, …). */
export const CounsellorMatchedV1 = event(
  'counsellor-matched',
  'Matching chose the counsellor for a case; consumed by case (assigns them).',
  {
    caseId: uuid,
    agencyId: uuid,
    organisationId: uuid,
    counsellorId: uuid,
    round: count,
    tier: oneOf(MATCH_TIERS),
    ruleSet,
    matchedAt: instant,
  },
  {
    caseId: 'id',
    agencyId: 'id',
    organisationId: 'id',
    counsellorId: 'id',
    round: 'count',
    tier: 'enum',
    ruleSet: 'id',
    matchedAt: 'timestamp',
  },
);

/** Nobody suitable: the coordinator must assign by hand. */
export const NoCounsellorAvailableV1 = event(
  'no-counsellor-available',
  'Matching found nobody suitable for a case; the coordinator is alerted and assigns by hand.',
  { caseId: uuid, agencyId: uuid, organisationId: uuid, round: count, reason: oneOf(NO_MATCH_REASONS), ruleSet, decidedAt: instant },
  {
    caseId: 'id',
    agencyId: 'id',
    organisationId: 'id',
    round: 'count',
    reason: 'enum',
    ruleSet: 'id',
    decidedAt: 'timestamp',
  },
);

export const MATCHING_CONTRACTS = [
  AgencyRegisteredV1,
  AgencyStatusChangedV1,
  CounsellorPublishedV1,
  OrganisationPublishedV1,
  EngagementRecordedV1,
  CounsellorMatchedV1,
  NoCounsellorAvailableV1,
];
