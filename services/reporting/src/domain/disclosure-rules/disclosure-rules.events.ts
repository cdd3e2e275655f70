import type { BenchmarkRules } from '../benchmarks/benchmark-rules';

/** An agency's disclosure rules were set (by its coordinator): k for its reports and benchmarks, and the benchmarks' minimums. */
export type AgencyDisclosureRulesEvent = { type: 'AgencyDisclosureRulesSet'; agencyId: string; at: string } & BenchmarkRules;
