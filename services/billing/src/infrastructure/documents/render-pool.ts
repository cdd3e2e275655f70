import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { InvoiceDocument } from '../../domain/invoices/invoice-document';
import { renderInvoicePdf } from './invoice-pdf';
import { renderUbl } from './ubl';

export interface Rendered {
  ubl: string;
  pdf: Buffer;
}

type Pending = { document: InvoiceDocument; resolve: (rendered: Rendered) => void; reject: (error: Error) => void };

/**
 * Renders UBL and PDF on worker threads, one per core (at most four), so an invoice run uses every core while the
 * main thread computes charges and appends. Rendering is deterministic, so where it runs does not change a byte.
 * With one core, or when a worker cannot start, documents render on the calling thread.
 */
export class RenderPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  private broken = false;
  /** How many documents were rendered on workers and on the calling thread. */
  readonly rendered = { onWorkers: 0, here: 0 };

  constructor(private readonly size = Math.min(4, availableParallelism())) {}

  async render(document: InvoiceDocument): Promise<Rendered> {
    const worker = this.size < 2 || this.broken ? undefined : this.worker(this.next % this.size);
    if (!worker) {
      this.rendered.here += 1;
      return renderHere(document);
    }
    const id = this.next++;
    return new Promise<Rendered>((resolvePromise, reject) => {
      this.pending.set(id, { document, resolve: resolvePromise, reject });
      worker.postMessage({ id, document });
    });
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private worker(index: number): Worker | undefined {
    const existing = this.workers[index];
    if (existing) return existing;
    try {
      const worker = startWorker();
      worker.unref();
      worker.on('message', (message: { id: number; ubl?: string; pdf?: Uint8Array; error?: string }) => {
        const waiting = this.pending.get(message.id);
        if (!waiting) return;
        this.pending.delete(message.id);
        if (message.error !== undefined || message.ubl === undefined || message.pdf === undefined) {
          waiting.reject(new Error(`rendering failed: ${message.error ?? 'no answer'}`));
        } else {
          this.rendered.onWorkers += 1;
          waiting.resolve({ ubl: message.ubl, pdf: Buffer.from(message.pdf.buffer, message.pdf.byteOffset, message.pdf.byteLength) });
        }
      });
      worker.on('error', () => this.fail());
      this.workers[index] = worker;
      return worker;
    } catch {
      this.broken = true;
      return undefined;
    }
  }

  /** A worker died: everything it had is retried on the calling thread, and the pool stops using workers. */
  private fail(): void {
    this.broken = true;
    void this.close();
    for (const [id, waiting] of this.pending) {
      this.pending.delete(id);
      this.rendered.here += 1;
      renderHere(waiting.document).then(waiting.resolve, waiting.reject);
    }
  }
}

async function renderHere(document: InvoiceDocument): Promise<Rendered> {
  const ubl = renderUbl(document);
  return { ubl, pdf: await renderInvoicePdf(document, ubl) };
}

/** The worker runs this folder's render-worker: compiled JavaScript as it is, TypeScript through the same register as the service. */
function startWorker(): Worker {
  const compiled = __filename.endsWith('.js');
  const file = join(__dirname, compiled ? 'render-worker.js' : 'render-worker.ts');
  const root = resolve(__dirname, '../../../../..');
  return new Worker(file, {
    execArgv: compiled ? [] : ['-r', '@swc-node/register'],
    env: { ...process.env, SWC_NODE_PROJECT: process.env.SWC_NODE_PROJECT ?? join(root, 'tsconfig.runtime.json') },
  });
}
