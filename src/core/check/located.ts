// A claim located in its document: a continuation's left side lives in the
// previous formula, so each side keeps the formula its offsets refer to.
import type { Claim } from '../math/claimTypes';
import type { Expr, Span } from '../math/expr';
import { mapExpr } from './walk';
import type { Formula } from '../math/locate';
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


/** Activations written with the pre-activation they depend on: o^l(z^l) is o^l (DESIGN.md: arguments document dependence). */
const DOCUMENTED = new Set(['o', 'a', 'h', 'z', 'p', '\\hat{y}']);

/**
 * The parser reads `o^l(z^l)` as a product; in the source the parenthesis
 * follows the symbol directly, which a product of two vectors never does.
 */
export function readDocumentingArguments(e: Expr, text: string): Expr {
  return mapExpr(e, (node) => {
    if (node.kind !== 'binary' || node.op !== 'juxt') return node;
    const { left, right } = node;
    if (left.kind !== 'sym' || !left.layer || left.indices.length > 0 || !DOCUMENTED.has(left.name)) return node;
    if (!/^\s*(\\left\s*)?\(\s*$/.test(text.slice(left.span.end, right.span.start))) return node;
    if (right.kind !== 'sym' || !right.layer) return node;
    return { kind: 'call', fn: left, args: [right], given: [], span: node.span };
  });
}

/** A `$a = y$` in prose states a case, not a claim: both sides are bare letters. */
export function isCaseStatement(claim: Claim, display: boolean): boolean {
  const bare = (e: Expr) => (e.kind === 'sym' && !e.layer && e.indices.length === 0 && e.primes === 0) || e.kind === 'num';
  return !display && claim.kind === 'claim' && bare(claim.lhs) && bare(claim.rhs);
}
