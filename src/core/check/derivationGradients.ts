// The gradients an SGD step needs, as the document states them: its claims
// for δ^L, the δ recursion, ∂L/∂W^l and ∂L/∂b^l (or the update rules) are
// evaluated on any weights and sample, each reading the document's own
// δ^{l+1} rather than backprop's. What the document does not state is taken
// from backprop's rule applied to the document's values, and said so. The
// training playground trains a second network with this; the δ-flow view
// shows it beside backprop.
import type { MathNode } from 'mathjs';
import { activationDerivative, addOuterProduct, forward, matrix, transposeTimes, type Label, type Matrix, type NetworkConfig, type Params, type Target } from '../engine';
import type { Expr, Sym } from '../math';
import type { BatchSpec, LetBinding } from '../netspec';
import { bindBatchSize, markClaimExamples } from './batch';
import { bindLets, bindSymbol, definedSymbol, lossNames } from './bindings';
import { Environment, type LayeredQuantity } from './conventions';
import { InstanceContext, type BatchView } from './context';
import { NotApplicable } from './errors';
import { compileClaim, type CompiledClaim } from './evaluate';
import { evaluateNode } from './functions';
import { indexVariable, layerArgument, layerVariable, Lowerer } from './lower';
import type { ClaimedLayer } from './report';
import { column, entries, type Value } from './values';
import { isBareSymbol, substitute } from './walk';
import type { LocatedClaim } from './located';

/** The three per-layer gradients an SGD step is built from. */
export type GradientKind = 'delta' | 'W' | 'b';

/** One claim the document makes about a gradient, usable for training. */
export interface GradientClaim {
  readonly kind: GradientKind;
  /** One-based line of the claim's right-hand side. */
  readonly line: number;
  readonly latex: string;
  /** How the claim names its layer, as written: "L", "l", "l+1", "2". */
  readonly layer: string;
  readonly compiled: CompiledClaim;
  /** The lowered layer of the left side. */
  readonly layerNode: MathNode;
  /** Free indices of an entrywise claim (δ^l_j, ∂L/∂W^l_{jk}), in the left side's order. */
  readonly entryIndices: readonly string[];
}

/** Where each (kind, layer) gradient came from: a claim's line, or backprop. */
export type GradientSources = Readonly<Record<string, number | 'backprop'>>;

export interface SampleGradients {
  readonly loss: number;
  /** By layer, index 0 empty, as in the engine. */
  readonly dZ: Float64Array[];
  readonly dW: Matrix[];
  readonly db: Float64Array[];
  readonly sources: GradientSources;
}

export interface BatchDerivationGradients {
  readonly loss: number;
  readonly dW: Matrix[];
  readonly db: Float64Array[];
  readonly sources: GradientSources;
}

export interface DerivationGradients {
  /** The network the claims are read against (the document's, the default, or the one given). */
  readonly net: NetworkConfig | undefined;
  /** Gradient claims in document order; the first that applies at a layer is used there. */
  readonly claims: readonly GradientClaim[];
  sample(params: Params, x: Float64Array, label: Label, learningRate: number): SampleGradients;
  batch(params: Params, xs: readonly Float64Array[], labels: readonly Label[], learningRate: number): BatchDerivationGradients;
}

export interface DerivationOptions {
  /** Replace the document's network (the playground's edited one). */
  readonly network?: NetworkConfig;
}

/** "delta2", "W1": the key of one gradient in GradientSources. */
export const gradientKey = (kind: GradientKind, layer: number): string => `${kind}${layer}`;

interface Resolved {
  readonly kind: GradientKind;
  readonly layer: Expr | 'last';
  readonly indices: readonly Expr[];
}

const GRADIENT_OF: Partial<Record<LayeredQuantity, GradientKind>> = { z: 'delta', W: 'W', b: 'b' };

