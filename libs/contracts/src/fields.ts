import { SEALED_PATTERN } from './privacy-check';
import { defineContract, type ContractDefinition, type JsonSchema } from './contract';

/** Field schemas the contracts share, each of one class (see FieldClass). */
export const uuid: JsonSchema = { type: 'string', format: 'uuid' };
export const instant: JsonSchema = { type: 'string', format: 'date-time' };
export const day: JsonSchema = { type: 'string', format: 'date' };
export const count: JsonSchema = { type: 'integer', minimum: 0, maximum: 1_000_000 };
export const language: JsonSchema = { type: 'string', pattern: '^[a-z]{2}$' };
export const sealed: JsonSchema = { type: 'string', pattern: SEALED_PATTERN, maxLength: 65_536 };
export const oneOf = (values: readonly string[]): JsonSchema => ({ type: 'string', enum: values });

/** The themes a report can be about (seed 000/003): unwanted behaviour, integrity issues, or not sure. */
export const THEMES = [
  'intimidation',
  'bullying',
  'aggression-and-violence',
  'discrimination',
  'sexual-harassment',
  'theft-or-fraud',
  'corruption',
  'extortion',
  'misuse-of-information-or-resources',
  'unacceptable-side-activities',
  'conflict-of-interest',
  'not-sure',
] as const;
export const RELATIONS = ['manager', 'colleague', 'client-or-patient', 'other'] as const;
export const ANONYMITY = ['anonymous', 'known-to-advisor'] as const;
export const CONTACT_CHANNELS = ['platform', 'email', 'phone'] as const;
export const ADVISOR_GENDERS = ['any', 'female', 'male', 'non-binary'] as const;
export const ADVISOR_KINDS = ['any', 'internal', 'external'] as const;
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
] as const;
export const OUTCOMES = ['settled-informally', 'formal-complaint-filed', 'referred', 'withdrawn', 'no-further-contact'] as const;
export const ACTIVITIES = ['intake', 'conversation', 'advice', 'referral', 'aftercare', 'administration', 'travel'] as const;
export const DEADLINES = ['acknowledgement', 'feedback'] as const;

/** An object schema closed to extra properties, every listed property required unless marked optional. */
export function payload(
  properties: Record<string, JsonSchema>,
  optional: string[] = [],
): JsonSchema & { type: 'object'; properties: Record<string, JsonSchema> } {
  return {
    type: 'object',
    additionalProperties: false,
    required: Object.keys(properties).filter((k) => !optional.includes(k)),
    properties,
  };
}

/** A version-1 contract of `<service>.<name>` whose payload is `properties` (all required but `optional`). */
export function contractV1(
  service: string,
  name: string,
  description: string,
  properties: Record<string, JsonSchema>,
  fields: ContractDefinition['fields'],
  optional: string[] = [],
): ContractDefinition {
  return defineContract({ type: `${service}.${name}`, version: 1, description, payload: payload(properties, optional), fields });
}
