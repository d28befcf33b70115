// Activations, elementwise except softmax. Derivatives are with respect to
// the pre-activation z and are only defined for the elementwise ones.
import type { Activation } from './types';

export const LEAKY_RELU_SLOPE = 0.01;

type Scalar = (z: number) => number;

interface Elementwise {
  readonly value: Scalar;
  readonly derivative: Scalar;
  /** Points where the derivative jumps; finite differences must keep away from them. */
  readonly hasKinkAtZero: boolean;
}

function sigmoid(z: number): number {
  // Two branches keep exp() from overflowing for large |z|.
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

function softplus(z: number): number {
  // log(1 + e^z) without overflow: max(z, 0) + log1p(e^{-|z|}).
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

const ELEMENTWISE: Record<Exclude<Activation, 'softmax'>, Elementwise> = {
  identity: { value: (z) => z, derivative: () => 1, hasKinkAtZero: false },
  sigmoid: {
    value: sigmoid,
    derivative: (z) => {
      const s = sigmoid(z);
      return s * (1 - s);
    },
    hasKinkAtZero: false,
  },
  tanh: {
    value: Math.tanh,
    derivative: (z) => {
      const t = Math.tanh(z);
      return 1 - t * t;
    },
    hasKinkAtZero: false,
  },
  relu: { value: (z) => (z > 0 ? z : 0), derivative: (z) => (z > 0 ? 1 : 0), hasKinkAtZero: true },
  leaky_relu: {
    value: (z) => (z > 0 ? z : LEAKY_RELU_SLOPE * z),
    derivative: (z) => (z > 0 ? 1 : LEAKY_RELU_SLOPE),
    hasKinkAtZero: true,
  },
  softplus: { value: softplus, derivative: sigmoid, hasKinkAtZero: false },
};

export function isElementwise(activation: Activation): activation is Exclude<Activation, 'softmax'> {
  return activation !== 'softmax';
}

export function hasKink(activation: Activation): boolean {
  return isElementwise(activation) && ELEMENTWISE[activation].hasKinkAtZero;
}

/** Numerically stable softmax: shift by the max before exponentiating. */
export function softmaxInto(z: Float64Array, out: Float64Array): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < z.length; i++) if (z[i] > max) max = z[i];
  let sum = 0;
  for (let i = 0; i < z.length; i++) {
    out[i] = Math.exp(z[i] - max);
    sum += out[i];
  }
  for (let i = 0; i < z.length; i++) out[i] /= sum;
  return out;
}

/** log Σ exp(z_i), computed without overflow. */
export function logSumExp(z: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < z.length; i++) if (z[i] > max) max = z[i];
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (let i = 0; i < z.length; i++) sum += Math.exp(z[i] - max);
  return max + Math.log(sum);
}

export function activate(activation: Activation, z: Float64Array, out = new Float64Array(z.length)): Float64Array {
  if (activation === 'softmax') return softmaxInto(z, out);
  const f = ELEMENTWISE[activation].value;
  for (let i = 0; i < z.length; i++) out[i] = f(z[i]);
  return out;
}

/** σ'(z) elementwise; throws for softmax, whose Jacobian is not diagonal. */
export function activationDerivative(activation: Activation, z: Float64Array, out = new Float64Array(z.length)): Float64Array {
  if (activation === 'softmax') throw new Error("softmax has no elementwise derivative: use its Jacobian");
  const df = ELEMENTWISE[activation].derivative;
  for (let i = 0; i < z.length; i++) out[i] = df(z[i]);
  return out;
}

/** Scalar forms, for identities like σ'(z) = σ(z)(1 − σ(z)) checked on random arguments. */
export function scalarActivation(activation: Exclude<Activation, 'softmax'>): { value: Scalar; derivative: Scalar } {
  return ELEMENTWISE[activation];
}