/** What gradient a claim's left side names: δ^l, ∂L/∂z^l, ∂L/∂W^l, ∂L/∂b^l (through let bindings), or the W, b of an update. */
function resolveLeft(lhs: Expr, env: Environment, isUpdate: boolean): Resolved | undefined {
  const layeredSym = (sym: Sym, through: 'gradient' | 'value'): Resolved | undefined => {
    const meaning = env.lookup(sym.name)?.meaning;
    if (meaning?.kind === 'layered') {
      const kind = through === 'value' ? (meaning.quantity === 'delta' ? 'delta' : undefined) : GRADIENT_OF[meaning.quantity];
      if (!kind) return undefined;
      return { kind, layer: sym.layer ?? 'last', indices: sym.indices };
    }
    // `let s = z^{2}`: a name for one layer's quantity.
    if (meaning?.kind === 'template' && !meaning.layer && meaning.body.kind === 'sym' && meaning.indices.length === 0) {
      const inner = layeredSym(meaning.body, through);
      return inner && { ...inner, indices: [...inner.indices, ...sym.indices] };
    }
    // `\delta^l := \partial L / \partial z^l`: a name for a gradient, used at the layer written on it.
    if (through === 'value' && meaning?.kind === 'template' && meaning.body.kind === 'derivative' && meaning.indices.length === 0) {
      let body: Expr = meaning.body;
      if (meaning.layer) {
        if (!sym.layer) return undefined;
        body = substitute(body, meaning.layer, layerArgument(sym.layer, meaning.layerOffset ?? 0));
      }
      const inner = resolveLeft(body, env, false);
      return inner && { ...inner, indices: [...inner.indices, ...sym.indices] };
    }
    return undefined;
  };
  if (isUpdate) {
    if (lhs.kind !== 'sym') return undefined;
    const resolved = layeredSym(lhs, 'gradient');
    return resolved && resolved.kind !== 'delta' ? resolved : undefined;
  }
  if (lhs.kind === 'sym') return layeredSym(lhs, 'value');
  if (lhs.kind === 'derivative' && lhs.wrt.kind === 'sym') {
    const of = lhs.of.kind === 'call' ? lhs.of.fn : lhs.of;
    if (of.kind !== 'sym' || env.lookup(of.name)?.meaning.kind !== 'loss') return undefined;
    return layeredSym(lhs.wrt, 'gradient');
  }
  return undefined;
}

/** A claim about a gradient, compiled against the environment at its place in the document. */
function gradientClaim(claim: Parameters<typeof compileClaim>[0], env: Environment, line: number, latex: string): GradientClaim | undefined {
  const resolved = resolveLeft(claim.lhs, env, claim.kind === 'update');
  if (!resolved) return undefined;
  let compiled: CompiledClaim;
  try {
    compiled = compileClaim(claim, env).compiled;
  } catch {
    return undefined; // an unchecked claim cannot be evaluated for training either
  }
  const entryIndices: string[] = [];
  for (const index of resolved.indices) {
    if (!isBareSymbol(index) || !compiled.vars.freeIndices.includes(index.name)) return undefined;
    entryIndices.push(index.name);
  }
  const expected = resolved.kind === 'W' ? 2 : 1;
  if (entryIndices.length !== 0 && entryIndices.length !== expected) return undefined;
  const lowerer = new Lowerer(env, compiled.vars);
  const layerNode = resolved.layer === 'last' ? lowerer.layer({ kind: 'sym', name: 'L', indices: [], primes: 0, span: claim.lhs.span }) : lowerer.layer(resolved.layer);
  const layer = resolved.layer === 'last' ? 'L' : printLayer(resolved.layer);
  return { kind: resolved.kind, line, latex, layer, compiled, layerNode, entryIndices };
}

function printLayer(e: Expr): string {
  if (e.kind === 'num') return String(e.value);
  if (e.kind === 'sym') return e.name;
  if (e.kind === 'binary') return `${printLayer(e.left)}${e.op === '+' || e.op === '-' ? e.op : ' '}${printLayer(e.right)}`;
  return '?';
}


