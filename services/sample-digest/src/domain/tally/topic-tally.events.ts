/** A recorded mark was counted in its topic's tally (a plain value with a fixed type string, stored as is). */
export interface MarkCounted {
  type: 'MarkCounted';
  topic: string;
  markId: string;
  weight: number;
}

export type TallyEvent = MarkCounted;
