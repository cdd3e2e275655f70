/**
 * Group commit for the vault's one-statement key creation: callers that arrive while a statement is on its way wait,
 * then go together in the next one (at most `maxBatch` at a time). A statement for several callers that fails is
 * run again for each caller alone, so each gets the answer its own refs deserve (one shredded case refuses only its
 * own keys), and nothing is half-written (the statement is all or none).
 */
export class KeyBatches<R> {
  private readonly queue: { request: R; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private running = false;

  constructor(
    private readonly run: (requests: R[]) => Promise<void>,
    private readonly maxBatch: number,
  ) {}

  submit(request: R): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          await this.run(batch.map((b) => b.request));
          batch.forEach((b) => b.resolve());
        } catch (error) {
          if (batch.length === 1) batch[0].reject(error);
          else await Promise.all(batch.map((b) => this.run([b.request]).then(b.resolve, b.reject)));
        }
      }
    } finally {
      this.running = false;
    }
  }
}