/** The same from claims already read (the checker has them), so a check does not read the document twice. */
export function derivationFromClaims(claims: readonly LocatedClaim[], lets: readonly LetBinding[], net: NetworkConfig, batch?: BatchSpec): DerivationGradients {
  const root = new Environment();
  const env = new Environment(undefined, lossNames(claims.map((c) => c.claim), (name) => root.lookup(name)));
  bindLets(env, lets, []);
  // A vectorised derivation is applied to one sample at a time: a batch of one, m = 1 (its 1/m averages over the trainer's batch instead).
  if (batch) bindBatchSize(env, 1);
  const gradientClaims: GradientClaim[] = [];
  for (const located of claims) {
    const claim = batch ? markClaimExamples(located.claim, env) : located.claim;
    const defined = definedSymbol(claim, env);
    if (defined) {
      const line = located.lhsFormula.toPosition(claim.lhsSpan.start).line + 1;
      bindSymbol(env, defined, claim.rhs, located.latex, `definition on line ${line}`);
      continue;
    }
    const line = located.rhsFormula.toPosition(claim.rhsSpan.start).line + 1;
    const usable = gradientClaim(claim, env, line, located.latex);
    if (usable) gradientClaims.push(usable);
  }
  return derivationOf(net, gradientClaims, batch !== undefined);
}

function derivationOf(net: NetworkConfig, claims: readonly GradientClaim[], vectorised: boolean): DerivationGradients {
  const sample = (params: Params, x: Float64Array, label: Label, learningRate: number): SampleGradients => {
    const state = forward(net, params, x, label);
    const ctx = new DerivationContext(net, params, x, label, state, learningRate);
    ctx.vectorised = vectorised;
    const sources: Record<string, number | 'backprop'> = {};
    const L = net.layers.length;
    for (let l = L; l >= 1; l--) {
      for (const kind of ['delta', 'W', 'b'] as const) {
        const claimed = claimedAt(claims, kind, l, ctx);
        sources[gradientKey(kind, l)] = claimed ? claimed.line : 'backprop';
        ctx.own[kind][l] = claimed ? claimed.data : ctx.backpropRule(kind, l);
      }
    }
    const dW = [matrix(0, 0), ...ctx.own.W.slice(1).map((data, k) => matrix(params.W[k + 1].rows, params.W[k + 1].cols, data))];
    return { loss: state.loss, dZ: [new Float64Array(0), ...ctx.own.delta.slice(1)], dW, db: [new Float64Array(0), ...ctx.own.b.slice(1)], sources };
  };
  const batch = (params: Params, xs: readonly Float64Array[], labels: readonly Label[], learningRate: number): BatchDerivationGradients => {
    if (xs.length === 0 || xs.length !== labels.length) throw new Error(`a batch needs as many labels as inputs (got ${xs.length} inputs, ${labels.length} labels)`);
    const scale = 1 / xs.length;
    const dW = params.W.map((w) => matrix(w.rows, w.cols));
    const db = params.b.map((b) => new Float64Array(b.length));
    let loss = 0;
    let sources: GradientSources = {};
    xs.forEach((x, s) => {
      const g = sample(params, x, labels[s], learningRate);
      loss += g.loss * scale;
      if (s === 0) sources = g.sources;
      for (let l = 1; l < params.W.length; l++) {
        for (let i = 0; i < dW[l].data.length; i++) dW[l].data[i] += scale * g.dW[l].data[i];
        for (let i = 0; i < db[l].length; i++) db[l][i] += scale * g.db[l][i];
      }
    });
    return { loss, dW, db, sources };
  };
  return { net, claims, sample, batch };
}

/** The first claim that gives `kind` at layer `layer` on this instance, and its value. */
function claimedAt(claims: readonly GradientClaim[], kind: GradientKind, layer: number, ctx: DerivationContext): { line: number; data: Float64Array } | undefined {
  for (const claim of claims) {
    if (claim.kind !== kind) continue;
    const data = evaluateAt(claim, layer, ctx);
    if (data) return { line: claim.line, data };
  }
  return undefined;
}

