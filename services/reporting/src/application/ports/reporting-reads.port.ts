import type { KeyObject } from 'node:crypto';

export const REPORTING_READS = Symbol('REPORTING_READS');
export const REPORT_SIGNER = Symbol('REPORT_SIGNER');

export interface ReportingReads {
  /** The agency an organisation belongs to, as the directory last said; undefined when unknown. */
  agencyOf(organisationId: string): Promise<string | undefined>;
  /** Reports per 100 employees across the agency's organisations in a year (2 decimals), or null without employees. */
  agencyReportsPer100(agencyId: string, year: number): Promise<string | null>;
}

/** The service's Ed25519 key that signs published reports' digests; the public key verifies them. */
export interface ReportSigner {
  sign(digestHex: string): Promise<string>;
  publicKey(): Promise<KeyObject>;
}
