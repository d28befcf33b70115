// Seeded random network architectures for property tests.
import { createRng, type Activation, type LayerConfig, type LossKind, type NetworkConfig } from '../../../src/core/engine';

const HIDDEN: readonly Activation[] = ['identity', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'softplus'];
const LOSS_CYCLE: readonly LossKind[] = ['cross_entropy', 'mse', 'bce'];

/** Depth 1–5, widths 1–12, every hidden activation, every loss with a valid output layer. */
export function randomArchitecture(seed: number): NetworkConfig {
  const rng = createRng(seed * 7919);
  const depth = 1 + rng.int(5);
  const loss = LOSS_CYCLE[seed % LOSS_CYCLE.length];
  const layers: LayerConfig[] = [];
  for (let l = 0; l < depth; l++) layers.push({ units: 1 + rng.int(12), activation: HIDDEN[rng.int(HIDDEN.length)] });
  if (loss === 'cross_entropy') layers[depth - 1] = { units: 1 + rng.int(12), activation: 'softmax' };
  if (loss === 'bce') layers[depth - 1] = { units: 1, activation: 'sigmoid' };
  return { inputSize: 1 + rng.int(12), layers, loss };
}

export function describeArchitecture(net: NetworkConfig): string {
  const layers = net.layers.map((layer) => `${layer.units} ${layer.activation}`).join(' → ');
  return `${net.inputSize} → ${layers}, ${net.loss}`;
}