function* layerAssignments(names: readonly string[], last: number): Generator<Record<string, number>> {
  if (names.length === 0) {
    yield {};
    return;
  }
  const [first, ...rest] = names;
  for (let v = 0; v <= last; v++) for (const tail of layerAssignments(rest, last)) yield { [first]: v, ...tail };
}

/** The claim's right side at the layer assignment that puts its left side at `layer`; undefined when it does not apply there. */
function evaluateAt(claim: GradientClaim, layer: number, ctx: DerivationContext): Float64Array | undefined {
  const { compiled } = claim;
  const scope = new Map<string, unknown>([['ctx', ctx]]);
  const size = claim.kind === 'W' ? ctx.params.W[layer].data.length : ctx.params.b[layer].length;
  for (const layers of layerAssignments(compiled.vars.layerVars, ctx.lastLayer)) {
    for (const [name, value] of Object.entries(layers)) scope.set(layerVariable(name), value);
    try {
      if (evaluateNode(claim.layerNode, scope) !== layer) continue;
      const inRange = [...compiled.ranges].every(([name, range]) => !(name in layers) || (layers[name] >= (evaluateNode(range.from, scope) as number) && layers[name] <= (evaluateNode(range.to, scope) as number)));
      if (!inRange) continue;
      ctx.reading = gradientKey(claim.kind, layer);
      ctx.circular = false;
      const data = claim.entryIndices.length === 0 ? wholeValue(claim, scope, size) : entrywise(claim, scope, layer, ctx);
      if (data && !ctx.circular) return data;
    } catch (error) {
      if (!(error instanceof NotApplicable)) return undefined; // a claim that cannot be evaluated here gives nothing
    } finally {
      ctx.reading = undefined;
    }
  }
  return undefined;
}

function wholeValue(claim: GradientClaim, scope: Map<string, unknown>, size: number): Float64Array | undefined {
  const value = entries(evaluateNode(claim.compiled.rhs, scope));
  return value.length === size ? Float64Array.from(value) : undefined;
}

/** δ^l_j = … for every j (and ∂L/∂W^l_{jk} for every j, k), each entry where the claim's conditions hold. */
function entrywise(claim: GradientClaim, scope: Map<string, unknown>, layer: number, ctx: DerivationContext): Float64Array | undefined {
  const W = ctx.params.W[layer];
  const shape = claim.kind === 'W' ? [W.rows, W.cols] : [W.rows];
  const data = new Float64Array(shape.reduce((a, b) => a * b, 1));
  const covered = new Uint8Array(data.length);
  const visit = (k: number, position: number) => {
    if (k === claim.entryIndices.length) {
      if (!claim.compiled.conditions.every((c) => entries(evaluateNode(c, scope)).every((v) => v !== 0))) return;
      const value = entries(evaluateNode(claim.compiled.rhs, scope));
      if (value.length !== 1) throw new NotApplicable('an entry claim with a non-scalar right side');
      data[position] = value[0];
      covered[position] = 1;
      return;
    }
    for (let v = 1; v <= shape[k]; v++) {
      scope.set(indexVariable(claim.entryIndices[k]), v);
      visit(k + 1, position * shape[k] + (v - 1));
    }
  };
  visit(0, 0);
  // Entries outside the claim's conditions (a ≠ y) come from backprop's rule on the document's values.
  if (covered.every((c) => c === 1)) return data;
  if (!covered.some((c) => c === 1)) return undefined;
  const rest = ctx.backpropRule(claim.kind, layer);
  return data.map((v, i) => (covered[i] ? v : rest[i]));
}

/**
 * An instance whose gradients are the document's where it has stated them:
 * a recursion reading δ^{l+1} gets the document's δ^{l+1}, not backprop's.
 */
