// Issue 7, "read what people write": each notation real derivations use is
// read the way its author means it, on a small document with a spec, and a
// wrong line in the same notation is still ✗.
import assert from 'node:assert/strict';
import { checkDocument, type ClaimReport } from '../../src/core/check';

const SIGMOID = '```mlp\ninput 3\ndense 4 sigmoid\ndense 2 sigmoid\nloss mse\n```\n\n';
const SOFTMAX = '```mlp\ninput 4\ndense 5 sigmoid\ndense 3 softmax\nloss cross_entropy\n```\n\n';

function claims(spec: string, ...lines: string[]): readonly ClaimReport[] {
  return checkDocument(spec + lines.map((l) => `$$${l}$$\n`).join('\n'), { language: 'markdown' }).claims;
}

function report(spec: string, ...lines: string[]) {
  return checkDocument(spec + lines.map((l) => `$$${l}$$\n`).join('\n'), { language: 'markdown' });
}

function statuses(spec: string, ...lines: string[]): string[] {
  return claims(spec, ...lines).map((c) => `${c.status}: ${c.latex}`);
}

function allOk(spec: string, ...lines: string[]): void {
  const bad = claims(spec, ...lines).filter((c) => c.status !== 'ok');
  assert.deepEqual(bad.map((c) => `${c.latex}: ${c.message}`), []);
  assert.ok(claims(spec, ...lines).length >= lines.length, 'every line is read as a claim');
}

describe('reading what people write: layer marks and transposes', () => {
  it('reads W^{l}, W^{(l)}, W^{[l]} as the layer and every spelling of the transpose', () => {
    allOk(
      SIGMOID,
      'z^{[l]} = W^{[l]} a^{[l-1]} + b^{[l]}',
      'z^{(l)} = W^{(l)} a^{(l-1)} + b^{(l)}',
      '\\frac{\\partial L}{\\partial a^{[l-1]}} = W^{[l]T} \\delta^{[l]}',
      '\\frac{\\partial L}{\\partial a^{[l-1]}} = W^{[l]^T} \\delta^{[l]}',
      '\\frac{\\partial L}{\\partial a^{[l-1]}} = (W^{[l]})^{\\top} \\delta^{[l]}',
      '\\frac{\\partial L}{\\partial a^{(l-1)}} = W^{(l)\\top} \\delta^{(l)}',
    );
  });

  it('keeps a dropped transpose a mismatch among correct forward equations', () => {
    const out = statuses(SIGMOID, 'z^l = W^l a^{l-1} + b^l', 'a^l = \\sigma(z^l)', '\\delta^{l} = (W^{l+1} \\delta^{l+1}) \\odot \\sigma\'(z^{l})');
    assert.deepEqual(out.map((s) => s.split(':')[0]), ['ok', 'ok', 'mismatch']);
  });
});

describe('reading what people write: layer numbers as subscripts and let', () => {
  it('reads W_2, b_2 as layer 2 and lets W_1 and W_2 be bound apart', () => {
    allOk(SIGMOID, 'z^2 = W_2 a^1 + b_2');
    const spec = SOFTMAX.replace('```\n', 'let W_1 = W^{1}\nlet W_2 = W^{2}\nlet b_2 = b^{2}\nlet z = z^{L}\n```\n');
    allOk(spec, 'z = W_2 a^1 + b_2', 'z^1 = W_1 x + b^1');
  });

  it('binds a symbol declared with a layer in let (let u^{l} = z^{l}) and reads its superscript as the layer', () => {
    allOk(SIGMOID.replace('```\n', 'let u^{l} = z^{l}\n```\n'), 'u^l = W^l a^{l-1} + b^l', 'a^2 = \\sigma(u^2)');
  });

  it('reads layer numbers as subscripts on every quantity when the whole document is written that way', () => {
    const checked = report(SIGMOID, 'z_1 = W_1 x + b_1', 'a_1 = \\sigma(z_1)', 'z_2 = W_2 a_1 + b_2', '\\frac{\\partial L}{\\partial b_1} = \\frac{\\partial L}{\\partial z_1}');
    assert.deepEqual(checked.claims.map((c) => c.status), ['ok', 'ok', 'ok', 'ok']);
    // The graph's convention detection (graph/conventions) reads it so and the report lists it.
    assert.match((checked.conventions ?? []).join('\n'), /layers numbered by subscript/);
  });
});

