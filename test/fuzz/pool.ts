// A pool of checking workers with a time budget per document: a worker that
// overruns is terminated (its document recorded) and replaced.
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { CheckRequest, CheckResponse } from './checkWorker';
import type { FuzzDocument } from './documents';

export interface Outcome {
  readonly document: FuzzDocument;
  readonly ms: number;
  readonly error?: string;
  readonly malformed?: string;
  readonly overrun?: boolean;
}

const WORKER = join(__dirname, 'checkWorker.cjs');

class Slot {
  private worker!: Worker;
  private ready!: Promise<void>;

  constructor() {
    this.spawn();
  }

  private spawn(): void {
    const worker = new Worker(WORKER, { execArgv: [] });
    this.worker = worker;
    this.ready = new Promise((resolve) => worker.once('message', () => resolve()));
  }

  async run(request: CheckRequest, budgetMs: number): Promise<CheckResponse | 'overrun' | { crashed: string }> {
    await this.ready;
    return new Promise((resolve) => {
      const done = (result: CheckResponse | 'overrun' | { crashed: string }) => {
        clearTimeout(timer);
        this.worker.off('message', onMessage);
        this.worker.off('error', onError);
        resolve(result);
      };
      const onMessage = (response: CheckResponse) => done(response);
      const onError = (error: Error) => {
        this.spawn();
        done({ crashed: error.stack ?? error.message });
      };
      const timer = setTimeout(() => {
        void this.worker.terminate();
        this.spawn();
        done('overrun');
      }, budgetMs);
      this.worker.on('message', onMessage);
      this.worker.on('error', onError);
      this.worker.postMessage(request);
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

/** Checks every document with `workers` threads, calling `onOutcome` in completion order. */
export async function checkAll(documents: Iterable<FuzzDocument>, options: { workers: number; budgetMs: number; onOutcome: (o: Outcome) => void }): Promise<void> {
  const slots = Array.from({ length: options.workers }, () => new Slot());
  const iterator = documents[Symbol.iterator]();
  let id = 0;
  const lane = async (slot: Slot) => {
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      const document = next.value;
      const started = performance.now();
      const result = await slot.run({ id: id++, text: document.text, language: document.language }, options.budgetMs);
      if (result === 'overrun') options.onOutcome({ document, ms: performance.now() - started, overrun: true });
      else if ('crashed' in result) options.onOutcome({ document, ms: performance.now() - started, error: `the worker crashed: ${result.crashed}` });
      else options.onOutcome({ document, ms: result.ms, ...(result.error ? { error: result.error } : {}), ...(result.malformed ? { malformed: result.malformed } : {}) });
    }
  };
  try {
    await Promise.all(slots.map(lane));
  } finally {
    await Promise.all(slots.map((s) => s.close()));
  }
}
