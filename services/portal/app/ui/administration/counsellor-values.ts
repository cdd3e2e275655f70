import type { MatchingApi } from '@vertrouwd/web-api';
import { list, text, whole } from '../coordinator-form';

// A counsellor's profile as the coordinator's forms take it, typed against matching's published API (libs/web-api):
// a value the service stops accepting fails the portal's typecheck.

type Schemas = MatchingApi.components['schemas'];
type Profile = Schemas['CounsellorProfileRequest'];

export const COUNSELLOR_KINDS = ['external', 'internal'] as const satisfies readonly Profile['kind'][];
export const COUNSELLOR_ROLES = ['unwanted-behaviour', 'integrity'] as const satisfies readonly Profile['roles'][number][];
export const COUNSELLOR_GENDERS = ['female', 'male', 'non-binary'] as const satisfies readonly Profile['gender'][];
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
] as const satisfies readonly Profile['specialisms'][number][];

/** The fields of the profile form, in its order: the names the service's refusal names. */
export const PROFILE_FIELDS = [
  'name',
  'introduction',
  'kind',
  'organisationId',
  'roles',
  'languages',
  'gender',
  'regions',
  'specialisms',
  'capacityCases',
  'capacityHoursPerWeek',
] as const;

/**
 * The profile as typed, in the shape matching takes. Only the shape is the portal's: an empty introduction is left
 * out, the organisation is sent only for an internal counsellor (the form offers it for them alone), and a number
 * that is not one stays NaN so the service names the field. Everything else is the service's to judge.
 */
export function profileOf(form: FormData): Profile {
  const introduction = text(form, 'introduction');
  const kind = text(form, 'kind');
  const organisationId = text(form, 'organisationId');
  return {
    name: text(form, 'name'),
    ...(introduction ? { introduction } : {}),
    kind,
    ...(kind === 'internal' && organisationId ? { organisationId } : {}),
    roles: list(form, 'roles'),
    languages: list(form, 'languages'),
    gender: text(form, 'gender'),
    regions: list(form, 'regions'),
    specialisms: list(form, 'specialisms'),
    capacityCases: whole(form, 'capacityCases'),
    capacityHoursPerWeek: whole(form, 'capacityHoursPerWeek'),
  } as Profile;
}

/** The onboarding form: the profile and the account (username and e-mail address) the service makes for it. */
export function onboardingOf(form: FormData, counsellorId: string): Schemas['OnboardCounsellorRequest'] {
  return { ...profileOf(form), counsellorId, username: text(form, 'username'), email: text(form, 'email') };
}
