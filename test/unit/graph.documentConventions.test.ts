// Conventions a document uses (issue 8): declared in its spec with
// `convention NAME`, or detected from its own math when that is unambiguous.
// Either way the report lists them; an ambiguous detection is proposed in a
// message and not applied, and a unit whose layer GradCheck could only guess
// is never ✗.
import assert from 'node:assert/strict';
import type { DocumentReport } from '../../src/core/check';
import { checkMarkdown, explain, verdict } from './helpers/verdicts';

const SPEC = (extra: string) => `~~~mlp\ninput 3\ndense 4 tanh\ndense 2 identity\nloss mse\nlet t = y\n${extra}~~~\n\n`;

/** PRML §5.3 in its own notation: no layer marks on units, biases as weight 0, E_n, targets t, outputs y. */
const BISHOP_MATH = String.raw`Hidden units: $a_j = \sum_{i} w^{(1)}_{ji} x_i + w^{(1)}_{j0}$ and $z_j = h(a_j)$ with $h = \tanh$.

$$y_k = \sum_{j} w^{(2)}_{kj} z_j + w^{(2)}_{k0}$$

$$E_n = \frac{1}{2} \sum_{k} (y_k - t_k)^2$$

$$\delta_j \equiv \frac{\partial E_n}{\partial a_j}$$

$$\delta_k = y_k - t_k$$

$$\delta_k = t_k - y_k$$

$$h'(a_j) = 1 - z_j^2$$

$$h'(a_j) = 1 - z_j$$

$$\delta_j = h'(a_j) \sum_{k} w^{(2)}_{kj} \delta_k$$

$$\frac{\partial E_n}{\partial w^{(2)}_{kj}} = \delta_k z_j$$

$$\frac{\partial E_n}{\partial w^{(1)}_{ji}} = \delta_j x_i$$

$$\frac{\partial E_n}{\partial w^{(1)}_{j0}} = \delta_j$$
`;

const CORRECT = [
  'a_j = ',
  'z_j = h(a_j)',
  'y_k = ',
  'E_n = ',
  '\\delta_k = y_k - t_k',
  "h'(a_j) = 1 - z_j^2",
  "\\delta_j = h'(a_j)",
  '\\frac{\\partial E_n}{\\partial w^{(2)}_{kj}}',
  '\\frac{\\partial E_n}{\\partial w^{(1)}_{ji}}',
  '\\frac{\\partial E_n}{\\partial w^{(1)}_{j0}}',
];

function assertBishopVerdicts(report: DocumentReport): void {
  for (const start of CORRECT) assert.equal(verdict(report, start), 'ok', `${start}\n${explain(report)}`);
  assert.equal(verdict(report, '\\delta_k = t_k - y_k'), 'mismatch', explain(report));
  assert.equal(verdict(report, "h'(a_j) = 1 - z_j"), 'mismatch', explain(report));
  assert.equal(verdict(report, '\\delta_j \\equiv'), 'definition', explain(report));
}

