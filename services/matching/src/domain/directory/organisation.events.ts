import type { DatedHeadcount } from './headcount-history';
import type { Agreement, Appointment, EngagementKind, OrganisationDetails } from './directory.values';

// Domain events of a client organisation (stream `organisation-<id>`). Its name, and an activity's public
// description, are sealed under the organisation's directory key. Every event that changes what the directory
// publishes carries the whole snapshot with its publication version.

/** What the directory publishes of an organisation. */
export interface OrganisationSnapshot {
  organisationId: string;
  agencyId: string;
  version: number;
  details: OrganisationDetails;
  /** The dated headcount recorded last (a change may be scheduled ahead: see `headcounts` for the one in force). */
  headcount: number;
  headcountFrom: string;
  /** Every dated headcount in the order of their days, scheduled ones included (absent in events before it was kept). */
  headcounts?: DatedHeadcount[];
  appointment: Appointment;
}

export interface OrganisationRegistered {
  type: 'OrganisationRegistered';
  organisationId: string;
  agencyId: string;
  snapshot: OrganisationSnapshot;
  registeredAt: string;
}
export interface OrganisationDetailsChanged {
  type: 'OrganisationDetailsChanged';
  organisationId: string;
  snapshot: OrganisationSnapshot;
  changedAt: string;
}
/** The headcount from a day on (today, a past day back to the one in force, or up to a year ahead): its history is the list of these. */
export interface HeadcountChanged {
  type: 'HeadcountChanged';
  organisationId: string;
  headcount: number;
  from: string;
  snapshot: OrganisationSnapshot;
  changedAt: string;
}
/** Who serves the organisation from now on, chosen by matching (the coordinator confirmed it) or set by the coordinator. */
export interface CounsellorsAppointed {
  type: 'CounsellorsAppointed';
  organisationId: string;
  appointment: Appointment;
  appointedBy: 'matching' | 'coordinator';
  snapshot: OrganisationSnapshot;
  appointedAt: string;
}
/** A new version of the written agreement with the counsellor (seed 002). */
export interface AgreementVersioned {
  type: 'AgreementVersioned';
  organisationId: string;
  agreementVersion: number;
  agreement: Agreement;
  versionedAt: string;
}
/** Prevention, awareness or advice work for the organisation, outside any case. */
export interface EngagementRecorded {
  type: 'EngagementRecorded';
  organisationId: string;
  agencyId: string;
  activityId: string;
  counsellorId: string;
  kind: EngagementKind;
  on: string;
  minutes: number;
  sealedDescription: string;
  recordedAt: string;
}

export type OrganisationEvent =
  OrganisationRegistered | OrganisationDetailsChanged | HeadcountChanged | CounsellorsAppointed | AgreementVersioned | EngagementRecorded;
