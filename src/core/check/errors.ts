// Why a claim could not be checked, or why an assignment does not apply.
import type { Span } from '../math';

/** The claim cannot be checked: an unknown symbol or an unsupported construct. The claim becomes `unchecked`. */
export class Uncheckable extends Error {
  constructor(
    message: string,
    readonly span?: Span,
    /** The offending symbol's LaTeX, for a "declare it" quick fix. */
    readonly symbol?: string,
    readonly code: 'unknown-symbol' | 'unsupported' | 'no-layer' = 'unsupported',
  ) {
    super(message);
  }
}

/** The claim's or the document's time ran out: unchecked this time, worth checking again on the next run. */
export class OutOfTime extends Uncheckable {}

/** This layer assignment does not apply (a quantity that does not exist there, σ′ of softmax); it is skipped, not failed. */
export class NotApplicable extends Error {
  constructor(
    message: string,
    /** Worth telling the reader (σ′ of softmax); a layer that simply does not exist is not. */
    readonly notable = false,
  ) {
    super(message);
  }
}
