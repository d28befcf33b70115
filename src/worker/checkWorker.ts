// The check runs here, in one long-lived worker thread, so a large network or
// a hard document never blocks the extension host. It keeps each open
// document's parses between checks; the host stops and replaces it only
// when a check runs past its time limit.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { checkDocument, summarize, type DocumentReport } from '../core/check';
import { parseSpec } from '../core/netspec';
import { DocumentCache } from './documentCache';
import type { CheckRequest, CheckResponse, WorkerRequest } from './protocol';

function readFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

const cache = new DocumentCache();

/** A `.mlp` file has no claims: its report is its spec's problems. */
function specFileReport(text: string, path: string | undefined): DocumentReport {
  const spec = parseSpec(text);
  return { file: path, seed: spec.seed ?? 1, samples: spec.samples ?? 3, claims: [], problems: spec.problems, summary: summarize([]) };
}

function check(request: CheckRequest): CheckResponse {
  const started = performance.now();
  const { seed, samples, tolerance, language, path, text } = request;
  const inputKey = `${JSON.stringify({ seed, samples, tolerance, language, path })}\n${text}`;
  const { report, reuse } = cache.check(request.key, inputKey, (memory) =>
    language === 'mlp' ? specFileReport(text, path) : checkDocument(text, { language, path, readFile, seed, samples, tolerance, memory }),
  );
  return { id: request.id, kind: 'report', report, checkMs: performance.now() - started, reuse };
}

parentPort?.on('message', (request: WorkerRequest) => {
  if (request.kind === 'forget') {
    cache.forget(request.key);
    return;
  }
  let response: CheckResponse;
  try {
    response = check(request);
  } catch (error) {
    response = { id: request.id, kind: 'error', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined };
  }
  parentPort?.postMessage(response);
});
