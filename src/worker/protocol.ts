// Messages between the extension host and the long-lived check worker. Both
// sides import these types; nothing else crosses the boundary.
import type { DocumentReport } from '../core/check';
import type { DocumentLanguage } from '../core/document';

export interface CheckSettings {
  readonly seed?: number;
  readonly samples?: number;
  readonly tolerance?: { readonly atol: number; readonly rtol: number };
}

export interface CheckRequest extends CheckSettings {
  readonly kind: 'check';
  readonly id: number;
  /** The document's URI: the worker keeps what it parsed per document under this key. */
  readonly key: string;
  readonly text: string;
  /** 'mlp': a network spec file, checked for spec errors only. */
  readonly language: DocumentLanguage | 'mlp';
  /** A file-system path when the document is a file: `mlp:` references are resolved next to it. */
  readonly path?: string;
  /** The workspace folder holding the document: `mlp:` references that leave it are refused. */
  readonly root?: string;
}

/** The document closed: the worker drops what it kept for it. */
export interface ForgetRequest {
  readonly kind: 'forget';
  readonly key: string;
}

/** Read-only: the worker's heap in use (after a garbage collection when one can be forced), for the memory tests. */
export interface HeapRequest {
  readonly kind: 'heap';
  readonly id: number;
}

/** Test only (reachable through the test API alone): the worker exits on its next check, as a crash would. */
export interface CrashRequest {
  readonly kind: 'crash';
}

export type WorkerRequest = CheckRequest | ForgetRequest | HeapRequest | CrashRequest;

/** What the worker reused from earlier checks of the same document (check as you type). */
export interface CheckReuse {
  /** The text and settings were unchanged: the previous report was returned as is. */
  readonly wholeReport: boolean;
  readonly formulas: number;
  /** Formulas whose parse was taken from the previous check instead of read again. */
  readonly reusedFormulas: number;
  /** Claims evaluated (definitions not counted), and those whose evaluation was taken from the previous check. */
  readonly claims: number;
  readonly reusedClaims: number;
}

export type CheckResponse =
  | { readonly id: number; readonly kind: 'report'; readonly report: DocumentReport; readonly checkMs: number; readonly reuse: CheckReuse }
  | { readonly id: number; readonly kind: 'error'; readonly message: string; readonly stack?: string }
  | { readonly id: number; readonly kind: 'heap'; readonly heapUsed: number };
