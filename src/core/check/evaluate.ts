// Evaluating one claim: every random instance, every layer where its
// quantities exist, every value of its free indices; both sides compared
// entry by entry, gradients from backprop and from finite differences.
import type { MathNode } from 'mathjs';
import { allClose, createRng, DEFAULT_TOLERANCE, entryRelativeError, type Tolerance } from '../engine';
import type { Claim, Expr } from '../math';
import type { Environment } from './conventions';
import type { InstanceContext } from './context';
import { NotApplicable, Uncheckable } from './errors';
import { BUDGET, evaluateNode } from './functions';
import { BatchContext } from './batchContext';
import { writesBatch } from './batch';
import './batchFunctions';
import { explainNonFinite } from './hazards';
import { DEFAULT_LIMITS, EvaluationBudget, type CheckLimits } from './limits';
import { indexVariable, layerVariable, Lowerer, randomVariable, type BindingUse, type LowerOptions } from './lower';
import { entries, filled, isMatrix, sameShape, ShapeError, shapeOf, transpose, type Value } from './values';
import { analyzeVariables, type ClaimVariables } from './variables';
import { isBareSymbol, some, walk } from './walk';

/** What the checker needs of a parsed claim. */
export type ClaimInput = Pick<Claim, 'kind' | 'lhs' | 'rhs' | 'conditions'>;

export type Assignment = Readonly<Record<string, number>>;

export interface AssignmentResult {
  readonly assignment: Assignment;
  readonly sample: number;
  readonly passed: boolean;
  readonly relError: number;
  /** Both sides when they are scalars: the diagnosis tests a pattern across every case. */
  readonly pair?: readonly [number, number];
}

export interface Evaluated {
  readonly lhs: Value;
  readonly rhs: Value;
  readonly differences?: { readonly lhs: Value; readonly rhs: Value };
}

export type ClaimEvaluation =
  | { readonly status: 'unchecked'; readonly reason: Uncheckable; readonly uses: readonly BindingUse[] }
  | {
      readonly status: 'ok' | 'mismatch';
      readonly maxRelError: number;
      /** Against finite differences, when the claim involves gradients and they could be compared. */
      readonly differencesRelError?: number;
      readonly worst: AssignmentResult;
      readonly worstValues?: Evaluated;
      readonly shapeError?: string;
      readonly results: readonly AssignmentResult[];
      readonly uses: readonly BindingUse[];
      readonly skipped: readonly string[];
      readonly sampledAssignments?: { readonly checked: number; readonly total: number };
      /** Cases left out because a side is not a finite number: the first, described. */
      readonly notFinite?: string;
      readonly compiled: CompiledClaim;
    };

export interface CompiledClaim {
  readonly vars: ClaimVariables;
  readonly lhs: MathNode;
  readonly rhs: MathNode;
  readonly conditions: readonly MathNode[];
  readonly ranges: ReadonlyMap<string, { from: MathNode; to: MathNode }>;
  readonly rangeHints: ReadonlyMap<string, MathNode>;
  readonly usesGradients: boolean;
}

export interface EvaluateOptions {
  readonly tolerance?: Tolerance;
  /** Free-index assignments per layer and instance before sampling kicks in. */
  readonly maxAssignments?: number;
  readonly lower?: LowerOptions;
  readonly limits?: CheckLimits;
  /** When the document's time runs out (ms since the epoch). */
  readonly documentDeadline?: number;
  /** The loss an update rule is a gradient step on: the document's own when it defines one, else L. */
  readonly lossName?: string;
}

const MAX_ASSIGNMENTS = 256;

function conditionExprs(claim: ClaimInput): Expr[] {
  return claim.conditions.flatMap((c) => (c.kind === 'relation' ? [c.relation] : []));
}

/**
 * An update X ← R is a gradient-descent step when R = X − η ∂L/∂X. It is
 * checked as the gradient it implies, (X − R)/η = ∂L/∂X, so a mismatch is
 * diagnosed on gradients (a flipped sign, a missing factor) like any other.
 */
function impliedGradient(claim: ClaimInput, rate = '\\eta', lossName = 'L'): { lhs: Expr; rhs: Expr } {
  const at = claim.lhs.span;
  const sym = (name: string): Expr => ({ kind: 'sym', name, indices: [], primes: 0, span: at });
  const gradient: Expr = { kind: 'derivative', of: sym(lossName), wrt: claim.lhs, notation: 'frac', span: at };
  const implied: Expr = { kind: 'binary', op: '/', left: { kind: 'binary', op: '-', left: claim.lhs, right: claim.rhs, span: claim.rhs.span }, right: sym(rate), span: claim.rhs.span };
  return { lhs: gradient, rhs: implied };
}