describe('reading what people write: gradient names', () => {
  it('reads deeplearning.ai dZ, dA, dW, db, dz, \\mathrm{d}z as gradients of the loss', () => {
    allOk(
      SIGMOID,
      'dZ^{[l]} = dA^{[l]} * g^{[l]\\prime}(Z^{[l]})',
      'dW^{[l]} = dZ^{[l]} A^{[l-1]T}',
      'db^{[l]} = dZ^{[l]}',
      'dA^{[l-1]} = W^{[l]T} dZ^{[l]}',
      '\\mathrm{d}z^{[2]} = \\frac{dL}{dz^{[2]}}',
    );
  });

  it('never suggests `let d = …` for dZ', () => {
    for (const c of claims(SIGMOID, 'dZ^{[l]} = dA^{[l]} * g^{[l]\\prime}(Z^{[l]})', 'dQ = 1')) assert.doesNotMatch(c.message, /let d =/);
  });

  it('reads CS231n names declared with let (dscores, dW2, dh) as one symbol each', () => {
    const spec = SOFTMAX.replace('```\n', 'let dscores = \\frac{\\partial L}{\\partial z^{2}}\nlet dW2 = \\frac{\\partial L}{\\partial W^{2}}\nlet h = a^{1}\n```\n');
    const out = claims(spec, 'dscores_k = p_k - 1', 'dW2 = dscores\\, h^T');
    assert.deepEqual(out.map((c) => c.status), ['mismatch', 'ok']);
    assert.equal(checkDocument(spec, { language: 'markdown' }).problems.length, 0);
  });

  it('reads CS231n dscores as the gradient with respect to scores once the document writes \\mathrm{scores}, without a let', () => {
    const out = statuses(
      SOFTMAX,
      '\\mathrm{scores} = W^{2} a^{1} + b^{2}',
      'dscores = a^{2} - \\mathrm{onehot}(y)',
      'dW^{2} = dscores\\, (a^{1})^\\top',
      'db^{2} = dscores',
      'dscores = a^{2}',
    );
    assert.deepEqual(out.map((s) => s.split(':')[0]), ['definition', 'ok', 'ok', 'ok', 'mismatch']);
  });

  it('reads dH as the gradient with respect to H when the document also writes H on its own', () => {
    const out = statuses(SOFTMAX, 'H = a^{1}', 'dH = (W^{2})^\\top \\delta^{2}', 'dH = W^{2} \\delta^{2}');
    assert.deepEqual(out.map((s) => s.split(':')[0]), ['definition', 'ok', 'mismatch']);
  });
});

describe('reading what people write: example marks', () => {
  it('never takes the example letter of dW^{[1](i)} for the step size of an update (α is)', () => {
    const [update] = claims(SIGMOID, 'W^{[1]} = W^{[1]} - \\alpha \\frac{1}{3} \\sum_{i=1}^{3} dW^{[1](i)}');
    assert.doesNotMatch(update.message, /unknown symbol (α|\\alpha)/);
  });
});

describe('reading what people write: functions', () => {
  it('reads function words with or without a backslash, and their derivatives', () => {
    allOk(
      '',
      "\\text{sigmoid}'(u) = \\operatorname{sigmoid}(u)(1 - sigmoid(u))",
      'relu(u) = max(0, u)',
      'log(exp(u)) = u',
      '\\ln(e^{u}) = u',
      "\\tanh'(u) = 1 - \\tanh^2(u)",
      "f^{'}(u) = \\sigma(u)(1 - \\sigma(u))",
      '\\textsc{softmax}(z^L) = a^L',
      "\\sigma' = \\sigma(1 - \\sigma)",
    );
  });

  it('still catches a wrong derivative of a named function', () => {
    assert.deepEqual(statuses('', "\\tanh'(u) = 1 + \\tanh^2(u)").map((s) => s.split(':')[0]), ['mismatch']);
  });

  it('reads an indexed entry followed by parentheses as a product, parameter subscripts as a call', () => {
    allOk(SOFTMAX, '\\frac{\\partial p_i}{\\partial z^L_i} = p_i(1 - p_i)');
    // UFLDL's hypothesis h_{W,b}(x) = a^L names a function of x: the document's own definition (graph/definitions.ts), never ✗.
    assert.deepEqual(statuses(SOFTMAX, 'h_{W,b}(x) = a^L'), ['definition: h_{W,b}(x) = a^L']);
  });

  it('reads a defined loss applied to the quantities it depends on (UFLDL J(W,b;x,y)) as that loss, and still catches a wrong gradient', () => {
    const spec = SIGMOID;
    const out = statuses(
      spec,
      'h_{W,b}(x) = a^L',
      'J(W,b;x,y) = \\frac{1}{2} \\left\\| h_{W,b}(x) - y \\right\\|^2',
      '\\nabla_{b^{L}} J(W,b;x,y) = \\delta^{L}',
      '\\nabla_{b^{L}} J(W,b;x,y) = 2\\delta^{L}',
    ).map((s) => s.split(':')[0]);
    assert.deepEqual(out, ['definition', 'ok', 'ok', 'mismatch']);
  });
});

