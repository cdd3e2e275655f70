import { evolveWith, type Evolution } from '@vertrouwd/domain';
import { Case } from './case.aggregate';
import type { CaseEvent } from './case.events';
import { T0, anna, assigned, at, conversation, opened, shared } from './case.fixtures';
import { caseEvolution, initialCaseState, type CaseState } from './case.state';

describe('caseEvolution', () => {
  it('has a step for every event type: leaving one out does not type-check', () => {
    const { AftercareRecorded: _left, ...withoutOne } = caseEvolution;
    // @ts-expect-error AftercareRecorded is missing, and an Evolution names every event type
    const incomplete: Evolution<CaseState, CaseEvent> = withoutOne;
    expect(Object.keys(incomplete)).not.toContain('AftercareRecorded');
  });

  it('makes a new state for each event and leaves the one before it as it was', () => {
    const before = [opened, assigned, conversation].reduce((state, event) => evolveWith(caseEvolution, state, event), initialCaseState);
    const after = evolveWith(caseEvolution, before, shared);
    expect(before.summaries.get('conv-1')?.shared).toBe(false);
    expect(after.summaries.get('conv-1')?.shared).toBe(true);
    expect(initialCaseState).toMatchObject({ opened: undefined, status: 'waiting-for-assignment', summaries: new Map() });
  });

  it('leaves a state a caller holds as it was when a command applies an event', () => {
    const aggregate = new Case();
    aggregate.rehydrate([opened, assigned, conversation], 2);
    const held = aggregate.state;
    aggregate.recordConsent(anna, { consentId: 'c-1', scope: 'formal-report', conversationId: 'conv-1' }, at(T0));
    expect([held.consents.has('c-1'), aggregate.state.consents.has('c-1')]).toEqual([false, true]);
  });

  it('refuses a summary event for a conversation the case does not have', () => {
    expect(() => evolveWith(caseEvolution, initialCaseState, shared)).toThrow('not in this case');
  });
});
