import type { BodySchema } from '@vertrouwd/http';
import { ADVISOR_GENDERS, ADVISOR_KINDS, ANONYMITY, CONTACT_CHANNELS, REGIONS, RELATIONS, THEMES } from '@vertrouwd/contracts';
import { OUT_OF_SCOPE_THEMES } from '../../domain/report/report-scope';
import { CONSENT_VERSIONS, FORM_LANGUAGES } from '../../i18n/translations';

const text = (minLength: number, maxLength: number): BodySchema => ({ type: 'string', minLength, maxLength });
const requiredWith = (channel: string, field: string) => ({
  if: { properties: { channel: { const: channel } }, required: ['channel'] },
  then: { required: [field] },
});
const oneOf = (values: readonly string[]): BodySchema => ({ type: 'string', enum: values });

/**
 * `SubmitReportRequest` as a JSON Schema, compiled once (ADR 0057): the busiest public route is checked without
 * class-transformer and class-validator. The DTO's decorators declare the same rules (and feed the OpenAPI
 * document); `submit-report.request.schema.spec.ts` checks that both refuse the same bodies, naming the same fields.
 * An optional field is absent or valid: null is refused, not read as absent.
 */
export const SUBMIT_REPORT_SCHEMA: BodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['theme', 'relation', 'account', 'anonymity', 'contact', 'language', 'consentVersion'],
  properties: {
    theme: oneOf([...THEMES, ...OUT_OF_SCOPE_THEMES]),
    relation: oneOf(RELATIONS),
    site: oneOf(REGIONS),
    account: text(1, 20_000),
    anonymity: oneOf(ANONYMITY),
    contact: {
      type: 'object',
      additionalProperties: false,
      required: ['channel'],
      properties: {
        channel: oneOf(CONTACT_CHANNELS),
        email: { type: 'string', format: 'email', minLength: 3, maxLength: 254 },
        phone: { type: 'string', pattern: '^\\+?[0-9 ()-]{6,32}$' },
      },
      // The channel's own field is required with it.
      allOf: [requiredWith('email', 'email'), requiredWith('phone', 'phone')],
    },
    identity: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: { name: { ...text(1, 200), format: 'plain-text' } },
    },
    language: oneOf(FORM_LANGUAGES),
    preferences: {
      type: 'object',
      additionalProperties: false,
      properties: {
        advisorGender: oneOf(ADVISOR_GENDERS),
        advisorKind: oneOf(ADVISOR_KINDS),
        counsellorId: { type: 'string', format: 'uuid' },
      },
    },
    consentVersion: oneOf(CONSENT_VERSIONS),
  },
};
