// Messages between the extension host and the check worker. Both sides
// import these types; nothing else crosses the boundary.
import type { DocumentReport } from '../core/check';
import type { DocumentLanguage } from '../core/document';

export interface CheckRequest {
  readonly id: number;
  readonly text: string;
  readonly language: DocumentLanguage;
  /** A file-system path when the document is a file: `mlp:` references are resolved next to it. */
  readonly path?: string;
  readonly seed?: number;
  readonly samples?: number;
}

export type CheckResponse =
  | { readonly id: number; readonly kind: 'report'; readonly report: DocumentReport }
  | { readonly id: number; readonly kind: 'error'; readonly message: string };
