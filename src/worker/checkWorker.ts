// The check runs here, in a worker thread, so a large network or a hard
// document never blocks the extension host; the host can stop it at any time.
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { checkDocument } from '../core/check';
import type { CheckRequest, CheckResponse } from './protocol';

function readFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

parentPort?.on('message', (request: CheckRequest) => {
  let response: CheckResponse;
  try {
    const report = checkDocument(request.text, { language: request.language, path: request.path, readFile, seed: request.seed, samples: request.samples });
    response = { id: request.id, kind: 'report', report };
  } catch (error) {
    response = { id: request.id, kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});
