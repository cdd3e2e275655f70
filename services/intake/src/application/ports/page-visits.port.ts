/** The running tallies of intake page visits: per organisation and day, nothing about the visitor. */
export interface PageVisitTallies {
  /** More visits (one by default) to the organisation's page on the day. */
  add(organisationId: string, agencyId: string, day: string, visits?: number): Promise<void>;
  /** Tallies of days before `day` not yet recorded as events. */
  unrecorded(before: string, limit: number): Promise<{ organisationId: string; agencyId: string; day: string; visits: number }[]>;
  markRecorded(organisationId: string, day: string): Promise<void>;
}
export const PAGE_VISIT_TALLIES = Symbol('PageVisitTallies');
