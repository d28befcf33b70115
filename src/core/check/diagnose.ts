// When a claim fails, try the usual mistakes in turn and name the one that
// explains the numbers: holds only for some indices, sign flipped,
// transposed, off by a constant factor, a missing σ′ factor, a layer index
// off by one.
import { activationDerivative, allClose, isElementwise } from '../engine';
import type { Expr } from '../math';
import type { Environment } from './conventions';
import { displayName } from './conventions';
import type { InstanceContext } from './context';
import { compileClaim, evaluateClaim, setRandomArguments, type AssignmentResult, type ClaimEvaluation, type ClaimInput, type EvaluateOptions } from './evaluate';
import { evaluateNode } from './functions';
import { indexVariable, layerVariable } from './lower';
import { entries, isMatrix, sameShape, transpose, type Value } from './values';
import { substitute, walk } from './walk';

type Failed = Extract<ClaimEvaluation, { status: 'ok' | 'mismatch' }>;

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : Math.abs(x - Math.round(x * 4) / 4) < 1e-9 ? String(Math.round(x * 4) / 4) : x.toPrecision(3));

/** A predicate over assignments that separates passing from failing cases. */
interface Split {
  readonly describe: string;
  readonly test: (a: Readonly<Record<string, number>>) => boolean;
}

function candidateSplits(indices: readonly string[], layers: readonly string[], last: number): Split[] {
  const splits: Split[] = [];
  for (const a of indices) {
    splits.push({ describe: `${a} = y`, test: (s) => s[a] === s.y }, { describe: `${a} ≠ y`, test: (s) => s[a] !== s.y });
    for (const b of indices) if (a < b) splits.push({ describe: `${a} = ${b}`, test: (s) => s[a] === s[b] }, { describe: `${a} ≠ ${b}`, test: (s) => s[a] !== s[b] });
  }
  for (const l of layers) {
    splits.push({ describe: `${l} = L`, test: (s) => s[l] === last }, { describe: `${l} < L`, test: (s) => s[l] < last });
    splits.push({ describe: `${l} = L − 1`, test: (s) => s[l] === last - 1 }, { describe: `${l} = 1`, test: (s) => s[l] === 1 });
  }
  return splits;
}

function holdsOnlyWhere(evaluation: Failed, last: number): string | undefined {
  const { results } = evaluation;
  const passed = results.filter((r) => r.passed).length;
  if (passed === 0 || passed === results.length) return undefined;
  const { freeIndices, layerVars } = evaluation.compiled.vars;
  const split = candidateSplits(freeIndices, layerVars, last).find((s) => results.every((r) => r.passed === s.test(r.assignment)));
  return split ? `holds only where ${split.describe}` : `holds for ${passed} of ${results.length} cases`;
}

function close(a: Value, b: Value): boolean {
  return sameShape(a, b) && allClose(entries(b), entries(a));
}

/** Rebuilds the scope of one assignment so a variant of the claim can be evaluated there. */
function scopeOf(evaluation: Failed, ctx: InstanceContext, result: AssignmentResult): Map<string, unknown> {
  const scope = new Map<string, unknown>([['ctx', ctx]]);
  setRandomArguments(scope, evaluation.compiled.vars, result.sample);
  for (const [name, value] of Object.entries(result.assignment)) {
    scope.set(evaluation.compiled.vars.layerVars.includes(name) ? layerVariable(name) : indexVariable(name), value);
  }
  return scope;
}

function layeredNames(e: Expr): string[] {
  const names = new Set<string>();
  walk(e, (node) => {
    if (node.kind === 'sym' && node.layer) names.add(node.name);
    if (node.kind === 'call' && node.fn.layer) names.add(node.fn.name);
  });
  return [...names];
}

function layerShift(claim: ClaimInput, evaluation: Failed, env: Environment, ctx: InstanceContext): string | undefined {
  // A layer index off by one on one symbol of the right side.
  const scope = scopeOf(evaluation, ctx, evaluation.worst);
  let original: Value;
  try {
    original = evaluateNode(evaluation.compiled.lhs, scope);
  } catch {
    return undefined; // the left side itself does not evaluate here: no shift of the right side explains it
  }
  for (const name of layeredNames(claim.rhs)) {
    for (const by of [-1, 1]) {
      try {
        const shifted = compileClaim(claim, env, { shiftLayerOf: { name, by } }).compiled;
        const shiftedRhs = evaluateNode(shifted.rhs, scope);
        if (close(original, shiftedRhs)) return `wrong layer index: the layer of ${displayName({ name })} should be one ${by > 0 ? 'higher' : 'lower'}`;
      } catch {
        // A shift that leaves the network is simply not the explanation.
      }
    }
  }
  return undefined;
}

