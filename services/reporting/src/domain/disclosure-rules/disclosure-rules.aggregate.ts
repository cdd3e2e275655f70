import { Aggregate, type Evolution } from '@vertrouwd/domain';
import { DEFAULT_BENCHMARK_RULES, type BenchmarkRules } from '../benchmarks/benchmark-rules';
import type { AgencyDisclosureRulesEvent } from './disclosure-rules.events';
import { DisclosureRulesTooLaxError } from './disclosure-rules.errors';

/** The bounds a rule may be set within: never laxer than the defaults, never so strict that nothing could show. */
export const RULE_BOUNDS = {
  k: { min: DEFAULT_BENCHMARK_RULES.k, max: 50 },
  minOrganisations: { min: DEFAULT_BENCHMARK_RULES.minOrganisations, max: 20 },
  maxSharePercent: { min: 20, max: DEFAULT_BENCHMARK_RULES.maxSharePercent },
} as const;

export interface AgencyDisclosureRulesState {
  agencyId: string;
  rules: BenchmarkRules;
  changes: ({ at: string } & BenchmarkRules)[];
}

const evolution: Evolution<AgencyDisclosureRulesState, AgencyDisclosureRulesEvent> = {
  AgencyDisclosureRulesSet: (state, { agencyId, k, minOrganisations, maxSharePercent, at }) => ({
    agencyId,
    rules: { k, minOrganisations, maxSharePercent },
    changes: [...state.changes, { at, k, minOrganisations, maxSharePercent }],
  }),
};

const within = (value: number, bounds: { min: number; max: number }) =>
  Number.isInteger(value) && value >= bounds.min && value <= bounds.max;

/**
 * An agency's disclosure rules (stream `disclosurerules-<agencyId>`): the defaults until its coordinator sets
 * stricter ones. Each change is an event with who made it (the event's metadata): the rules' audit trail. A report
 * records the k it was published at, so a change applies to what is published next, never to what is out.
 */
export class AgencyDisclosureRules extends Aggregate<AgencyDisclosureRulesEvent, AgencyDisclosureRulesState> {
  constructor() {
    super({ agencyId: '', rules: DEFAULT_BENCHMARK_RULES, changes: [] }, evolution);
  }

  get id(): string {
    return this.state.agencyId;
  }

  set(agencyId: string, rules: BenchmarkRules, at: Date): void {
    if (!(Object.keys(RULE_BOUNDS) as (keyof BenchmarkRules)[]).every((rule) => within(rules[rule], RULE_BOUNDS[rule])))
      throw new DisclosureRulesTooLaxError();
    const { k, minOrganisations, maxSharePercent } = rules;
    this.apply({ type: 'AgencyDisclosureRulesSet', agencyId, k, minOrganisations, maxSharePercent, at: at.toISOString() });
  }
}
