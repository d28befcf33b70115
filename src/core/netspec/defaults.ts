// The network used when a document has no spec (docs/spec-language.md, "The default
// network"): three layers, so a recursion over a generic layer l has interior
// layers to be checked on.
import type { NetworkConfig } from '../engine';

export const DEFAULT_SPEC_TEXT = [
  'input 4',
  'dense 5 sigmoid',
  'dense 4 sigmoid',
  'dense 3 softmax',
  'loss cross_entropy',
  '',
].join('\n');

export const DEFAULT_NETWORK: NetworkConfig = Object.freeze({
  inputSize: 4,
  layers: Object.freeze([
    Object.freeze({ units: 5, activation: 'sigmoid' as const }),
    Object.freeze({ units: 4, activation: 'sigmoid' as const }),
    Object.freeze({ units: 3, activation: 'softmax' as const }),
  ]),
  loss: 'cross_entropy' as const,
});
