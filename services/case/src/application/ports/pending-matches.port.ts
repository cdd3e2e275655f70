/** A decision of matching's: the counsellor for a case, in a round. */
export interface PendingMatch {
  caseId: string;
  agencyId: string;
  advisorId: string;
  round: number;
}

/** Matching's decisions that arrived before their case opened (the two come over different topics). */
export interface PendingMatches {
  /** Keeps the decision, the latest round winning. */
  keep(match: PendingMatch): Promise<void>;
  /** The decision waiting for this case, if any. */
  of(caseId: string): Promise<PendingMatch | undefined>;
  /** Pending decisions whose case exists now, oldest first. */
  ready(limit: number): Promise<PendingMatch[]>;
  forget(caseId: string): Promise<void>;
}
export const PENDING_MATCHES = Symbol('PendingMatches');
