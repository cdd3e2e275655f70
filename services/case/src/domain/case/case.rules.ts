import * as E from './case.errors';
import type { CaseOpened } from './case.events';
import type { CaseState } from './case.state';

// The rules every decision on a case starts with. Each returns the opened case, so a decision goes on with its ids.

/** A case that was opened and not erased. */
export function requireOpened(state: CaseState): CaseOpened {
  if (state.status === 'erased') throw new E.CaseErasedError();
  if (!state.opened) throw new E.CaseNotOpenedError();
  return state.opened;
}

/** An opened case that is neither closed nor erased. */
export function requireLive(state: CaseState): CaseOpened {
  const opened = requireOpened(state);
  if (state.status === 'closed') throw new E.CaseClosedError();
  return opened;
}

/** The case's assigned advisor, whatever its status: checked first, since anyone else must not learn the status. */
export function requireAssigned(state: CaseState, advisorId: string): CaseOpened {
  if (!state.opened) throw new E.CaseNotOpenedError();
  if (!state.advisorId || state.advisorId !== advisorId) throw new E.NotAssignedAdvisorError();
  return state.opened;
}

/** Only the assigned advisor acts on content, and only on a live case. */
export function requireAdvisor(state: CaseState, advisorId: string): CaseOpened {
  requireAssigned(state, advisorId);
  return requireLive(state);
}
