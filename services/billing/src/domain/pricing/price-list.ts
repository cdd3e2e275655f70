import type { PeriodKind } from './calendar';

/** Which arrangement a band is: the pooled collective arrangement (no hours ever on the invoice) or a custom subscription. */
export const PLANS = ['collective', 'custom'] as const;
export type Plan = (typeof PLANS)[number];

/** A headcount band: from `minHeadcount` employees up to the next band's minimum. */
export interface Band {
  minHeadcount: number;
  plan: Plan;
  /** The yearly fee, cents, excluding VAT. */
  yearlyFeeCents: number;
  /** Hours of counsellor work the fee includes per year, in minutes (custom plans; collective ones include all). */
  includedMinutesPerYear: number;
}

/** One version of an agency's price list; it applies to every period that starts on or after `effectiveFrom`. */
export interface PriceListVersion {
  version: number;
  effectiveFrom: string;
  /** Sorted by `minHeadcount`; the first starts at 1. */
  bands: Band[];
  /** The rate for hours beyond the plan, cents per hour, excluding VAT. */
  hourlyRateCents: number;
  /** `"21"`: the standard rate on these services. */
  vatRatePercent: string;
  period: PeriodKind;
}

/** The version in force on `day`: the latest whose `effectiveFrom` is on or before it. */
export function versionOn(versions: readonly PriceListVersion[], day: string): PriceListVersion | undefined {
  let found: PriceListVersion | undefined;
  for (const version of versions) if (version.effectiveFrom <= day) found = version;
  return found;
}

/** The band a headcount falls in. */
export function bandFor(bands: readonly Band[], headcount: number): Band {
  let found = bands[0];
  for (const band of bands) if (band.minHeadcount <= Math.max(1, headcount)) found = band;
  return found;
}

/** `25–49`, `500+`: how a band is named on an invoice. */
export function bandLabel(bands: readonly Band[], band: Band): string {
  const next = bands.find((candidate) => candidate.minHeadcount > band.minHeadcount);
  return next ? `${band.minHeadcount}–${next.minHeadcount - 1}` : `${band.minHeadcount}+`;
}
