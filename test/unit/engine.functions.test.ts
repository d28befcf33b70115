// Activations, losses and the comparison measure, exactly as DESIGN.md defines them.
import assert from 'node:assert/strict';
import {
  activate,
  activationDerivative,
  allClose,
  entryRelativeError,
  lossFromLastLayer,
  lossFromOutput,
  logSumExp,
  relativeError,
  scalarActivation,
  LEAKY_RELU_SLOPE,
  worstEntry,
} from '../../src/core/engine';

const v = (...xs: number[]) => Float64Array.from(xs);

describe('activations', () => {
  it('computes each elementwise activation at known points', () => {
    assert.deepEqual([...activate('identity', v(-2, 3))], [-2, 3]);
    assert.deepEqual([...activate('relu', v(-2, 3))], [0, 3]);
    assert.deepEqual([...activate('leaky_relu', v(-2, 3))], [-2 * LEAKY_RELU_SLOPE, 3]);
    assert.equal(activate('sigmoid', v(0))[0], 0.5);
    assert.ok(Math.abs(activate('tanh', v(1))[0] - Math.tanh(1)) < 1e-15);
    assert.ok(Math.abs(activate('softplus', v(0))[0] - Math.log(2)) < 1e-15);
  });

  it('keeps sigmoid, softplus and softmax finite for logits of ±1000', () => {
    assert.deepEqual([...activate('sigmoid', v(-1000, 1000))], [0, 1]);
    assert.deepEqual([...activate('softplus', v(-1000, 1000))], [0, 1000]);
    const p = activate('softmax', v(1000, 1000, -1000));
    assert.deepEqual([...p], [0.5, 0.5, 0]);
    assert.equal(logSumExp(v(1000, 1000)), 1000 + Math.log(2));
  });

  it('has derivatives that match central differences at random points', () => {
    for (const name of ['identity', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'softplus'] as const) {
      const { value, derivative } = scalarActivation(name);
      for (const z of [-2.3, -0.7, 0.4, 1.9]) {
        const h = 1e-6;
        const numeric = (value(z + h) - value(z - h)) / (2 * h);
        assert.ok(Math.abs(numeric - derivative(z)) < 1e-8, `${name}'(${z}): ${derivative(z)} vs ${numeric}`);
      }
    }
  });

  it("refuses an elementwise derivative of softmax (its Jacobian is not diagonal)", () => {
    assert.throws(() => activationDerivative('softmax', v(1, 2)), /softmax has no elementwise derivative/);
  });
});

describe('losses', () => {
  it('cross_entropy is −log p_y', () => {
    assert.ok(Math.abs(lossFromOutput('cross_entropy', v(0.2, 0.5, 0.3), 1) + Math.log(0.5)) < 1e-15);
  });

  it('mse is ½ Σ (o_i − y_i)²', () => {
    assert.equal(lossFromOutput('mse', v(1, 2), v(0, 4)), 0.5 * (1 + 4));
  });

  it('mse promotes a class index to a one-hot target', () => {
    assert.equal(lossFromOutput('mse', v(0.5, 0.5), 1), 0.5 * (0.25 + 0.25));
  });

  it('bce is −y log o − (1 − y) log(1 − o)', () => {
    assert.ok(Math.abs(lossFromOutput('bce', v(0.8), 1) + Math.log(0.8)) < 1e-15);
    assert.ok(Math.abs(lossFromOutput('bce', v(0.8), 0) + Math.log(0.2)) < 1e-15);
  });

  it('stays finite for a confident wrong softmax or sigmoid (computed from the logits)', () => {
    const z = v(800, -800);
    assert.equal(lossFromLastLayer('cross_entropy', 'softmax', z, activate('softmax', z), 1), 1600);
    assert.equal(lossFromLastLayer('bce', 'sigmoid', v(-800), v(0), 1), 800);
  });

  it('rejects a vector label for a class-index loss, with a readable message', () => {
    assert.throws(() => lossFromOutput('cross_entropy', v(0.5, 0.5), v(0, 1)), /needs a class index/);
  });
});

describe('relative error and allclose (DESIGN.md)', () => {
  it('is max |u − v| / max(|u|, |v|, 1e-12) over entries and says where', () => {
    assert.equal(relativeError(v(1, 2), v(1, 2)), 0);
    assert.equal(relativeError(v(1, 2), v(1, 3)), 1 / 3);
    assert.deepEqual(worstEntry(v(1, 2, 5), v(1, 3, 5)), { index: 1, error: 1 / 3 });
    assert.equal(entryRelativeError(0, 1e-13), 1e-13 / 1e-12);
  });

  it('treats NaN as the worst possible error and never as close', () => {
    assert.ok(Number.isNaN(relativeError(v(1, NaN), v(1, 2))));
    assert.equal(allClose(v(NaN), v(NaN)), false);
  });

  it('passes |u − v| ≤ atol + rtol·|v| entrywise with the default atol 1e-6, rtol 1e-5', () => {
    assert.equal(allClose(v(100), v(100.0009)), true);
    assert.equal(allClose(v(100), v(100.01)), false);
    assert.equal(allClose(v(1e-7), v(0)), true);
    assert.equal(allClose(v(1, 2), v(1)), false);
  });

  it('refuses to compare arrays of different lengths', () => {
    assert.throws(() => relativeError(v(1), v(1, 2)), /cannot compare arrays of 1 and 2 entries/);
  });
});
