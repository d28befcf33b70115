// A claim located in its document: a continuation's left side lives in the
// previous formula, so each side keeps the formula its offsets refer to.
import type { Claim, Span } from '../math';
import type { Formula } from '../document';
import type { Range } from '../source';

/** A claim with the formulas its sides came from (a continuation's left side is in the previous formula). */
export interface LocatedClaim {
  readonly claim: Claim;
  readonly lhsFormula: Formula;
  readonly rhsFormula: Formula;
  readonly latex: string;
}

export function spanRange(formula: Formula, span: Span): Range {
  return { start: formula.toPosition(span.start), end: formula.toPosition(span.end) };
}