/**
 * The step size of an update: η, or the one symbol of its right side that
 * nothing else names (UFLDL's α), which is then the learning rate in this claim.
 */
function stepSize(claim: ClaimInput, env: Environment): { rate: string; env: Environment } {
  const unknown = new Set<string>();
  const scripts = new Set<string>();
  walk(claim.rhs, (node) => {
    if (isBareSymbol(node) && !env.lookup(node.name)) unknown.add(node.name);
    // Layers, examples, indices and sum bounds (the m of \frac{1}{m}\sum_{i=1}^{m}) are sizes and positions, never the step size.
    const parts = node.kind === 'sym' ? [...(node.layer ? [node.layer] : []), ...(node.example ? [node.example] : []), ...node.indices] : node.kind === 'sum' ? [node.from, node.to].filter((b): b is Expr => b !== undefined) : [];
    parts.forEach((s) => walk(s, (n) => void (isBareSymbol(n) && scripts.add(n.name))));
  });
  for (const name of scripts) unknown.delete(name);
  const named = some(claim.rhs, (node) => isBareSymbol(node) && env.lookup(node.name)?.meaning.kind === 'learningRate');
  if (named || unknown.size !== 1) return { rate: '\\eta', env };
  const [rate] = unknown;
  const scoped = env.child();
  scoped.bind(rate, { meaning: { kind: 'learningRate' }, description: `the learning rate ${rate} (any positive number)`, boundBy: 'its place in the update' });
  return { rate, env: scoped };
}

export function compileClaim(claim: ClaimInput, outerEnv: Environment, options: LowerOptions = {}, lossName?: string): { compiled: CompiledClaim; uses: BindingUse[] } {
  const step = claim.kind === 'update' ? stepSize(claim, outerEnv) : { rate: '\\eta', env: outerEnv };
  const env = step.env;
  const sides = claim.kind === 'update' ? impliedGradient(claim, step.rate, lossName) : claim;
  const vars = analyzeVariables([claim.lhs, claim.rhs, ...conditionExprs(claim)], env);
  const lowerer = new Lowerer(env, vars, options);
  const lhs = lowerer.lower(sides.lhs);
  const rhs = lowerer.lower(sides.rhs);
  const conditions = conditionExprs(claim).map((c) => lowerer.lower(c));
  const ranges = new Map<string, { from: MathNode; to: MathNode }>();
  for (const c of claim.conditions) {
    if (c.kind !== 'range' || !(vars.freeIndices.includes(c.index) || vars.layerVars.includes(c.index))) continue;
    const first = c.from ?? c.values?.[0];
    const last = c.to ?? c.values?.[c.values.length - 1];
    if (first && last) ranges.set(c.index, { from: lowerer.layer(first), to: lowerer.layer(last) });
  }
  const rangeHints = new Map<string, MathNode>();
  for (const index of vars.freeIndices) {
    if (ranges.has(index)) continue;
    const where = [claim.lhs, claim.rhs].find((side) => some(side, (n) => n.kind === 'sym' && n.name === index)) ?? claim.rhs;
    rangeHints.set(index, lowerer.rangeOf(index, where, new Set(), where.span));
  }
  const usesGradients = claim.kind === 'update' || [claim.lhs, claim.rhs].some((side) => some(side, (n) => n.kind === 'derivative' || (n.kind === 'sym' && n.name === '\\delta')));
  return { compiled: { vars, lhs, rhs, conditions, ranges, rangeHints, usesGradients }, uses: lowerer.uses };
}

/**
 * Random arguments of an identity: lowercase letters are scalars, capitals
 * are 3×3 matrices (so (AB)ᵀ = BᵀAᵀ is tested as a matrix identity and AB = BA fails).
 */
export function setRandomArguments(scope: Map<string, unknown>, vars: ClaimVariables, sample: number): void {
  const rng = createRng(1000 + sample);
  for (const name of vars.randomScalars) {
    const value = /^[A-Z]$/.test(name) ? filled(3, 3, () => rng.uniform(-2, 2)) : rng.uniform(-3, 3);
    scope.set(randomVariable(name), value);
  }
}

