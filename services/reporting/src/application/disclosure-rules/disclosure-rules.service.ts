import { Inject, Injectable } from '@nestjs/common';
import { StaleVersionError, WrongExpectedVersionError } from '@vertrouwd/event-sourcing';
import { metadataOf, type CommandContext } from '@vertrouwd/service-kit';
import type { BenchmarkRules } from '../../domain/benchmarks/benchmark-rules';
import { AgencyDisclosureRules, RULE_BOUNDS } from '../../domain/disclosure-rules/disclosure-rules.aggregate';
import { DisclosureRulesChangedMeanwhileError } from '../../domain/disclosure-rules/disclosure-rules.errors';
import { BenchmarksService } from '../benchmarks/benchmarks.service';
import { REPORTING_READS, type ReportingReads } from '../ports/reporting-reads.port';
import { DisclosureRulesRepository } from '../reporting.repositories';

export interface DisclosureRulesView extends BenchmarkRules {
  /** What each rule may be set to: never laxer than the default. */
  bounds: typeof RULE_BOUNDS;
  /** Every change, oldest first (who made it is in the events' metadata, for the audit). */
  changes: ({ at: string } & BenchmarkRules)[];
  /** The stream version, once the agency set rules: what a conditional set's If-Match names. */
  version?: number;
}

/** An agency's disclosure rules: k for its annual reports and benchmarks, and the benchmarks' minimums (ADR 0063). */
@Injectable()
export class DisclosureRulesService {
  constructor(
    private readonly repository: DisclosureRulesRepository,
    @Inject(REPORTING_READS) private readonly reads: ReportingReads,
    private readonly benchmarks: BenchmarksService,
  ) {}

  async get(agencyId: string): Promise<DisclosureRulesView> {
    return viewOf((await this.repository.load(agencyId)) ?? new AgencyDisclosureRules());
  }

  /** Sets the rules; the next draft, publication and benchmark of the agency use them (what is published keeps its k). */
  async set(agencyId: string, rules: BenchmarkRules, context: CommandContext): Promise<DisclosureRulesView> {
    const found = (await this.repository.load(agencyId)) ?? new AgencyDisclosureRules();
    // Set on the rules the caller read (If-Match), or refused before anything is decided.
    if (context.expectedVersion !== undefined && found.version !== context.expectedVersion) throw new StaleVersionError();
    found.set(agencyId, rules, new Date());
    try {
      await this.repository.save(found, metadataOf(context));
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) throw new DisclosureRulesChangedMeanwhileError();
      throw error;
    }
    await this.reads.rulesCaughtUp();
    this.benchmarks.forget(agencyId);
    return viewOf(found);
  }
}

function viewOf(found: AgencyDisclosureRules): DisclosureRulesView {
  const view = { ...found.state.rules, bounds: RULE_BOUNDS, changes: [...found.state.changes] };
  return found.version >= 0 ? { ...view, version: found.version } : view;
}
