// The playground's training, in Node (the same code runs in the page's worker).
import * as assert from 'node:assert/strict';
import { checkDocument, documentGradients } from '../../src/core/check';
import type { NetworkConfig } from '../../src/core/engine';
import { rgb } from '../../src/webview/shared/dom';
import { DEFAULT_SETTINGS } from '../../src/webview/playground/defaults';
import { fitNetwork } from '../../src/webview/playground/controls';
import { settingsSpec, specEdit, weightsJson } from '../../src/webview/playground/spec';
import { Trainer } from '../../src/webview/playground/training';
import { XOR_STEP_BOUND } from './helpers/bounds';
import { fixtureText, type FixtureName } from './helpers/fixtures';


function withDerivation(name: FixtureName, steps: number): Trainer {
  const trainer = new Trainer(DEFAULT_SETTINGS, DEFAULT_SETTINGS.network as NetworkConfig, { derivation: documentGradients(fixtureText(name), 'markdown') });
  trainer.train(steps);
  return trainer;
}

describe('playground training', () => {
  it(`learns xor with the default settings: ≥ 95% test accuracy within ${XOR_STEP_BOUND} steps`, () => {
    const trainer = new Trainer(DEFAULT_SETTINGS, DEFAULT_SETTINGS.network as NetworkConfig);
    let accuracy = 0;
    while (trainer.step < XOR_STEP_BOUND && accuracy < 0.95) {
      trainer.train(50);
      accuracy = trainer.accuracy(trainer.backprop.params, trainer.data.test);
    }
    assert.ok(accuracy >= 0.95, `test accuracy ${accuracy} after ${trainer.step} steps`);
  });

  it('with a derivation that is right, trains the same network as backprop (every weight within 1e-9)', () => {
    const trainer = withDerivation('backprop-correct', 1000);
    for (let l = 1; l < trainer.backprop.params.W.length; l++) {
      const a = trainer.backprop.params.W[l].data;
      const b = trainer.derivation!.params.W[l].data;
      for (let i = 0; i < a.length; i++) assert.ok(Math.abs(a[i] - b[i]) <= 1e-9 * Math.max(1, Math.abs(a[i])), `W^${l}[${i}]: ${a[i]} vs ${b[i]}`);
    }
    const snapshot = trainer.snapshot(false);
    assert.equal(snapshot.derivation!.divergedAt, undefined);
    assert.equal(snapshot.derivation!.firstDifference, undefined);
  });

  it('with a δ recursion that drops σ′, the derivation’s copy fails to learn xor while backprop succeeds', () => {
    const trainer = withDerivation('backprop-drops-slope', 1500);
    const snapshot = trainer.snapshot(false);
    assert.ok(snapshot.backprop.testAccuracy >= 0.95, `backprop ${snapshot.backprop.testAccuracy}`);
    assert.ok(snapshot.derivation!.testAccuracy < 0.7, `derivation ${snapshot.derivation!.testAccuracy}`);
    assert.ok(snapshot.derivation!.testLoss.at(-1)! > 0.6, `derivation loss ${snapshot.derivation!.testLoss.at(-1)}`);
    assert.deepEqual(snapshot.derivation!.divergedAt, { step: 1, tensor: 'W2' });
    assert.equal(snapshot.derivation!.firstDifference, 'δ^2');
  });

  it('fits the 1-D regression set: the test loss falls by more than half', () => {
    const settings = { ...DEFAULT_SETTINGS, dataset: 'regression' as const, network: fitNetwork(DEFAULT_SETTINGS.network, 'regression'), learningRate: 0.03 };
    const trainer = new Trainer(settings, settings.network as NetworkConfig);
    const before = trainer.snapshot(false).backprop.testLoss.at(-1)!;
    trainer.train(3000);
    const after = trainer.snapshot(true);
    assert.ok(after.backprop.testLoss.at(-1)! < before / 2, `${before} → ${after.backprop.testLoss.at(-1)}`);
    assert.equal(after.backprop.picture.length, 160);
  });

  it('applies L2 regularisation: the weights end smaller than without it', () => {
    const plain = new Trainer(DEFAULT_SETTINGS, DEFAULT_SETTINGS.network as NetworkConfig);
    const l2 = new Trainer({ ...DEFAULT_SETTINGS, regularisation: 'l2', regularisationRate: 0.1 }, DEFAULT_SETTINGS.network as NetworkConfig);
    plain.train(500);
    l2.train(500);
    const size = (t: Trainer) => t.backprop.params.W.reduce((s, w) => s + w.data.reduce((a, v) => a + v * v, 0), 0);
    assert.ok(size(l2) < size(plain));
  });
});

describe('playground exports', () => {
  it('writes the settings as an mlp block the spec parser reads back to the same network', () => {
    const spec = settingsSpec(DEFAULT_SETTINGS);
    const read = checkDocument('```mlp\n' + spec + '```\n', { language: 'markdown' });
    assert.deepEqual(read.problems, []);
    assert.equal(read.network?.source, 'document');
    assert.deepEqual(documentGradients('```mlp\n' + spec + '```\n', 'markdown').net, DEFAULT_SETTINGS.network);
  });

  it('exports the trained weights as JSON with one W row per unit', () => {
    const trainer = new Trainer(DEFAULT_SETTINGS, DEFAULT_SETTINGS.network as NetworkConfig);
    const json = JSON.parse(weightsJson(DEFAULT_SETTINGS, 0, trainer.snapshot(false).backprop));
    assert.equal(json.layers.length, 3);
    assert.equal(json.layers[0].W.length, 8);
    assert.equal(json.layers[0].W[0].length, 2);
    assert.equal(json.layers[2].b.length, 1);
  });

  it('replaces a document’s mlp block, or appends one, in Markdown and LaTeX', () => {
    const md = '# T\n\n```mlp\ninput 4\ndense 3 softmax\n```\n\ntext\n';
    const edit = specEdit(md, 'markdown', 'input 2\ndense 1 sigmoid\n');
    assert.equal(md.slice(0, edit.start) + edit.insert + md.slice(edit.end), '# T\n\n```mlp\ninput 2\ndense 1 sigmoid\n```\n\ntext\n');
    const appended = specEdit('# T', 'markdown', 'input 2\n');
    assert.equal(appended.insert, '\n\n```mlp\ninput 2\n```\n');
    const tex = '\\section{A}\n% mlp: input 4\n% mlp: dense 3 softmax\nbody\n';
    const texEdit = specEdit(tex, 'latex', 'input 2\ndense 1 sigmoid\n');
    assert.equal(tex.slice(0, texEdit.start) + texEdit.insert + tex.slice(texEdit.end), '\\section{A}\n% mlp: input 2\n% mlp: dense 1 sigmoid\nbody\n');
  });
});

describe('playground colours', () => {
  it('reads theme colours as VS Code writes them (hex with or without alpha, rgb/rgba)', () => {
    assert.deepEqual(rgb('#d18616'), [209, 134, 22]);
    assert.deepEqual(rgb('#fff'), [255, 255, 255]);
    assert.deepEqual(rgb('#d18616ff'), [209, 134, 22]);
    assert.deepEqual(rgb('rgba(1, 2, 3, 0.5)'), [1, 2, 3]);
    assert.deepEqual(rgb('orange'), [128, 128, 128]);
  });
});
