import { NoPriceListError } from '../billing.errors';
import { addDays, periodContaining, type Period } from './calendar';
import { chargeFor, type PeriodCharge, type UsageFact } from './charges';
import { versionOn, type PriceListVersion } from './price-list';

/** A headcount and the day from which it holds (the directory's history of the organisation). */
export interface Headcount {
  from: string;
  headcount: number;
}

export interface ScheduleInput {
  subscription: { startsOn: string; endsOn?: string };
  priceLists: readonly PriceListVersion[];
  headcounts: readonly Headcount[];
  /** Every fact of the organisation; each counts in the period of its day. */
  usage: readonly UsageFact[];
  k: number;
  /** The last day to invoice: periods that end on or before it. */
  through: string;
}

/** The headcount in force on a day: the latest known from that day or before, else the earliest known. */
export function headcountOn(headcounts: readonly Headcount[], day: string): number {
  const sorted = [...headcounts].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  let found = sorted[0]?.headcount ?? 0;
  for (const entry of sorted) if (entry.from <= day) found = entry.headcount;
  return found;
}

/**
 * Every invoicing period of a subscription from its start to `through`, with its charge. The pool of deferred case
 * minutes is folded from the first period on, so the result depends on the facts alone (replay gives the same).
 * The period's kind is the price list's in force at its start (a change of kind starts on 1 January).
 */
export function scheduleCharges(input: ScheduleInput): PeriodCharge[] {
  const charges: PeriodCharge[] = [];
  const byPeriod = new Map<string, UsageFact[]>();
  let day = input.subscription.startsOn;
  let deferred = 0;
  for (;;) {
    const prices = versionOn(input.priceLists, day) ?? firstIfBefore(input.priceLists, day);
    if (!prices) throw new NoPriceListError();
    const period: Period = periodContaining(prices.period, day);
    if (period.end > input.through) break;
    if (input.subscription.endsOn !== undefined && period.start > input.subscription.endsOn) break;
    if (byPeriod.size === 0) groupByPeriod(input, byPeriod);
    const pricesAtStart = versionOn(input.priceLists, period.start) ?? prices;
    const charge = chargeFor({
      period,
      subscription: input.subscription,
      headcount: headcountOn(input.headcounts, period.start),
      prices: pricesAtStart,
      usage: (byPeriod.get(keyOf(period)) ?? []).filter((fact) => fact.on >= period.start && fact.on <= period.end),
      deferredCaseMinutes: deferred,
      k: input.k,
    });
    deferred = charge.deferredCaseMinutesAfter;
    charges.push(charge);
    day = addDays(period.end, 1);
  }
  return charges;
}

/** Prices of a subscription that started before the first price list: the first list, when it starts in that period. */
function firstIfBefore(versions: readonly PriceListVersion[], day: string): PriceListVersion | undefined {
  const first = versions[0];
  if (!first) return undefined;
  return periodContaining(first.period, day).start === periodContaining(first.period, first.effectiveFrom).start ? first : undefined;
}

const keyOf = (period: Period) => `${period.kind}:${period.key}`;

function groupByPeriod(input: ScheduleInput, into: Map<string, UsageFact[]>): void {
  into.set('', []);
  for (const fact of input.usage) {
    const prices = versionOn(input.priceLists, fact.on) ?? input.priceLists[0];
    if (!prices) continue;
    const key = keyOf(periodContaining(prices.period, fact.on));
    const list = into.get(key);
    if (list) list.push(fact);
    else into.set(key, [fact]);
  }
}
