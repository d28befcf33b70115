// Runs checkDocument for the fuzzer's pool, one document per message, in a
// worker thread so that a hang can be killed from outside and reported.
import { parentPort } from 'node:worker_threads';
import { checkDocument } from '../../src/core/check';
import type { Language } from './documents';

export interface CheckRequest {
  readonly id: number;
  readonly text: string;
  readonly language: Language;
}

export interface CheckResponse {
  readonly id: number;
  readonly ms: number;
  /** The exception's stack when checkDocument threw (it never should). */
  readonly error?: string;
  /** Claims and problems found, as a sanity signal in the report. */
  readonly claims: number;
  /** A claim that came back without a verdict message, or a summary that does not add up. */
  readonly malformed?: string;
}

// Loaded: the pool starts a document's clock only now, so start-up is never charged to a document.
parentPort!.postMessage('ready');

parentPort!.on('message', ({ id, text, language }: CheckRequest) => {
  const start = performance.now();
  let response: CheckResponse;
  try {
    const report = checkDocument(text, { language, path: '/workspace/fuzz/document.md', readFile: () => undefined });
    const s = report.summary;
    const total = s.ok + s.mismatch + s.unchecked + s.definition;
    const malformed =
      total !== report.claims.length ? `summary counts ${total} claims, the report has ${report.claims.length}` : report.claims.find((c) => !c.message) ? 'a claim without a message' : undefined;
    response = { id, ms: performance.now() - start, claims: report.claims.length, ...(malformed ? { malformed } : {}) };
  } catch (error) {
    response = { id, ms: performance.now() - start, claims: 0, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(response);
});
