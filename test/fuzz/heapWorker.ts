// Re-checks one document many times in a worker thread and reports the heap
// after a full GC at fixed points, so a leak per check shows as growth.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { checkDocument } from '../../src/core/check';
import type { Language } from './documents';

export interface HeapRequest {
  readonly text: string;
  readonly language: Language;
  readonly checks: number;
  /** Heap is sampled after these many checks (and before the first). */
  readonly sampleEvery: number;
}

export interface HeapSample {
  readonly checks: number;
  readonly heapUsedBytes: number;
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const { text, language, checks, sampleEvery } = workerData as HeapRequest;
const samples: HeapSample[] = [{ checks: 0, heapUsedBytes: heapUsed() }];
for (let n = 1; n <= checks; n++) {
  checkDocument(text, { language });
  if (n % sampleEvery === 0) samples.push({ checks: n, heapUsedBytes: heapUsed() });
}
parentPort!.postMessage(samples);
