// Batches (issue 8): `batch m` and `layout columns|rows` make X, Y, Z^{[l]},
// A^{[l]} the examples side by side, J their mean loss, dW and db gradients
// of J; claims that write no batch quantity are about one example.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentGradients } from '../../src/core/check';
import { backward, drawInstance } from '../../src/core/engine';
import { parseSpec } from '../../src/core/netspec';
import { checkMarkdown, explain, verdict } from './helpers/verdicts';

const spec = (layout: string, extra = '') => String.raw`~~~mlp
input 3
dense 4 tanh
dense 2 softmax
loss cross_entropy
batch 5
layout ${layout}
seed 3
${extra}~~~
`;

/** A network without a batch, for what batch notation says there. */
const NO_BATCH = '~~~mlp\ninput 3\ndense 2 sigmoid\nloss mse\n~~~\n';

const COLUMNS = String.raw`# Vectorised, examples as columns

${spec('columns')}
$$Z^{[1]} = W^{[1]} X + b^{[1]}$$

$$A^{[2]} = \operatorname{softmax}(Z^{[2]})$$

$$dZ^{[2]} = A^{[2]} - Y$$

$$dW^{[2]} = \frac{1}{m} dZ^{[2]} A^{[1]T}$$

$$dW^{[1]} = dZ^{[1]} X^T$$

$$\frac{\partial J}{\partial Z^{[2]}} = \frac{1}{m} (A^{[2]} - Y)$$

$$dz^{[2]} = a^{[2]} - y$$

$$dW^{[2]} = dz^{[2]} a^{[1]T}$$
`;

describe('batches: the spec statements', () => {
  it('reads `batch 64` and `layout rows` into the spec', () => {
    const parsed = parseSpec('input 2\ndense 1 sigmoid\nbatch 64\nlayout rows\n');
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.batch, { size: 64, layout: 'rows' });
  });

  it('lays a batch out as columns unless the spec says otherwise', () => {
    assert.deepEqual(parseSpec('input 2\ndense 1 sigmoid\nbatch 8\n').batch, { size: 8, layout: 'columns' });
  });

  it('points at a misspelt layout with a did-you-mean, and at a layout without a batch', () => {
    const misspelt = parseSpec('input 2\ndense 1 sigmoid\nbatch 4\nlayout colums\n');
    assert.match(misspelt.problems[0].message, /unknown layout 'colums' — did you mean 'columns'\?/);
    const alone = parseSpec('input 2\ndense 1 sigmoid\nlayout rows\n');
    assert.match(alone.problems[0].message, /no `batch` line/);
  });

  it('refuses a batch size of 0 with a located message', () => {
    const parsed = parseSpec('input 2\ndense 1 sigmoid\nbatch 0\n');
    assert.equal(parsed.problems[0].range.start.line, 2);
    assert.match(parsed.problems[0].message, /the batch size must be/);
  });
});

describe('batches: examples as columns (deeplearning.ai)', () => {
  const report = checkMarkdown(COLUMNS);

  it('broadcasts the bias over the examples: Z = W X + b holds', () => {
    assert.equal(verdict(report, 'Z^{[1]} = W^{[1]} X + b^{[1]}'), 'ok', explain(report));
  });

  it('applies softmax to each example (each column), not to the whole matrix', () => {
    assert.equal(verdict(report, String.raw`A^{[2]} = \operatorname{softmax}`), 'ok', explain(report));
  });

  it('reads dZ as the examples’ own gradients side by side, and dW as the gradient of the mean cost', () => {
    assert.equal(verdict(report, 'dZ^{[2]} = A^{[2]} - Y'), 'ok', explain(report));
    assert.equal(verdict(report, String.raw`dW^{[2]} = \frac{1}{m}`), 'ok', explain(report));
  });

  it('catches a dW that forgets the 1/m of the mean cost', () => {
    assert.equal(verdict(report, 'dW^{[1]} = dZ^{[1]} X^T'), 'mismatch', explain(report));
  });

  it('keeps ∂J/∂Z the true gradient of the mean cost, 1/m of the stacked dZ', () => {
    assert.equal(verdict(report, String.raw`\frac{\partial J}{\partial Z^{[2]}}`), 'ok', explain(report));
  });

  it('checks a claim that writes no batch quantity on one example: dz = a − y and dW = dz aᵀ hold per example', () => {
    assert.equal(verdict(report, 'dz^{[2]} = a^{[2]} - y'), 'ok', explain(report));
    assert.equal(verdict(report, 'dW^{[2]} = dz^{[2]} a^{[1]T}'), 'ok', explain(report));
  });
});

