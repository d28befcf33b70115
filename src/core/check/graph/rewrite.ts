// Rewriting a claim's symbols: the conventions a document uses (layer
// subscripts, layer letters, biases as weight 0) are read by rewriting its
// claims into GradCheck's default notation before anything binds.
import type { Claim, Condition, Expr, Sym } from '../../math';
import { mapOperands } from '../walk';

/** What a rewrite reads of a claim: a claim the repair search re-reads from corrected LaTeX has no more. */
export type ClaimShape = Pick<Claim, 'kind' | 'lhs' | 'rhs' | 'conditions'>;

/** A convention's rewrite of a claim, whatever else the claim carries. */
export type ClaimRewrite = <C extends ClaimShape>(claim: C) => C;

/** The claim's two sides and the relations of its conditions. */
export function claimSides(claim: ClaimShape): Expr[] {
  return [claim.lhs, claim.rhs, ...claim.conditions.flatMap((c) => (c.kind === 'relation' ? [c.relation] : []))];
}

/** Every symbol of an expression (not those inside layers and subscripts) replaced by `f` of it; a function keeps its name when `f` makes it no symbol. */
export function mapSymbolsTo(e: Expr, f: (sym: Sym) => Expr): Expr {
  if (e.kind === 'sym') return f(e);
  const mapped = mapOperands(e, (child) => mapSymbolsTo(child, f));
  if (mapped.kind !== 'call') return mapped;
  const fn = f(mapped.fn);
  return fn.kind === 'sym' ? { ...mapped, fn } : mapped;
}

/** The claim with `f` applied to both sides and to its conditions' relations. */
export function mapClaimExprs<C extends ClaimShape>(claim: C, f: (e: Expr) => Expr): C {
  const condition = (c: Condition): Condition => (c.kind === 'relation' ? { ...c, relation: { ...c.relation, left: f(c.relation.left), right: f(c.relation.right) } } : c);
  return { ...claim, lhs: f(claim.lhs), rhs: f(claim.rhs), conditions: claim.conditions.map(condition) };
}
