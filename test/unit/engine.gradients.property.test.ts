// The engine's backprop against central finite differences on 200 seeded
// random architectures: every parameter, pre-activation, activation and the
// input, single samples and mini-batches, entrywise and directional.
import assert from 'node:assert/strict';
import {
  ACTIVATIONS,
  LOSSES,
  backward,
  batchLossAndGradients,
  batchLoss,
  centralDifferences,
  checkGradients,
  createRng,
  differenceResolution,
  directionalParameterCheck,
  drawInstance,
  entryRelativeError,
  matrix,
  randomInput,
  randomLabel,
  PRECISE_DIFFERENCES,
  type BackwardPass,
  type NetworkConfig,
  type Params,
  type TensorCheck,
} from '../../src/core/engine';
import { describeArchitecture, randomArchitecture } from './helpers/architectures';

const ARCHITECTURES = 200;
const TOLERANCE = 1e-6;
// Keep pre-activations well away from ReLU kinks for the fourth-order stencil (±2h moves).
const KINK_MARGIN = 1e-2;

function failures(checks: TensorCheck[]): string[] {
  return checks
    .filter((check) => !check.passed)
    .map((c) => `${c.target.quantity}^${c.target.layer}: max rel error ${c.maxRelError.toExponential(2)} at entry ${c.worstIndex}, directional ${c.directionalRelError.toExponential(2)}`);
}

const nets = Array.from({ length: ARCHITECTURES }, (_, i) => randomArchitecture(i + 1));

describe('engine backprop vs central finite differences (property, 200 random architectures)', () => {
  it('covers every activation, every loss, depths 1–5 and widths 1–12', () => {
    const activations = new Set(nets.flatMap((net) => net.layers.map((layer) => layer.activation)));
    assert.deepEqual([...activations].sort(), [...ACTIVATIONS].sort());
    assert.deepEqual([...new Set(nets.map((net) => net.loss))].sort(), [...LOSSES].sort());
    assert.deepEqual([...new Set(nets.map((net) => net.layers.length))].sort(), [1, 2, 3, 4, 5]);
    const widths = new Set(nets.flatMap((net) => [net.inputSize, ...net.layers.map((layer) => layer.units)]));
    assert.equal(Math.min(...widths), 1);
    assert.equal(Math.max(...widths), 12);
  });

  nets.forEach((net, i) => {
    const seed = i + 1;
    it(`batch 1, every tensor within rel 1e-6 (entrywise and directional): ${describeArchitecture(net)}`, () => {
      const instance = drawInstance(net, seed, KINK_MARGIN);
      assert.deepEqual(failures(checkGradients(instance, { tolerance: TOLERANCE, seed })), []);
    });
  });

  nets.forEach((net, i) => {
    const seed = i + 1;
    it(`batch 8, mean-loss parameter gradients and an all-parameter directional check agree: ${describeArchitecture(net)}`, () => {
      const rng = createRng(seed);
      const { params } = drawInstance(net, seed, KINK_MARGIN);
      const xs = Array.from({ length: 8 }, () => randomInput(net, rng));
      const labels = xs.map(() => randomLabel(net, rng));
      const { loss, dW, db } = batchLossAndGradients(net, params, xs, labels);
      assert.ok(Math.abs(loss - batchLoss(net, params, xs, labels)) < 1e-12, 'batch loss is the mean loss');
      for (let l = 1; l <= net.layers.length; l++) {
        const withW = (value: Float64Array): Params => ({ W: params.W.map((w, j) => (j === l ? matrix(w.rows, w.cols, value) : w)), b: params.b });
        const withB = (value: Float64Array): Params => ({ W: params.W, b: params.b.map((b, j) => (j === l ? value : b)) });
        const numericW = centralDifferences(params.W[l].data, (v) => batchLoss(net, withW(v), xs, labels), PRECISE_DIFFERENCES);
        const numericB = centralDifferences(params.b[l], (v) => batchLoss(net, withB(v), xs, labels), PRECISE_DIFFERENCES);
        for (const [name, analytic, numeric, values] of [['W', dW[l].data, numericW, params.W[l].data], ['b', db[l], numericB, params.b[l]]] as const) {
          analytic.forEach((a, j) => {
            const ok = entryRelativeError(a, numeric[j]) < TOLERANCE || Math.abs(a - numeric[j]) <= differenceResolution(loss, PRECISE_DIFFERENCES.step, values[j]);
            assert.ok(ok, `${name}^${l}[${j}]: backprop ${a}, differences ${numeric[j]}`);
          });
        }
      }
      const sample = drawInstance(net, seed, KINK_MARGIN);
      const direction = directionalParameterCheck(sample, backward(net, sample.params, sample.state, sample.label), rng, PRECISE_DIFFERENCES.step, PRECISE_DIFFERENCES.order);
      assert.ok(entryRelativeError(direction.analytic, direction.numeric) < TOLERANCE, `vᵀ∇L ${direction.analytic} vs directional difference ${direction.numeric}`);
    });
  });
});

describe('the gradient check can fail', () => {
  /** A test double: the engine's backward pass with the sign of one layer's δ flipped (and everything below it). */
  const flipSignAtLayer = (layer: (net: NetworkConfig) => number): BackwardPass => (net, params, state, label) => {
    const grads = backward(net, params, state, label);
    const l = layer(net);
    grads.dZ[l].forEach((v, i, a) => (a[i] = -v));
    grads.dW[l].data.forEach((v, i, a) => (a[i] = -v));
    grads.db[l].forEach((v, i, a) => (a[i] = -v));
    return grads;
  };

  it('catches a backward pass whose output-layer gradients have a flipped sign, on every architecture where they are not zero', () => {
    // A one-unit softmax has p = 1 and so a zero gradient: a flipped zero is still right.
    const candidates = nets.slice(0, 50).map((net, i) => ({ net, instance: drawInstance(net, i + 1, KINK_MARGIN) }));
    const nonZero = candidates.filter(({ net, instance }) => {
      const grads = backward(net, instance.params, instance.state, instance.label);
      return grads.dW[net.layers.length].data.some((v) => Math.abs(v) > 1e-8);
    });
    assert.ok(nonZero.length >= 45, `only ${nonZero.length} of 50 architectures have a non-zero output gradient`);
    const missed = nonZero.filter(({ net, instance }) => {
      const broken = failures(checkGradients(instance, { backward: flipSignAtLayer((n) => n.layers.length) }));
      return !broken.some((f) => f.startsWith(`W^${net.layers.length}`));
    });
    assert.deepEqual(missed.map(({ net }) => describeArchitecture(net)), []);
  });

  it('names the broken tensors: a flipped δ^1 shows up in z^1, W^1 and b^1', () => {
    const net = nets.find((n) => n.layers.length >= 2 && n.layers[0].activation !== 'relu')!;
    const instance = drawInstance(net, 7, KINK_MARGIN);
    const broken = failures(checkGradients(instance, { backward: flipSignAtLayer(() => 1) })).map((f) => f.split(':')[0]);
    assert.deepEqual(broken.sort(), ['W^1', 'b^1', 'z^1']);
  });
});
