import { Aggregate, amsterdamDay, shiftDay, type Evolution } from '@vertrouwd/domain';
import * as E from './directory.errors';
import type { OrganisationEvent, OrganisationSnapshot } from './organisation.events';
import type { Agreement, Appointment, EngagementKind, OrganisationDetails } from './directory.values';
import { HEADCOUNT_MAX_DAYS_AHEAD, headcountInForce, withHeadcount, type DatedHeadcount } from './headcount-history';

export interface OrganisationState {
  snapshot: OrganisationSnapshot | undefined;
  /** Built from the events themselves, so streams written before snapshots carried it replay the same. */
  headcounts: readonly DatedHeadcount[];
  agreements: readonly Agreement[];
  appointmentHistory: readonly { appointment: Appointment; appointedBy: 'matching' | 'coordinator'; appointedAt: string }[];
  activities: ReadonlySet<string>;
}

const evolution: Evolution<OrganisationState, OrganisationEvent> = {
  OrganisationRegistered: (s, e) => ({
    ...s,
    snapshot: e.snapshot,
    headcounts: [{ from: e.snapshot.headcountFrom, headcount: e.snapshot.headcount }],
  }),
  OrganisationDetailsChanged: (s, e) => ({ ...s, snapshot: e.snapshot }),
  HeadcountChanged: (s, e) => ({
    ...s,
    snapshot: e.snapshot,
    headcounts: withHeadcount(s.headcounts, { from: e.from, headcount: e.headcount }),
  }),
  CounsellorsAppointed: (s, e) => ({
    ...s,
    snapshot: e.snapshot,
    appointmentHistory: [...s.appointmentHistory, { appointment: e.appointment, appointedBy: e.appointedBy, appointedAt: e.appointedAt }],
  }),
  AgreementVersioned: (s, e) => ({ ...s, agreements: [...s.agreements, e.agreement] }),
  EngagementRecorded: (s, e) => ({ ...s, activities: new Set([...s.activities, e.activityId]) }),
};

/** Who may be appointed to an organisation: what the caller looked up of each counsellor named. */
export interface AppointeeCheck {
  active: boolean;
  agencyId: string;
  kind: 'internal' | 'external';
  organisationId?: string;
}

/** A client organisation of an agency (stream `organisation-<id>`). */
export class Organisation extends Aggregate<OrganisationEvent, OrganisationState> {
  constructor() {
    super({ snapshot: undefined, headcounts: [], agreements: [], appointmentHistory: [], activities: new Set() }, evolution);
  }

  get id(): string {
    return this.state.snapshot?.organisationId ?? '';
  }

  register(
    organisationId: string,
    agencyId: string,
    details: OrganisationDetails,
    headcount: number,
    headcountFrom: string,
    at: Date,
  ): void {
    if (this.state.snapshot) throw new E.OrganisationExistsError();
    const snapshot: OrganisationSnapshot = {
      organisationId,
      agencyId,
      version: 1,
      details,
      headcount,
      headcountFrom,
      headcounts: [{ from: headcountFrom, headcount }],
      appointment: { internalIds: [] },
    };
    this.apply({ type: 'OrganisationRegistered', organisationId, agencyId, snapshot, registeredAt: at.toISOString() });
  }

  changeDetails(details: OrganisationDetails, at: Date): void {
    const current = this.current();
    this.apply({
      type: 'OrganisationDetailsChanged',
      organisationId: this.id,
      snapshot: { ...current, details, version: current.version + 1 },
      changedAt: at.toISOString(),
    });
  }

  /**
   * The headcount from `from` on. A change dated after today is scheduled: it is in force from its day without anyone
   * acting, and can be corrected or preceded by another change until then. The past before the headcount in force
   * today stays as it was (invoices and reports were made on it).
   */
  changeHeadcount(headcount: number, from: string, at: Date): void {
    const current = this.current();
    const today = amsterdamDay(at);
    if (from > shiftDay(today, HEADCOUNT_MAX_DAYS_AHEAD)) throw new E.HeadcountTooFarAheadError();
    const inForce = headcountInForce(this.state.headcounts, today);
    if (inForce && from < inForce.from) throw new E.HeadcountBackdatedError();
    if (this.state.headcounts.some((h) => h.from === from && h.headcount === headcount)) throw new E.HeadcountUnchangedError();
    const headcounts = withHeadcount(this.state.headcounts, { from, headcount });
    const snapshot = { ...current, headcount, headcountFrom: from, headcounts, version: current.version + 1 };
    this.apply({ type: 'HeadcountChanged', organisationId: this.id, headcount, from, snapshot, changedAt: at.toISOString() });
  }

  /**
   * Appoints the primary and substitute (two different active external or own-internal counsellors of the agency)
   * and the organisation's internal counsellors. `checks` holds what the caller found of each one named.
   */
  appoint(appointment: Appointment, appointedBy: 'matching' | 'coordinator', checks: ReadonlyMap<string, AppointeeCheck>, at: Date): void {
    const current = this.current();
    if (appointment.primaryId && appointment.primaryId === appointment.substituteId) throw new E.SamePrimaryAndSubstituteError();
    const named = [appointment.primaryId, appointment.substituteId, ...appointment.internalIds].filter((id): id is string => Boolean(id));
    for (const id of named) {
      const check = checks.get(id);
      const eligible =
        check?.active && check.agencyId === current.agencyId && (check.kind === 'external' || check.organisationId === this.id);
      if (!eligible) throw new E.AppointeeNotEligibleError();
    }
    if (appointment.internalIds.some((id) => checks.get(id)?.kind !== 'internal')) throw new E.AppointeeNotEligibleError();
    const snapshot = { ...current, appointment, version: current.version + 1 };
    this.apply({
      type: 'CounsellorsAppointed',
      organisationId: this.id,
      appointment,
      appointedBy,
      snapshot,
      appointedAt: at.toISOString(),
    });
  }

  versionAgreement(agreement: Agreement, at: Date): number {
    this.current();
    if (agreement.termUntil && agreement.termUntil < agreement.termFrom) throw new E.AgreementTermError();
    const agreementVersion = this.state.agreements.length + 1;
    this.apply({ type: 'AgreementVersioned', organisationId: this.id, agreementVersion, agreement, versionedAt: at.toISOString() });
    return agreementVersion;
  }

  recordEngagement(
    activity: { activityId: string; counsellorId: string; kind: EngagementKind; on: string; minutes: number; sealedDescription: string },
    at: Date,
  ): void {
    const current = this.current();
    if (this.state.activities.has(activity.activityId)) throw new E.EngagementExistsError();
    this.apply({
      type: 'EngagementRecorded',
      organisationId: this.id,
      agencyId: current.agencyId,
      ...activity,
      recordedAt: at.toISOString(),
    });
  }

  private current(): OrganisationSnapshot {
    if (!this.state.snapshot) throw new E.OrganisationNotFoundError();
    return this.state.snapshot;
  }
}
