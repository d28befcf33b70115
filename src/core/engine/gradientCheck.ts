// The engine checking itself: backprop against central differences for every
// tensor of one instance. Used by `gradcheck selftest` and the property tests;
// the backward pass is injectable so a deliberately broken one can be caught.
import { entryRelativeError } from './compare';
import { analyticGradient, differenceResolution, directionalCheck, numericGradient, targetValue, type Instance, type Quantity, type Target } from './finiteDifferences';
import { backward as engineBackward, forward } from './mlp';
import { createRng } from './rng';
import type { ForwardState, Gradients, Label, NetworkConfig, Params } from './types';

export type BackwardPass = (net: NetworkConfig, params: Params, state: ForwardState, label: Label) => Gradients;

export interface TensorCheck {
  readonly target: Target;
  readonly entries: number;
  /** Largest per-entry relative error (DESIGN.md's measure), including entries below resolution. */
  readonly maxRelError: number;
  readonly worstIndex: number;
  /** Entries whose relative error exceeds the tolerance but whose absolute error is within the differences' resolution. */
  readonly belowResolution: number;
  /** Random-direction check: vᵀ∇ against the directional difference. */
  readonly directionalRelError: number;
  readonly passed: boolean;
}

export interface GradientCheckOptions {
  readonly backward?: BackwardPass;
  /** Per-entry relative tolerance (1e-6 by default). */
  readonly tolerance?: number;
  /** Relative base step of the differences. */
  readonly step?: number;
  readonly order?: 2 | 4;
  /** Which tensors; every W, b, z, o (incl. the input) by default. */
  readonly quantities?: readonly Quantity[];
  readonly seed?: number;
}

/** Fourth-order differences with this step resolve entries down to ~1e-10. */
export const PRECISE_DIFFERENCES = { order: 4, step: 1e-4 } as const;

export function allTargets(net: NetworkConfig, quantities: readonly Quantity[] = ['W', 'b', 'z', 'o']): Target[] {
  const targets: Target[] = [];
  for (let layer = net.layers.length; layer >= 0; layer--) {
    for (const quantity of quantities) if (layer > 0 || quantity === 'o') targets.push({ quantity, layer });
  }
  return targets;
}

export function checkTensor(instance: Instance, grads: Gradients, loss: number, target: Target, options: GradientCheckOptions = {}): TensorCheck {
  const tolerance = options.tolerance ?? 1e-6;
  const step = options.step ?? PRECISE_DIFFERENCES.step;
  const analytic = analyticGradient(grads, target);
  const numeric = numericGradient(instance, target, { step, order: options.order ?? PRECISE_DIFFERENCES.order });
  const values = targetValue(instance, target);
  let maxRelError = 0;
  let worstIndex = -1;
  let belowResolution = 0;
  let passed = analytic.length === numeric.length;
  for (let i = 0; i < numeric.length; i++) {
    const error = entryRelativeError(analytic[i], numeric[i]);
    if (!(error <= maxRelError)) {
      maxRelError = error;
      worstIndex = i;
    }
    if (error < tolerance) continue;
    // Too small for the differences to resolve relatively: an absolute bound then (an allclose with atol = resolution).
    if (Math.abs(analytic[i] - numeric[i]) <= differenceResolution(loss, step, values[i])) belowResolution++;
    else passed = false;
  }
  const directional = directionalCheck(instance, target, analytic, createRng(options.seed ?? 1), step, options.order ?? PRECISE_DIFFERENCES.order);
  const directionalRelError = entryRelativeError(directional.analytic, directional.numeric);
  const directionalOk = directionalRelError < tolerance || Math.abs(directional.analytic - directional.numeric) <= differenceResolution(loss, step, 0);
  return { target, entries: numeric.length, maxRelError, worstIndex, belowResolution, directionalRelError, passed: passed && directionalOk };
}

/** Checks every requested tensor of the instance. */
export function checkGradients(instance: Instance, options: GradientCheckOptions = {}): TensorCheck[] {
  const state = forward(instance.net, instance.params, instance.x, instance.label);
  const grads = (options.backward ?? engineBackward)(instance.net, instance.params, state, instance.label);
  return allTargets(instance.net, options.quantities).map((target) => checkTensor(instance, grads, state.loss, target, options));
}