/** Anything unforeseen while reading or evaluating one claim stops that claim, never the document. */
function asUncheckable(error: unknown): Uncheckable {
  if (error instanceof Uncheckable) return error;
  const message = error instanceof Error ? error.message : String(error);
  const undefinedSymbol = /^Undefined symbol [ilr]_(\w+)/.exec(message);
  if (undefinedSymbol) return new Uncheckable(`${undefinedSymbol[1]} is used where it has no value (outside its sum, or with no range)`);
  return new Uncheckable(`could not evaluate this claim (${message})`);
}

function* product(ranges: readonly (readonly [string, number, number])[]): Generator<Record<string, number>> {
  if (ranges.length === 0) {
    yield {};
    return;
  }
  const [[name, from, to], ...rest] = ranges;
  for (let v = from; v <= to; v++) for (const tail of product(rest)) yield { [name]: v, ...tail };
}

function isZero(v: Value): boolean {
  return entries(v).every((x) => x === 0);
}

function truthy(v: Value): boolean {
  return entries(v).every((x) => x !== 0);
}

/** Relative error against finite differences; entries that are NaN on either side are skipped (a log of a negative number, say). */
function comparableError(a: Value, b: Value): number | undefined {
  if (!sameShape(a, b)) return undefined;
  const u = entries(a);
  const v = entries(b);
  let worst = 0;
  let compared = 0;
  for (let i = 0; i < u.length; i++) {
    if (Number.isNaN(u[i]) || Number.isNaN(v[i])) continue;
    compared++;
    worst = Math.max(worst, entryRelativeError(u[i], v[i]));
  }
  return compared > 0 ? worst : undefined;
}

class ShapeMismatch extends Error {
  constructor(
    message: string,
    readonly values?: Evaluated,
  ) {
    super(message);
  }
}

/** The instances a claim is evaluated on: in a batch document a claim that writes no batch quantity is about one example (batch.ts). */
export function contextsFor(claim: ClaimInput, env: Environment, contexts: readonly InstanceContext[]): readonly InstanceContext[] {
  return contexts[0] instanceof BatchContext && !writesBatch([claim.lhs, claim.rhs], env) ? contexts.map((c) => (c as BatchContext).examples[0]) : contexts;
}

