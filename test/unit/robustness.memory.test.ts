// Memory stays flat over 1,000 re-checks of the same document (what the
// editor does on every keystroke), measured in a worker thread like the
// editor's: heap after a full GC once warm (100 checks) and at the end. The
// bound is generous (a leak of even 10 KB per check would cross it); the
// figures are printed for the report.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { HeapRequest, HeapSample } from '../fuzz/heapWorker';

const CHECKS = 1000;
const BOUND_BYTES = 10 * 1024 * 1024;

describe('memory over repeated checks', function () {
  this.timeout(300000);

  it(`does not grow over ${CHECKS} re-checks of the same document in a worker thread`, async () => {
    const text = readFileSync(join(__dirname, '..', '..', 'examples', 'backprop.tex'), 'utf8');
    const request: HeapRequest = { text, language: 'latex', checks: CHECKS, sampleEvery: 100 };
    const samples = await new Promise<HeapSample[]>((resolve, reject) => {
      const worker = new Worker(join(__dirname, '..', 'fuzz', 'heapWorker.cjs'), { workerData: request });
      worker.once('message', (m: HeapSample[]) => {
        resolve(m);
        void worker.terminate();
      });
      worker.once('error', reject);
    });
    const mb = (b: number) => (b / 1024 / 1024).toFixed(2);
    const warm = samples.find((s) => s.checks === 100)!;
    const last = samples[samples.length - 1];
    const growth = last.heapUsedBytes - warm.heapUsedBytes;
    console.log(`      heap after GC: ${samples.map((s) => `${s.checks}: ${mb(s.heapUsedBytes)} MB`).join(', ')}; growth from check 100 to ${last.checks}: ${mb(growth)} MB`);
    assert.equal(last.checks, CHECKS);
    assert.ok(growth < BOUND_BYTES, `the heap grew by ${mb(growth)} MB over ${CHECKS - 100} checks`);
  });
});
