// The document's own gradients (documentGradients): what the playground
// trains with and the δ-flow view shows beside backprop.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument, documentGradients } from '../../src/core/check';
import { drawInstance, lossAndGradients, type NetworkConfig } from '../../src/core/engine';
import { fixtureText } from './helpers/fixtures';

const maxDifference = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  assert.equal(a.length, b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), 1e-12));
  return worst;
};

function compareOnInstances(text: string, seeds: number[]) {
  const derivation = documentGradients(text, 'markdown');
  const net = derivation.net!;
  return seeds.map((seed) => {
    const { params, x, label } = drawInstance(net, seed);
    const claimed = derivation.sample(params, x, label, 0.1);
    const truth = lossAndGradients(net, params, x, label).grads;
    return { claimed, truth, net };
  });
}

describe('documentGradients: the gradients as the document states them', () => {
  it('reproduces backprop exactly when every claim is right, and names the claim behind each gradient', () => {
    for (const { claimed, truth, net } of compareOnInstances(fixtureText('backprop-correct'), [1, 2, 3, 4])) {
      for (let l = 1; l <= net.layers.length; l++) {
        assert.ok(maxDifference(claimed.dZ[l], truth.dZ[l]) < 1e-12, `δ^${l}`);
        assert.ok(maxDifference(claimed.dW[l].data, truth.dW[l].data) < 1e-12, `∂L/∂W^${l}`);
        assert.ok(maxDifference(claimed.db[l], truth.db[l]) < 1e-12, `∂L/∂b^${l}`);
      }
      assert.deepEqual(claimed.sources, { delta3: 13, W3: 21, b3: 23, delta2: 17, W2: 21, b2: 23, delta1: 17, W1: 21, b1: 23 });
    }
  });

  it('carries a recursion that drops σ′ down the layers: δ^L stays right, every δ below it is wrong', () => {
    for (const { claimed, truth } of compareOnInstances(fixtureText('backprop-drops-slope'), [1, 2])) {
      assert.ok(maxDifference(claimed.dZ[3], truth.dZ[3]) < 1e-12);
      assert.ok(maxDifference(claimed.dZ[2], truth.dZ[2]) > 1e-3);
      assert.ok(maxDifference(claimed.dZ[1], truth.dZ[1]) > 1e-3);
      // The wrong δ^1 flows into the weight gradient through the document's own ∂L/∂W claim.
      assert.ok(maxDifference(claimed.dW[1].data, truth.dW[1].data) > 1e-3);
    }
  });

  it('takes what the document does not state from backprop, applied to the document’s own δ, and says so', () => {
    const onlyOutput = fixtureText('backprop-correct').replace(/\$\$\\delta\^l =[^\n]*\n/, '').replace(/\$\$\\frac\{\\partial L\}\{\\partial b\^l\}[^\n]*\n/, '');
    const [{ claimed, truth, net }] = compareOnInstances(onlyOutput, [5]);
    assert.equal(claimed.sources.delta3, 13);
    assert.equal(claimed.sources.delta2, 'backprop');
    assert.equal(claimed.sources.b1, 'backprop');
    assert.equal(typeof claimed.sources.W1, 'number');
    for (let l = 1; l <= net.layers.length; l++) assert.ok(maxDifference(claimed.db[l], truth.db[l]) < 1e-12);
  });

  it('reads entrywise claims (δ^l_j, ∂C/∂w^l_{jk}) into whole gradients, Nielsen’s BP1–BP4', () => {
    const text = readFileSync(join(__dirname, '../../examples/nielsen-bp.md'), 'utf8');
    const derivation = documentGradients(text, 'markdown');
    const kinds = derivation.claims.map((c) => `${c.kind}@${c.line}`);
    assert.ok(kinds.includes('b@47') && kinds.includes('W@51'), kinds.join(' '));
    const net = derivation.net!;
    const { params, x, label } = drawInstance(net, 9);
    const claimed = derivation.sample(params, x, label, 0.1);
    const truth = lossAndGradients(net, params, x, label).grads;
    // The first W claim in document order (line 51) is the right one.
    assert.equal(claimed.sources.W1, 51);
    assert.ok(maxDifference(claimed.dW[1].data, truth.dW[1].data) < 1e-9);
  });

  it('reads δ^l after the document defines it (δ^l := ∂L/∂z^l), in the Vietnamese softmax derivation', () => {
    const text = readFileSync(join(__dirname, '../../examples/softmax-mlp.vi.md'), 'utf8');
    const derivation = documentGradients(text, 'markdown');
    const net = derivation.net!;
    const { params, x, label } = drawInstance(net, 2);
    const claimed = derivation.sample(params, x, label, 0.1);
    const truth = lossAndGradients(net, params, x, label).grads;
    // The first recursion (line 59) is the right one; the wrong one on line 63 comes second.
    assert.equal(claimed.sources.delta1, 59);
    assert.equal(claimed.sources.delta2, 59);
    for (let l = 1; l <= net.layers.length; l++) assert.ok(maxDifference(claimed.dW[l].data, truth.dW[l].data) < 1e-9, `∂L/∂W^${l}`);
  });

  it('reads update rules W^l ← W^l − η δ^l (o^{l−1})^T as the weight gradient they imply', () => {
    const text = fixtureText('backprop-correct').replace(
      /\$\$\\frac\{\\partial L\}\{\\partial W\^l\}[^\n]*\n/,
      '$$W^l \\leftarrow W^l - \\eta \\, \\delta^l (o^{l-1})^T$$\n',
    );
    const [{ claimed, truth }] = compareOnInstances(text, [3]);
    assert.equal(typeof claimed.sources.W2, 'number');
    assert.ok(maxDifference(claimed.dW[2].data, truth.dW[2].data) < 1e-9);
  });

  it('gives a network edited elsewhere the same claims (a generic l applies to any depth)', () => {
    const net: NetworkConfig = { inputSize: 2, layers: [{ units: 5, activation: 'relu' }, { units: 4, activation: 'sigmoid' }, { units: 3, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }], loss: 'bce' };
    const derivation = documentGradients(fixtureText('backprop-correct'), 'markdown', { network: net });
    const { params, x, label } = drawInstance(net, 4);
    const claimed = derivation.sample(params, x, label, 0.1);
    const truth = lossAndGradients(net, params, x, label).grads;
    for (let l = 1; l <= 4; l++) assert.ok(maxDifference(claimed.dW[l].data, truth.dW[l].data) < 1e-9, `layer ${l}`);
  });

  it('puts the claimed values of the first sample in the report, beside backprop’s', () => {
    const report = checkDocument(fixtureText('backprop-drops-slope'), { language: 'markdown' });
    const claimed = report.state!.claimed!;
    assert.deepEqual(claimed.map((c) => c.layer), [1, 2, 3]);
    const layer2 = claimed.find((c) => c.layer === 2)!;
    assert.equal(layer2.lines.delta, 17);
    assert.ok(maxDifference(layer2.delta!, report.state!.layers[2].delta!) > 1e-3);
    const layer3 = claimed.find((c) => c.layer === 3)!;
    assert.ok(maxDifference(layer3.delta!, report.state!.layers[3].delta!) < 1e-12);
  });

  it('finds nothing to train with in a document without gradient claims', () => {
    const derivation = documentGradients('# Notes\n\n$$z^l = W^l o^{l-1} + b^l$$\n', 'markdown');
    assert.equal(derivation.claims.length, 0);
    assert.deepEqual(checkDocument('# Notes\n\n$$z^l = W^l o^{l-1} + b^l$$\n', { language: 'markdown' }).state!.claimed, []);
  });
});
