/** A mark an advisor recorded: a topic, a weight and a remark, sealed before it reaches the event. */
export class MarkRecorded {
  readonly type = 'MarkRecorded';

  constructor(
    readonly markId: string,
    readonly advisorId: string,
    readonly topic: MarkTopic,
    readonly weight: number,
    /** Ciphertext (`sealed:v1:…`), never plaintext. */
    readonly remark: string,
    readonly recordedAt: string,
  ) {}
}

export type MarkEvent = MarkRecorded;

export const MARK_TOPICS = ['unwanted-behaviour', 'integrity', 'other'] as const;
export type MarkTopic = (typeof MARK_TOPICS)[number];
