// A tiny dense MLP, forward and backward, written from the textbook
// definitions in plain number[] arithmetic. The corpus computes every
// expectation from this, never from src/core.
import { add, fromColumns, fromRows, had, map, matvec, oneHot, outer, rng, sum, T, type Mat, type Vec } from './linalg';

export type Act = 'identity' | 'sigmoid' | 'tanh' | 'relu' | 'softplus' | 'softmax';
export type Loss = 'mse' | 'cross_entropy' | 'bce';

export interface Net {
  /** n_0 … n_L */
  readonly sizes: readonly number[];
  /** activations of layers 1 … L (index 0 unused) */
  readonly acts: readonly Act[];
  readonly loss: Loss;
  /** examples per batch (`batch m`), 1 when the spec has none */
  readonly batch: number;
}

/** One example through the network; arrays are indexed by layer (0 = input). */
export interface Instance {
  readonly L: number;
  readonly W: Mat[];
  readonly b: Vec[];
  readonly x: Vec;
  /** the target vector: one-hot under cross-entropy, real under mse, [0|1] under bce */
  readonly y: Vec;
  /** the class index under cross-entropy */
  readonly label: number;
  readonly z: Vec[];
  readonly a: Vec[];
  readonly loss: number;
  /** ∂L/∂z^l */
  readonly delta: Vec[];
  /** ∂L/∂a^l (layer 0: ∂L/∂x) */
  readonly dA: Vec[];
  readonly dW: Mat[];
  readonly db: Vec[];
}

export const sigmoid = (t: number): number => 1 / (1 + Math.exp(-t));

export function activate(act: Act, z: Vec): Vec {
  switch (act) {
    case 'identity': return [...z];
    case 'sigmoid': return map(z, sigmoid);
    case 'tanh': return map(z, Math.tanh);
    case 'relu': return map(z, (t) => Math.max(0, t));
    case 'softplus': return map(z, (t) => Math.log1p(Math.exp(t)));
    case 'softmax': {
      const top = Math.max(...z);
      const e = map(z, (t) => Math.exp(t - top));
      const s = sum(e);
      return map(e, (t) => t / s);
    }
  }
}

/** f'(z) elementwise (not defined for softmax). */
export function derivative(act: Act, z: Vec): Vec {
  switch (act) {
    case 'identity': return map(z, () => 1);
    case 'sigmoid': return map(z, (t) => sigmoid(t) * (1 - sigmoid(t)));
    case 'tanh': return map(z, (t) => 1 - Math.tanh(t) ** 2);
    case 'relu': return map(z, (t) => (t > 0 ? 1 : 0));
    case 'softplus': return map(z, sigmoid);
    case 'softmax': throw new Error('softmax has no elementwise derivative');
  }
}

/** ∂L/∂z from ∂L/∂a through one activation (the softmax Jacobian written out). */
function backActivation(act: Act, z: Vec, a: Vec, dA: Vec): Vec {
  if (act !== 'softmax') return had(dA, derivative(act, z));
  const s = sum(had(dA, a));
  return a.map((p, i) => p * (dA[i] - s));
}

export function lossOf(net: Net, out: Vec, y: Vec, label: number): number {
  if (net.loss === 'mse') return 0.5 * sum(out.map((o, i) => (o - y[i]) ** 2));
  if (net.loss === 'cross_entropy') return -Math.log(out[label]);
  return sum(out.map((o, i) => -y[i] * Math.log(o) - (1 - y[i]) * Math.log(1 - o)));
}

function lossGradient(net: Net, out: Vec, y: Vec, label: number): Vec {
  if (net.loss === 'mse') return out.map((o, i) => o - y[i]);
  if (net.loss === 'cross_entropy') return out.map((o, i) => (i === label ? -1 / o : 0));
  return out.map((o, i) => -y[i] / o + (1 - y[i]) / (1 - o));
}

/** z^l, a^l from layer `from` on, given z^from (used by the finite-difference self-check too). */
export function forwardFrom(net: Net, W: Mat[], b: Vec[], from: number, zFrom: Vec): { z: Vec[]; a: Vec[] } {
  const z: Vec[] = [];
  const a: Vec[] = [];
  z[from] = zFrom;
  a[from] = activate(net.acts[from], zFrom);
  for (let l = from + 1; l < net.sizes.length; l++) {
    z[l] = add(matvec(W[l], a[l - 1]), b[l]);
    a[l] = activate(net.acts[l], z[l]);
  }
  return { z, a };
}

