// Forward and backward passes of a dense network on one sample. Arrays are
// indexed by layer number as in the math (o[0] = x).
import { activate, activationDerivative } from './activations';
import { canonicalOutputDelta, lossFromLastLayer, lossFromOutput, lossGradientOutput } from './losses';
import { matrix } from './network';
import type { ForwardState, Gradients, Label, Matrix, NetworkConfig, Params } from './types';

/** out = W v + b */
export function affine(W: Matrix, v: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(W.rows);
  const { cols, data } = W;
  for (let r = 0; r < W.rows; r++) {
    let sum = b[r];
    const offset = r * cols;
    for (let c = 0; c < cols; c++) sum += data[offset + c] * v[c];
    out[r] = sum;
  }
  return out;
}

/** out = Wᵀ v */
export function transposeTimes(W: Matrix, v: Float64Array): Float64Array {
  const out = new Float64Array(W.cols);
  const { cols, data } = W;
  for (let r = 0; r < W.rows; r++) {
    const vr = v[r];
    if (vr === 0) continue;
    const offset = r * cols;
    for (let c = 0; c < cols; c++) out[c] += data[offset + c] * vr;
  }
  return out;
}

/** ∂L/∂z = J_act(z)ᵀ ∂L/∂o; for softmax J = diag(p) − p pᵀ, symmetric. */
function chainThroughActivation(activation: NetworkConfig['layers'][number]['activation'], z: Float64Array, o: Float64Array, dO: Float64Array): Float64Array {
  if (activation === 'softmax') {
    let dot = 0;
    for (let i = 0; i < o.length; i++) dot += o[i] * dO[i];
    const dZ = new Float64Array(o.length);
    for (let i = 0; i < o.length; i++) dZ[i] = o[i] * (dO[i] - dot);
    return dZ;
  }
  const dZ = activationDerivative(activation, z);
  for (let i = 0; i < dZ.length; i++) dZ[i] *= dO[i];
  return dZ;
}

/**
 * Runs layers from `startLayer` on, given either that layer's pre-activation
 * ('z') or the previous layer's activation ('o' at startLayer − 1). Returns
 * the per-layer arrays it filled and the loss. Finite differences enter here.
 */
export function forwardFrom(
  net: NetworkConfig,
  params: Params,
  entry: { readonly quantity: 'z' | 'o'; readonly layer: number; readonly value: Float64Array },
  label: Label,
): ForwardState {
  const L = net.layers.length;
  const z: Float64Array[] = new Array(L + 1);
  const o: Float64Array[] = new Array(L + 1);
  z[0] = new Float64Array(0);
  let first: number;
  if (entry.quantity === 'o') {
    o[entry.layer] = entry.value;
    first = entry.layer + 1;
  } else {
    z[entry.layer] = entry.value;
    o[entry.layer] = activate(net.layers[entry.layer - 1].activation, entry.value);
    first = entry.layer + 1;
  }
  for (let l = first; l <= L; l++) {
    z[l] = affine(params.W[l], o[l - 1], params.b[l]);
    o[l] = activate(net.layers[l - 1].activation, z[l]);
  }
  // Perturbing o^L itself must not go back through z^L: read the loss off o^L.
  const loss =
    entry.quantity === 'o' && entry.layer === L
      ? lossFromOutput(net.loss, o[L], label)
      : lossFromLastLayer(net.loss, net.layers[L - 1].activation, z[L], o[L], label);
  return { z, o, loss };
}

/**
 * The loss at parameters θ + t·d without building θ + t·d: each layer's
 * pre-activation is W o + b + t (D o + d_b). Directional finite differences
 * of a 10^5-parameter network then copy nothing.
 */
export function lossAlong(net: NetworkConfig, params: Params, direction: Params, t: number, x: Float64Array, label: Label): number {
  const L = net.layers.length;
  let o = x;
  let z = x;
  for (let l = 1; l <= L; l++) {
    z = affine(params.W[l], o, params.b[l]);
    const dz = affine(direction.W[l], o, direction.b[l]);
    for (let i = 0; i < z.length; i++) z[i] += t * dz[i];
    o = activate(net.layers[l - 1].activation, z);
  }
  return lossFromLastLayer(net.loss, net.layers[L - 1].activation, z, o, label);
}

export function forward(net: NetworkConfig, params: Params, x: Float64Array, label: Label): ForwardState {
  if (x.length !== net.inputSize) throw new Error(`input has ${x.length} entries, the network expects ${net.inputSize}`);
  return forwardFrom(net, params, { quantity: 'o', layer: 0, value: x }, label);
}

/** δ^l = ∂L/∂z^l and ∂L/∂o^l for every layer (dO[0] = ∂L/∂x). */
export function backpropDeltas(net: NetworkConfig, params: Params, state: ForwardState, label: Label): { dZ: Float64Array[]; dO: Float64Array[] } {
  const deltas = parameterDeltas(net, params, state, label);
  deltas.dO[0] = transposeTimes(params.W[1], deltas.dZ[1]);
  return deltas;
}

/**
 * backpropDeltas without ∂L/∂x (dO[0] is left empty): all the parameter
 * gradients need, and on a wide input it saves a good part of the work.
 */
export function parameterDeltas(net: NetworkConfig, params: Params, state: ForwardState, label: Label): { dZ: Float64Array[]; dO: Float64Array[] } {
  const L = net.layers.length;
  const dZ: Float64Array[] = new Array(L + 1);
  const dO: Float64Array[] = new Array(L + 1);
  dZ[0] = new Float64Array(0);
  dO[0] = new Float64Array(0);
  const last = net.layers[L - 1].activation;
  dO[L] = lossGradientOutput(net.loss, state.o[L], label);
  dZ[L] = canonicalOutputDelta(net.loss, last, state.o[L], label) ?? chainThroughActivation(last, state.z[L], state.o[L], dO[L]);
  for (let l = L; l >= 1; l--) {
    if (l < L) dZ[l] = chainThroughActivation(net.layers[l - 1].activation, state.z[l], state.o[l], dO[l]);
    if (l > 1) dO[l - 1] = transposeTimes(params.W[l], dZ[l]);
  }
  return { dZ, dO };
}

/** acc += scale · d prevᵀ (the weight gradient of one layer, accumulated). */
export function addOuterProduct(acc: Matrix, d: Float64Array, prev: Float64Array, scale: number): void {
  const { cols, data } = acc;
  for (let r = 0; r < acc.rows; r++) {
    const dr = scale * d[r];
    if (dr === 0) continue;
    const offset = r * cols;
    for (let c = 0; c < cols; c++) data[offset + c] += dr * prev[c];
  }
}

export function backward(net: NetworkConfig, params: Params, state: ForwardState, label: Label): Gradients {
  const { dZ, dO } = backpropDeltas(net, params, state, label);
  const dW: Matrix[] = [matrix(0, 0)];
  const db: Float64Array[] = [new Float64Array(0)];
  for (let l = 1; l <= net.layers.length; l++) {
    const gradW = matrix(dZ[l].length, state.o[l - 1].length);
    addOuterProduct(gradW, dZ[l], state.o[l - 1], 1);
    dW.push(gradW);
    db.push(dZ[l].slice());
  }
  return { dZ, dO, dW, db };
}

export function lossAndGradients(net: NetworkConfig, params: Params, x: Float64Array, label: Label): { state: ForwardState; grads: Gradients } {
  const state = forward(net, params, x, label);
  return { state, grads: backward(net, params, state, label) };
}
