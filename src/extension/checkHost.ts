// Runs checks in a worker thread. One check per document at a time: a new
// request for the same document stops the old one (the worker is replaced),
// and a check that runs past its time limit is stopped with a clear error.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import type { DocumentReport } from '../core/check';
import type { CheckRequest, CheckResponse } from '../worker/protocol';

export class CheckCancelled extends Error {}

export class CheckTimedOut extends Error {}

interface Running {
  readonly worker: Worker;
  readonly reject: (error: Error) => void;
}

export class CheckHost implements vscode.Disposable {
  private readonly running = new Map<string, Running>();
  private nextId = 1;

  constructor(
    private readonly extensionPath: string,
    private readonly timeLimitMs = 60_000,
  ) {}

  /** Checks a document; rejects with CheckCancelled when superseded, CheckTimedOut past the time limit. */
  check(key: string, request: Omit<CheckRequest, 'id'>): Promise<DocumentReport> {
    this.cancel(key);
    const worker = new Worker(path.join(this.extensionPath, 'dist', 'checkWorker.js'));
    const id = this.nextId++;
    return new Promise<DocumentReport>((resolve, reject) => {
      const finish = () => {
        clearTimeout(timer);
        if (this.running.get(key)?.worker === worker) this.running.delete(key);
        void worker.terminate();
      };
      const timer = setTimeout(() => {
        finish();
        reject(new CheckTimedOut(`the check took longer than ${Math.round(this.timeLimitMs / 1000)} s and was stopped; a smaller network in the spec, or fewer samples, makes it faster`));
      }, this.timeLimitMs);
      this.running.set(key, {
        worker,
        reject: (error) => {
          finish();
          reject(error);
        },
      });
      worker.on('message', (response: CheckResponse) => {
        if (response.id !== id) return;
        finish();
        if (response.kind === 'report') resolve(response.report);
        else reject(new Error(response.message));
      });
      worker.on('error', (error) => {
        finish();
        reject(error);
      });
      worker.postMessage({ ...request, id } satisfies CheckRequest);
    });
  }

  cancel(key: string): void {
    this.running.get(key)?.reject(new CheckCancelled('superseded by a newer check'));
  }

  dispose(): void {
    for (const key of [...this.running.keys()]) this.cancel(key);
  }
}
