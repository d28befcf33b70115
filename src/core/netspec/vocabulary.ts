// The words of the spec language and the names other tools use for the same
// things, so a newcomer coming from Keras or PyTorch gets pointed at ours.
import { ACTIVATIONS, LOSSES, type Activation, type LossKind } from '../engine';

export const KEYWORDS = ['input', 'dense', 'loss', 'let', 'seed', 'samples', 'batch', 'layout', 'mlp:', 'convention'] as const;
export type Keyword = (typeof KEYWORDS)[number];

/** Accepted spellings that are not engine names. */
export const ACTIVATION_ALIASES: Readonly<Record<string, Activation>> = { linear: 'identity' };

/** Every accepted activation spelling, aliases included (for suggestions and the grammar). */
export const ACTIVATION_NAMES: readonly string[] = [...ACTIVATIONS, ...Object.keys(ACTIVATION_ALIASES)];

export const KEYWORD_HINTS: Readonly<Record<string, string>> = {
  layer: 'dense',
  hidden: 'dense',
  output: 'dense',
  fc: 'dense',
  linear: 'dense',
  fully_connected: 'dense',
  include: 'mlp:',
  import: 'mlp:',
  use: 'mlp:',
  network: 'mlp:',
  file: 'mlp:',
  rng: 'seed',
  random_seed: 'seed',
  instances: 'samples',
  trials: 'samples',
  n_samples: 'samples',
  minibatch: 'batch',
  batch_size: 'batch',
  m: 'batch',
  examples: 'layout',
  def: 'let',
  define: 'let',
  set: 'let',
  activation: 'dense',
  criterion: 'loss',
  objective: 'loss',
  conventions: 'convention',
  notation: 'convention',
};

export const ACTIVATION_HINTS: Readonly<Record<string, string>> = {
  logistic: 'sigmoid',
  none: 'identity',
  id: 'identity',
  lrelu: 'leaky_relu',
  rectifier: 'relu',
};

export const LOSS_HINTS: Readonly<Record<string, string>> = {
  ce: 'cross_entropy',
  nll: 'cross_entropy',
  xent: 'cross_entropy',
  categorical_crossentropy: 'cross_entropy',
  softmax_cross_entropy: 'cross_entropy',
  l2: 'mse',
  mean_squared_error: 'mse',
  squared_error: 'mse',
  sse: 'mse',
  binary_crossentropy: 'bce',
  binary_cross_entropy: 'bce',
  logistic: 'bce',
  log_loss: 'bce',
};

export function lookupActivation(word: string): Activation | undefined {
  if ((ACTIVATIONS as readonly string[]).includes(word)) return word as Activation;
  return ACTIVATION_ALIASES[word];
}

export function lookupLoss(word: string): LossKind | undefined {
  return (LOSSES as readonly string[]).includes(word) ? (word as LossKind) : undefined;
}

export const LAYOUTS = ['columns', 'rows'] as const;
export const LAYOUT_HINTS: Readonly<Record<string, string>> = { column: 'columns', row: 'rows', cols: 'columns', nchw: 'rows', channels_first: 'columns' };
export const LAYOUT_LIST = 'columns (examples as columns, deeplearning.ai) or rows (examples as rows, CS231n)';

export const ACTIVATION_LIST = 'identity (or linear), sigmoid, tanh, relu, leaky_relu, softplus, softmax';
export const LOSS_LIST = 'cross_entropy, mse, bce';
