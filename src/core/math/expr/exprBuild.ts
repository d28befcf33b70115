// Small constructors for Expr nodes, so the readers stay about notation.

import type { BinaryOp, Expr, RelationOp, Span, Sym, Unsupported } from './expr';

export function spanOf(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

export function sym(name: string, span: Span, extra?: Partial<Pick<Sym, 'layer' | 'layerBrackets' | 'example' | 'indices' | 'primes'>>): Sym {
  const s: { -readonly [K in keyof Sym]: Sym[K] } = { kind: 'sym', name, indices: extra?.indices ?? [], primes: extra?.primes ?? 0, span };
  if (extra?.layer) s.layer = extra.layer;
  if (extra?.layer && extra.layerBrackets) s.layerBrackets = extra.layerBrackets;
  if (extra?.layer && extra.example) s.example = extra.example;
  return s;
}

export function binary(op: BinaryOp, left: Expr, right: Expr): Expr {
  return { kind: 'binary', op, left, right, span: spanOf(left.span, right.span) };
}

export function unsupported(construct: string, reason: string, span: Span): Unsupported {
  return { kind: 'unsupported', construct, reason, span };
}

/**
 * A parenthesised expression covers its parentheses, so that `-(a + b)`
 * underlines both. Leaves keep their own span: a symbol's span is exactly
 * what the author wrote for it.
 */
export function respan<E extends Expr>(e: E, span: Span): E {
  return e.kind === 'sym' || e.kind === 'num' ? e : { ...e, span };
}

/** Relation spellings used in conditions and indicators -> RelationOp. */
export const RELATION_OPS: Readonly<Record<string, RelationOp>> = {
  '=': '=',
  '\\neq': '!=',
  '<': '<',
  '>': '>',
  '\\leq': '<=',
  '\\geq': '>=',
  '\\in': 'in',
};
