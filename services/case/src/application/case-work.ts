import { Inject, Injectable } from '@nestjs/common';
import type { ContractRegistry } from '@vertrouwd/contracts';
import { caseKey, type Sealer } from '@vertrouwd/privacy';
import { CONTRACTS, SEALER } from '@vertrouwd/runtime';
import { CommandRunner } from '@vertrouwd/service-kit';
import type { Case } from '../domain/case/case.aggregate';
import { CaseErasedError, CaseNotFoundError } from '../domain/case/case.errors';
import type { CaseEvent } from '../domain/case/case.events';
import { CaseRepository } from './case.repository';
import { translateCaseEvent } from './integration/case-events.translator';

/**
 * The kit's command runner for cases (load, the caller's agency, decide, append with the outbox), and sealing:
 * free text is sealed under the case's key before the aggregate sees it.
 */
@Injectable()
export class CaseWork extends CommandRunner<Case, CaseEvent> {
  constructor(
    readonly cases: CaseRepository,
    @Inject(SEALER) private readonly sealer: Sealer,
    @Inject(CONTRACTS) contracts: ContractRegistry,
  ) {
    super({
      aggregates: cases,
      translate: translateCaseEvent,
      contracts,
      tenantOf: (aggregate) => aggregate.state.opened?.agencyId,
      notFound: () => new CaseNotFoundError(),
      erased: () => new CaseErasedError(),
    });
  }

  seal(caseId: string, text: string): Promise<string> {
    return this.sealer.seal(text, caseKey(caseId));
  }
}
