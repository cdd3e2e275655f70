// The closed lists the case and matching services take for an advisor's steps (libs/contracts/src/fields.ts and
// matching.contracts.ts), in their published order; `case-values.spec.ts` keeps them equal to the contracts.

export const CONVERSATION_MODES = ['in-person', 'video', 'phone', 'chat'] as const;

export const REFERRAL_TYPES = [
  'hr',
  'management',
  'company-doctor',
  'lawyer',
  'mediator',
  'therapist-or-coach',
  'police',
  'whistleblowers-authority',
  'complaints-committee',
  'other',
  'whistleblowers-advice-centre',
  'human-rights-institute',
  'labour-inspectorate',
  'trade-union',
  'legal-aid-desk',
  'general-practitioner',
  'social-work',
] as const;

export const ACTIVITIES = ['intake', 'conversation', 'advice', 'referral', 'aftercare', 'administration', 'travel'] as const;

export const CONSENT_SCOPES = ['referral', 'formal-report'] as const;

/** Why the law overrides the reporter's consent for one step (docs/case/consent.md). */
export const LEGAL_DUTY_REASONS = ['crime-art-160-sv', 'official-duty-art-162-sv', 'reporting-code-child-abuse', 'danger-to-life'] as const;

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