export function evaluateClaim(claim: ClaimInput, env: Environment, contexts: readonly InstanceContext[], options: EvaluateOptions = {}): ClaimEvaluation {
  let compiledClaim: { compiled: CompiledClaim; uses: BindingUse[] };
  try {
    compiledClaim = compileClaim(claim, env, options.lower, options.lossName);
  } catch (error) {
    return { status: 'unchecked', reason: asUncheckable(error), uses: [] };
  }
  const { compiled, uses } = compiledClaim;
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const maxAssignments = options.maxAssignments ?? MAX_ASSIGNMENTS;
  const { vars } = compiled;
  const results: AssignmentResult[] = [];
  const skipped = new Set<string>();
  const quietlySkipped = new Set<string>();
  let worst: { result: AssignmentResult; values: Evaluated } | undefined;
  let worstFailure: { result: AssignmentResult; values: Evaluated } | undefined;
  let differencesRelError: number | undefined;
  let shapeError: string | undefined;
  let sampled: { checked: number; total: number } | undefined;
  /** The first case left out because a side is not a finite number, described. */
  let notFinite: string | undefined;
  let notFiniteSide: Expr | undefined;
  const budget = new EvaluationBudget(options.limits ?? DEFAULT_LIMITS, options.documentDeadline);

  let everyValueZero = true;
  const record = (result: AssignmentResult, values: Evaluated) => {
    if (everyValueZero && !(isZero(values.lhs) && isZero(values.rhs))) everyValueZero = false;
    results.push(result);
    if (!worst || !(result.relError <= worst.result.relError)) worst = { result, values };
    if (!result.passed && (!worstFailure || !(result.relError <= worstFailure.result.relError))) worstFailure = { result, values };
  };

  const instances = contextsFor(claim, env, contexts);
  try {
    instances.forEach((ctx, sample) => evaluateSample(ctx, sample));
  } catch (error) {
    // Found only while evaluating (a Jacobian, say): the claim is unchecked, with the reason.
    return { status: 'unchecked', reason: asUncheckable(error), uses };
  }

  function evaluateSample(ctx: InstanceContext, sample: number): void {
    ctx.beginClaim();
    try {
      evaluateAssignments(ctx, sample);
    } finally {
      const directional = ctx.directionalErrorOfClaim();
      if (directional !== undefined) differencesRelError = Math.max(differencesRelError ?? 0, directional);
    }
  }

  function evaluateAssignments(ctx: InstanceContext, sample: number): void {
    const scope = new Map<string, unknown>([['ctx', ctx], [BUDGET, budget]]);
    const rng = createRng(1000 + sample);
    setRandomArguments(scope, vars, sample);
    const L = ctx.lastLayer;
    const layerRanges = vars.layerVars.map((name) => [name, 0, L] as const);
    for (const layers of product(layerRanges)) {
      for (const [name, value] of Object.entries(layers)) scope.set(layerVariable(name), value);
      try {
        const layerRange = (name: string) => {
          const range = compiled.ranges.get(name);
          if (!range) return true;
          const v = layers[name];
          return v >= (evaluateNode(range.from, scope) as number) && v <= (evaluateNode(range.to, scope) as number);
        };
        if (!vars.layerVars.every(layerRange)) continue;
        const indexRanges = vars.freeIndices.map((index) => {
          const range = compiled.ranges.get(index);
          if (range) return [index, evaluateNode(range.from, scope) as number, evaluateNode(range.to, scope) as number] as const;
          return [index, 1, evaluateNode(compiled.rangeHints.get(index)!, scope) as number] as const;
        });
        for (const [index, from, to] of indexRanges) budget.range(index, to - from + 1);
        const total = indexRanges.reduce((n, [, from, to]) => n * Math.max(0, to - from + 1), 1);
        const assignments: Record<string, number>[] =
          total <= maxAssignments
            ? [...product(indexRanges)]
            : Array.from({ length: maxAssignments }, () => Object.fromEntries(indexRanges.map(([name, from, to]) => [name, from + rng.int(to - from + 1)])));
        if (total > maxAssignments) sampled = { checked: maxAssignments, total };
        for (const indices of assignments) {
          budget.spend();
          for (const [name, value] of Object.entries(indices)) scope.set(indexVariable(name), value);
          if (!compiled.conditions.every((c) => truthy(evaluateNode(c, scope)))) continue;
          const values = evaluateBoth(compiled, scope, ctx);
          // An identity in random arguments (g'(t) = −1/t for g(t) = −log t) says nothing outside its functions' domain.
          if (vars.randomScalars.size > 0 && (entries(values.lhs).some(Number.isNaN) || entries(values.rhs).some(Number.isNaN))) continue;
          const side = whichSideIsNotFinite(values);
          if (side) {
            // Not a number to compare: neither ✓ nor ✗ on this case (an overflow is not a wrong derivation).
            if (!notFinite) {
              notFiniteSide = side === 'left' ? claim.lhs : claim.rhs;
              const why = explainNonFinite(side === 'left' ? compiled.lhs : compiled.rhs, scope);
              notFinite = `the ${side} side is not finite at sample ${sample + 1}${formatIndices(indices)}${why ? ` (${why})` : ''}`;
            }
            continue;
          }
          const assignment: Record<string, number> = { ...layers, ...indices };
          if (typeof ctx.label === 'number' && compiled.vars.freeIndices.length > 0) assignment.y = ctx.label + 1;
          const { relError, passed } = compare(values.lhs, values.rhs, tolerance);
          const u = entries(values.lhs);
          const v = entries(values.rhs);
          const pair = u.length === 1 && v.length === 1 ? ([u[0], v[0]] as const) : undefined;
          record({ assignment, sample, passed, relError, pair }, values);
          if (values.differences) {
            const e = comparableError(values.differences.lhs, values.differences.rhs);
            if (e !== undefined) differencesRelError = Math.max(differencesRelError ?? 0, e);
          }
        }
      } catch (error) {
        if (error instanceof NotApplicable) {
          if (error.notable) skipped.add(error.message);
          else quietlySkipped.add(error.message);
          continue;
        }
        if (error instanceof ShapeError || error instanceof ShapeMismatch) {
          shapeError ??= error.message;
          record({ assignment: { ...layers }, sample, passed: false, relError: Infinity }, (error as ShapeMismatch).values ?? { lhs: NaN, rhs: NaN });
          continue;
        }
        throw error;
      }
    }
  }

  if (!worst && notFinite) return { status: 'unchecked', reason: new Uncheckable(notFinite, notFiniteSide?.span), uses };
  if (!worst) {
    const reasons = [...skipped, ...quietlySkipped];
    const why = reasons.length > 0 ? `no layer where every quantity of the claim exists (${reasons[0]})` : 'no index value satisfies its conditions';
    return { status: 'unchecked', reason: new Uncheckable(why), uses };
  }
  if (!worstFailure && everyValueZero && skipped.size === 0) {
    // 0 = 0 everywhere says nothing: a symbol read as something the document did not mean (a label read as the output) can do that.
    // Cases left out for a named reason (a kink) are reported as such instead.
    return { status: 'unchecked', reason: new Uncheckable('both sides are 0 on every instance, so the check says nothing; check how its symbols are read (hover them)'), uses };
  }
  const chosen = worstFailure ?? worst;
  return {
    status: worstFailure ? 'mismatch' : 'ok',
    maxRelError: chosen.result.relError,
    differencesRelError,
    worst: chosen.result,
    worstValues: chosen.values,
    shapeError,
    results,
    uses,
    skipped: [...skipped],
    sampledAssignments: sampled,
    ...(notFinite ? { notFinite } : {}),
    compiled,
  };
}

