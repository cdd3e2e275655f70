import { Aggregate, type Evolution } from '@vertrouwd/domain';
import * as E from './directory.errors';
import type { AgencyEvent, AgencySettings } from './agency.events';

export interface AgencyState {
  agencyId: string;
  status: 'new' | 'active' | 'suspended';
  settings: AgencySettings | undefined;
  coordinators: readonly string[];
}

const evolution: Evolution<AgencyState, AgencyEvent> = {
  AgencyRegistered: (s, e) => ({ ...s, agencyId: e.agencyId, status: 'active', settings: e.settings }),
  AgencyConfigured: (s, e) => ({ ...s, settings: e.settings }),
  AgencySuspended: (s) => ({ ...s, status: 'suspended' }),
  AgencyReinstated: (s) => ({ ...s, status: 'active' }),
  CoordinatorAppointed: (s, e) => ({ ...s, coordinators: [...s.coordinators, e.userId] }),
};

/** An agency, the platform admin's tenant (stream `agency-<id>`): created, configured, suspended, reinstated. */
export class Agency extends Aggregate<AgencyEvent, AgencyState> {
  constructor() {
    super({ agencyId: '', status: 'new', settings: undefined, coordinators: [] }, evolution);
  }

  get id(): string {
    return this.state.agencyId;
  }

  register(agencyId: string, sealedName: string, settings: AgencySettings, at: Date): void {
    if (this.state.status !== 'new') throw new E.AgencyExistsError();
    this.apply({ type: 'AgencyRegistered', agencyId, sealedName, settings, registeredAt: at.toISOString() });
  }

  configure(settings: AgencySettings, at: Date): void {
    this.requireActive();
    this.apply({ type: 'AgencyConfigured', agencyId: this.id, settings, configuredAt: at.toISOString() });
  }

  suspend(at: Date): void {
    if (this.state.status === 'suspended') throw new E.AgencyStatusUnchangedError();
    this.apply({ type: 'AgencySuspended', agencyId: this.id, suspendedAt: at.toISOString() });
  }

  reinstate(at: Date): void {
    if (this.state.status === 'active') throw new E.AgencyStatusUnchangedError();
    this.apply({ type: 'AgencyReinstated', agencyId: this.id, reinstatedAt: at.toISOString() });
  }

  /** A coordinator's account (made through the identity port first); appointing them again changes nothing. */
  appointCoordinator(userId: string, at: Date): void {
    this.requireActive();
    if (this.state.coordinators.includes(userId)) return;
    this.apply({ type: 'CoordinatorAppointed', agencyId: this.id, userId, appointedAt: at.toISOString() });
  }

  /** Refuses when the agency is unknown or suspended: nothing of it may change then. */
  requireActive(): void {
    if (this.state.status === 'new') throw new E.AgencyNotFoundError();
    if (this.state.status === 'suspended') throw new E.AgencySuspendedError();
  }
}
