// Central finite differences of the loss with respect to any quantity of
// the network, entry by entry or along a random direction (O(1) passes).
import { affine, forward, forwardFrom, lossAlong } from './mlp';
import { matrix } from './network';
import type { Rng } from './rng';
import type { ForwardState, Gradients, Label, NetworkConfig, Params } from './types';

export type Quantity = 'W' | 'b' | 'z' | 'o';

/** W^l, b^l, z^l, or o^l (o^0 is the input x). */
export interface Target {
  readonly quantity: Quantity;
  readonly layer: number;
}

export interface Instance {
  readonly net: NetworkConfig;
  readonly params: Params;
  readonly x: Float64Array;
  readonly label: Label;
}

/** Relative base step: the actual step for a value v is step · max(|v|, STEP_FLOOR). */
export const DEFAULT_STEP = 1e-6;

/**
 * Below this magnitude the step stops shrinking with the value. Not 1: a
 * probability o_y = 0.002 under −log o_y needs a step small beside it.
 */
export const STEP_FLOOR = 0.1;

/** The step used for a value v. */
export function stepFor(value: number, step = DEFAULT_STEP): number {
  return step * Math.max(Math.abs(value), STEP_FLOOR);
}

function checkTarget(instance: Instance, target: Target): void {
  const L = instance.net.layers.length;
  const lowest = target.quantity === 'o' ? 0 : 1;
  if (!Number.isInteger(target.layer) || target.layer < lowest || target.layer > L) {
    throw new Error(`${target.quantity}^${target.layer} does not exist: layers run from ${lowest} to ${L}`);
  }
}

/** The current value of the target (a copy). */
export function targetValue(instance: Instance, target: Target, state?: ForwardState): Float64Array {
  checkTarget(instance, target);
  // Only pre-activations and activations need a forward pass.
  const computed = () => state ?? forward(instance.net, instance.params, instance.x, instance.label);
  switch (target.quantity) {
    case 'W':
      return instance.params.W[target.layer].data.slice();
    case 'b':
      return instance.params.b[target.layer].slice();
    case 'z':
      return computed().z[target.layer].slice();
    case 'o':
      return computed().o[target.layer].slice();
  }
}

/** The backprop gradient of the loss with respect to the target. */
export function analyticGradient(grads: Gradients, target: Target): Float64Array {
  switch (target.quantity) {
    case 'W':
      return grads.dW[target.layer].data;
    case 'b':
      return grads.db[target.layer];
    case 'z':
      return grads.dZ[target.layer];
    case 'o':
      return grads.dO[target.layer];
  }
}

/**
 * The loss when the target is replaced by `value` and everything downstream
 * recomputed; with the instance's forward state (`upstream`), a weight or
 * bias of layer l starts from o^{l−1} instead of the input.
 */
export function lossWith(instance: Instance, target: Target, value: Float64Array, upstream?: ForwardState): number {
  const { net, params, x, label } = instance;
  const l = target.layer;
  // Layers below the target do not move; from o^{l−1} on the arithmetic is the same as a full forward pass.
  const run = (moved: Params) => (upstream ? forwardFrom(net, moved, { quantity: 'o', layer: l - 1, value: upstream.o[l - 1] }, label) : forward(net, moved, x, label));
  switch (target.quantity) {
    case 'W': {
      const W = params.W.map((w, i) => (i === l ? matrix(w.rows, w.cols, value) : w));
      return run({ W, b: params.b }).loss;
    }
    case 'b': {
      const b = params.b.map((bias, i) => (i === l ? value : bias));
      return run({ W: params.W, b }).loss;
    }
    case 'z':
    case 'o':
      return forwardFrom(net, params, { quantity: target.quantity, layer: l, value }, label).loss;
  }
}

export interface DifferenceOptions {
  /** Relative base step; the step for entry i is stepFor(value_i, step). */
  readonly step?: number;
  /** 2: (f(v+h) − f(v−h)) / 2h. 4: Richardson with the ±2h points, whose smaller truncation error allows a larger step. */
  readonly order?: 2 | 4;
  /** Flat entries to differentiate (all by default); the result follows this order. */
  readonly entries?: readonly number[];
}

/** ∂f/∂v_i by central differences of any scalar function of a vector. */
export function centralDifferences(base: Float64Array, f: (value: Float64Array) => number, options: DifferenceOptions = {}): Float64Array {
  const step = options.step ?? DEFAULT_STEP;
  const entries = options.entries ?? Array.from(base.keys());
  const work = base.slice();
  const at = (i: number, value: number): number => {
    work[i] = value;
    const result = f(work);
    work[i] = base[i];
    return result;
  };
  const result = new Float64Array(entries.length);
  entries.forEach((i, k) => {
    const h = stepFor(base[i], step);
    const central = (at(i, base[i] + h) - at(i, base[i] - h)) / (2 * h);
    if (options.order !== 4) {
      result[k] = central;
      return;
    }
    const wide = (at(i, base[i] + 2 * h) - at(i, base[i] - 2 * h)) / (4 * h);
    result[k] = (4 * central - wide) / 3;
  });
  return result;
}

/** ∂L/∂(target)_i by central differences, everything downstream of the target recomputed. */
export function numericGradient(instance: Instance, target: Target, options: DifferenceOptions = {}): Float64Array {
  return centralDifferences(targetValue(instance, target), (value) => lossWith(instance, target, value), options);
}

