import 'reflect-metadata';
import fc from 'fast-check';
import { compiledBodyOf, createValidationPipe, ValidationFailedException, type FieldError } from '@vertrouwd/http';
import { SubmitReportRequest } from './submit-report.request.dto';

// Not marked for the compiled schema: the pipe checks it by the DTO's class-validator decorators, as before ADR 0057.
class DeclaredByDecorators extends SubmitReportRequest {}

const pipe = createValidationPipe();

async function refusedBy(metatype: typeof SubmitReportRequest, body: unknown): Promise<FieldError[]> {
  try {
    await pipe.transform(body, { type: 'body', metatype, data: undefined });
    return [];
  } catch (error) {
    if (error instanceof ValidationFailedException) return error.problem.errors ?? [];
    throw error;
  }
}

// The decorators' pipe looks into an array where an object is declared (`contact[0].channel`); it is the field's fault.
const fields = (errors: FieldError[]) => [...new Set(errors.map((e) => e.field.replace(/\[\d+\].*$/, '')))].sort();

const VALID = {
  theme: 'bullying',
  relation: 'manager',
  account: 'What happened',
  anonymity: 'anonymous',
  contact: { channel: 'platform' },
  language: 'nl',
  consentVersion: 'v1',
};

// Values a field may get: right and wrong ones of every JSON type (no null on an optional field: see below).
const anyValue = fc.oneof(
  fc.constantFrom('bullying', 'workload', 'manager', 'nl', 'v1', 'email', 'phone', 'platform', 'friesland', 'any', 'female'),
  fc.constantFrom('jan@example.org', 'not-an-email', '+31 6 1234 5678', '12', '', 'x'.repeat(20_001), 'x'.repeat(255)),
  fc.constantFrom('3f1c6a52-9d2b-4c1e-8f6a-2b7c9d0e1f23', 'anna-please'),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.boolean(),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 2 }),
  fc.dictionary(fc.constantFrom('name', 'channel', 'email', 'phone', 'other'), fc.string({ maxLength: 20 }), { maxKeys: 3 }),
);
const TOP = [
  'theme',
  'relation',
  'site',
  'account',
  'anonymity',
  'contact',
  'identity',
  'language',
  'preferences',
  'consentVersion',
  'extra',
];
const OBJECTS = ['contact', 'identity', 'preferences'];
const CONTACT = ['channel', 'email', 'phone', 'extra'];
const PREFERENCES = ['advisorGender', 'advisorKind', 'counsellorId', 'extra'];

/** A valid body with a few fields changed: set to another value, or left out. */
const bodies = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...TOP), fc.option(anyValue, { nil: undefined })), { maxLength: 3 }),
    fc.array(fc.tuple(fc.constantFrom(...CONTACT), fc.option(anyValue, { nil: undefined })), { maxLength: 2 }),
    fc.option(fc.array(fc.tuple(fc.constantFrom(...PREFERENCES), anyValue), { maxLength: 2 }), { nil: undefined }),
  )
  .map(([top, contact, preferences]) => {
    const body: Record<string, unknown> = { ...VALID, contact: { ...VALID.contact } };
    for (const [name, value] of contact) (body.contact as Record<string, unknown>)[name] = value;
    if (preferences) body.preferences = Object.fromEntries(preferences);
    for (const [name, value] of top) {
      if (value === undefined) delete body[name];
      else body[name] = value;
    }
    return body;
  });

describe('the submission schema, compiled (ADR 0057)', () => {
  it('is the one the pipe uses for the submission body', () => {
    expect(compiledBodyOf(SubmitReportRequest)).toBeDefined();
    expect(compiledBodyOf(DeclaredByDecorators)).toBeUndefined();
  });

  it('accepts and refuses what the DTO’s decorators accept and refuse, naming the same fields', async () => {
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const declared = fields(await refusedBy(DeclaredByDecorators, body));
        // The decorators' pipe names an array where an object is declared only once the rest is valid; the schema at once.
        const arrays = OBJECTS.filter((name) => Array.isArray(body[name]));
        const expected = declared.length > 0 ? [...new Set([...declared, ...arrays])].sort() : declared;
        expect(fields(await refusedBy(SubmitReportRequest, body))).toEqual(expected);
      }),
      { seed: 20_261_206, numRuns: 3_000 },
    );
  });

  it('names fields and rules as class-validator does, quoting no value', async () => {
    const errors = await refusedBy(SubmitReportRequest, {
      ...VALID,
      theme: 'gossip',
      account: 5,
      contact: { channel: 'email', jan: 'jan@example.org' },
      identity: [{ name: 'Jan' }],
      preferences: { counsellorId: 'anna-please' },
    });
    expect(errors.map((e) => `${e.field}:${e.rule}`).sort()).toEqual(
      [
        'account:isString',
        'contact.(unnamed):unknownField',
        'contact.email:isEmail',
        'identity:isObject',
        'preferences.counsellorId:isUUID',
        'theme:isIn',
      ].sort(),
    );
    expect(JSON.stringify(errors)).not.toMatch(/gossip|jan@example|anna-please/);
    expect(await refusedBy(SubmitReportRequest, { ...VALID, contact: undefined })).toEqual([
      expect.objectContaining({ field: 'contact', rule: 'isDefined' }),
    ]);
  });

  it('refuses a name that is not plain text (a control character or a direction override), as @PlainText does', async () => {
    for (const name of ['Jan\u202Enesnaj', 'Jan\u0001', 'Jan\nde Vries']) {
      for (const dto of [SubmitReportRequest, DeclaredByDecorators]) {
        const errors = await refusedBy(dto, { ...VALID, identity: { name } });
        expect(errors.map((e) => `${e.field}:${e.rule}`)).toEqual(['identity.name:isPlainText']);
        expect(JSON.stringify(errors)).not.toContain('Jan');
      }
    }
    // Right-to-left marks are how right-to-left names are written: kept.
    expect(await refusedBy(SubmitReportRequest, { ...VALID, identity: { name: 'يان\u200F de Vries' } })).toEqual([]);
  });

  it('refuses null for an optional field, which the decorators read as absent', async () => {
    for (const name of ['site', 'preferences', 'identity']) {
      expect(fields(await refusedBy(SubmitReportRequest, { ...VALID, [name]: null }))).toEqual([name]);
    }
    expect(fields(await refusedBy(SubmitReportRequest, { ...VALID, preferences: { advisorGender: null } }))).toEqual([
      'preferences.advisorGender',
    ]);
  });

  it('refuses a body that is no object', async () => {
    for (const body of [[VALID], 'report', 5, null]) {
      expect(fields(await refusedBy(SubmitReportRequest, body))).toEqual(['(body)']);
    }
  });

  it('passes a valid body on as it was parsed', async () => {
    const body = {
      ...VALID,
      site: 'friesland',
      preferences: { advisorGender: 'female', counsellorId: '3f1c6a52-9d2b-4c1e-8f6a-2b7c9d0e1f23' },
    };
    await expect(pipe.transform(body, { type: 'body', metatype: SubmitReportRequest, data: undefined })).resolves.toBe(body);
  });
});
