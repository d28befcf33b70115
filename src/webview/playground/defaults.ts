// The playground's starting point: the classic 2-8-8-1 tanh classifier on xor.
import type { NetworkShape, PlaygroundSettings } from '../shared/protocol';

export const DEFAULT_PLAYGROUND_NETWORK: NetworkShape = {
  inputSize: 2,
  layers: [
    { units: 8, activation: 'tanh' },
    { units: 8, activation: 'tanh' },
    { units: 1, activation: 'sigmoid' },
  ],
  loss: 'bce',
};

export const DEFAULT_SETTINGS: PlaygroundSettings = {
  dataset: 'xor',
  network: DEFAULT_PLAYGROUND_NETWORK,
  learningRate: 0.03,
  batchSize: 10,
  noise: 0,
  trainFraction: 0.5,
  regularisation: 'none',
  regularisationRate: 0.001,
  seed: 1,
  points: 400,
};
