// Mini-batches: the mean loss over samples and its parameter gradients.
import { addOuterProduct, backpropDeltas, forward } from './mlp';
import { matrix } from './network';
import type { Label, Matrix, NetworkConfig, Params } from './types';

export interface BatchGradients {
  readonly loss: number;
  readonly dW: Matrix[];
  readonly db: Float64Array[];
}

export function batchLossAndGradients(net: NetworkConfig, params: Params, xs: readonly Float64Array[], labels: readonly Label[]): BatchGradients {
  if (xs.length === 0 || xs.length !== labels.length) throw new Error(`a batch needs as many labels as inputs (got ${xs.length} inputs, ${labels.length} labels)`);
  const scale = 1 / xs.length;
  const dW = params.W.map((w) => matrix(w.rows, w.cols));
  const db = params.b.map((bias) => new Float64Array(bias.length));
  let loss = 0;
  for (let s = 0; s < xs.length; s++) {
    const state = forward(net, params, xs[s], labels[s]);
    loss += state.loss * scale;
    const { dZ } = backpropDeltas(net, params, state, labels[s]);
    for (let l = 1; l <= net.layers.length; l++) {
      // Accumulate in place: no per-sample weight-gradient matrices.
      addOuterProduct(dW[l], dZ[l], state.o[l - 1], scale);
      for (let i = 0; i < dZ[l].length; i++) db[l][i] += scale * dZ[l][i];
    }
  }
  return { loss, dW, db };
}

export function batchLoss(net: NetworkConfig, params: Params, xs: readonly Float64Array[], labels: readonly Label[]): number {
  let loss = 0;
  for (let s = 0; s < xs.length; s++) loss += forward(net, params, xs[s], labels[s]).loss;
  return loss / xs.length;
}
