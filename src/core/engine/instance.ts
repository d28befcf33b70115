// Random instances of a network for checking: weights, input and label from
// one seed, re-drawn while a ReLU-like pre-activation sits on its kink.
import { hasKink } from './activations';
import type { Instance } from './finiteDifferences';
import { forward } from './mlp';
import { initParams, randomInput, randomLabel, validateNetwork } from './network';
import { createRng, type Rng } from './rng';
import type { ForwardState, NetworkConfig } from './types';

/** Pre-activations closer than this to a kink are re-drawn (DESIGN.md). */
export const KINK_MARGIN = 1e-4;

/** The first (layer, unit) whose pre-activation lies within `margin` of a kink, if any. */
export function findKink(net: NetworkConfig, state: ForwardState, margin = KINK_MARGIN): { layer: number; unit: number } | undefined {
  for (let l = 1; l <= net.layers.length; l++) {
    if (!hasKink(net.layers[l - 1].activation)) continue;
    const z = state.z[l];
    for (let i = 0; i < z.length; i++) if (Math.abs(z[i]) < margin) return { layer: l, unit: i };
  }
  return undefined;
}

export interface DrawnInstance extends Instance {
  readonly state: ForwardState;
  /** How many draws were discarded for sitting on a kink. */
  readonly redraws: number;
}

const MAX_DRAWS = 200;

/** A reproducible random instance away from kinks; throws if none is found in a bounded number of draws. */
export function drawInstance(net: NetworkConfig, seedOrRng: number | Rng, margin = KINK_MARGIN): DrawnInstance {
  validateNetwork(net);
  const rng = typeof seedOrRng === 'number' ? createRng(seedOrRng) : seedOrRng;
  let params = initParams(net, rng);
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    // A new input usually moves every pre-activation; every tenth draw also re-draws the weights.
    if (draw > 0 && draw % 10 === 0) params = initParams(net, rng);
    const x = randomInput(net, rng);
    const label = randomLabel(net, rng);
    const state = forward(net, params, x, label);
    if (!findKink(net, state, margin)) return { net, params, x, label, state, redraws: draw };
  }
  throw new Error(`no random instance keeps every ReLU pre-activation ${margin} away from 0 after ${MAX_DRAWS} draws`);
}

export interface DrawnBatch {
  readonly net: NetworkConfig;
  readonly params: DrawnInstance['params'];
  /** Every example shares the batch's params. */
  readonly examples: readonly DrawnInstance[];
}

/**
 * A reproducible batch of `size` examples sharing one set of weights, each
 * away from kinks: the examples of a vectorised derivation (X, Y, Z^{[l]}).
 */
export function drawBatch(net: NetworkConfig, seedOrRng: number | Rng, size: number, margin = KINK_MARGIN): DrawnBatch {
  validateNetwork(net);
  const rng = typeof seedOrRng === 'number' ? createRng(seedOrRng) : seedOrRng;
  for (let attempt = 0; attempt < 10; attempt++) {
    const params = initParams(net, rng);
    const examples: DrawnInstance[] = [];
    for (let draw = 0; examples.length < size && draw < MAX_DRAWS * size; draw++) {
      const x = randomInput(net, rng);
      const label = randomLabel(net, rng);
      const state = forward(net, params, x, label);
      if (!findKink(net, state, margin)) examples.push({ net, params, x, label, state, redraws: draw });
    }
    if (examples.length === size) return { net, params, examples };
  }
  throw new Error(`no random batch of ${size} keeps every ReLU pre-activation ${margin} away from 0`);
}
