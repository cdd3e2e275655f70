interface Waiting<I, O> {
  input: I;
  resolve(output: O): void;
  reject(error: unknown): void;
}

/**
 * Calls made in one turn of the event loop (its synchronous work and every promise callback it queues), handed to
 * `send` together once that turn's work is done: one statement for many callers instead of one each. Callers woken by
 * the same answer (the members of a shared transaction, ADR 0069) continue in one turn, so their calls meet here.
 * `send` answers every input, in order; if it throws, every caller of that batch gets its error. A lone call waits for
 * nothing but the end of its own turn.
 */
export class TurnBatch<I, O> {
  private waiting: Waiting<I, O>[] | undefined;

  constructor(private readonly send: (inputs: I[]) => Promise<O[]>) {}

  add(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      if (!this.waiting) {
        this.waiting = [];
        // After the promise callbacks already queued: a tick queued from one runs once the whole queue is drained.
        process.nextTick(() => this.flush());
      }
      this.waiting.push({ input, resolve, reject });
    });
  }

  private flush(): void {
    const batch = this.waiting ?? [];
    this.waiting = undefined;
    // A send that throws at once fails its batch as one that rejects does.
    const sent = (async () => this.send(batch.map((call) => call.input)))();
    sent
      .then(
        (outputs) => {
          if (outputs.length !== batch.length) throw new Error(`A batch of ${batch.length} calls was answered ${outputs.length} times`);
          batch.forEach((call, i) => call.resolve(outputs[i]));
        },
        (error: unknown) => batch.forEach((call) => call.reject(error)),
      )
      .catch((error: unknown) => batch.forEach((call) => call.reject(error)));
  }
}
