/**
 * Offset bookkeeping for one partition while one consumer owns it: which offsets it has taken on, which are
 * done, and what is safe to commit. Kafka's committed offset is the next one to read, so committing N says
 * "everything below N is done": it must never pass an offset that was taken on and is not done, whatever
 * order the work completes in. A partition that changes hands starts a new ledger.
 */
export class PartitionOffsets {
  /** Offsets taken on and not done, ascending (they are taken on in offset order). */
  private readonly outstanding: bigint[] = [];
  /** The next offset to take on; anything below is a redelivery of work already taken on. */
  private next: bigint | undefined;
  private highestDone: bigint | undefined;
  /** Everything below is done: where the consumer started, then the last offset handed out for commit. */
  private position: bigint | undefined;

  /**
   * Takes an offset on, unless it is below one taken on already: after a rebalance the client fetches again
   * from the committed offset, and what this consumer already holds must not run twice. Offsets may skip
   * (compaction, transaction markers), so a gap is fine.
   */
  accept(offset: bigint): boolean {
    if (this.next !== undefined && offset < this.next) return false;
    this.position ??= offset;
    this.outstanding.push(offset);
    this.next = offset + 1n;
    return true;
  }

  /**
   * Marks an offset done. Returns the offset to commit when the safe point moved forward (the lowest offset
   * still outstanding, or one past the highest done when none is), otherwise undefined.
   */
  done(offset: bigint): bigint | undefined {
    const index = this.outstanding.indexOf(offset);
    if (index < 0) throw new RangeError(`offset ${offset} was not taken on, or is done already`);
    this.outstanding.splice(index, 1);
    if (this.highestDone === undefined || offset > this.highestDone) this.highestDone = offset;
    const safe = this.outstanding.length > 0 ? this.outstanding[0] : this.highestDone + 1n;
    if (this.position !== undefined && safe <= this.position) return undefined;
    this.position = safe;
    return safe;
  }

  /** How many offsets are taken on and not done. */
  get pending(): number {
    return this.outstanding.length;
  }
}
