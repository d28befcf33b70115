// What one formula says: its claims, their conditions, lone expressions.

import type { Expr, Relation, Span } from '../expr/expr';

export type ClaimKind = 'claim' | 'definition' | 'update';

export interface Claim {
  /** A syntactic guess: a plain `=` on an unknown symbol may still be a definition (the checker decides). */
  readonly kind: ClaimKind;
  /** Canonical spelling: '=', '\\approx', ':=' (also for \coloneqq), '\\triangleq', '\\equiv', '\\overset{def}{=}', '\\leftarrow' (also \gets). */
  readonly relation: string;
  readonly lhs: Expr;
  readonly rhs: Expr;
  readonly conditions: readonly Condition[];
  /** lhs start .. rhs end (in an aligned chain this can span rows). */
  readonly span: Span;
  readonly lhsSpan: Span;
  readonly rhsSpan: Span;
  /** Where the relation sign is. */
  readonly relationSpan: Span;
  /** Source text of `lhs rel rhs`, without alignment marks, whitespace collapsed. */
  readonly latex: string;
}

export type Condition =
  /** `a \neq y`, `(a \ne y)`, `\text{if } a = y`, `z \in \mathbb{R}^d` (a shape annotation, op 'in'). */
  | { readonly kind: 'relation'; readonly relation: Relation; readonly span: Span }
  /** `a = 1, 2, \dots, C` (from/to), `a = 1, 2, 3` (values too), `\forall a` (index only). */
  | { readonly kind: 'range'; readonly index: string; readonly from?: Expr; readonly to?: Expr; readonly values?: readonly Expr[]; readonly span: Span };

/**
 * A formula that starts with a relation (`= (\delta o) W^T`, a display that
 * continues the previous one): its left-hand side is the previous formula's
 * last right-hand side, which only the caller knows. Spans are in this formula.
 */
export interface Continuation {
  readonly kind: ClaimKind;
  readonly relation: string;
  readonly relationSpan: Span;
  readonly rhs: Expr;
  readonly rhsSpan: Span;
  readonly conditions: readonly Condition[];
}

export interface FormulaError {
  readonly span: Span;
  readonly message: string;
}

/**
 * Why a relation is not a claim: a condition or case in a sentence (`if $i = j$`),
 * a notation remark, a dimension annotation, an example number or tuple.
 */
export type NoteKind = 'condition' | 'remark' | 'dimension' | 'example';

/** A relation that is not a claim about the network's values; never checked, never binding. */
export interface Note {
  readonly kind: NoteKind;
  readonly claim: Claim;
}

export interface ParsedFormula {
  readonly claims: readonly Claim[];
  /** Relations that read as notes rather than equations (only when the formula's setting is given). */
  readonly notes?: readonly Note[];
  /** Expressions with no relation (`$\frac{\partial L}{\partial \alpha_a}$` in prose). */
  readonly expressions: readonly { readonly expr: Expr; readonly span: Span }[];
  readonly errors: readonly FormulaError[];
  /** Set when the formula starts with a relation; see Continuation. */
  readonly continuation?: Continuation;
}
