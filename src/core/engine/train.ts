// Stochastic gradient descent on mini-batches, for the playground.
import { batchLossAndGradients } from './batch';
import type { Label, NetworkConfig, Params } from './types';

/** One SGD step θ ← θ − η ∇θ L̄ on the batch, in place; returns the batch loss before the step. */
export function sgdStep(net: NetworkConfig, params: Params, xs: readonly Float64Array[], labels: readonly Label[], learningRate: number): number {
  if (!(learningRate > 0) || !Number.isFinite(learningRate)) throw new Error(`the learning rate must be a positive number (got ${learningRate})`);
  const { loss, dW, db } = batchLossAndGradients(net, params, xs, labels);
  for (let l = 1; l < params.W.length; l++) {
    const w = params.W[l].data;
    for (let i = 0; i < w.length; i++) w[i] -= learningRate * dW[l].data[i];
    const b = params.b[l];
    for (let i = 0; i < b.length; i++) b[i] -= learningRate * db[l][i];
  }
  return loss;
}

/** The label a loss expects for a class 0/1 of a toy dataset. */
export function labelForClass(net: NetworkConfig, cls: number): Label {
  const outputs = net.layers[net.layers.length - 1].units;
  switch (net.loss) {
    case 'cross_entropy':
    case 'bce':
      return cls;
    case 'mse': {
      // One output regresses ±1; several outputs regress a one-hot target.
      if (outputs === 1) return Float64Array.of(cls === 1 ? 1 : -1);
      const y = new Float64Array(outputs);
      y[cls] = 1;
      return y;
    }
  }
}