/** Two free indices exchanged on the right side (w_{jk} against a_j δ_k): the claim holds once they are swapped back. */
function swappedIndices(claim: ClaimInput, evaluation: Failed, env: Environment, contexts: readonly InstanceContext[], options: EvaluateOptions): string | undefined {
  const free = evaluation.compiled.vars.freeIndices;
  for (let i = 0; i < free.length; i++) {
    for (let j = i + 1; j < free.length; j++) {
      const [a, b] = [free[i], free[j]];
      const placeholder: Expr = { kind: 'sym', name: '\\swap', indices: [], primes: 0, span: claim.rhs.span };
      const sym = (name: string): Expr => ({ kind: 'sym', name, indices: [], primes: 0, span: claim.rhs.span });
      const rhs = substitute(substitute(substitute(claim.rhs, a, placeholder), b, sym(a)), '\\swap', sym(b));
      const retried = evaluateClaim({ ...claim, rhs }, env, contexts, options);
      if (retried.status === 'ok') return `indices ${a} and ${b} swapped`;
    }
  }
  return undefined;
}

/** `options`: the check's limits and deadline, so a diagnosis re-evaluating the claim stays within them too. */
export function diagnose(claim: ClaimInput, evaluation: Failed, env: Environment, contexts: readonly InstanceContext[], options: EvaluateOptions = {}): string | undefined {
  const ctx = contexts[evaluation.worst.sample];
  const pattern = holdsOnlyWhere(evaluation, ctx.lastLayer);
  if (pattern && !pattern.startsWith('holds for')) return pattern;
  if (evaluation.shapeError?.includes('transpose matches')) return 'transposed';
  const swapped = swappedIndices(claim, evaluation, env, contexts, options);
  if (swapped) return swapped;
  const values = evaluation.worstValues;
  const comparable = values && sameShape(values.lhs, values.rhs) && !entries(values.lhs).some(Number.isNaN);
  if (!values || !comparable) return layerShift(claim, evaluation, env, ctx) ?? pattern;
  const { lhs, rhs } = values;
  // Scalar claims: a pattern must hold across every failing case, not only the worst (two numbers are always proportional).
  const failing = evaluation.results.filter((r) => !r.passed && r.pair);
  const pairs = failing.length > 1 ? failing.map((r) => r.pair!) : undefined;
  const lefts = pairs ? Float64Array.from(pairs, (p) => p[0]) : entries(lhs);
  const rights = pairs ? Float64Array.from(pairs, (p) => p[1]) : entries(rhs);
  if (pairs === undefined && lefts.length === 1) return pattern;
  if (allClose(rights.map((x) => -x), lefts)) return 'sign flipped';
  if (isMatrix(rhs) && rhs.rows === rhs.cols && rhs.rows > 1 && close(lhs, transpose(rhs))) return 'transposed';
  const dot = lefts.reduce((s, x, i) => s + x * rights[i], 0);
  const norm = rights.reduce((s, x) => s + x * x, 0);
  if (norm > 0) {
    const k = dot / norm;
    if (Math.abs(k - 1) > 1e-3 && allClose(rights.map((x) => k * x), lefts)) return `off by a constant factor: the left side is ${fmt(k)} × the right side`;
  }
  const u = entries(lhs);
  const v = entries(rhs);

  // A missing σ′(z^k): the left side equals the right side times σ′ of some layer.
  for (let k = 1; k <= ctx.lastLayer; k++) {
    const activation = ctx.net.layers[k - 1].activation;
    if (!isElementwise(activation) || ctx.state.z[k].length !== u.length || activation === 'identity') continue;
    const prime = activationDerivative(activation, ctx.state.z[k]);
    if (allClose(v.map((x, i) => x * prime[i]), u)) {
      const variable = Object.entries(evaluation.worst.assignment).find(([name, value]) => evaluation.compiled.vars.layerVars.includes(name) && value === k);
      return `missing σ′(z^${variable ? variable[0] : k}) factor`;
    }
  }
  const shifted = layerShift(claim, evaluation, env, ctx);
  if (shifted) return shifted;

  return pattern;
}
