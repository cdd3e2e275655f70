import { Inject, Injectable } from '@nestjs/common';
import type { ContractRegistry } from '@vertrouwd/contracts';
import { outboxFor } from '@vertrouwd/messaging';
import { caseKey, type Sealer } from '@vertrouwd/privacy';
import { CONTRACTS, SEALER } from '@vertrouwd/runtime';
import { currentTraceparent } from '@vertrouwd/telemetry';
import type { Case } from '../domain/case/case.aggregate';
import { CaseRepository } from './case.repository';
import { caseNotFound, toProblem } from './case.problems';
import { translateCaseEvent } from './integration/case-events.translator';

/** Who acts and in which flow; carried into every event's metadata. `actor` is an opaque id, never a name. */
export interface CommandContext {
  actor: string;
  correlationId: string;
  causationId?: string;
  /** The acting person's agency: a case of another agency does not exist for them. Absent for the platform itself. */
  agencyId?: string;
}

/**
 * The one path of every case command: load the case, let the aggregate decide, save with the expected
 * version and the outbox. Free text is sealed under the case's key before the aggregate sees it.
 */
@Injectable()
export class CaseWork {
  constructor(
    readonly cases: CaseRepository,
    @Inject(SEALER) private readonly sealer: Sealer,
    @Inject(CONTRACTS) private readonly contracts: ContractRegistry,
  ) {}

  seal(caseId: string, text: string): Promise<string> {
    return this.sealer.seal(text, caseKey(caseId));
  }

  /** Runs `act` on the case and saves what it applied; a refusal becomes a problem. */
  async run(caseId: string, context: CommandContext, act: (aggregate: Case) => void | Promise<void>): Promise<void> {
    const aggregate = await this.cases.load(caseId);
    if (!aggregate || !sameAgency(aggregate, context)) throw caseNotFound();
    try {
      await act(aggregate);
    } catch (error) {
      throw toProblem(error);
    }
    await this.save(aggregate, context);
  }

  async save(aggregate: Case, context: CommandContext): Promise<void> {
    const metadata = {
      correlationId: context.correlationId,
      actor: context.actor,
      traceparent: currentTraceparent(),
      ...(context.causationId ? { causationId: context.causationId } : {}),
    };
    await this.cases.save(aggregate, metadata, outboxFor(translateCaseEvent, this.contracts));
  }
}

/** Staff act only on their own agency's cases; an assignment to someone of another agency gives them nothing. */
export function sameAgency(aggregate: Case, context: Pick<CommandContext, 'agencyId'>): boolean {
  return context.agencyId === undefined || aggregate.state.opened?.agencyId === context.agencyId;
}
