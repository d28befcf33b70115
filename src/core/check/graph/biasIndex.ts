// Biases folded into the weights (Bishop §5.3): w_{j0} is the weight from
// an extra unit x_0 = 1 (z_0 = 1), so it is the bias b_j. An entry 0 exists
// in no matrix of GradCheck's 1-based notation, so a weight written with
// index 0 on its input side can only mean that.
import type { Claim, Expr, Sym } from '../../math';
import { plainName } from '../conventions';
import { isBareSymbol, walk } from '../walk';
import { claimSides, mapClaimExprs, mapSymbolsTo, type ClaimShape } from './rewrite';

const WEIGHTS = new Set(['W', 'w']);

const isZero = (e: Expr) => e.kind === 'num' && e.value === 0;

/** w_{j0} as two indices: `_{j0}` reads as one product j·0 when nothing separates the two. */
function entryIndices(sym: Sym): readonly Expr[] {
  if (sym.indices.length !== 1) return sym.indices;
  const only = sym.indices[0];
  return only.kind === 'binary' && only.op === 'juxt' && (isBareSymbol(only.left) || isZero(only.left)) && (isBareSymbol(only.right) || isZero(only.right)) ? [only.left, only.right] : sym.indices;
}

/** The index of the unit a bias weight feeds (j of w_{j0}), when the weight's input side is 0. */
function biasUnit(sym: Sym, inputFirst: boolean): Expr | undefined {
  if (!WEIGHTS.has(plainName(sym.name)) || sym.primes > 0) return undefined;
  const indices = entryIndices(sym);
  if (indices.length !== 2) return undefined;
  const [to, from] = inputFirst ? [indices[1], indices[0]] : [indices[0], indices[1]];
  return isZero(from) && !isZero(to) ? to : undefined;
}

/** Whether the document writes a weight with index 0 on its input side (w^{(1)}_{j0}). */
export function writesBiasAsWeight(claims: readonly Claim[], inputFirst: boolean): boolean {
  let found = false;
  for (const claim of claims) {
    for (const side of claimSides(claim)) walk(side, (node) => !(found ||= node.kind === 'sym' && biasUnit(node, inputFirst) !== undefined));
  }
  return found;
}

/** The claim with every w_{j0} read as b_j of the same layer. */
export function biasesFromWeights<C extends ClaimShape>(claim: C, inputFirst: boolean): C {
  return mapClaimExprs(claim, (e) =>
    mapSymbolsTo(e, (sym) => {
      const unit = biasUnit(sym, inputFirst);
      return unit ? { ...sym, name: 'b', indices: [unit] } : sym;
    }),
  );
}
