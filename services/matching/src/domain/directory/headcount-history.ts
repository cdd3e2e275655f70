/** A headcount and the Dutch calendar day from which it holds. */
export interface DatedHeadcount {
  from: string;
  headcount: number;
}

/**
 * How far ahead a headcount change may be dated: a year. A later day is a typing error (9999-12-31), not a plan, and
 * would block every later correction until it is reached.
 */
export const HEADCOUNT_MAX_DAYS_AHEAD = 365;

/** The history with `entry` in it, in the order of the days; a second headcount for the same day replaces the first. */
export function withHeadcount(history: readonly DatedHeadcount[], entry: DatedHeadcount): DatedHeadcount[] {
  return [...history.filter((h) => h.from !== entry.from), entry].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** The headcount in force on `day`: the latest one dated on or before it; undefined when every one is later. */
export function headcountInForce(history: readonly DatedHeadcount[], day: string): DatedHeadcount | undefined {
  let found: DatedHeadcount | undefined;
  for (const h of history) if (h.from <= day && (!found || h.from > found.from)) found = h;
  return found;
}

/** The headcount to show for `day`: the one in force, else (before the first day known) the earliest. */
export function headcountOn(history: readonly DatedHeadcount[], day: string): DatedHeadcount | undefined {
  return headcountInForce(history, day) ?? scheduledAfter(history, day)[0];
}

/** The changes scheduled after `day`, in order. */
export function scheduledAfter(history: readonly DatedHeadcount[], day: string): DatedHeadcount[] {
  return history.filter((h) => h.from > day).sort((a, b) => (a.from < b.from ? -1 : 1));
}

/** The dated headcounts of a published record; one written before records carried them has its one headcount. */
export function headcountsOf(record: { headcount: number; headcountFrom: string; headcounts?: DatedHeadcount[] }): DatedHeadcount[] {
  return record.headcounts ?? [{ from: record.headcountFrom, headcount: record.headcount }];
}
