import type { KeyObject } from 'node:crypto';
import type { BenchmarkRules } from '../../domain/benchmarks/benchmark-rules';

export const REPORTING_READS = Symbol('REPORTING_READS');
export const REPORT_SIGNER = Symbol('REPORT_SIGNER');

/** One active client organisation of an agency in a year, as benchmarks read it: no name, counts only. */
export interface OrganisationYear {
  organisationId: string;
  headcount: number;
  sbiCode: string;
  /** Cases reported in the year. */
  cases: number;
  /** The same cases by theme (a case journaled before themes were kept here counts in `cases` only). */
  byTheme: Record<string, number>;
}

export interface ReportingReads {
  /** The agency an organisation belongs to, as the directory last said; undefined when unknown. */
  agencyOf(organisationId: string): Promise<string | undefined>;
  /** Reports per 100 employees across the agency's organisations in a year (2 decimals), or null without employees. */
  agencyReportsPer100(agencyId: string, year: number): Promise<string | null>;
  /** The agency's active organisations with employees, with their cases of the year. */
  organisationYears(agencyId: string, year: number): Promise<OrganisationYear[]>;
  /** The agency's disclosure rules (k for its reports and benchmarks, the benchmarks' minimums): the defaults, or stricter ones it chose. */
  benchmarkRules(agencyId: string): Promise<BenchmarkRules>;
  /** Resolves once every change of rules made before the call is what {@link benchmarkRules} reads. */
  rulesCaughtUp(): Promise<void>;
}

/** The service's Ed25519 key that signs published reports' digests; the public key verifies them. */
export interface ReportSigner {
  sign(digestHex: string): Promise<string>;
  publicKey(): Promise<KeyObject>;
}
