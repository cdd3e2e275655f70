import { Type, type TOptional, type TProperties, type TObject, type TSchema, type TUnsafe } from 'typebox';
import { SEALED_PATTERN } from './privacy-check';
import { defineContract, type ContractDefinition, type FieldClasses } from './contract';

// Field schemas the contracts share, each of one class (see FieldClass). TypeBox types: each is the JSON Schema the
// registry validates with and, through `Static`, the TypeScript type of the field.
export const uuid = Type.String({ format: 'uuid' });
export const instant = Type.String({ format: 'date-time' });
export const day = Type.String({ format: 'date' });
export const count = Type.Integer({ minimum: 0, maximum: 1_000_000 });
export const language = Type.String({ pattern: '^[a-z]{2}$' });
/**
 * Room for the largest value any API seals: a report's account of 20,000 UTF-16 units is up to 60,000 bytes of UTF-8
 * (3 per unit; a surrogate pair is 4 for two), up to twice that as JSON when every character needs escaping, and a
 * third more as base64; 256 KiB keeps every text an API accepts sealable, so none is refused after it was accepted.
 */
export const SEALED_MAX_LENGTH = 262_144;
export const sealed = Type.String({ pattern: SEALED_PATTERN, maxLength: SEALED_MAX_LENGTH });
/** One of a closed list: `{ type: 'string', enum }` on the wire, the union of the values in TypeScript. */
export const oneOf = <const V extends readonly string[]>(values: V): TUnsafe<V[number]> =>
  Type.Unsafe<V[number]>({ type: 'string', enum: [...values] });

/**
 * The themes a report can be about (seed 000/003): unwanted behaviour, integrity issues, or not sure; last, a
 * wrong in the public interest as the Whistleblower Protection Act names it (*misstand*: a breach of law, or a
 * danger to public health, to people's safety, to the environment or to the proper working of a public service or
 * a company). Append only: the order is published.
 */
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
  'public-interest-wrongdoing',
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
  // The names of Dutch practice, appended: the advice side of the Huis voor Klokkenluiders (Adviespunt
  // Klokkenluiders), College voor de Rechten van de Mens, Nederlandse Arbeidsinspectie, Juridisch Loket.
  'whistleblowers-advice-centre',
  'human-rights-institute',
  'labour-inspectorate',
  'trade-union',
  'legal-aid-desk',
  'general-practitioner',
  'social-work',
] as const;
/** How a case ended; `listened-and-advised`: the reporter was heard and advised, and that was enough. */
export const OUTCOMES = [
  'settled-informally',
  'formal-complaint-filed',
  'referred',
  'withdrawn',
  'no-further-contact',
  'listened-and-advised',
] as const;
export const ACTIVITIES = ['intake', 'conversation', 'advice', 'referral', 'aftercare', 'administration', 'travel'] as const;
export const DEADLINES = ['acknowledgement', 'feedback'] as const;
/** Whose deadlines a case keeps: the Whistleblower Protection Act's, or the agency's own service standard (same days). */
export const REGIMES = ['wbk', 'service-standard'] as const;
/** The steps a reporter consents to, each on its own: a referral (to one target of REFERRAL_TYPES) or a formal report. */
export const CONSENT_SCOPES = ['referral', 'formal-report'] as const;
/**
 * Why the law overrides the reporter's consent (a closed list; docs/case/consent.md): the duty of anyone to report
 * certain serious crimes (art. 160 Sv), a public servant's duty to report crimes met in office (art. 162 Sv), the
 * reporting code on domestic violence and child abuse (Wet verplichte meldcode), and an acute danger to someone's life.
 */
/** The version of a summary shared with the reporter (1, 2, …; a count, so the schema starts at 0). */
export const summaryVersion = Type.Integer({ minimum: 0, maximum: 1000 });
export const LEGAL_DUTY_REASONS = ['crime-art-160-sv', 'official-duty-art-162-sv', 'reporting-code-child-abuse', 'danger-to-life'] as const;

/** The payload's properties, those named in `O` optional. */
type PayloadProperties<P extends TProperties, O extends keyof P> = { [K in keyof P]: K extends O ? TOptional<P[K]> : P[K] };

/** An object schema closed to extra properties, every listed property required unless named optional. */
export function payload<P extends TProperties, O extends keyof P & string = never>(
  properties: P,
  optional: readonly O[] = [],
): TObject<PayloadProperties<P, O>> {
  const entries = Object.entries(properties).map(([key, schema]: [string, TSchema]) => [
    key,
    (optional as readonly string[]).includes(key) ? Type.Optional(schema) : schema,
  ]);
  const schema = Type.Object(Object.fromEntries(entries) as PayloadProperties<P, O>, { additionalProperties: false });
  return schema;
}

/** A version-1 contract of `<service>.<name>` whose payload is `properties` (all required but `optional`). */
export function contractV1<P extends TProperties, O extends keyof P & string = never>(
  service: string,
  name: string,
  description: string,
  properties: P,
  fields: FieldClasses<TObject<P>>,
  optional: readonly O[] = [],
): ContractDefinition<TObject<PayloadProperties<P, O>>> {
  const schema = payload(properties, optional);
  // The same keys as `properties`, so the classes of one are the classes of the other.
  return defineContract<typeof schema>({
    type: `${service}.${name}`,
    version: 1,
    description,
    payload: schema,
    fields: fields as FieldClasses<typeof schema>,
  });
}
