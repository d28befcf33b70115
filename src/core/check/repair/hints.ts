// What the failing numbers already say, before any edit is tried: the two
// sides are negatives, proportional, transposes, or differ by a σ′ factor;
// or the claim holds on a clean part of its range. Hints only ORDER the
// candidates and fill in a constant or a layer; they never decide a repair.
import { activationDerivative, allClose, isElementwise } from '../../engine';
import type { InstanceContext } from '../context';
import type { ClaimEvaluation } from '../evaluate';
import { entries, isMatrix, sameShape, transpose } from '../values';
import type { DiagnosisKind } from '../report';

export type Failed = Extract<ClaimEvaluation, { status: 'ok' | 'mismatch' }>;

export interface Hints {
  /** Kinds the numbers point to, most likely first. */
  readonly likely: readonly DiagnosisKind[];
  readonly ratio?: number;
  readonly missingPrimeLayers: readonly string[];
  /** Clean splits of the cases into passing and failing ones. */
  readonly splits: readonly Split[];
  /** "holds for 3 of 9 cases" when some but not all cases pass and no clean split says where. */
  readonly partly?: string;
}

export interface Split {
  readonly describe: string;
  readonly latex: string;
  readonly test: (a: Readonly<Record<string, number>>) => boolean;
}

function candidateSplits(indices: readonly string[], layers: readonly string[], last: number): Split[] {
  const splits: Split[] = [];
  for (const a of indices) {
    splits.push({ describe: `${a} = y`, latex: `${a} = y`, test: (s) => s[a] === s.y }, { describe: `${a} ≠ y`, latex: `${a} \\neq y`, test: (s) => s[a] !== s.y });
    for (const b of indices) {
      if (a < b) splits.push({ describe: `${a} = ${b}`, latex: `${a} = ${b}`, test: (s) => s[a] === s[b] }, { describe: `${a} ≠ ${b}`, latex: `${a} \\neq ${b}`, test: (s) => s[a] !== s[b] });
    }
  }
  for (const l of layers) {
    splits.push({ describe: `${l} = L`, latex: `${l} = L`, test: (s) => s[l] === last }, { describe: `${l} < L`, latex: `${l} < L`, test: (s) => s[l] < last });
    splits.push({ describe: `${l} = L − 1`, latex: `${l} = L-1`, test: (s) => s[l] === last - 1 }, { describe: `${l} = 1`, latex: `${l} = 1`, test: (s) => s[l] === 1 });
  }
  return splits;
}

function splitsOf(evaluation: Failed, last: number): { splits: Split[]; partly?: string } {
  const { results } = evaluation;
  const passed = results.filter((r) => r.passed).length;
  if (passed === 0 || passed === results.length) return { splits: [] };
  const { freeIndices, layerVars } = evaluation.compiled.vars;
  const splits = candidateSplits(freeIndices, layerVars, last).filter((s) => results.every((r) => r.passed === s.test(r.assignment)));
  return { splits, partly: splits.length === 0 ? `holds for ${passed} of ${results.length} cases` : undefined };
}

export function hintsOf(evaluation: Failed, contexts: readonly InstanceContext[]): Hints {
  const ctx = contexts[evaluation.worst.sample];
  const { splits, partly } = splitsOf(evaluation, ctx.lastLayer);
  // A restriction (partial-range) is never hinted: an edit that makes the claim hold everywhere is the better story.
  const likely: DiagnosisKind[] = [];
  if (evaluation.shapeError) likely.push('transpose-missing', 'outer-product-order', 'transpose-extra', 'transposed', 'layer-index');
  const values = evaluation.worstValues;
  if (!values || !sameShape(values.lhs, values.rhs) || entries(values.lhs).some(Number.isNaN)) return { likely, missingPrimeLayers: [], splits, partly };
  // Scalar claims: a pattern must hold across every failing case, not only the worst (two numbers are always proportional).
  const failing = evaluation.results.filter((r) => !r.passed && r.pair);
  const pairs = failing.length > 1 ? failing.map((r) => r.pair!) : undefined;
  const lefts = pairs ? Float64Array.from(pairs, (p) => p[0]) : entries(values.lhs);
  const rights = pairs ? Float64Array.from(pairs, (p) => p[1]) : entries(values.rhs);
  let ratio: number | undefined;
  if (pairs !== undefined || lefts.length > 1) {
    if (allClose(rights.map((x) => -x), lefts)) likely.push('sign', 'term-sign');
    if (isMatrix(values.rhs) && values.rhs.rows === values.rhs.cols && values.rhs.rows > 1 && allClose(entries(values.lhs), entries(transpose(values.rhs)))) likely.push('transposed', 'outer-product-order', 'transpose-missing');
    const dot = lefts.reduce((s, x, i) => s + x * rights[i], 0);
    const norm = rights.reduce((s, x) => s + x * x, 0);
    const k = norm > 0 ? dot / norm : NaN;
    if (Math.abs(k - 1) > 1e-3 && Math.abs(k + 1) > 1e-3 && allClose(rights.map((x) => k * x), lefts)) {
      ratio = k;
      likely.push('constant-factor');
    }
  }
  const missingPrimeLayers = primeLayers(evaluation, ctx);
  if (missingPrimeLayers.length > 0) likely.push('activation-derivative-missing');
  return { likely, ratio, missingPrimeLayers, splits, partly };
}

/** Layers k where left = right ⊙ σ′(z^k) at the worst case, named by the claim's layer variable when one has value k. */
function primeLayers(evaluation: Failed, ctx: InstanceContext): string[] {
  const values = evaluation.worstValues!;
  const u = entries(values.lhs);
  const v = entries(values.rhs);
  const out: string[] = [];
  for (let k = 1; k <= ctx.lastLayer; k++) {
    const activation = ctx.net.layers[k - 1].activation;
    if (!isElementwise(activation) || activation === 'identity' || ctx.state.z[k].length !== u.length) continue;
    const prime = activationDerivative(activation, ctx.state.z[k]);
    if (!allClose(v.map((x, i) => x * prime[i]), u)) continue;
    const variable = Object.entries(evaluation.worst.assignment).find(([name, value]) => evaluation.compiled.vars.layerVars.includes(name) && value === k);
    out.push(variable ? variable[0] : String(k));
  }
  return out;
}
