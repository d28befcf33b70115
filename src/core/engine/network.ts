// Network validation, parameter allocation and initialisation.
import { createRng, type Rng } from './rng';
import type { Label, Matrix, NetworkConfig, Params } from './types';

export function matrix(rows: number, cols: number, data: Float64Array = new Float64Array(rows * cols)): Matrix {
  return { rows, cols, data };
}

/** n_0 .. n_L */
export function layerSizes(net: NetworkConfig): number[] {
  return [net.inputSize, ...net.layers.map((layer) => layer.units)];
}

export function depth(net: NetworkConfig): number {
  return net.layers.length;
}

export function parameterCount(net: NetworkConfig): number {
  const sizes = layerSizes(net);
  let count = 0;
  for (let l = 1; l < sizes.length; l++) count += sizes[l] * sizes[l - 1] + sizes[l];
  return count;
}

/** Throws with a plain message when the engine cannot run this network (the spec parser reports these with positions first). */
export function validateNetwork(net: NetworkConfig): void {
  if (!(net.inputSize >= 1)) throw new Error('the input needs at least one unit');
  if (net.layers.length === 0) throw new Error('the network needs at least one dense layer');
  net.layers.forEach((layer, i) => {
    if (!(layer.units >= 1)) throw new Error(`layer ${i + 1} needs at least one unit`);
    if (layer.activation === 'softmax' && i !== net.layers.length - 1) throw new Error(`softmax is only allowed on the last layer (found on layer ${i + 1})`);
  });
  const last = net.layers[net.layers.length - 1];
  if (net.loss === 'cross_entropy' && last.activation !== 'softmax') throw new Error('cross_entropy needs a softmax output layer');
  if (net.loss === 'bce' && (last.activation !== 'sigmoid' || last.units !== 1)) throw new Error('bce needs one sigmoid output unit');
}

export type Initialisation = 'glorot' | 'he';

/**
 * He for ReLU-like layers, Glorot otherwise, unless one is forced; drawn
 * uniformly with the scheme's variance (as Keras does), which costs a
 * quarter of a Gaussian draw per weight on a 235k-weight network.
 */
export function initParams(net: NetworkConfig, rng: Rng, forced?: Initialisation): Params {
  validateNetwork(net);
  const sizes = layerSizes(net);
  const W: Matrix[] = [matrix(0, 0)];
  const b: Float64Array[] = [new Float64Array(0)];
  for (let l = 1; l < sizes.length; l++) {
    const fanIn = sizes[l - 1];
    const fanOut = sizes[l];
    const activation = net.layers[l - 1].activation;
    const scheme = forced ?? (activation === 'relu' || activation === 'leaky_relu' ? 'he' : 'glorot');
    const std = scheme === 'he' ? Math.sqrt(2 / fanIn) : Math.sqrt(2 / (fanIn + fanOut));
    const limit = Math.sqrt(3) * std; // U(−a, a) has variance a²/3
    const w = matrix(fanOut, fanIn);
    for (let i = 0; i < w.data.length; i++) w.data[i] = limit * (2 * rng.next() - 1);
    W.push(w);
    // Small random biases rather than zeros, so a derivation that forgets a bias is caught.
    const bias = new Float64Array(fanOut);
    for (let i = 0; i < fanOut; i++) bias[i] = 0.1 * rng.normal();
    b.push(bias);
  }
  return { W, b };
}

export function cloneParams(params: Params): Params {
  return {
    W: params.W.map((w) => matrix(w.rows, w.cols, w.data.slice())),
    b: params.b.map((bias) => bias.slice()),
  };
}

export function randomInput(net: NetworkConfig, rng: Rng): Float64Array {
  const x = new Float64Array(net.inputSize);
  for (let i = 0; i < x.length; i++) x[i] = rng.normal();
  return x;
}

export function randomLabel(net: NetworkConfig, rng: Rng): Label {
  const outputs = net.layers[net.layers.length - 1].units;
  switch (net.loss) {
    case 'cross_entropy':
      return rng.int(outputs);
    case 'bce':
      return rng.int(2);
    case 'mse': {
      const y = new Float64Array(outputs);
      for (let i = 0; i < outputs; i++) y[i] = rng.normal();
      return y;
    }
  }
}

export { createRng };
