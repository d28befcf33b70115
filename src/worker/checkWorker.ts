// The check runs here, in one long-lived worker thread, so a large network or
// a hard document never blocks the extension host. It keeps each open
// document's parses between checks; the host stops and replaces it when a
// check runs past its time limit or the worker dies.

import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { checkDocument, summarize, type DocumentReport } from '../core/check';
import { parseSpec } from '../core/netspec';
import { workspaceReader } from '../node/workspaceFiles';
import { DocumentCache } from './documentCache';
import type { CheckRequest, CheckResponse, WorkerRequest } from './protocol';


const cache = new DocumentCache();
/** Set by the test-only 'crash' request: the next check exits the worker mid-check. */
let crashOnNextCheck = false;

/** Heap in use after a full collection; `gc` is exposed on demand so the worker need not be started with --expose-gc. */
function heapUsed(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

/** A `.mlp` file has no claims: its report is its spec's problems. */
function specFileReport(text: string, path: string | undefined): DocumentReport {
  const spec = parseSpec(text);
  return { file: path, seed: spec.seed ?? 1, samples: spec.samples ?? 3, claims: [], problems: spec.problems, summary: summarize([]) };
}

function check(request: CheckRequest): CheckResponse {
  const started = performance.now();
  const { seed, samples, tolerance, language, path, root, text } = request;
  const inputKey = `${JSON.stringify({ seed, samples, tolerance, language, path, root })}\n${text}`;
  // Without a folder (an untitled document) there is nothing to read: no reader, so `mlp:` references are not followed.
  const readFile = root ? workspaceReader(root) : undefined;
  const { report, reuse } = cache.check(request.key, inputKey, (memory) =>
    language === 'mlp' ? specFileReport(text, path) : checkDocument(text, { language, path, root, readFile, seed, samples, tolerance, memory }),
  );
  return { id: request.id, kind: 'report', report, checkMs: performance.now() - started, reuse };
}

parentPort?.on('message', (request: WorkerRequest) => {
  if (request.kind === 'forget') {
    cache.forget(request.key);
    return;
  }
  if (request.kind === 'crash') {
    crashOnNextCheck = true;
    return;
  }
  if (request.kind === 'heap') {
    parentPort?.postMessage({ id: request.id, kind: 'heap', heapUsed: heapUsed() } satisfies CheckResponse);
    return;
  }
  if (crashOnNextCheck) process.exit(1);
  let response: CheckResponse;
  try {
    response = check(request);
  } catch (error) {
    response = { id: request.id, kind: 'error', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined };
  }
  parentPort?.postMessage(response);
});