/** Which side is not a finite number here; undefined when both are (or both are the same infinity). */
function whichSideIsNotFinite(values: Evaluated): 'left' | 'right' | undefined {
  const u = entries(values.lhs);
  const v = entries(values.rhs);
  if (allFinite(u) && allFinite(v)) return undefined;
  // Equal infinities are a comparable value; NaN on both sides is not (NaN !== NaN).
  if (u.length === v.length && u.every((x, i) => x === v[i])) return undefined;
  return allFinite(u) ? 'right' : 'left';
}

/** A plain loop: on a 256×784 gradient, TypedArray.every with a callback was a sizeable share of a check. */
function allFinite(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}

const formatIndices = (indices: Record<string, number>): string => {
  const names = Object.keys(indices);
  return names.length === 0 ? '' : `, ${names.map((n) => `${n} = ${indices[n]}`).join(', ')}`;
};

/** A vector against the same vector the other way up: in a batch of rows (CS231n) a bias and its gradient are rows, GradCheck's b^l a column; a layout, not a mistake. */
function onlyOrientationDiffers(lhs: Value, rhs: Value, ctx: InstanceContext): boolean {
  const vector = (v: Value) => isMatrix(v) && (v.rows === 1 || v.cols === 1) && v.rows !== v.cols;
  return ctx.asBatch()?.layout === 'rows' && vector(lhs) && vector(rhs) && sameShape(lhs, transpose(rhs));
}

function evaluateBoth(compiled: CompiledClaim, scope: Map<string, unknown>, ctx: InstanceContext): Evaluated {
  const lhs = evaluateNode(compiled.lhs, scope);
  let rhs = evaluateNode(compiled.rhs, scope);
  if (onlyOrientationDiffers(lhs, rhs, ctx)) rhs = transpose(rhs);
  if (!sameShape(lhs, rhs)) {
    const transposed = sameShape(lhs, transpose(rhs)) && allClose(entries(lhs), entries(transpose(rhs)));
    throw new ShapeMismatch(`the left side is a ${shapeOf(lhs)}, the right side a ${shapeOf(rhs)}${transposed ? ' (its transpose matches)' : ''}`, { lhs, rhs });
  }
  if (!compiled.usesGradients || !ctx.entrywiseDifferences) return { lhs, rhs };
  scope.set('ctx', ctx.withSource('differences'));
  try {
    const differences = { lhs: evaluateNode(compiled.lhs, scope), rhs: evaluateNode(compiled.rhs, scope) };
    if (onlyOrientationDiffers(differences.lhs, differences.rhs, ctx)) differences.rhs = transpose(differences.rhs);
    return { lhs, rhs, differences };
  } finally {
    scope.set('ctx', ctx);
  }
}

/** One pass: the worst relative error (DESIGN.md) and whether every entry is within atol + rtol·|lhs|. */
function compare(lhs: Value, rhs: Value, tolerance: Tolerance): { relError: number; passed: boolean } {
  const u = entries(lhs);
  const v = entries(rhs);
  let relError = 0;
  let passed = true;
  for (let i = 0; i < u.length; i++) {
    const a = u[i];
    const b = v[i];
    if (a === b) continue;
    const difference = Math.abs(a - b);
    if (!(difference <= tolerance.atol + tolerance.rtol * Math.abs(a))) passed = false;
    const error = entryRelativeError(a, b);
    if (Number.isNaN(error)) return { relError: NaN, passed: false };
    if (error > relError) relError = error;
  }
  return { relError, passed };
}
