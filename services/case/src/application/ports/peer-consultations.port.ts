/** A consultation as kept in the read model: sealed under its own key. */
export interface PeerConsultationRow {
  consultationId: string;
  caseId: string;
  advisorId: string;
  colleagueId: string;
  sealedQuestion: string;
  sealedAnswer: string | null;
  requestedAt: Date;
  answeredAt: Date | null;
}

/** Peer consultations (intervisie) by the colleague asked, or by the case that asked. */
export interface PeerConsultations {
  /** The case a consultation was asked for, only when asked of this colleague. */
  caseOf(consultationId: string, colleagueId: string): Promise<string | undefined>;
  askedOf(colleagueId: string): Promise<PeerConsultationRow[]>;
  askedFor(caseId: string): Promise<PeerConsultationRow[]>;
}
export const PEER_CONSULTATIONS = Symbol('PeerConsultations');