const ROWS = String.raw`# Vectorised, examples as rows

${spec('rows', 'let W_1 = (W^{1})^\\top\nlet b_1 = (b^{1})^\\top\n')}
$$Z_1 = X W_1 + \mathbf{1} b_1$$

$$Z_1 = X W_1 + b_1$$

$$\sum_{i=1}^{N} Y_{i, y^{(i)}} = N$$

$$\frac{\partial L}{\partial b^{2}} = \left(\mathbf{1}^\top \frac{\partial L}{\partial Z^{2}}\right)^\top$$

$$\frac{\partial L}{\partial b^{2}} = \frac{\partial L}{\partial Z^{2}}^\top \mathbf{1}$$

$$\frac{\partial L}{\partial b^{2}} = \mathbf{1}^\top \frac{\partial L}{\partial Z^{2}}$$
`;

describe('batches: examples as rows (CS231n)', () => {
  const report = checkMarkdown(ROWS);

  it('stacks examples as rows: X W + 1 b with the column of ones holds, and so does the broadcast X W + b', () => {
    assert.equal(verdict(report, String.raw`Z_1 = X W_1 + \mathbf{1} b_1`), 'ok', explain(report));
    assert.equal(verdict(report, 'Z_1 = X W_1 + b_1'), 'ok', explain(report));
  });

  it('reads y^{(i)} as example i’s label (a class number indexing Y’s row i) and N as the batch size', () => {
    assert.equal(verdict(report, String.raw`\sum_{i=1}^{N} Y_{i, y^{(i)}} = N`), 'ok', explain(report));
  });

  it('takes a bias gradient written as a row (CS231n’s biases are rows) as the same vector as GradCheck’s column', () => {
    const row = report.claims.filter((c) => c.latex.startsWith(String.raw`\frac{\partial L}{\partial b^{2}} = \mathbf{1}^\top`));
    assert.equal(row.length, 1, explain(report));
    assert.equal(row[0].status, 'ok', explain(report));
  });

  it('sums the rows of ∂J/∂Z with the column of ones: the bias gradient of the mean loss', () => {
    assert.equal(verdict(report, String.raw`\frac{\partial L}{\partial b^{2}} = \left(\mathbf{1}^\top`), 'ok', explain(report));
    assert.equal(verdict(report, String.raw`\frac{\partial L}{\partial b^{2}} = \frac{\partial L}{\partial Z^{2}}^\top`), 'ok', explain(report));
  });
});

describe('batches: notation that needs a batch', () => {
  it('says that \\mathbf{1} needs a `batch` statement instead of guessing its length', () => {
    const report = checkMarkdown(`${NO_BATCH}\n` + String.raw`$$\mathbf{1}^\top z^{1} = \sum_j z^{1}_j$$
`);
    const claim = report.claims[0];
    assert.equal(claim.status, 'unchecked');
    assert.match(claim.message, /needs a batch: add `batch m`/);
  });
});

