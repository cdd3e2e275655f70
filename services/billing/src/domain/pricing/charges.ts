import { daysInclusive, indexInYear, periodsPerYear, type Period } from './calendar';
import { allocate, divideHalfUp } from './money';
import { bandFor, bandLabel, type Band, type PriceListVersion } from './price-list';

/**
 * What an organisation owes for one invoicing period, computed from content-free facts only. The confidentiality
 * rule (ADR 0031): case work counts only in a period with at least k cases; in any other period the charge is
 * exactly what it would be had the organisation had no case at all, and the case minutes wait in a pool that is
 * released, aggregated, in the first period that has k cases again (or never).
 */

/** One fact of counsellor work: case work (a pseudonymous case reference, never the case id) or an activity. */
export interface UsageFact {
  source: 'case' | 'activity';
  /** Case work only: a keyed pseudonym of the case, used to count distinct cases and nothing else. */
  caseRef?: string;
  /** The day the work was done. */
  on: string;
  minutes: number;
}

export interface ChargeInput {
  period: Period;
  /** The subscription's first and (if ended) last day. */
  subscription: { startsOn: string; endsOn?: string };
  /** Headcount in force on the period's first day (ADR 0031: a band moves from the next period, never mid-period). */
  headcount: number;
  prices: PriceListVersion;
  /** The facts dated within the period. */
  usage: readonly UsageFact[];
  /** Case minutes of earlier periods that had fewer than k cases, not yet released. */
  deferredCaseMinutes: number;
  k: number;
}

export interface PeriodCharge {
  period: Period;
  band: Band;
  bandLabel: string;
  /** Days of the period the subscription covers, of the period's days (a partial first or last period). */
  coveredDays: number;
  periodDays: number;
  /** The covered days themselves: the service period printed on the invoice. */
  covered: { start: string; end: string };
  feeCents: number;
  allowanceMinutes: number;
  /** Minutes that count against the allowance: activities, and case work only when the period has k cases. */
  countedMinutes: number;
  /** Quarter hours beyond the allowance (custom plans only), rounded up to the started quarter. */
  extraQuarters: number;
  extraCents: number;
  /** Case minutes carried to the next period (the pool grows in a period with fewer than k cases). */
  deferredCaseMinutesAfter: number;
}

/** The period's share of the subscription: how many of its days the subscription covers. */
export function coveredWindow(period: Period, subscription: { startsOn: string; endsOn?: string }): { start: string; end: string } {
  const start = subscription.startsOn > period.start ? subscription.startsOn : period.start;
  const end = subscription.endsOn !== undefined && subscription.endsOn < period.end ? subscription.endsOn : period.end;
  return { start, end };
}

/** How many distinct cases the facts show work on. */
export function distinctCases(usage: readonly UsageFact[]): number {
  return new Set(usage.filter((fact) => fact.source === 'case').map((fact) => fact.caseRef)).size;
}

export function chargeFor(input: ChargeInput): PeriodCharge {
  const { period, prices } = input;
  const band = bandFor(prices.bands, input.headcount);
  const periodDays = daysInclusive(period.start, period.end);
  const window = coveredWindow(period, input.subscription);
  const covered = daysInclusive(window.start, window.end);
  const parts = periodsPerYear(period.kind);
  // The yearly fee split over the year's periods to the cent, then the covered share of a partial period by day.
  const fullFee = allocate(band.yearlyFeeCents, parts, indexInYear(period));
  const feeCents = covered === periodDays ? fullFee : divideHalfUp(BigInt(fullFee) * BigInt(covered), periodDays);

  const activityMinutes = sum(input.usage.filter((fact) => fact.source === 'activity'));
  const caseMinutes = sum(input.usage.filter((fact) => fact.source === 'case'));
  const release = distinctCases(input.usage) >= input.k;
  const countedMinutes = activityMinutes + (release ? caseMinutes + input.deferredCaseMinutes : 0);
  const deferredCaseMinutesAfter = release ? 0 : input.deferredCaseMinutes + caseMinutes;

  if (band.plan === 'collective') {
    return {
      period,
      band,
      bandLabel: bandLabel(prices.bands, band),
      coveredDays: covered,
      periodDays,
      covered: window,
      feeCents,
      allowanceMinutes: 0,
      countedMinutes,
      extraQuarters: 0,
      extraCents: 0,
      deferredCaseMinutesAfter,
    };
  }
  const allowanceMinutes = divideHalfUp(BigInt(band.includedMinutesPerYear) * BigInt(covered), BigInt(parts) * BigInt(periodDays));
  const extraMinutes = Math.max(0, countedMinutes - allowanceMinutes);
  const extraQuarters = Math.ceil(extraMinutes / 15);
  return {
    period,
    band,
    bandLabel: bandLabel(prices.bands, band),
    coveredDays: covered,
    periodDays,
    covered: window,
    feeCents,
    allowanceMinutes,
    countedMinutes,
    extraQuarters,
    extraCents: divideHalfUp(BigInt(extraQuarters) * BigInt(prices.hourlyRateCents), 4n),
    deferredCaseMinutesAfter,
  };
}

function sum(facts: readonly UsageFact[]): number {
  return facts.reduce((total, fact) => total + fact.minutes, 0);
}
