import { Aggregate, type Evolution } from '@vertrouwd/domain';
import { BandsError, EffectiveFromError, ThresholdError } from '../billing.errors';
import { periodContaining, type PeriodKind } from '../pricing/calendar';
import type { Band, PriceListVersion } from '../pricing/price-list';
import type { BillingAccountEvent, BillingSettings } from './billing-account.events';

export interface BillingAccountState {
  agencyId: string;
  settings: BillingSettings | undefined;
  priceLists: PriceListVersion[];
}

export type PriceListInput = Omit<PriceListVersion, 'version'>;

const evolution: Evolution<BillingAccountState, BillingAccountEvent> = {
  BillingAccountOpened: (state, { agencyId, supplier, paymentTermDays, k }) => ({
    ...state,
    agencyId,
    settings: { supplier, paymentTermDays, k },
  }),
  BillingSettingsChanged: (state, { supplier, paymentTermDays, k }) => ({ ...state, settings: { supplier, paymentTermDays, k } }),
  PriceListPublished: (state, { prices }) => ({ ...state, priceLists: [...state.priceLists, prices] }),
};

/**
 * An agency's billing account (stream `billingaccount-<agencyId>`): the supplier on its invoices, the disclosure
 * threshold and the versioned price list. A price list applies from a date onwards; issued invoices keep theirs.
 */
export class BillingAccount extends Aggregate<BillingAccountEvent, BillingAccountState> {
  constructor() {
    super({ agencyId: '', settings: undefined, priceLists: [] }, evolution);
  }

  get id(): string {
    return this.state.agencyId;
  }

  /** Opens the account or changes its settings. */
  configure(agencyId: string, settings: BillingSettings, at: Date): void {
    if (!Number.isInteger(settings.k) || settings.k < 5) throw new ThresholdError();
    if (this.state.settings === undefined) {
      this.apply({ type: 'BillingAccountOpened', agencyId, ...settings, at: at.toISOString() });
    } else {
      this.apply({ type: 'BillingSettingsChanged', ...settings, at: at.toISOString() });
    }
  }

  /** Publishes the next version of the price list; it applies to periods starting on or after `effectiveFrom`. */
  publishPrices(input: PriceListInput, at: Date): number {
    checkBands(input.bands);
    if (!Number.isInteger(input.hourlyRateCents) || input.hourlyRateCents < 0) throw new BandsError();
    const start = periodContaining(input.period, input.effectiveFrom).start;
    if (start !== input.effectiveFrom) throw new EffectiveFromError();
    const previous = this.state.priceLists.at(-1);
    if (previous) {
      if (input.effectiveFrom <= previous.effectiveFrom) throw new EffectiveFromError();
      if (input.period !== previous.period && !input.effectiveFrom.endsWith('-01-01')) throw new EffectiveFromError();
    }
    const version = this.state.priceLists.length + 1;
    this.apply({ type: 'PriceListPublished', prices: { ...input, version }, at: at.toISOString() });
    return version;
  }
}

function checkBands(bands: readonly Band[]): void {
  if (bands.length === 0 || bands[0]?.minHeadcount !== 1) throw new BandsError();
  for (const [index, band] of bands.entries()) {
    const whole = [band.minHeadcount, band.yearlyFeeCents, band.includedMinutesPerYear].every((n) => Number.isInteger(n) && n >= 0);
    if (!whole) throw new BandsError();
    if (index > 0 && band.minHeadcount <= bands[index - 1].minHeadcount) throw new BandsError();
  }
}

export type { PeriodKind };
