import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_CONTRACTS } from './all-contracts';
import { CaseClosedV1, CaseOpenedV1, DeadlineMissedV1 } from './case/case.contracts';
import type { PayloadOf } from './contract';
import { topicOf, type IntegrationEvent } from './envelope';
import { ReportWithdrawnV1 } from './intake/intake.contracts';
import { contractV1, instant, uuid } from './fields';
import { privacyProblems } from './privacy-check';
import { ContractRegistry } from './registry';
import { isEvent, outgoing } from './typed';

// One definition gives the JSON Schema the registry validates with and the TypeScript type producers and consumers
// are checked against; the published schemas stay exactly what they were.

const registry = new ContractRegistry(ALL_CONTRACTS);
const envelope = <P>(contract: { type: string; version: number }, payload: P): IntegrationEvent<P> => ({
  eventId: randomUUID(),
  type: contract.type,
  version: contract.version,
  occurredAt: '2026-03-02T09:00:00.000Z',
  key: randomUUID(),
  correlationId: 'corr-1',
  causationId: 'cause-1',
  payload,
});

describe('typed contracts', () => {
  it('publish the same JSON Schemas and privacy classes as before they were typed', () => {
    const published = JSON.parse(readFileSync(join(__dirname, 'fixtures/published-schemas.json'), 'utf8')) as Record<string, unknown>;
    const now = Object.fromEntries(
      ALL_CONTRACTS.map((c) => [topicOf(c), JSON.parse(JSON.stringify({ payload: c.payload, fields: c.fields }))]),
    );
    expect(now).toEqual(published);
  });

  it('type a payload that the schema accepts, optional fields included', () => {
    const closed: PayloadOf<typeof CaseClosedV1> = { caseId: randomUUID(), outcome: 'referred', closedAt: '2026-03-02T09:00:00Z' };
    const missed: PayloadOf<typeof DeadlineMissedV1> = { caseId: randomUUID(), deadline: 'feedback', dueAt: '2026-03-02T09:00:00Z' };
    expect(() => registry.validate(envelope(CaseClosedV1, closed))).not.toThrow();
    expect(() => registry.validate(envelope(DeadlineMissedV1, missed))).not.toThrow();
  });

  it('make a wrong field, a wrong enum value and a missing field type errors', () => {
    // @ts-expect-error an outcome that is not in the list
    const wrongEnum = outgoing(CaseClosedV1, { caseId: randomUUID(), outcome: 'shouted-at', closedAt: '2026-03-02T09:00:00Z' });
    // @ts-expect-error a field the contract does not have
    const extra = outgoing(ReportWithdrawnV1, { caseId: randomUUID(), withdrawnAt: '2026-03-02T09:00:00Z', reason: 'x' });
    // @ts-expect-error the required withdrawnAt is missing
    const missing = outgoing(ReportWithdrawnV1, { caseId: randomUUID() });
    // What the type system refuses, the schema refuses too.
    for (const bad of [wrongEnum, extra, missing]) expect(() => registry.validate(envelope(bad.contract, bad.payload))).toThrow();
  });

  it('refuse a contract with a field that has no privacy class, at compile time', () => {
    // @ts-expect-error the field `at` has no privacy class
    const unclassified = contractV1('test', 'probe', 'A probe.', { probeId: uuid, at: instant }, { probeId: 'id' });
    // And at run time the privacy check says the same of it.
    expect(privacyProblems(unclassified)).toEqual(['at: not classified']);
  });

  it('narrow a consumed event to its contract’s payload by type and version', () => {
    const event: IntegrationEvent = envelope(CaseOpenedV1, { caseId: randomUUID() });
    expect(isEvent(event, CaseOpenedV1)).toBe(true);
    expect(isEvent(event, CaseClosedV1)).toBe(false);
    expect(isEvent({ ...event, version: 2 }, CaseOpenedV1)).toBe(false);
    if (isEvent(event, CaseOpenedV1)) {
      const theme: PayloadOf<typeof CaseOpenedV1>['theme'] | undefined = event.payload.theme;
      expect(theme).toBeUndefined();
    }
  });

  it('accept a case-opened with what the reporter asked for, and one published before those fields existed', () => {
    const before: PayloadOf<typeof CaseOpenedV1> = {
      caseId: randomUUID(),
      agencyId: randomUUID(),
      organisationId: randomUUID(),
      theme: 'bullying',
      relation: 'manager',
      anonymity: 'anonymous',
      receivedAt: '2026-03-02T09:00:00Z',
      openedAt: '2026-03-02T09:00:01Z',
    };
    const asked = { ...before, language: 'pl', preferredAdvisorGender: 'female', preferredAdvisorKind: 'external' } as const;
    expect(() => registry.validate(envelope(CaseOpenedV1, before))).not.toThrow();
    expect(() => registry.validate(envelope(CaseOpenedV1, asked))).not.toThrow();
    expect(() => registry.validate(envelope(CaseOpenedV1, { ...asked, language: 'polish' }))).toThrow();
  });
});
