// Seeded randomness, instances away from kinks, initialisation and network validation.
import assert from 'node:assert/strict';
import { DEFAULT_NETWORK } from '../../src/core/netspec/defaults';
import { createRng, drawInstance, findKink, forward, initParams, parameterCount, validateNetwork, type NetworkConfig } from '../../src/core/engine';

// DESIGN.md's default network.
const DEFAULT_NET = DEFAULT_NETWORK;

describe('seeded random instances', () => {
  it('gives the same weights, input and label for the same seed, and different ones for another', () => {
    const a = drawInstance(DEFAULT_NET, 42);
    const b = drawInstance(DEFAULT_NET, 42);
    const c = drawInstance(DEFAULT_NET, 43);
    assert.deepEqual(a.params.W[2].data, b.params.W[2].data);
    assert.deepEqual(a.x, b.x);
    assert.equal(a.label, b.label);
    assert.notDeepEqual(a.params.W[2].data, c.params.W[2].data);
  });

  it('draws standard normals with mean ≈ 0 and variance ≈ 1', () => {
    const rng = createRng(3);
    const n = 20000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.normal();
      sum += x;
      squares += x * x;
    }
    assert.ok(Math.abs(sum / n) < 0.03);
    assert.ok(Math.abs(squares / n - 1) < 0.05);
  });

  it('scales initial weights by fan-in: He for ReLU layers, Glorot otherwise', () => {
    const net: NetworkConfig = { inputSize: 400, layers: [{ units: 300, activation: 'relu' }, { units: 200, activation: 'tanh' }], loss: 'mse' };
    const params = initParams(net, createRng(1));
    const variance = (data: Float64Array) => data.reduce((s, x) => s + x * x, 0) / data.length;
    assert.ok(Math.abs(variance(params.W[1].data) / (2 / 400) - 1) < 0.05, 'He: 2 / fan_in');
    assert.ok(Math.abs(variance(params.W[2].data) / (2 / 500) - 1) < 0.05, 'Glorot: 2 / (fan_in + fan_out)');
  });

  it('re-draws instances whose ReLU pre-activations sit within 1e-4 of the kink', () => {
    // One ReLU unit fed by one input: the draw is near the kink often enough to need re-drawing.
    const net: NetworkConfig = { inputSize: 1, layers: [{ units: 64, activation: 'relu' }, { units: 1, activation: 'identity' }], loss: 'mse' };
    let redraws = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const instance = drawInstance(net, seed, 1e-2);
      assert.equal(findKink(net, instance.state, 1e-2), undefined);
      redraws += instance.redraws;
    }
    assert.ok(redraws > 0, 'the margin was exercised');
  });
});

describe('network validation', () => {
  it('counts parameters without allocating them', () => {
    assert.equal(parameterCount(DEFAULT_NET), 5 * 4 + 5 + 4 * 5 + 4 + 3 * 4 + 3);
    assert.equal(parameterCount({ inputSize: 784, layers: [{ units: 256, activation: 'relu' }, { units: 128, activation: 'relu' }, { units: 10, activation: 'softmax' }], loss: 'cross_entropy' }), 235146);
  });

  it('rejects softmax before the last layer, cross_entropy without softmax, and bce without one sigmoid unit', () => {
    assert.throws(() => validateNetwork({ ...DEFAULT_NET, layers: [{ units: 3, activation: 'softmax' }, { units: 3, activation: 'softmax' }] }), /softmax is only allowed on the last layer \(found on layer 1\)/);
    assert.throws(() => validateNetwork({ ...DEFAULT_NET, layers: [{ units: 3, activation: 'sigmoid' }] }), /cross_entropy needs a softmax output layer/);
    assert.throws(() => validateNetwork({ inputSize: 2, layers: [{ units: 2, activation: 'sigmoid' }], loss: 'bce' }), /bce needs one sigmoid output unit/);
  });

  it('rejects an input of the wrong size with both sizes in the message', () => {
    const { params } = drawInstance(DEFAULT_NET, 1);
    assert.throws(() => forward(DEFAULT_NET, params, new Float64Array(3), 0), /input has 3 entries, the network expects 4/);
  });
});
