import { given } from '@vertrouwd/domain';
import { Case } from './case.aggregate';
import * as E from './case.errors';
import type { CaseEvent } from './case.events';
import { T0, agencyId, anna, assigned, at, bram, caseId, closed, opened, organisationId } from './case.fixtures';

const now = at(T0);
const byMatching = (advisorId: string): CaseEvent => ({
  type: 'AdvisorAssigned',
  caseId,
  advisorId,
  assignedBy: 'system:matching',
  assignedAt: T0,
});
const declined = (advisorId: string, conflictWith: 'organisation' | 'people-in-case' = 'people-in-case'): CaseEvent => ({
  type: 'AssignmentDeclined',
  caseId,
  agencyId,
  organisationId,
  advisorId,
  conflictWith,
  declinedAt: T0,
});

describe("Case: matching's choice and a counsellor's decline", () => {
  it("takes matching's choice while the case waits for a counsellor", () =>
    given(Case, opened)
      .when((c) => c.assignMatched(anna, now))
      .then(byMatching(anna)));

  it("keeps the coordinator's assignment: a later decision of matching changes nothing", () =>
    given(Case, opened, assigned)
      .when((c) => c.assignMatched(bram, now))
      .then());

  it('changes nothing for a closed case', () =>
    given(Case, opened, assigned, closed)
      .when((c) => c.assignMatched(bram, now))
      .then());

  it('lets the assigned advisor decline for a conflict of interest: nobody acts on the case, it waits again', () => {
    const history = given(Case, opened, byMatching(anna));
    history.when((c) => c.declineAssignment(anna, 'organisation', now)).then(declined(anna, 'organisation'));
    const after = given(Case, opened, byMatching(anna), declined(anna)).aggregate.state;
    expect(after).toMatchObject({ advisorId: undefined, status: 'waiting-for-assignment' });
  });

  it("takes matching's next round after a decline", () =>
    given(Case, opened, byMatching(anna), declined(anna))
      .when((c) => c.assignMatched(bram, now))
      .then(byMatching(bram)));

  it('refuses a decline by anyone but the assigned advisor', () =>
    given(Case, opened, byMatching(anna))
      .when((c) => c.declineAssignment(bram, 'people-in-case', now))
      .thenThrows(E.NotAssignedAdvisorError));

  it('refuses a decline once the case is closed', () =>
    given(Case, opened, assigned, closed)
      .when((c) => c.declineAssignment(anna, 'people-in-case', now))
      .thenThrows(Error));
});
