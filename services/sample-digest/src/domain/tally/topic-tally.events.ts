/** A recorded mark was counted in its topic's tally. */
export class MarkCounted {
  readonly type = 'MarkCounted';

  constructor(
    readonly topic: string,
    readonly markId: string,
    readonly weight: number,
  ) {}
}

export type TallyEvent = MarkCounted;
