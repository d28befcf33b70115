// A superscript on a symbol the parser does not know as layered reads as a
// power (s_a^e, u^1). Where the document or an inference makes that symbol
// a layered quantity, its superscript is its layer after all.
import type { Claim, Expr } from '../../math';
import { mapOperands } from '../walk';

/** u^l, u^{l-1}, u^3: a letter, a letter plus or minus a number, or a whole number. */
export function isLayerLike(e: Expr): boolean {
  if (e.kind === 'num') return Number.isInteger(e.value) && e.value >= 0;
  if (e.kind === 'sym') return e.indices.length === 0 && /^[a-zA-Z]$/.test(e.name);
  return e.kind === 'binary' && (e.op === '+' || e.op === '-') && isLayerLike(e.left) && e.right.kind === 'num';
}

function liftPowers(e: Expr, name: string): Expr {
  if (e.kind === 'pow' && e.base.kind === 'sym' && e.base.name === name && !e.base.layer && isLayerLike(e.exponent)) {
    return { ...e.base, layer: e.exponent, span: e.span };
  }
  return mapOperands(e, (child) => liftPowers(child, name));
}

/** The claim with `name^X` read as `name` at layer X wherever X looks like a layer. */
export function withLayers(claim: Claim, name: string): Claim {
  return { ...claim, lhs: liftPowers(claim.lhs, name), rhs: liftPowers(claim.rhs, name) };
}
