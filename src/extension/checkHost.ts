// The extension side of the one long-lived check worker. Requests are sent
// one at a time; while one runs, only the newest request per document waits
// (typing fast checks the latest text, not every keystroke). A check that
// runs past the time limit stops the worker, which is started again for the
// next request. No `vscode` import: benchmarks drive it from plain Node.
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { DocumentReport } from '../core/check';
import type { CheckRequest, CheckResponse, CheckReuse, WorkerRequest } from '../worker/protocol';

export class CheckCancelled extends Error {}

export class CheckTimedOut extends Error {}

/** A worker-side failure, with the worker's stack for the log. */
export class CheckFailed extends Error {
  constructor(
    message: string,
    readonly workerStack?: string,
  ) {
    super(message);
  }
}

export interface CheckResult {
  readonly report: DocumentReport;
  /** Time spent checking in the worker, and from request to answer (queueing and transfer included). */
  readonly checkMs: number;
  readonly roundTripMs: number;
  readonly reuse: CheckReuse;
}

interface Pending {
  readonly request: CheckRequest;
  readonly resolve: (result: CheckResult) => void;
  readonly reject: (error: Error) => void;
  readonly queuedAt: number;
}

export class CheckHost {
  private worker: Worker | undefined;
  private inFlight: Pending | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The newest waiting request per document, in arrival order. */
  private readonly waiting = new Map<string, Pending>();
  private nextId = 1;
  /** How many workers were started: one unless a check ran away or the worker died. */
  workersStarted = 0;
  /** How many checks the worker answered (reports and errors), for the stress tests. */
  checksAnswered = 0;
  private readonly heapWaiters = new Map<number, { resolve: (heapUsed: number) => void; reject: (error: Error) => void }>();

  constructor(
    private readonly workerPath: string,
    private readonly timeLimitMs = 60_000,
  ) {}

  /** Checks a document; rejects with CheckCancelled when a newer check of it arrives, CheckTimedOut past the time limit. */
  check(request: Omit<CheckRequest, 'id' | 'kind'>): Promise<CheckResult> {
    return new Promise<CheckResult>((resolve, reject) => {
      this.waiting.get(request.key)?.reject(new CheckCancelled('superseded by a newer check'));
      this.waiting.delete(request.key);
      this.waiting.set(request.key, { request: { ...request, kind: 'check', id: this.nextId++ }, resolve, reject, queuedAt: performance.now() });
      this.pump();
    });
  }

  /** Drops a document: its waiting check is cancelled, its running check's answer ignored, its worker state freed. */
  forget(key: string): void {
    this.waiting.get(key)?.reject(new CheckCancelled('the document was closed'));
    this.waiting.delete(key);
    if (this.inFlight?.request.key === key) this.inFlight.reject(new CheckCancelled('the document was closed'));
    this.worker?.postMessage({ kind: 'forget', key } satisfies WorkerRequest);
  }

  /** Whether a check of the document is running or waiting. */
  isChecking(key: string): boolean {
    return this.waiting.has(key) || this.inFlight?.request.key === key;
  }

  /** How many checks wait for the running one to finish (at most one per document). */
  get waitingChecks(): number {
    return this.waiting.size;
  }

  /** The worker's heap in use, after a collection: for the memory tests. */
  workerHeapUsed(): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const id = this.nextId++;
      this.heapWaiters.set(id, { resolve, reject });
      this.ensureWorker().postMessage({ kind: 'heap', id } satisfies WorkerRequest);
    });
  }

  /** Test only: the worker exits during its next check, as a crash would. */
  crashWorkerOnNextCheck(): void {
    this.ensureWorker().postMessage({ kind: 'crash' } satisfies WorkerRequest);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath);
    this.workersStarted++;
    worker.on('message', (response: CheckResponse) => this.answer(response));
    worker.on('error', (error) => this.stopWorker(error));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.stopWorker(new CheckFailed(`the check worker stopped unexpectedly (exit code ${code})`));
    });
    this.worker = worker;
    return worker;
  }

  private pump(): void {
    if (this.inFlight) return;
    const next = this.waiting.values().next();
    if (next.done) return;
    const pending = next.value;
    this.waiting.delete(pending.request.key);
    this.inFlight = pending;
    this.ensureWorker().postMessage(pending.request satisfies WorkerRequest);
    this.timer = setTimeout(() => {
      const limit = this.timeLimitMs >= 1000 ? `${Math.round(this.timeLimitMs / 1000)} s` : `${this.timeLimitMs} ms`;
      this.stopWorker(new CheckTimedOut(`the check took longer than ${limit} and was stopped; a smaller network in the spec, or fewer samples, makes it faster`));
    }, this.timeLimitMs);
  }

  private answer(response: CheckResponse): void {
    if (response.kind === 'heap') {
      this.heapWaiters.get(response.id)?.resolve(response.heapUsed);
      this.heapWaiters.delete(response.id);
      return;
    }
    const pending = this.inFlight;
    if (!pending || pending.request.id !== response.id) return;
    clearTimeout(this.timer);
    this.inFlight = undefined;
    this.checksAnswered++;
    if (response.kind === 'report') {
      pending.resolve({ report: response.report, checkMs: response.checkMs, roundTripMs: performance.now() - pending.queuedAt, reuse: response.reuse });
    } else {
      pending.reject(new CheckFailed(response.message, response.stack));
    }
    this.pump();
  }

  /** Ends the worker (runaway check, crash); the running check fails with `error`, waiting ones go to a fresh worker. */
  private stopWorker(error: Error): void {
    clearTimeout(this.timer);
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    for (const waiter of this.heapWaiters.values()) waiter.reject(error);
    this.heapWaiters.clear();
    const pending = this.inFlight;
    this.inFlight = undefined;
    pending?.reject(error);
    this.pump();
  }

  dispose(): void {
    for (const pending of this.waiting.values()) pending.reject(new CheckCancelled('GradCheck is shutting down'));
    this.waiting.clear();
    this.inFlight?.reject(new CheckCancelled('GradCheck is shutting down'));
    this.inFlight = undefined;
    clearTimeout(this.timer);
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }
}
