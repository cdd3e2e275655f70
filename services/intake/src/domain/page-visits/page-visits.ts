import { Aggregate, type Evolution } from '@vertrouwd/domain';

/** One organisation's intake page visits on one day, counted without tracking anyone: only the total. */
export interface PageVisitsCounted {
  type: 'PageVisitsCounted';
  organisationId: string;
  agencyId: string;
  day: string;
  visits: number;
  countedAt: string;
}
export type PageVisitsEvent = PageVisitsCounted;

interface PageVisitsState {
  key: string;
  counted: boolean;
}

const evolution: Evolution<PageVisitsState, PageVisitsEvent> = {
  PageVisitsCounted: (state, e) => ({ ...state, key: pageVisitsKey(e.organisationId, e.day), counted: true }),
};

/** The stream id of an organisation's day: `pagevisits-<organisationId>.<day>`. */
export function pageVisitsKey(organisationId: string, day: string): string {
  return `${organisationId}.${day}`;
}

/** The day's total of one organisation's page, recorded once the day is over (stream `pagevisits-<org>.<day>`). */
export class PageVisits extends Aggregate<PageVisitsEvent, PageVisitsState> {
  constructor() {
    super({ key: '', counted: false }, evolution);
  }

  get id(): string {
    return this.state.key;
  }

  count(organisationId: string, agencyId: string, day: string, visits: number, at: Date): void {
    if (this.state.counted) return;
    this.apply({ type: 'PageVisitsCounted', organisationId, agencyId, day, visits, countedAt: at.toISOString() });
  }
}
