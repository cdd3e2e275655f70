/**
 * A read that callers asking at about the same time share, each still getting a value read after it asked.
 *
 * A caller joins the read issued in its own turn of the event loop, if there is one: everything the caller knows
 * came in before that turn, and the read is sent after it. Otherwise it waits for the read in flight to be answered
 * and joins the one issued then, with everyone else who asked meanwhile. So subscriptions woken together by one
 * commit cost one or two reads, not one each, and none gets an answer older than the commit that woke it.
 */
export class FreshRead<T> {
  private inFlight: { answer: Promise<T>; joinable: boolean } | undefined;
  private next: Promise<T> | undefined;

  constructor(private readonly read: () => Promise<T>) {}

  get(): Promise<T> {
    const current = this.inFlight;
    if (current === undefined) return this.issue();
    if (current.joinable) return current.answer;
    this.next ??= current.answer.then(settled, settled).then(() => {
      this.next = undefined;
      return this.get();
    });
    return this.next;
  }

  private issue(): Promise<T> {
    const issued = { answer: this.read(), joinable: true };
    this.inFlight = issued;
    // Callers later in this turn join; the first microtask after it ends that.
    queueMicrotask(() => (issued.joinable = false));
    // Registered before any caller's own reaction: a caller reacting to the answer finds the read no longer in flight.
    issued.answer.then(
      () => this.answered(issued),
      () => this.answered(issued),
    );
    return issued.answer;
  }

  private answered(issued: { answer: Promise<T> }): void {
    if (this.inFlight === issued) this.inFlight = undefined;
  }
}

function settled(): void {}