class DerivationContext extends InstanceContext {
  readonly own: Record<GradientKind, Float64Array[]> = { delta: [], W: [], b: [] };
  /** The gradient being evaluated; a claim that reads it (δ^l = ∂L/∂z^l) states nothing and is passed over. */
  reading: string | undefined;
  circular = false;
  /** The document is vectorised (`batch`): this sample is its batch of one. */
  vectorised = false;

  override asBatch(): BatchView | undefined {
    if (!this.vectorised) return undefined;
    const ctx = this;
    return {
      size: 1,
      layout: 'columns',
      example(i: number) {
        if (i !== 1) throw new NotApplicable(`example ${i} of a batch of one`);
        return ctx;
      },
    };
  }

  override gradient(target: Target): Value {
    const kind = target.quantity === 'z' ? 'delta' : target.quantity === 'o' ? undefined : target.quantity;
    if (kind && gradientKey(kind, target.layer) === this.reading) this.circular = true;
    const own = kind ? this.own[kind][target.layer] : undefined;
    if (own) return target.quantity === 'W' ? matrix(this.params.W[target.layer].rows, this.params.W[target.layer].cols, own) : column(own);
    if (target.quantity === 'o' && target.layer > 0 && target.layer < this.lastLayer && this.own.delta[target.layer + 1]) {
      return column(transposeTimes(this.params.W[target.layer + 1], this.own.delta[target.layer + 1]));
    }
    return super.gradient(target);
  }

  /** Backprop's rule for one gradient, applied to the document's own δ (so a wrong δ^{l+1} still flows down). */
  backpropRule(kind: GradientKind, layer: number): Float64Array {
    const delta = this.own.delta[layer];
    if (kind === 'b' && delta) return delta.slice();
    if (kind === 'W' && delta) {
      const prev = this.state.o[layer - 1];
      const out = matrix(delta.length, prev.length);
      addOuterProduct(out, delta, prev, 1);
      return out.data;
    }
    if (kind === 'delta' && layer < this.lastLayer && this.own.delta[layer + 1]) {
      const back = transposeTimes(this.params.W[layer + 1], this.own.delta[layer + 1]);
      const slope = activationDerivative(this.net.layers[layer - 1].activation, this.state.z[layer]);
      return back.map((v, i) => v * slope[i]);
    }
    const engine = this.grads;
    return (kind === 'delta' ? engine.dZ[layer] : kind === 'W' ? engine.dW[layer].data : engine.db[layer]).slice();
  }
}

/** The document's claimed gradients on one checked instance, for the report (DocumentReport.state.claimed). */
export function claimedGradients(claims: readonly LocatedClaim[], lets: readonly LetBinding[], instance: Pick<InstanceContext, 'net' | 'params' | 'x' | 'label' | 'eta'>, batch?: BatchSpec): ClaimedLayer[] {
  try {
    const derivation = derivationFromClaims(claims, lets, instance.net, batch);
    if (derivation.claims.length === 0) return [];
    const g = derivation.sample(instance.params, instance.x, instance.label, instance.eta);
    const layers: ClaimedLayer[] = [];
    for (let l = 1; l <= instance.net.layers.length; l++) {
      const line = (kind: GradientKind) => (typeof g.sources[gradientKey(kind, l)] === 'number' ? (g.sources[gradientKey(kind, l)] as number) : undefined);
      const lines = { delta: line('delta'), W: line('W'), b: line('b') };
      if (lines.delta === undefined && lines.W === undefined && lines.b === undefined) continue;
      layers.push({ layer: l, lines, delta: lines.delta !== undefined ? g.dZ[l] : undefined, dW: lines.W !== undefined ? g.dW[l].data : undefined, db: lines.b !== undefined ? g.db[l] : undefined });
    }
    return layers;
  } catch {
    return []; // the verdicts stand without this picture; a failure here must not stop the check
  }
}
