export class CountMark {
  constructor(
    readonly topic: string,
    readonly markId: string,
    readonly weight: number,
    /** The integration event's ids, carried into this service's own event. */
    readonly correlationId: string,
    readonly causationId: string,
  ) {}
}
