import { conflict } from '@vertrouwd/domain';

/**
 * Earlier publications (the ledger) already let a cell below the threshold be computed, or narrowed to a range
 * under k wide, and nothing in the new tables can be blanked to prevent it: the new tables must be designed
 * differently (coarser categories, fewer breakdowns). Never fixed silently. `keys` names the cells at risk.
 */
export class AlreadyDisclosedError extends conflict(
  'AlreadyDisclosedError',
  'Earlier publications already disclose a cell below the threshold; publish these tables differently.',
) {
  constructor(readonly keys: readonly string[]) {
    super();
  }
}

/** The tables, finest cells or ledger do not fit together: a programming error in the caller, with the detail. */
export class DisclosureInputError extends Error {
  override readonly name = 'DisclosureInputError';
}
