// Biases folded into the weights (Bishop §5.3): w_{j0} is the weight from
// an extra unit x_0 = 1 (z_0 = 1), so it is the bias b_j. An entry 0 exists
// in no matrix of GradCheck's 1-based notation, so a weight written with
// index 0 on its input side can only mean that.
import type { Expr, Sym } from '../../math';
import { Environment, plainName } from '../conventions';
import { isBareSymbol, mapOperands, some, substitute, walk } from '../walk';
import { claimSides, mapClaimExprs, mapSymbolsTo, type ClaimShape } from './rewrite';

const WEIGHTS = new Set(['W', 'w']);
const conventional = new Environment();

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

/** The letter of a weight's input side (i of w_{ji}). */
function inputLetter(sym: Sym, inputFirst: boolean): string | undefined {
  if (!WEIGHTS.has(plainName(sym.name))) return undefined;
  const indices = entryIndices(sym);
  const from = indices.length === 2 ? indices[inputFirst ? 0 : 1] : undefined;
  return from && isBareSymbol(from) ? from.name : undefined;
}

/** Bishop's a_j = \sum_{i=0}^{D} w_{ji} x_i: a sum from 0 over the input side of a weight folds the bias in. */
function foldsBias(e: Expr, inputFirst: boolean): e is Extract<Expr, { kind: 'sum' }> {
  return e.kind === 'sum' && e.from?.kind === 'num' && e.from.value === 0 && some(e.body, (n) => n.kind === 'sym' && inputLetter(n, inputFirst) === e.index);
}

/** x_0, z_0: the extra unit of a folded bias, always 1. */
function unitZeroAsOne(sym: Sym): Expr {
  const meaning = conventional.lookup(sym.name)?.meaning;
  const unit = meaning?.kind === 'input' || (meaning?.kind === 'layered' && (meaning.quantity === 'o' || meaning.quantity === 'z'));
  return unit && sym.indices.length === 1 && isZero(sym.indices[0]) ? { kind: 'num', value: 1, span: sym.span } : sym;
}

/** Σ_{i=0}^{D} f(i) as f(0) + Σ_{i=1}^{D} f(i), with x_0 = 1 in f(0): the bias term the sum folds in. */
function unfoldBias(e: Expr, inputFirst: boolean): Expr {
  const mapped = e.kind === 'sym' ? e : mapOperands(e, (child) => unfoldBias(child, inputFirst));
  if (!foldsBias(mapped, inputFirst)) return mapped;
  const zero = mapSymbolsTo(substitute(mapped.body, mapped.index, { kind: 'num', value: 0, span: mapped.span }), unitZeroAsOne);
  return { kind: 'binary', op: '+', left: zero, right: { ...mapped, from: { kind: 'num', value: 1, span: mapped.from!.span } }, span: mapped.span };
}

/** Whether the document writes a weight with index 0 on its input side (w^{(1)}_{j0}), or a sum from 0 that folds one in. */
export function writesBiasAsWeight(claims: readonly ClaimShape[], inputFirst: boolean): boolean {
  let found = false;
  for (const claim of claims) {
    for (const side of claimSides(claim)) walk(side, (node) => !(found ||= (node.kind === 'sym' && biasUnit(node, inputFirst) !== undefined) || foldsBias(node, inputFirst)));
  }
  return found;
}

/** The claim with every w_{j0} read as b_j of the same layer, and every sum from 0 that folds a bias in unfolded. */
export function biasesFromWeights<C extends ClaimShape>(claim: C, inputFirst: boolean): C {
  return mapClaimExprs(claim, (e) =>
    mapSymbolsTo(unfoldBias(e, inputFirst), (sym) => {
      const unit = biasUnit(sym, inputFirst);
      return unit ? { ...sym, name: 'b', indices: [unit] } : sym;
    }),
  );
}
