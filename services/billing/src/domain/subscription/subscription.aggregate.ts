import { Aggregate, type Evolution } from '@vertrouwd/domain';
import { SubscriptionEndedError, SubscriptionEndError, SubscriptionExistsError } from '../billing.errors';
import type { SubscriptionEvent, SubscriptionTerms } from './subscription.events';

export interface SubscriptionState {
  organisationId: string;
  agencyId: string | undefined;
  startsOn: string;
  endsOn: string | undefined;
  terms: SubscriptionTerms | undefined;
}

const evolution: Evolution<SubscriptionState, SubscriptionEvent> = {
  SubscriptionStarted: (state, { organisationId, agencyId, startsOn, address, buyerReference, language }) => ({
    ...state,
    organisationId,
    agencyId,
    startsOn,
    terms: { address, buyerReference, language },
  }),
  SubscriptionTermsChanged: (state, { address, buyerReference, language }) => ({ ...state, terms: { address, buyerReference, language } }),
  SubscriptionEnded: (state, { endsOn }) => ({ ...state, endsOn }),
};

/**
 * An organisation's subscription with its agency (stream `subscription-<organisationId>`): from a start day to an
 * optional end day. Its plan follows from the headcount band at each period's start (ADR 0031).
 */
export class Subscription extends Aggregate<SubscriptionEvent, SubscriptionState> {
  constructor() {
    super({ organisationId: '', agencyId: undefined, startsOn: '', endsOn: undefined, terms: undefined }, evolution);
  }

  get id(): string {
    return this.state.organisationId;
  }

  start(organisationId: string, agencyId: string, startsOn: string, terms: SubscriptionTerms, at: Date): void {
    if (this.state.agencyId !== undefined) throw new SubscriptionExistsError();
    this.apply({ type: 'SubscriptionStarted', organisationId, agencyId, startsOn, ...terms, at: at.toISOString() });
  }

  changeTerms(terms: SubscriptionTerms, at: Date): void {
    if (this.state.endsOn !== undefined) throw new SubscriptionEndedError();
    this.apply({ type: 'SubscriptionTermsChanged', ...terms, at: at.toISOString() });
  }

  end(endsOn: string, at: Date): void {
    if (this.state.endsOn !== undefined) throw new SubscriptionEndedError();
    if (endsOn < this.state.startsOn) throw new SubscriptionEndError();
    this.apply({ type: 'SubscriptionEnded', endsOn, at: at.toISOString() });
  }
}
