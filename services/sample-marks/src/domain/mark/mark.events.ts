// Domain events of a mark: plain values with fixed type strings (stored as is; never renamed).

/** A mark an advisor recorded: a topic, a weight and a remark, sealed before it reaches the event. */
export interface MarkRecorded {
  type: 'MarkRecorded';
  markId: string;
  advisorId: string;
  topic: MarkTopic;
  weight: number;
  /** Ciphertext (`sealed:v1:…`), never plaintext. */
  remark: string;
  recordedAt: string;
}

export type MarkEvent = MarkRecorded;

export const MARK_TOPICS = ['unwanted-behaviour', 'integrity', 'other'] as const;
export type MarkTopic = (typeof MARK_TOPICS)[number];
