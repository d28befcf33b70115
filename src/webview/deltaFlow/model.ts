// What the δ-flow page draws, per layer: the report's first sample as the
// baseline, or a what-if pass (another sample, another weight seed, another
// activation) that the page runs on the core engine itself. The baseline's
// numbers come only from the report.
import { documentGradients, gradientKey } from '../../core/check';
import { drawInstance, lossAndGradients, type Activation, type Label, type NetworkConfig, type Params } from '../../core/engine';
import type { FlowClaimed, FlowDocument, FlowLayer, NetworkShape } from '../shared/protocol';

/** A layer as drawn: the report's FlowLayer with ∂L/∂W flat and the document's claimed values, where it states them. */
export interface LayerView extends Pick<FlowLayer, 'layer' | 'activation' | 'z' | 'o' | 'delta' | 'W' | 'db'> {
  readonly dW?: readonly number[];
  readonly claimed?: Pick<FlowClaimed, 'delta' | 'dW' | 'db'>;
}

export interface FlowView {
  readonly loss: number;
  readonly layers: readonly LayerView[];
  readonly whatIf: boolean;
}

export interface WhatIf {
  /** Which of the checker's random instances (1 is the report's). */
  readonly sample: number;
  /** Weights drawn with this seed instead (the instance's input and label stay). */
  readonly weightSeed?: number;
  /** Per layer 1..L, an activation replacing the document's. */
  readonly activations: readonly (Activation | undefined)[];
}

export const NO_WHAT_IF: WhatIf = { sample: 1, activations: [] };

export function isBaseline(w: WhatIf): boolean {
  return w.sample === 1 && w.weightSeed === undefined && w.activations.every((a) => a === undefined);
}

function baseline(doc: FlowDocument): FlowView {
  const claimed = new Map(doc.claimed.map((c) => [c.layer, c]));
  return {
    loss: doc.loss,
    whatIf: false,
    layers: doc.layers.map((l: FlowLayer) => ({ layer: l.layer, activation: l.activation, z: l.z, o: l.o, delta: l.delta, W: l.W, dW: l.dW?.data, db: l.db, claimed: claimed.get(l.layer) })),
  };
}

const networkOf = (shape: NetworkShape, activations: WhatIf['activations']): NetworkConfig => ({
  inputSize: shape.inputSize,
  layers: shape.layers.map((l, i) => ({ units: l.units, activation: activations[i] ?? l.activation })),
  loss: shape.loss,
});

/** The checker's instances are drawInstance(net, seed + s); the what-if pass redraws the same way. */
export function flowView(doc: FlowDocument, whatIf: WhatIf): FlowView {
  if (isBaseline(whatIf)) return baseline(doc);
  const net = networkOf(doc.network, whatIf.activations);
  const instance = drawInstance(net, doc.seed + whatIf.sample - 1);
  const params: Params = whatIf.weightSeed === undefined ? instance.params : drawInstance(net, whatIf.weightSeed).params;
  const label: Label = instance.label;
  const { state, grads } = lossAndGradients(net, params, instance.x, label);
  let claimedAt: (layer: number) => LayerView['claimed'] = () => undefined;
  try {
    const derivation = documentGradients(doc.text, doc.language, { network: net });
    if (derivation.claims.length > 0) {
      const g = derivation.sample(params, instance.x, label, 0.1);
      const stated = (kind: 'delta' | 'W' | 'b', layer: number) => typeof g.sources[gradientKey(kind, layer)] === 'number';
      claimedAt = (l) =>
        stated('delta', l) || stated('W', l) || stated('b', l)
          ? { delta: stated('delta', l) ? Array.from(g.dZ[l]) : undefined, dW: stated('W', l) ? Array.from(g.dW[l].data) : undefined, db: stated('b', l) ? Array.from(g.db[l]) : undefined }
          : undefined;
    }
  } catch {
    // The claims cannot be evaluated on this what-if network: show backprop alone.
  }
  const layers: LayerView[] = state.o.map((o, l) =>
    l === 0
      ? { layer: 0, o: Array.from(o) }
      : {
          layer: l,
          activation: net.layers[l - 1].activation,
          z: Array.from(state.z[l]),
          o: Array.from(o),
          delta: Array.from(grads.dZ[l]),
          W: { rows: params.W[l].rows, cols: params.W[l].cols, data: Array.from(params.W[l].data) },
          dW: Array.from(grads.dW[l].data),
          db: Array.from(grads.db[l]),
          claimed: claimedAt(l),
        },
  );
  return { loss: state.loss, layers, whatIf: true };
}

/** The animation's steps: the forward pass layer by layer, the loss, then δ from the loss back to layer 1. */
export interface FlowStep {
  readonly phase: 'forward' | 'loss' | 'backward';
  readonly layer: number;
}

export function flowSteps(lastLayer: number): FlowStep[] {
  const steps: FlowStep[] = [];
  for (let l = 0; l <= lastLayer; l++) steps.push({ phase: 'forward', layer: l });
  steps.push({ phase: 'loss', layer: lastLayer });
  for (let l = lastLayer; l >= 1; l--) steps.push({ phase: 'backward', layer: l });
  return steps;
}

/** Units where the claimed value differs from backprop's beyond the checker's tolerance. */
export function disagrees(claimed: number, truth: number): boolean {
  return !(Math.abs(claimed - truth) <= 1e-6 + 1e-5 * Math.abs(truth));
}