export function run(net: Net, W: Mat[], b: Vec[], x: Vec, y: Vec, label: number): Instance {
  const L = net.sizes.length - 1;
  const z: Vec[] = [[]];
  const a: Vec[] = [x];
  for (let l = 1; l <= L; l++) {
    z[l] = add(matvec(W[l], a[l - 1]), b[l]);
    a[l] = activate(net.acts[l], z[l]);
  }
  const delta: Vec[] = [];
  const dA: Vec[] = [];
  const dW: Mat[] = [];
  const db: Vec[] = [];
  dA[L] = lossGradient(net, a[L], y, label);
  for (let l = L; l >= 1; l--) {
    delta[l] = backActivation(net.acts[l], z[l], a[l], dA[l]);
    dW[l] = outer(delta[l], a[l - 1]);
    db[l] = delta[l];
    dA[l - 1] = matvec(T(W[l]), delta[l]);
  }
  return { L, W, b, x, y, label, z, a, loss: lossOf(net, a[L], y, label), delta, dA, dW, db };
}

function gaussian(next: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

/** Shared random parameters and `net.batch` random examples (the first is the per-example instance). */
export function drawBatch(net: Net, seed: number): Instance[] {
  const next = rng(seed);
  const W: Mat[] = [[]];
  const b: Vec[] = [[]];
  for (let l = 1; l < net.sizes.length; l++) {
    const scale = 1.5 / Math.sqrt(net.sizes[l - 1]);
    W[l] = Array.from({ length: net.sizes[l] }, () => Array.from({ length: net.sizes[l - 1] }, () => scale * gaussian(next)));
    b[l] = Array.from({ length: net.sizes[l] }, () => 0.5 * gaussian(next));
  }
  const nL = net.sizes[net.sizes.length - 1];
  return Array.from({ length: net.batch }, () => {
    const x = Array.from({ length: net.sizes[0] }, () => gaussian(next));
    const label = Math.floor(next() * nL);
    const y = net.loss === 'cross_entropy' ? oneHot(label, nL) : net.loss === 'bce' ? [next() < 0.5 ? 0 : 1] : Array.from({ length: nL }, () => next());
    return run(net, W, b, x, y, label);
  });
}

/** Stack one per-example vector as columns (deeplearning.ai) or rows (CS231n). */
export const asColumns = (batch: readonly Instance[], pick: (e: Instance) => Vec): Mat => fromColumns(batch.map(pick));
export const asRows = (batch: readonly Instance[], pick: (e: Instance) => Vec): Mat => fromRows(batch.map(pick));
/** The batch mean of a per-example matrix (dW averaged over examples). */
export function meanOf(batch: readonly Instance[], pick: (e: Instance) => Mat): Mat {
  const first = pick(batch[0]);
  return first.map((r, i) => r.map((_, j) => sum(batch.map((e) => pick(e)[i][j])) / batch.length));
}

const SPEC_LINE = /^\s*(?:%\s*mlp:\s*)?(input|dense|loss|batch)\s+(\S+)(?:\s+(\S+))?/;

/** The network of a corpus document, read from its spec block with a regex of our own. */
export function networkOf(text: string): Net {
  const sizes: number[] = [];
  const acts: Act[] = ['identity'];
  let loss: Loss | undefined;
  let batch = 1;
  const lines = text.split('\n');
  let inFence = false;
  for (const line of lines) {
    if (/^```mlp\s*$/.test(line)) inFence = true;
    else if (inFence && /^```/.test(line)) inFence = false;
    const tex = /^\s*%\s*mlp:/.test(line);
    if (!inFence && !tex) continue;
    const m = SPEC_LINE.exec(line);
    if (!m) continue;
    if (m[1] === 'input') sizes.push(Number(m[2]));
    else if (m[1] === 'dense') {
      sizes.push(Number(m[2]));
      acts.push((m[3] === 'linear' ? 'identity' : m[3]) as Act);
    } else if (m[1] === 'loss') loss = m[2] as Loss;
    else batch = Number(m[2]);
  }
  if (sizes.length < 2) throw new Error('corpus document has no spec block with input and dense lines');
  return { sizes, acts, loss: loss ?? (acts[acts.length - 1] === 'softmax' ? 'cross_entropy' : 'mse'), batch };
}
