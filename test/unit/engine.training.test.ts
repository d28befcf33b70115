// SGD and the toy datasets of the playground.
import assert from 'node:assert/strict';
import {
  backward,
  batchLoss,
  batchLossAndGradients,
  createRng,
  DATASETS,
  drawInstance,
  forward,
  initParams,
  labelForClass,
  makeDataset,
  randomInput,
  randomLabel,
  sgdStep,
  type NetworkConfig,
} from '../../src/core/engine';
import { randomArchitecture } from './helpers/architectures';

describe('toy datasets', () => {
  it('are reproducible from their seed and balanced between the two classes', () => {
    for (const name of DATASETS) {
      const a = makeDataset(name, 200, { seed: 5, noise: 0.1 });
      const b = makeDataset(name, 200, { seed: 5, noise: 0.1 });
      assert.deepEqual(a, b, name);
      const ones = a.classes.filter((c) => c === 1).length;
      assert.ok(ones > 60 && ones < 140, `${name}: ${ones} of 200 in class 1`);
    }
  });

  it('rejects a non-positive point count', () => {
    assert.throws(() => makeDataset('xor', 0), /positive whole number of points/);
  });
});

describe('SGD training', () => {
  const cases: { dataset: (typeof DATASETS)[number]; net: NetworkConfig }[] = [
    { dataset: 'gauss', net: { inputSize: 2, layers: [{ units: 2, activation: 'softmax' }], loss: 'cross_entropy' } },
    { dataset: 'xor', net: { inputSize: 2, layers: [{ units: 8, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }], loss: 'bce' } },
    { dataset: 'circle', net: { inputSize: 2, layers: [{ units: 8, activation: 'relu' }, { units: 1, activation: 'tanh' }], loss: 'mse' } },
  ];
  for (const { dataset, net } of cases) {
    it(`reduces the ${net.loss} loss on ${dataset} by more than half in 300 steps`, () => {
      const data = makeDataset(dataset, 200, { seed: 2 });
      const xs = data.points.map((p) => Float64Array.from(p, (v) => v / 5));
      const labels = data.classes.map((c) => labelForClass(net, c));
      const params = initParams(net, createRng(9));
      const before = batchLoss(net, params, xs, labels);
      for (let step = 0; step < 300; step++) {
        const start = (step * 20) % 200;
        sgdStep(net, params, xs.slice(start, start + 20), labels.slice(start, start + 20), 0.3);
      }
      const after = batchLoss(net, params, xs, labels);
      assert.ok(after < before / 2, `loss ${before.toFixed(3)} → ${after.toFixed(3)}`);
    });
  }

  it('rejects a non-positive learning rate', () => {
    const net: NetworkConfig = { inputSize: 2, layers: [{ units: 1, activation: 'sigmoid' }], loss: 'bce' };
    assert.throws(() => sgdStep(net, initParams(net, createRng(1)), [new Float64Array(2)], [1], 0), /learning rate must be a positive number/);
  });
});

describe('mini-batch gradients', () => {
  it('equal the mean of the per-sample backward passes (to rounding) on 50 random architectures, batch sizes 1–9', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const net = randomArchitecture(seed);
      const { params } = drawInstance(net, seed);
      const rng = createRng(seed);
      const batch = 1 + (seed % 9);
      const xs = Array.from({ length: batch }, () => randomInput(net, rng));
      const labels = xs.map(() => randomLabel(net, rng));
      const { loss, dW, db } = batchLossAndGradients(net, params, xs, labels);
      let meanLoss = 0;
      const sums = params.W.map((w) => new Float64Array(w.data.length));
      const biasSums = params.b.map((b) => new Float64Array(b.length));
      xs.forEach((x, s) => {
        const state = forward(net, params, x, labels[s]);
        const g = backward(net, params, state, labels[s]);
        meanLoss += state.loss / batch;
        g.dW.forEach((m, l) => m.data.forEach((v, i) => (sums[l][i] += v / batch)));
        g.db.forEach((b, l) => b.forEach((v, i) => (biasSums[l][i] += v / batch)));
      });
      assert.ok(Math.abs(loss - meanLoss) <= 1e-12 * Math.max(1, Math.abs(meanLoss)), `seed ${seed}: loss`);
      for (let l = 1; l <= net.layers.length; l++) {
        dW[l].data.forEach((v, i) => assert.ok(Math.abs(v - sums[l][i]) <= 1e-12 * Math.max(1, Math.abs(v)), `seed ${seed}: dW^${l}[${i}]`));
        db[l].forEach((v, i) => assert.ok(Math.abs(v - biasSums[l][i]) <= 1e-12 * Math.max(1, Math.abs(v)), `seed ${seed}: db^${l}[${i}]`));
      }
    }
  });
});