describe('conventions detected from the document (Bishop §5.3)', () => {
  const report = checkMarkdown(SPEC('') + BISHOP_MATH);
  const conventions = (report.conventions ?? []).join('\n');

  it('reads the layer of a_j, z_j, δ_k from the index letter that the weights w^{(1)}_{ji}, w^{(2)}_{kj} tell', () => {
    assertBishopVerdicts(report);
    assert.match(conventions, /layers named by index letters \(detected from w\^\{\(1\)\}_\{ji\}, w\^\{\(2\)\}_\{kj\}\): i the input, j layer 1, k layer 2/);
  });

  it('reads w_{j0} as the bias, E_n as the loss of the example, y as the output once `let t = y` names the label, a as the pre-activation', () => {
    assert.match(conventions, /w_\{j0\} is b_j/);
    assert.match(conventions, /E_n is the loss of the one example checked/);
    assert.match(conventions, /y is the network's output o\^L \(the label is t/);
    assert.match(conventions, /a is the pre-activation/);
    assert.match(conventions, /z is the activation/);
  });

  it('leaves a symbol a let binds bare to the let: `let a = z^{1}` keeps a_j the hidden pre-activation, whatever its letter', () => {
    const withLet = checkMarkdown(
      SPEC('let a = z^{1}\n') +
        String.raw`$$a_j = \sum_{i} w^{(1)}_{ji} x_i + b^{(1)}_j$$

$$y_k = \sum_{j} w^{(2)}_{kj} \tanh(a_j) + b^{(2)}_k$$

$$a_k = z^{1}_k$$
`,
    );
    assert.match((withLet.conventions ?? []).join('\n'), /layers named by index letters/);
    assert.equal(verdict(withLet, 'a_j = '), 'ok', explain(withLet));
    assert.equal(verdict(withLet, 'y_k = '), 'ok', explain(withLet));
    assert.equal(verdict(withLet, 'a_k = z^{1}_k'), 'ok', explain(withLet));
  });

  it('catches the planted mistakes under that reading: the output error\'s sign and tanh′ = 1 − z', () => {
    const sign = report.claims.find((c) => c.latex.replace(/\s/g, '') === '\\delta_k=t_k-y_k');
    assert.equal(sign?.diagnosisKind, 'sign', explain(report));
  });
});

describe('biases folded into a sum from 0 (Bishop 5.9: a_j = Σ_{i=0}^{D} w_{ji} x_i, x_0 = 1)', () => {
  const report = checkMarkdown(
    SPEC('') +
      String.raw`With $h = \tanh$:

$$a_j = \sum_{i=0}^{3} w^{(1)}_{ji} x_i$$

$$z_j = h(a_j)$$

$$y_k = \sum_{j=0}^{4} w^{(2)}_{kj} z_j$$

$$y_k = \sum_{j=1}^{4} w^{(2)}_{kj} z_j$$
`,
  );

  it('reads the i = 0 term as the bias, and catches the sum that leaves it out', () => {
    assert.equal(verdict(report, 'a_j = '), 'ok', explain(report));
    assert.equal(verdict(report, 'z_j = '), 'ok', explain(report));
    assert.equal(verdict(report, 'y_k = \\sum_{j=0}'), 'ok', explain(report));
    assert.equal(verdict(report, 'y_k = \\sum_{j=1}'), 'mismatch', explain(report));
    assert.match((report.conventions ?? []).join('\n'), /the bias is the weight with index 0/);
  });
});

describe('conventions declared in the spec', () => {
  it('checks the Bishop document the same when it declares its letters, its bias weights and its a', () => {
    const report = checkMarkdown(SPEC('convention layer-letters i j k\nconvention bias-index-0\nconvention a-pre-activation\n') + BISHOP_MATH);
    assertBishopVerdicts(report);
    const conventions = report.conventions ?? [];
    assert.ok(conventions.includes('declared: a is the pre-activation and z the activation: z_j = h(a_j) (Bishop, Goodfellow)'), conventions.join('\n'));
    assert.ok(conventions.some((c) => c.startsWith('declared: the index letter names the layer')), conventions.join('\n'));
    assert.ok(conventions.some((c) => c.startsWith('declared: the bias is the weight with index 0')), conventions.join('\n'));
    assert.ok(!conventions.some((c) => /index letters \(detected|index 0 \(detected|pre-activation z\^l of layer l \(detected/.test(c)), `a declared convention is not detected again:\n${conventions.join('\n')}`);
  });

  const net = (extra: string) => `~~~mlp\ninput 3\ndense 4 sigmoid\ndense 2 softmax\n${extra}~~~\n\n`;

  it('row-vectors: z = xW + b, gradients as rows, the one-hot label a row too; a column-vector line no longer reads', () => {
    const report = checkMarkdown(
      net('convention row-vectors\n') +
        String.raw`$$z^1 = x W^1 + b^1$$

$$\frac{\partial L}{\partial W^2} = (a^1)^T \delta^2$$

$$\delta^1 = \delta^2 (W^2)^T \odot \sigma'(z^1)$$

$$\frac{\partial L}{\partial z^2} = p - \mathrm{onehot}(y)$$

$$z^1 = W^1 x + b^1$$
`,
    );
    for (const start of ['z^1 = x W^1', '\\frac{\\partial L}{\\partial W^2}', '\\delta^1 = ', '\\frac{\\partial L}{\\partial z^2}']) assert.equal(verdict(report, start), 'ok', explain(report));
    assert.notEqual(verdict(report, 'z^1 = W^1 x'), 'ok', explain(report));
    assert.deepEqual(report.conventions, ['declared: vectors are rows: z = xW + b, W^l is n_{l−1} × n_l (CS231n)']);
  });

  it('row vectors undeclared: adopted when every line holds so and none holds by default, and listed as detected', () => {
    const report = checkMarkdown(
      net('') +
        String.raw`$$z^1 = x W^1 + b^1$$

$$z^2 = a^1 W^2 + b^2$$

$$\frac{\partial L}{\partial W^2} = (a^1)^T \delta^2$$
`,
    );
    for (const start of ['z^1 = ', 'z^2 = ', '\\frac{\\partial L}{\\partial W^2}']) assert.equal(verdict(report, start), 'ok', explain(report));
    assert.match((report.conventions ?? []).join('\n'), /^row vectors \(z = xW \+ b.*\(detected: the document's equations hold under it/);
  });

  it('weights-input-first: w^l_{jk} goes from unit j to unit k', () => {
    const report = checkMarkdown(net('convention weights-input-first\n') + String.raw`$$z^1_k = \sum_{j} w^1_{jk} x_j + b^1_k$$

$$\frac{\partial L}{\partial w^2_{jk}} = a^1_j \delta^2_k$$
`);
    assert.equal(verdict(report, 'z^1_k'), 'ok', explain(report));
    assert.equal(verdict(report, '\\frac{\\partial L}{\\partial w^2_{jk}}'), 'ok', explain(report));
  });

  it('layers-from-1: a^{(1)} = x and W^{(l)} between layers l and l+1 (UFLDL)', () => {
    const report = checkMarkdown(net('convention layers-from-1\n') + String.raw`$$a^{(1)} = x$$

$$z^{(2)} = W^{(1)} a^{(1)} + b^{(1)}$$

$$\nabla_{W^{(1)}} L = \delta^{(2)} (a^{(1)})^T$$
`);
    for (const start of ['a^{(1)} = x', 'z^{(2)} = ', '\\nabla_{W^{(1)}}']) assert.equal(verdict(report, start), 'ok', explain(report));
  });

  it('input-layer-1: the input is layer 1 and the first weights are w^2 (Nielsen)', () => {
    const report = checkMarkdown(net('convention input-layer-1\n') + String.raw`$$z^2 = w^2 a^1 + b^2$$

$$\frac{\partial L}{\partial b^2} = \delta^2$$
`);
    assert.equal(verdict(report, 'z^2 = '), 'ok', explain(report));
    assert.equal(verdict(report, '\\frac{\\partial L}{\\partial b^2}'), 'ok', explain(report));
  });

  it('layer-subscripts: z_1, a_1, W_2 are the quantities of layers 1 and 2', () => {
    const report = checkMarkdown(net('convention layer-subscripts\n') + String.raw`$$z_1 = W_1 x + b_1$$

$$a_1 = \sigma(z_1)$$
`);
    assert.equal(verdict(report, 'z_1 = '), 'ok', explain(report));
    assert.equal(verdict(report, 'a_1 = '), 'ok', explain(report));
  });

  it('a-pre-activation: a^{(k)} is the pre-activation and z^{(k)} the activation from the first line on', () => {
    const report = checkMarkdown(net('convention a-pre-activation\n') + String.raw`$$z^{(1)} = \sigma(a^{(1)})$$

$$a^{(2)} = W^{(2)} z^{(1)} + b^{(2)}$$
`);
    assert.equal(verdict(report, 'z^{(1)} = '), 'ok', explain(report));
    assert.equal(verdict(report, 'a^{(2)} = '), 'ok', explain(report));
  });

  it('two numberings declared together are an error at the second, which is not applied', () => {
    const report = checkMarkdown(net('convention layers-from-1\nconvention input-layer-1\n') + '$$a^{(1)} = x$$\n');
    const clash = report.problems.find((p) => p.code === 'convention-clash');
    assert.ok(clash, report.problems.map((p) => p.message).join('\n'));
    assert.equal(clash.range.start.line, 5);
    assert.equal(verdict(report, 'a^{(1)} = x'), 'ok', explain(report));
  });
});

describe('conventions that cannot be detected unambiguously', () => {
  it('proposes layer letters in a message but does not apply them when the weights give a letter two layers', () => {
    const text = SPEC('') + BISHOP_MATH.replace('w^{(2)}_{kj} z_j + w^{(2)}_{k0}', 'w^{(2)}_{ji} z_i + w^{(2)}_{j0}');
    const report = checkMarkdown(text);
    const proposal = report.problems.find((p) => p.code === 'convention-proposed');
    assert.ok(proposal, report.problems.map((p) => p.message).join('\n'));
    assert.equal(proposal.severity, 'information');
    assert.match(proposal.message, /j is layer 1 and 2/);
    assert.match(proposal.message, /convention layer-letters i j k/);
    assert.equal(proposal.range.start.line, 8, 'shown at the first unit written without a layer (a_j, zero-based line 8)');
    assert.ok(!(report.conventions ?? []).some((c) => c.includes('index letters')), (report.conventions ?? []).join('\n'));
    assert.notEqual(verdict(report, 'z_j = h(a_j)'), 'mismatch', explain(report));
  });

  it('never calls z_j = h(a_j) ✗ when no weight tells the layers: it holds at layer 1, and the message says how to say so', () => {
    const text = SPEC('') + BISHOP_MATH.replace(/w\^\{\(\d\)\}/g, 'w');
    const report = checkMarkdown(text);
    assert.equal(verdict(report, 'z_j = h(a_j)'), 'unchecked', explain(report));
    const message = report.claims.find((c) => c.latex.startsWith('z_j'))!.message;
    assert.match(message, /holds at layer 1 with a as the pre-activation/);
    assert.match(message, /convention layer-letters/);
    // A line that holds at no layer is still the mistake it is.
    assert.equal(verdict(report, "h'(a_j) = 1 - z_j"), 'mismatch', explain(report));
  });

  it('keeps a Greek or capital alias of the label an alias (Y is a batch of labels): y stays the label', () => {
    for (const alias of ['\\tau', 'Y']) {
      const report = checkMarkdown(SPEC('').replace('let t = y', `let ${alias} = y`) + '$$y_k = y_k$$\n');
      assert.ok(!(report.conventions ?? []).some((c) => c.includes("network's output")), `${alias}: ${(report.conventions ?? []).join('\n')}`);
    }
  });

  it('proposes layer names it cannot settle (H on a network with two hidden layers) and checks no claim that uses them, while O is still the output', () => {
    const report = checkMarkdown(`~~~mlp\ninput 3\ndense 4 sigmoid\ndense 3 sigmoid\ndense 2 softmax\n~~~\n\n` + String.raw`$$z^{(H)} = W^{(H)} x + b^{(H)}$$

$$\frac{\partial L}{\partial b^{(O)}} = \delta^{(O)}$$
`);
    assert.equal(verdict(report, 'z^{(H)}'), 'unchecked', explain(report));
    assert.equal(verdict(report, '\\frac{\\partial L}{\\partial b^{(O)}}'), 'ok', explain(report));
    const proposal = report.problems.find((p) => p.code === 'convention-proposed');
    assert.match(proposal?.message ?? '', /H names no one layer of this network \(2 hidden layers\).*convention layer-names I H O/);
  });
});

describe('layers named by capital letters', () => {
  const net = (extra: string, hidden = 'dense 4 sigmoid\n') => `~~~mlp\ninput 3\n${hidden}dense 2 softmax\n${extra}~~~\n\n`;

  it('reads (H) and (O) as the hidden and the output layer of a two-layer network, never as layer variables', () => {
    const report = checkMarkdown(net('') + String.raw`$$z^{(H)} = W^{(H)} x + b^{(H)}$$

$$z^{(O)} = W^{(O)} a^{(H)} + b^{(O)}$$

$$\frac{\partial L}{\partial W^{(O)}} = \delta^{(O)} (a^{(H)})^T$$

$$\frac{\partial L}{\partial W^{(O)}} = a^{(H)} (\delta^{(O)})^T$$
`);
    for (const start of ['z^{(H)}', 'z^{(O)}', '\\frac{\\partial L}{\\partial W^{(O)}} = \\delta']) assert.equal(verdict(report, start), 'ok', explain(report));
    assert.equal(verdict(report, '\\frac{\\partial L}{\\partial W^{(O)}} = a'), 'mismatch', explain(report));
    assert.match((report.conventions ?? []).join('\n'), /layers named by capital letters \(detected: H is layer 1, O is layer 2 \(the output\)\)/);
  });

  it('takes declared names, input layer first, on a deeper network', () => {
    const report = checkMarkdown(net('convention layer-names I H G O\n', 'dense 4 sigmoid\ndense 3 sigmoid\n') + String.raw`$$z^{(G)} = W^{(G)} a^{(H)} + b^{(G)}$$

$$a^{(I)} = x$$
`);
    assert.equal(verdict(report, 'z^{(G)}'), 'ok', explain(report));
    assert.equal(verdict(report, 'a^{(I)}'), 'ok', explain(report));
    assert.ok((report.conventions ?? []).some((c) => c.startsWith('declared: layers are named by capital letters')), (report.conventions ?? []).join('\n'));
  });

  it('leaves named layers to the lets that bind them', () => {
    const report = checkMarkdown(net('let W^{(O)} = W^{2}\n') + '$$\\frac{\\partial L}{\\partial W^{(O)}} = \\delta^{2} (o^{1})^T$$\n');
    assert.equal(verdict(report, '\\frac'), 'ok', explain(report));
    assert.equal(report.conventions, undefined);
  });
});

describe('transposed weight aliases the document defines (W_2 := (W^{2})^T)', () => {
  const report = checkMarkdown(`~~~mlp\ninput 3\ndense 4 relu\ndense 2 softmax\n~~~\n\n` + String.raw`Let $W_1 := (W^{1})^\top$, $W_2 := (W^{2})^\top$, $b_1 := (b^{1})^\top$, $b_2 := (b^{2})^\top$.

$$s = \max(0, x^\top W_1 + b_1) W_2 + b_2$$

$$s = (z^{2})^\top$$

$$\frac{\partial L}{\partial W_2} = \left(\frac{\partial L}{\partial W^{2}}\right)^\top$$

$$\frac{\partial L}{\partial W_1} = x \left(\frac{\partial L}{\partial z^{1}}\right)^\top$$

$$\frac{\partial L}{\partial W_1} = -x \left(\frac{\partial L}{\partial z^{1}}\right)^\top$$
`);

  it('keeps W_1, W_2 the document\'s own symbols: its subscripts are not layer numbers', () => {
    assert.equal(report.conventions, undefined);
    assert.equal(verdict(report, 's = (z^{2})^\\top'), 'ok', explain(report));
  });

  it('differentiates through a transposed alias of a weight matrix, with the engine\'s gradient transposed as the exact column', () => {
    assert.equal(verdict(report, '\\frac{\\partial L}{\\partial W_2}'), 'ok', explain(report));
    assert.equal(verdict(report, '\\frac{\\partial L}{\\partial W_1} = x'), 'ok', explain(report));
    assert.equal(verdict(report, '\\frac{\\partial L}{\\partial W_1} = -x'), 'mismatch', explain(report));
  });
});
