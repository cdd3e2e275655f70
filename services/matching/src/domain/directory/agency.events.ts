// Domain events of an agency, the platform admin's tenant (stream `agency-<id>`). Its name is sealed under the
// agency's directory key; coordinators are named by their account id only.

export interface AgencySettings {
  /** Whether a case may go to the agency's pool when the organisation's own counsellors cannot take it. */
  poolMatching: boolean;
  /** The languages the agency works in. */
  languages: string[];
}

export interface AgencyRegistered {
  type: 'AgencyRegistered';
  agencyId: string;
  sealedName: string;
  settings: AgencySettings;
  registeredAt: string;
}
export interface AgencyConfigured {
  type: 'AgencyConfigured';
  agencyId: string;
  settings: AgencySettings;
  configuredAt: string;
}
export interface AgencySuspended {
  type: 'AgencySuspended';
  agencyId: string;
  suspendedAt: string;
}
export interface AgencyReinstated {
  type: 'AgencyReinstated';
  agencyId: string;
  reinstatedAt: string;
}
export interface CoordinatorAppointed {
  type: 'CoordinatorAppointed';
  agencyId: string;
  userId: string;
  appointedAt: string;
}

export type AgencyEvent = AgencyRegistered | AgencyConfigured | AgencySuspended | AgencyReinstated | CoordinatorAppointed;