describe('reading what people write: the label and updates', () => {
  it('reads y_k, y_i under cross-entropy as the one-hot label', () => {
    allOk(SOFTMAX, 'L = -\\sum_k y_k \\log p_k', '\\frac{\\partial L}{\\partial z^L_i} = p_i - y_i');
  });

  it('reads \\leftarrow, \\rightarrow, := and = with the parameter on both sides as updates, with α as a step size', () => {
    const out = claims(
      SIGMOID,
      'W^l = W^l - \\eta \\frac{\\partial L}{\\partial W^l}',
      'W^l \\rightarrow W^l - \\eta \\delta^l (a^{l-1})^T',
      'W^{(l)} := W^{(l)} - \\alpha\\, \\delta^{(l)} (a^{(l-1)})^T',
      'b^l \\leftarrow b^l + \\eta \\delta^l',
    );
    assert.deepEqual(out.map((c) => `${c.kind} ${c.status}`), ['update ok', 'update ok', 'update ok', 'update mismatch']);
    for (const c of out) assert.doesNotMatch(c.message, /let \\alpha/);
  });
});

describe('reading what people write: markup that does not change meaning', () => {
  it('reads through colour, bold, tags, labels, braces, spacing, unicode and \\def', () => {
    allOk(
      SIGMOID,
      '\\delta^l = \\color{red}{(W^{l+1})^T \\delta^{l+1}} \\odot \\sigma\'(z^l)',
      '\\delta^l = \\textcolor{blue}{(W^{l+1})^T \\delta^{l+1}} \\odot \\sigma\'(z^l) \\tag{3}',
      '\\boldsymbol{\\delta}^l = \\left((\\mathbf{W}^{l+1})^T \\bm{\\delta}^{l+1}\\right) \\bigodot \\sigma\'(z^l) \\nonumber',
      '\\underset{n_l \\times 1}{\\delta^l} = ((W^{l+1})^T \\delta^{l+1}) \\odot \\sigma\'(z^l) \\label{eq:bp2}',
      'δ^{l} = ((W^{l+1})^T δ^{l+1}) ⊙ σ\'(z^l)',
      '∂L/∂z^l = δ^l \\, \\; \\!',
      '\\def\\dd{\\delta} \\dd^L = \\dfrac{\\part L}{\\part z^L}',
      '\\delta^l = (W^{l+1})^T \\delta^{l+1} \\bullet \\sigma\'(z^l)',
      '\\delta^l = \\underbrace{(W^{l+1})^T \\delta^{l+1}}_{\\text{back}} \\odot \\overbrace{\\sigma\'(z^l)}^{\\text{local}}',
      '\\newcommand{\\dd}{\\mathrm{d}} \\frac{\\dd L}{\\dd z^{L}} = \\delta^L',
    );
  });

  it('echoes the author\'s source text for a claim after markup', () => {
    const [c] = claims(SIGMOID, "\\tanh'(u) = 1 - \\tanh^2(u)");
    assert.equal(c.latex, "\\tanh'(u) = 1 - \\tanh^2(u)");
  });
});

