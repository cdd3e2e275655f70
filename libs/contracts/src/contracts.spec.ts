import { randomUUID } from 'node:crypto';
import { ALL_CONTRACTS } from './all-contracts';
import { Type } from 'typebox';
import type { JsonSchema } from './contract';
import { contractV1, instant, oneOf, uuid } from './fields';
import { topicOf, type IntegrationEvent } from './envelope';
import { privacyProblems, type CheckedContract } from './privacy-check';
import { ContractRegistry, ContractViolationError } from './registry';

// A contract of these tests only, small enough to vary field by field: the privacy check and the registry must
// hold for any contract, not just for the ones the services publish today.
const MarkRecordedV1 = contractV1(
  'test',
  'mark-recorded',
  'A mark was recorded (test only).',
  {
    markId: uuid,
    topic: oneOf(['unwanted-behaviour', 'integrity', 'other']),
    weight: Type.Integer({ minimum: 0, maximum: 100 }),
    recordedAt: instant,
  },
  { markId: 'id', topic: 'enum', weight: 'count', recordedAt: 'timestamp' },
);

describe('integration event contracts', () => {
  it.each(ALL_CONTRACTS.map((c) => [topicOf(c), c] as const))(
    '%s cannot carry personal data: every field classified',
    (_topic, contract) => {
      expect(privacyProblems(contract)).toEqual([]);
    },
  );

  it('are named <service>.<event>.v<major>, each once', () => {
    const topics = ALL_CONTRACTS.map(topicOf);
    expect(new Set(topics).size).toBe(topics.length);
    for (const topic of topics) expect(topic).toMatch(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.v\d+$/);
  });

  describe('the privacy check itself', () => {
    const base = MarkRecordedV1;
    const withField = (name: string, schema: object, cls?: string): CheckedContract => ({
      payload: {
        ...(base.payload as JsonSchema),
        properties: { ...(base.payload.properties as Record<string, JsonSchema>), [name]: schema },
      },
      fields: cls ? { ...base.fields, [name]: cls as never } : base.fields,
    });

    it('refuses free text, unclassified fields, open objects and personal names', () => {
      expect(privacyProblems(withField('remark', { type: 'string' }, 'id'))).toEqual([
        'remark: an id is a uuid, or a code pattern (no spaces, @ or +) with a maxLength of at most 100',
      ]);
      expect(privacyProblems(withField('channel', { type: 'string', enum: ['a'] }))).toEqual(['channel: not classified']);
      expect(privacyProblems(withField('reporterName', { type: 'string', format: 'uuid' }, 'id'))).toEqual([
        'reporterName: the name suggests personal data or free text',
      ]);
      expect(privacyProblems(withField('details', { type: 'object', properties: {} }, 'id'))).toContain(
        'details: must not allow additional properties',
      );
      for (const loose of ['^.*$', '^[^0-9]+$', '^(.)*$', '^[\\x20-\\x7e]{1,100}$', '^a|[^\\n]{0,99}$', '^[A-Za-z0-9@._+-]{1,100}$']) {
        expect(privacyProblems(withField('code', { type: 'string', pattern: loose, maxLength: 100 }, 'id'))).toHaveLength(1);
      }
      expect(privacyProblems(withField('code', { type: 'string', pattern: '^[A-Z0-9-]{4,20}$', maxLength: 20 }, 'id'))).toEqual([]);
      expect(privacyProblems(withField('visits', { type: 'integer', minimum: 0 }, 'count'))).toHaveLength(1);
      expect(privacyProblems(withField('born', { type: 'string', format: 'date' }, 'timestamp'))).toHaveLength(1);
      expect(privacyProblems(withField('sealedNote', { type: 'string', maxLength: 100 }, 'sealed'))).toHaveLength(1);
    });
  });
});

describe('ContractRegistry', () => {
  const registry = new ContractRegistry([...ALL_CONTRACTS, MarkRecordedV1]);
  const event = (payload: unknown, overrides: Partial<IntegrationEvent> = {}): IntegrationEvent => ({
    eventId: randomUUID(),
    type: 'test.mark-recorded',
    version: 1,
    occurredAt: '2026-03-02T09:00:00.000Z',
    key: 'mark-1',
    correlationId: 'corr-1',
    causationId: 'cause-1',
    payload,
    ...overrides,
  });
  const valid = { markId: randomUUID(), topic: 'integrity', weight: 12, recordedAt: '2026-03-02T09:00:00Z' };

  it("accepts sealed content only in the privacy library's ciphertext format", () => {
    const ok = 'sealed:v1:0193a000-0000-7000-8000-000000000001:AAAAAAAAAAAAAAAA:BBBBBBBBBBBBBBBBBBBBBBBB';
    const report = (sealedAccount: string) =>
      event(
        {
          caseId: randomUUID(),
          agencyId: randomUUID(),
          organisationId: randomUUID(),
          theme: 'bullying',
          relation: 'manager',
          anonymity: 'anonymous',
          contactChannel: 'platform',
          language: 'nl',
          preferredAdvisorGender: 'any',
          preferredAdvisorKind: 'any',
          consentVersion: 'v1',
          receivedAt: '2026-03-02T09:00:00Z',
          sealedAccount,
        },
        { type: 'intake.report-submitted' },
      );
    expect(() => registry.validate(report(ok))).not.toThrow();
    expect(() => registry.validate(report('My manager, Jan Jansen, shouts at me'))).toThrow('/sealedAccount pattern');
  });

  it('accepts a valid event', () => {
    expect(() => registry.validate(event(valid))).not.toThrow();
  });

  it('refuses a payload that breaks its contract, naming the field and the rule but never the value', () => {
    const canary = 'CANARY-Jansen-0612345678';
    const error = (() => {
      try {
        registry.validate(event({ ...valid, topic: canary, extra: canary }));
      } catch (e) {
        return e as ContractViolationError;
      }
    })();
    expect(error).toBeInstanceOf(ContractViolationError);
    expect(error?.problems).toEqual(expect.arrayContaining(['/ additionalProperties', '/topic enum']));
    expect(error?.message).not.toContain(canary);
  });

  it('refuses an envelope without its ids, or for an unknown topic', () => {
    expect(() => registry.validate(event(valid, { correlationId: undefined as never }))).toThrow('/ required correlationId');
    expect(() => registry.validate(event(valid, { version: 9 }))).toThrow('no contract for test.mark-recorded.v9');
  });
});
