import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AlreadyDisclosedError, DisclosureInputError } from '@vertrouwd/disclosure';
import { composeReport, type ComposedReport, type ComposeRequest } from '../../application/reports/compose-report';

type Pending = { request: ComposeRequest; resolve: (composed: ComposedReport) => void; reject: (error: Error) => void };

/** An error as a worker sends it back: enough to throw the same kind of error on the calling thread. */
export interface SentError {
  name: string;
  message: string;
  keys?: readonly string[];
}

/**
 * Computes reports on worker threads, one per core (at most four), so the drafts and publications of an agency's
 * organisations use every core while the calling thread reads journals and appends. The computation is deterministic,
 * so where it runs does not change a byte. Each request goes to the worker with the fewest in hand. With one core, or
 * when a worker cannot start or dies, reports are computed on the calling thread (as billing's RenderPool renders).
 */
type Slot = { worker: Worker; inHand: number; idle?: NodeJS.Timeout };

export class ComposePool {
  private readonly workers: (Slot | undefined)[] = [];
  private readonly pending = new Map<number, Pending & { worker: number }>();
  private next = 0;
  private turn = 0;
  private broken = false;
  /** How many reports were computed on workers and on the calling thread. */
  readonly composed = { onWorkers: 0, here: 0 };

  /**
   * `idleMs`: a worker with nothing in hand for that long is stopped (started again at the next report), so a
   * platform that publishes a few reports a day does not keep a second copy of the service's code in memory.
   */
  constructor(
    private readonly size = Math.min(4, availableParallelism()),
    private readonly idleMs = 30_000,
  ) {}

  /** How many workers are running now. */
  get running(): number {
    return this.workers.filter(Boolean).length;
  }

  async compose(request: ComposeRequest): Promise<ComposedReport> {
    const index = this.size < 2 || this.broken ? undefined : this.leastBusy();
    const slot = index === undefined ? undefined : this.worker(index);
    if (index === undefined || !slot) {
      this.composed.here += 1;
      return composeReport(request);
    }
    const id = this.next++;
    clearTimeout(slot.idle);
    slot.inHand += 1;
    return new Promise<ComposedReport>((resolvePromise, reject) => {
      this.pending.set(id, { request, resolve: resolvePromise, reject, worker: index });
      slot.worker.postMessage({ id, request });
    });
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0).filter((slot): slot is Slot => slot !== undefined);
    for (const slot of workers) clearTimeout(slot.idle);
    await Promise.all(workers.map(({ worker }) => worker.terminate()));
  }

  /** The worker with the fewest reports in hand, taking turns among equals (so every worker warms up). */
  private leastBusy(): number {
    const first = this.turn++ % this.size;
    let best = first;
    for (let step = 1; step < this.size; step++) {
      const i = (first + step) % this.size;
      if ((this.workers[i]?.inHand ?? 0) < (this.workers[best]?.inHand ?? 0)) best = i;
    }
    return best;
  }

  private worker(index: number): Slot | undefined {
    const existing = this.workers[index];
    if (existing) return existing;
    try {
      const slot: Slot = { worker: startWorker(), inHand: 0 };
      slot.worker.unref();
      slot.worker.on('message', (message: { id: number; composed?: ComposedReport; error?: SentError }) => {
        const waiting = this.pending.get(message.id);
        if (!waiting) return;
        this.pending.delete(message.id);
        slot.inHand -= 1;
        if (slot.inHand === 0) slot.idle = setTimeout(() => this.stopIdle(index, slot), this.idleMs).unref();
        if (message.error) waiting.reject(errorFrom(message.error));
        else if (!message.composed) waiting.reject(new Error('composing failed: no answer'));
        else {
          this.composed.onWorkers += 1;
          waiting.resolve(message.composed);
        }
      });
      slot.worker.on('error', () => this.fail());
      this.workers[index] = slot;
      return slot;
    } catch {
      this.broken = true;
      return undefined;
    }
  }

  private stopIdle(index: number, slot: Slot): void {
    if (slot.inHand > 0 || this.workers[index] !== slot) return;
    this.workers[index] = undefined;
    void slot.worker.terminate();
  }

  /** A worker died: everything in hand is computed again on the calling thread, and the pool stops using workers. */
  private fail(): void {
    this.broken = true;
    void this.close();
    for (const [id, waiting] of this.pending) {
      this.pending.delete(id);
      this.composed.here += 1;
      composeReport(waiting.request).then(waiting.resolve, waiting.reject);
    }
  }
}

/** The error a worker sent, as the same kind of error (a conflict stays a conflict for the API). */
function errorFrom(sent: SentError): Error {
  if (sent.name === 'AlreadyDisclosedError') return new AlreadyDisclosedError(sent.keys ?? []);
  if (sent.name === 'DisclosureInputError') return new DisclosureInputError(sent.message);
  return new Error(sent.message);
}

/** The worker runs this folder's compose-worker: compiled JavaScript as it is, TypeScript through the same register as the service. */
function startWorker(): Worker {
  const compiled = __filename.endsWith('.js');
  const file = join(__dirname, compiled ? 'compose-worker.js' : 'compose-worker.ts');
  const root = resolve(__dirname, '../../../../..');
  return new Worker(file, {
    execArgv: compiled ? [] : ['-r', '@swc-node/register'],
    env: { ...process.env, SWC_NODE_PROJECT: process.env.SWC_NODE_PROJECT ?? join(root, 'tsconfig.runtime.json') },
  });
}
