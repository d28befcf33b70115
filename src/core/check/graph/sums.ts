// The derivative of a sum is the sum of the derivatives: a document's loss
// J = L + λ/2‖W‖² with respect to a network quantity is the built-in loss's
// exact gradient plus the penalty's, by differences of the penalty alone
// (cheaper, and no rounding of the loss's differences on small entries).
import type { Expr } from '../../math';
import type { Binding } from '../conventions';

/** The two terms of `of` when it is a sum or difference, looking through a definition without parameters (J := L + …). */
export function sumTerms(of: Expr, lookup: (sym: Extract<Expr, { kind: 'sym' }>) => Binding | undefined): { op: '+' | '-'; left: Expr; right: Expr } | undefined {
  let e = of;
  for (let depth = 0; depth < 8 && e.kind === 'sym' && !e.layer && e.indices.length === 0; depth++) {
    const meaning = lookup(e)?.meaning;
    if (meaning?.kind !== 'template' || meaning.layer || meaning.indices.length > 0 || meaning.parameters) break;
    e = meaning.body;
  }
  return e.kind === 'binary' && (e.op === '+' || e.op === '-') ? { op: e.op, left: e.left, right: e.right } : undefined;
}
