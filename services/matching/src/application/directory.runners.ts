import { Inject, Injectable } from '@nestjs/common';
import type { ContractRegistry } from '@vertrouwd/contracts';
import { AggregateRepository, type EventStore } from '@vertrouwd/event-sourcing';
import { caseKey, type CaseKeyRef } from '@vertrouwd/privacy';
import { CONTRACTS, EVENT_STORE } from '@vertrouwd/runtime';
import { CommandRunner } from '@vertrouwd/service-kit';
import { Agency } from '../domain/directory/agency.aggregate';
import type { AgencyEvent } from '../domain/directory/agency.events';
import { Counsellor } from '../domain/directory/counsellor.aggregate';
import type { CounsellorEvent } from '../domain/directory/counsellor.events';
import * as E from '../domain/directory/directory.errors';
import { Organisation } from '../domain/directory/organisation.aggregate';
import type { OrganisationEvent } from '../domain/directory/organisation.events';
import { CaseMatch, CaseMatchNotFoundError } from '../domain/match/case-match.aggregate';
import type { CaseMatchEvent } from '../domain/match/case-match.events';
import {
  translateAgencyEvent,
  translateCaseMatchEvent,
  translateCounsellorEvent,
  translateOrganisationEvent,
} from './integration/matching-events.translator';

// The kit's command runners for the service's four aggregates: load, the caller's agency, decide, append with the
// outbox. Streams: `agency-<id>`, `counsellor-<id>`, `organisation-<id>`, `match-<caseId>`. A write's If-Match is
// compared with the version the reads show: the agency's stream version, the counsellor's record version, the
// organisation's snapshot version.

/** The key a directory record's sealed fields are under: shredding it erases a name everywhere it travelled. */
export function directoryKey(kind: 'agency' | 'counsellor' | 'organisation', id: string): CaseKeyRef {
  return caseKey(`directory:${kind}:${id}`);
}

@Injectable()
export class AgencyWork extends CommandRunner<Agency, AgencyEvent> {
  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(CONTRACTS) contracts: ContractRegistry) {
    super({
      aggregates: new AggregateRepository<AgencyEvent, Agency>(store, { category: 'agency', create: () => new Agency() }),
      translate: translateAgencyEvent,
      contracts,
      tenantOf: (a) => a.state.agencyId,
      notFound: () => new E.AgencyNotFoundError(),
    });
  }
}

@Injectable()
export class CounsellorWork extends CommandRunner<Counsellor, CounsellorEvent> {
  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(CONTRACTS) contracts: ContractRegistry) {
    super({
      aggregates: new AggregateRepository<CounsellorEvent, Counsellor>(store, { category: 'counsellor', create: () => new Counsellor() }),
      translate: translateCounsellorEvent,
      contracts,
      tenantOf: (c) => c.state.agencyId,
      // The version the counsellor's reads show (of the record it publishes), which a write's If-Match names.
      versionOf: (c) => c.state.version,
      notFound: () => new E.CounsellorNotFoundError(),
    });
  }
}

@Injectable()
export class OrganisationWork extends CommandRunner<Organisation, OrganisationEvent> {
  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(CONTRACTS) contracts: ContractRegistry) {
    super({
      aggregates: new AggregateRepository<OrganisationEvent, Organisation>(store, {
        category: 'organisation',
        create: () => new Organisation(),
      }),
      translate: translateOrganisationEvent,
      contracts,
      tenantOf: (o) => o.state.snapshot?.agencyId,
      // The version the organisation's reads show (of its snapshot), which a write's If-Match names.
      versionOf: (o) => o.state.snapshot?.version ?? 0,
      notFound: () => new E.OrganisationNotFoundError(),
    });
  }
}

@Injectable()
export class CaseMatchWork extends CommandRunner<CaseMatch, CaseMatchEvent> {
  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(CONTRACTS) contracts: ContractRegistry) {
    super({
      aggregates: new AggregateRepository<CaseMatchEvent, CaseMatch>(store, { category: 'match', create: () => new CaseMatch() }),
      translate: translateCaseMatchEvent,
      contracts,
      tenantOf: (m) => m.state.agencyId,
      notFound: () => new CaseMatchNotFoundError(),
    });
  }
}
