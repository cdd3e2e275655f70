import { given } from '@vertrouwd/domain';
import { Case } from './case.aggregate';
import * as E from './case.errors';
import type { CaseEvent } from './case.events';
import { T0, anna, assigned, at, caseId, conversation, opened, sealed, shared } from './case.fixtures';

// Defect 9 of issue 8: Art. 18 was one-shot; a corrected summary could not be shared again and approved. Now a
// summary has versions, each answered by the reporter; only the latest can be answered; the approved one is marked.

const now = at(T0);
const corrected: CaseEvent = {
  type: 'SummaryCorrected',
  caseId,
  summaryId: 'conv-1',
  sealedCorrection: sealed('fix'),
  correctedAt: T0,
  version: 1,
};
const revised: CaseEvent = {
  type: 'SummaryShared',
  caseId,
  summaryId: 'conv-1',
  advisorId: anna,
  sealedSummary: sealed('summary v2'),
  sharedAt: T0,
  version: 2,
};
const approved2: CaseEvent = { type: 'SummaryApproved', caseId, summaryId: 'conv-1', approvedAt: T0, version: 2 };

describe('Case: versions of a summary', () => {
  it('shares a revised text as the next version after the reporter\u2019s correction', () =>
    given(Case, opened, assigned, conversation, shared, corrected)
      .when((c) => c.reviseSummary(anna, 'conv-1', sealed('summary v2'), now))
      .then(revised));

  it('refuses a revision of a summary not shared yet, or not sealed', () => {
    given(Case, opened, assigned, conversation)
      .when((c) => c.reviseSummary(anna, 'conv-1', sealed('v2'), now))
      .thenThrows(E.SummaryNotRevisedError);
    given(Case, opened, assigned, conversation, shared)
      .when((c) => c.reviseSummary(anna, 'conv-1', 'plain', now))
      .thenThrows(E.NotSealedError);
  });

  it('takes the approval of the latest version and marks it as the approved one', () => {
    const after = given(Case, opened, assigned, conversation, shared, corrected, revised);
    after.when((c) => c.approveSummary('conv-1', now, 2)).then(approved2);
    const state = given(Case, opened, assigned, conversation, shared, corrected, revised, approved2).aggregate.state;
    expect(state.summaries.get('conv-1')).toMatchObject({ version: 2, approvedVersion: 2, sealedSummary: sealed('summary v2') });
  });

  it('refuses an answer to an older version once a newer one was shared (409), and to a version never shared', () => {
    given(Case, opened, assigned, conversation, shared, corrected, revised)
      .when((c) => c.approveSummary('conv-1', now, 1))
      .thenThrows(E.SummaryVersionOutdatedError);
    given(Case, opened, assigned, conversation, shared, corrected, revised)
      .when((c) => c.correctSummary('conv-1', sealed('again'), now, 1))
      .thenThrows(E.SummaryVersionOutdatedError);
    given(Case, opened, assigned, conversation, shared)
      .when((c) => c.approveSummary('conv-1', now, 2))
      .thenThrows(E.SummaryVersionUnknownError);
  });

  it('reads an answer without a version (from before versions) as an answer to version 1', () => {
    given(Case, opened, assigned, conversation, shared)
      .when((c) => c.approveSummary('conv-1', now))
      .then({ type: 'SummaryApproved', caseId, summaryId: 'conv-1', approvedAt: T0, version: 1 });
    const legacyShared: CaseEvent = { ...shared };
    delete (legacyShared as { version?: number }).version;
    const state = given(Case, opened, assigned, conversation, legacyShared).aggregate.state;
    expect(state.summaries.get('conv-1')?.version).toBe(1);
  });

  it('keeps the approved version marked while a later revision waits for its answer', () => {
    const approved1: CaseEvent = { type: 'SummaryApproved', caseId, summaryId: 'conv-1', approvedAt: T0, version: 1 };
    const state = given(Case, opened, assigned, conversation, shared, approved1, revised).aggregate.state;
    expect(state.summaries.get('conv-1')).toMatchObject({ version: 2, approvedVersion: 1 });
  });
});