describe('batches: the loss summed or averaged as the document says', () => {
  const SUMMED = String.raw`~~~mlp
input 3
dense 2 sigmoid
loss mse
batch 4
~~~

$$L = \sum_{i=1}^{m} \frac{1}{2} \|a^{[1](i)} - y^{(i)}\|^2$$

$$\frac{\partial L}{\partial W^{[1]}} = dZ^{[1]} X^T$$

$$\frac{\partial L}{\partial b^{[1]}} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[1](i)}$$
`;
  const report = checkMarkdown(SUMMED);

  it('takes a loss summed over the batch (m times the built-in mean) as the document’s own loss, not a mistake', () => {
    assert.equal(verdict(report, String.raw`L = \sum_{i=1}^{m}`), 'definition', explain(report));
  });

  it('checks the gradients against the summed loss: no 1/m holds, a 1/m is a ✗ corrected with m', () => {
    assert.equal(verdict(report, String.raw`\frac{\partial L}{\partial W^{[1]}} = dZ^{[1]} X^T`), 'ok', explain(report));
    const averaged = report.claims.find((c) => c.latex.startsWith(String.raw`\frac{\partial L}{\partial b^{[1]}}`))!;
    assert.equal(averaged.status, 'mismatch', explain(report));
    assert.match(averaged.diagnosis ?? '', /multiply it by m/);
  });

  it('never takes a loss with its sign flipped as the document’s own', () => {
    const flipped = checkMarkdown(SUMMED.replace(String.raw`L = \sum`, () => String.raw`L = -\sum`));
    assert.equal(verdict(flipped, String.raw`L = -\sum`), 'mismatch', explain(flipped));
  });
});

describe('batches: training with a vectorised derivation (the playground)', () => {
  it('applies the vectorised claims to one sample at a time, as a batch of one (m = 1), and they give backprop’s gradients', () => {
    const derivation = documentGradients(readFileSync(join(__dirname, '..', '..', 'examples', 'vectorised-batch.md'), 'utf8'), 'markdown');
    assert.deepEqual(derivation.claims.map((c) => `${c.kind}${c.layer}`), ['delta2', 'W2', 'b2', 'delta1', 'W1', 'b1']);
    const instance = drawInstance(derivation.net!, 5);
    const own = derivation.sample(instance.params, instance.x, instance.label, 0.1);
    const engine = backward(derivation.net!, instance.params, instance.state, instance.label);
    for (const l of [1, 2]) {
      assert.ok(own.dW[l].data.every((v, i) => Math.abs(v - engine.dW[l].data[i]) < 1e-12), `dW${l}`);
      assert.ok(own.db[l].every((v, i) => Math.abs(v - engine.db[l][i]) < 1e-12), `db${l}`);
    }
  });
});

describe('batches: the batch size under the name the document gives it', () => {
  it('reads d2l’s minibatch of n examples (a bare n), while n_l stays a layer’s width', () => {
    const report = checkMarkdown(String.raw`~~~mlp
input 3
dense 4 relu
dense 2 softmax
loss cross_entropy
batch 6
layout rows
~~~

$$\frac{\partial L}{\partial Z^{2}} = \frac{1}{n}(P - Y)$$

$$\sum_{k=1}^{n_2} P_{1,k} = 1$$
`);
    assert.equal(verdict(report, String.raw`\frac{\partial L}{\partial Z^{2}}`), 'ok', explain(report));
    assert.equal(verdict(report, String.raw`\sum_{k=1}^{n_2}`), 'ok', explain(report));
  });
});

describe('batches: a vectorised derivation whose spec has no batch', () => {
  it('says that m reads as the batch size once the spec has a `batch` statement', () => {
    const report = checkMarkdown(`${NO_BATCH}\n` + String.raw`$$dW^{[1]} = \frac{1}{m} dZ^{[1]} X^T$$
`);
    assert.equal(report.claims[0].status, 'unchecked');
    assert.match(report.claims[0].message, /unknown symbol m \(if m is the number of examples, add `batch 8`/);
  });
});

describe('batches: limits', () => {
  it('refuses, at the batch line, a batch whose examples’ gradients would not fit in memory, instead of running out of it', () => {
    const report = checkMarkdown(String.raw`~~~mlp
input 784
dense 256 relu
dense 10 softmax
batch 4096
~~~

$$dZ^{[2]} = A^{[2]} - Y$$
`);
    const limit = report.problems.find((p) => p.code === 'limit-memory');
    assert.ok(limit, explain(report));
    assert.match(limit.message, /3 batches of 4,096 examples .* a smaller batch/);
    assert.equal(limit.range.start.line, 4);
    assert.equal(report.claims[0].status, 'unchecked');
  });
});
