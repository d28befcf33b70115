// Losses exactly as DESIGN.md defines them. Values are computed from the
// pre-activation where the output activation is the canonical partner
// (softmax + cross-entropy, sigmoid + bce) so that they stay finite even
// when a probability underflows.
import { logSumExp } from './activations';
import type { Activation, Label, LossKind } from './types';

export function classIndex(label: Label): number {
  if (typeof label !== 'number') throw new Error('this loss needs a class index as its label, not a vector');
  return label;
}

export function targetVector(label: Label, size: number): Float64Array {
  if (typeof label === 'number') {
    // A class index added to a vector is promoted to one-hot (DESIGN.md, `y`).
    const onehot = new Float64Array(size);
    onehot[label] = 1;
    return onehot;
  }
  if (label.length !== size) throw new Error(`target has ${label.length} entries, the output layer ${size}`);
  return label;
}

/** L(o^L, y) read directly from the output activations. */
export function lossFromOutput(kind: LossKind, o: Float64Array, label: Label): number {
  switch (kind) {
    case 'cross_entropy':
      return -Math.log(o[classIndex(label)]);
    case 'mse': {
      const y = targetVector(label, o.length);
      let sum = 0;
      for (let i = 0; i < o.length; i++) sum += (o[i] - y[i]) ** 2;
      return sum / 2;
    }
    case 'bce': {
      const y = classIndex(label);
      return -(y * Math.log(o[0]) + (1 - y) * Math.log(1 - o[0]));
    }
  }
}

/** L from the last layer's pre-activation z^L and activation o^L, stable for the canonical pairs. */
export function lossFromLastLayer(kind: LossKind, activation: Activation, z: Float64Array, o: Float64Array, label: Label): number {
  if (kind === 'cross_entropy' && activation === 'softmax') return logSumExp(z) - z[classIndex(label)];
  if (kind === 'bce' && activation === 'sigmoid') {
    // softplus(z) − y z = −y log σ(z) − (1 − y) log(1 − σ(z))
    const zz = z[0];
    return Math.max(zz, 0) + Math.log1p(Math.exp(-Math.abs(zz))) - classIndex(label) * zz;
  }
  return lossFromOutput(kind, o, label);
}

/** ∂L/∂o^L. */
export function lossGradientOutput(kind: LossKind, o: Float64Array, label: Label): Float64Array {
  const grad = new Float64Array(o.length);
  switch (kind) {
    case 'cross_entropy': {
      const y = classIndex(label);
      grad[y] = -1 / o[y];
      return grad;
    }
    case 'mse': {
      const y = targetVector(label, o.length);
      for (let i = 0; i < o.length; i++) grad[i] = o[i] - y[i];
      return grad;
    }
    case 'bce': {
      const y = classIndex(label);
      grad[0] = (o[0] - y) / (o[0] * (1 - o[0]));
      return grad;
    }
  }
}

/**
 * ∂L/∂z^L for the canonical pairs, where it simplifies to o − y; undefined
 * otherwise (the caller then chains ∂L/∂o^L through the activation).
 */
export function canonicalOutputDelta(kind: LossKind, activation: Activation, o: Float64Array, label: Label): Float64Array | undefined {
  const canonical = (kind === 'cross_entropy' && activation === 'softmax') || (kind === 'bce' && activation === 'sigmoid');
  if (!canonical) return undefined;
  // bce's label is the scalar target of its single output, not a class index to one-hot.
  const y = kind === 'bce' ? Float64Array.of(classIndex(label)) : targetVector(label, o.length);
  const delta = new Float64Array(o.length);
  for (let i = 0; i < o.length; i++) delta[i] = o[i] - y[i];
  return delta;
}