describe('trust: a reading problem is unchecked, not ✗', () => {
  it('adopts 1-based layers (UFLDL) when the whole document holds under them, and says so', () => {
    const report = checkDocument(
      SIGMOID + ['a^{(1)} = x', 'z^{(l+1)} = W^{(l)} a^{(l)} + b^{(l)}', 'a^{(l+1)} = f(z^{(l+1)})', '\\nabla_{W^{(l)}} L = \\delta^{(l+1)} (a^{(l)})^T', '\\nabla_{b^{(l)}} L = -\\delta^{(l+1)}'].map((l) => `$$${l}$$\n`).join('\n'),
      { language: 'markdown' },
    );
    assert.deepEqual(report.claims.map((c) => c.status), ['ok', 'ok', 'ok', 'ok', 'mismatch']);
    assert.ok(report.problems.some((p) => /layers numbered from 1/.test(p.message)));
  });

  it('says "holds if the document means …" for a lone claim a reading explains', () => {
    const [c] = claims(SIGMOID, 'a^{(1)} = x');
    assert.equal(c.status, 'unchecked');
    assert.match(c.message, /holds if the document means layers numbered from 1/);
  });

  it('reports an index a symbol cannot take as a reading problem, not a mismatch', () => {
    // (`x_0 = 1` alone is a setting, a note of the prose, not a claim.)
    const [c] = claims(SIGMOID, 'x_0 = a^1_1');
    assert.equal(c.status, 'unchecked');
    assert.match(c.message, /out of range for x.*something else/);
  });

  it('never calls 0 = 0 a confirmation', () => {
    // (A Latin letter bound to y names the label so that y can be the output, Bishop's t; a Greek alias stays an alias.)
    const [c] = claims(SIGMOID.replace('```\n', 'let \\tau = y\n```\n'), '\\tau_k - y_k = 0');
    assert.equal(c.status, 'unchecked');
  });

  it('reads a bare z, h defined by the document (d2l) as the document\'s own, not ✗ at the last layer', () => {
    const out = claims(SIGMOID, 'z = W^{(1)} x', 'h = \\sigma(z)', '\\frac{\\partial L}{\\partial h} = (W^{(2)})^T \\delta^{(2)}');
    // The document's graph takes the bare z and h as its own definitions; the built-in loss does not depend on them.
    assert.deepEqual(out.map((c) => c.status), ['definition', 'definition', 'unchecked']);
    assert.match(out[2].message, /does not depend on h/);
  });

  it('adopts "a as the pre-activation" (Goodfellow) when the document holds under it', () => {
    const checked = report(SIGMOID, 'h^{(0)} = x', 'a^{(k)} = b^{(k)} + W^{(k)} h^{(k-1)}', 'h^{(k)} = \\sigma(a^{(k)})', '\\frac{\\partial L}{\\partial b^{(k)}} = \\frac{\\partial L}{\\partial a^{(k)}}');
    assert.deepEqual(checked.claims.map((c) => c.status), ['ok', 'ok', 'ok', 'ok']);
    // graph/readings.ts finds it first, at the line that holds only so; the report lists it.
    assert.match((checked.conventions ?? []).join('\n'), /a is the pre-activation/);
  });

  it('reads ∂a^l/∂z^l of an elementwise activation as diag σ′(z^l), in a chain rule too, and still catches a wrong factor', () => {
    const out = claims(
      SIGMOID,
      "\\frac{\\partial a^l}{\\partial z^l} = \\sigma'(z^l)",
      '\\frac{\\partial L}{\\partial z^l} = \\frac{\\partial L}{\\partial a^l}\\frac{\\partial a^l}{\\partial z^l}',
      "\\frac{\\partial a^l}{\\partial z^l} = 2\\sigma'(z^l)",
      '\\frac{\\partial z^l}{\\partial a^{l-1}} = W^l',
    );
    assert.deepEqual(out.map((c) => c.status), ['ok', 'ok', 'mismatch', 'unchecked']);
  });

  it('checks the two ends of a chain whose middle step is shorthand, and says the middle was not evaluated', () => {
    const right = claims(SIGMOID, '\\frac{\\partial L}{\\partial W^l} = \\frac{\\partial L}{\\partial z^l}\\frac{\\partial z^l}{\\partial W^l} = \\delta^l (a^{l-1})^T');
    assert.deepEqual(right.map((c) => c.status), ['unchecked', 'unchecked']);
    assert.match(right[1].message, /middle step was not evaluated.*two ends agree/);
    const wrong = claims(SIGMOID, '\\frac{\\partial L}{\\partial W^l} = \\frac{\\partial L}{\\partial z^l}\\frac{\\partial z^l}{\\partial W^l} = -\\delta^l (a^{l-1})^T');
    assert.deepEqual(wrong.map((c) => c.status), ['unchecked', 'mismatch']);
    assert.match(wrong[1].message, /two ends differ.*middle step was not evaluated/);
  });

  it('reads layer sizes n^{[l]}, n_l, n_x, n_L, s_l as the widths of the spec in sum bounds', () => {
    allOk(
      SIGMOID,
      'z^{[l]}_j = \\sum_{k=1}^{n^{[l-1]}} W^{[l]}_{jk} a^{[l-1]}_k + b^{[l]}_j',
      'z^{l}_j = \\sum_{k=1}^{n_{l-1}} W^{l}_{jk} a^{l-1}_k + b^{l}_j',
      'z^{1}_j = \\sum_{k=1}^{n_x} W^{1}_{jk} x_k + b^{1}_j',
      'L = \\frac{1}{2}\\sum_{k=1}^{n_L} (a^L_k - y_k)^2',
      "\\delta^l_j = \\sum_{k=1}^{s_{l+1}} W^{l+1}_{kj} \\delta^{l+1}_k \\sigma'(z^l_j)",
    );
  });
});