/**
 * The absolute error below which central differences cannot resolve a
 * gradient entry: rounding in the loss (≈ ε·|L| per evaluation, times the
 * operations that feed it) divided by the step. Entries smaller than this
 * are compared absolutely, larger ones relatively.
 */
export function differenceResolution(loss: number, step: number, value: number): number {
  // Measured on 36k entries of 200 random networks (order 4, step 1e-4): the
  // error of unresolvable entries stays under 2 of these units; 16 leaves room.
  const ROUNDING_OPERATIONS = 16;
  return (ROUNDING_OPERATIONS * Number.EPSILON * Math.max(1, Math.abs(loss))) / stepFor(value, step);
}

export interface DirectionalResult {
  /** vᵀ∇L from the supplied gradient. */
  readonly analytic: number;
  /** (L(θ + hv) − L(θ − hv)) / 2h */
  readonly numeric: number;
}

/** A random unit direction with ±1/√n entries (Rademacher): as good for a directional check as a Gaussian, and cheap for 10^5 entries (32 signs per draw). */
function unitDirection(size: number, rng: Rng): Float64Array {
  const v = new Float64Array(size);
  const entry = 1 / Math.sqrt(size || 1);
  let bits = 0;
  for (let i = 0; i < size; i++) {
    if (i % 32 === 0) bits = Math.floor(rng.next() * 4294967296);
    v[i] = (bits >>> i % 32) & 1 ? entry : -entry;
  }
  return v;
}

/** One step for a move of all entries at once: scaled to the largest. */
function stepForAll(values: readonly Float64Array[], step: number): number {
  let largest = 0;
  for (const array of values) for (let i = 0; i < array.length; i++) largest = Math.max(largest, Math.abs(array[i]));
  return stepFor(largest, step);
}

/** d/dt f(t) at t = 0 by the same central differences, for a path t ↦ θ + t v. */
function alongPath(f: (t: number) => number, step: number, order: 2 | 4 = 2): number {
  // t = 0, so the path's step is the absolute `step` divided by the floor.
  return centralDifferences(Float64Array.of(0), (t) => f(t[0]), { step: step / STEP_FLOOR, order })[0];
}

/**
 * The loss along t ↦ target + t·v. W^l and b^l enter the network only through
 * z^l = W^l o^{l−1} + b^l, so their paths are paths of z^l (z + t·V o^{l−1},
 * z + t·v): one pass from layer l, and no copy of a large weight matrix.
 */
function pathThrough(instance: Instance, target: Target, v: Float64Array): (t: number) => number {
  const { net, params, x, label } = instance;
  const state = forward(net, params, x, label);
  const l = target.layer;
  let start: Float64Array;
  let move: Float64Array;
  let quantity: 'z' | 'o' = 'z';
  if (target.quantity === 'W') {
    start = state.z[l];
    move = affine(matrix(params.W[l].rows, params.W[l].cols, v), state.o[l - 1], new Float64Array(params.W[l].rows));
  } else if (target.quantity === 'b') {
    start = state.z[l];
    move = v;
  } else {
    quantity = target.quantity;
    start = target.quantity === 'z' ? state.z[l] : state.o[l];
    move = v;
  }
  const buffer = new Float64Array(start.length);
  return (t) => {
    for (let i = 0; i < buffer.length; i++) buffer[i] = start[i] + t * move[i];
    return forwardFrom(net, params, { quantity, layer: l, value: buffer.slice() }, label).loss;
  };
}

/** Directional derivative of the loss along a random unit direction in one target's space. */
export function directionalCheck(instance: Instance, target: Target, gradient: Float64Array, rng: Rng, step = DEFAULT_STEP, order: 2 | 4 = 2): DirectionalResult {
  const scale = targetValue(instance, target);
  const v = unitDirection(scale.length, rng);
  const numeric = alongPath(pathThrough(instance, target, v), stepForAll([scale], step), order);
  let analytic = 0;
  for (let i = 0; i < v.length; i++) analytic += v[i] * gradient[i];
  return { analytic, numeric };
}

/** Directional derivative along a random unit direction in the space of all parameters at once. */
export function directionalParameterCheck(instance: Instance, grads: Pick<Gradients, 'dW' | 'db'>, rng: Rng, step = DEFAULT_STEP, order: 2 | 4 = 2): DirectionalResult {
  const { net, params, x, label } = instance;
  const flat = [...params.W.map((w) => w.data), ...params.b];
  const v = unitDirection(flat.reduce((total, array) => total + array.length, 0), rng);
  // Views into v shaped like the parameters: no copies.
  let offset = 0;
  const take = (n: number) => v.subarray(offset, (offset += n));
  const W = params.W.map((w) => matrix(w.rows, w.cols, take(w.data.length)));
  const direction: Params = { W, b: params.b.map((b) => take(b.length)) };
  const numeric = alongPath((t) => lossAlong(net, params, direction, t, x, label), stepForAll(flat, step), order);
  let analytic = 0;
  direction.W.forEach((d, l) => {
    for (let i = 0; i < d.data.length; i++) analytic += d.data[i] * grads.dW[l].data[i];
  });
  direction.b.forEach((d, l) => {
    for (let i = 0; i < d.length; i++) analytic += d[i] * grads.db[l][i];
  });
  return { analytic, numeric };
}
