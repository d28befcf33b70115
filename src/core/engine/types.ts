// The vocabulary of the engine. Layers are numbered as in the math: layer 0
// is the input x = o^0, layers 1..L are dense layers, and every per-layer
// array is indexed by that number (index 0 holds the input or is empty).

export const ACTIVATIONS = ['identity', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'softplus', 'softmax'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export const LOSSES = ['cross_entropy', 'mse', 'bce'] as const;
export type LossKind = (typeof LOSSES)[number];

export interface LayerConfig {
  readonly units: number;
  readonly activation: Activation;
}

export interface NetworkConfig {
  readonly inputSize: number;
  /** Dense layers 1..L, in order (layers[0] is layer 1). */
  readonly layers: readonly LayerConfig[];
  readonly loss: LossKind;
}

/** Row-major matrix: entry (r, c) lives at data[r * cols + c]. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** Parameters indexed by layer: W[l] is n_l × n_{l-1}; W[0] and b[0] are empty. */
export interface Params {
  readonly W: Matrix[];
  readonly b: Float64Array[];
}

/** A class index (cross_entropy), 0/1 (bce), or a target vector (mse). */
export type Label = number | Float64Array;

/** Everything a forward pass computes, by layer; o[0] is the input, z[0] is empty. */
export interface ForwardState {
  readonly z: Float64Array[];
  readonly o: Float64Array[];
  readonly loss: number;
}

/** Gradients of the loss, by layer; dO[0] is ∂L/∂x, dZ[0], dW[0], db[0] are empty. */
export interface Gradients {
  readonly dZ: Float64Array[];
  readonly dO: Float64Array[];
  readonly dW: Matrix[];
  readonly db: Float64Array[];
}
