// Only equations are claims: conditions and remarks in a sentence, dimension
// annotations, example numbers and tuples become notes. They are never
// checked and never bind a symbol for later lines.
import { strict as assert } from 'node:assert';
import { checkDocument } from '../../src/core/check';
import { parseFormula, printExpr, type FormulaSetting, type NoteKind } from '../../src/core/math';

const INLINE: FormulaSetting = { display: false, before: 'In this step' };
const DISPLAY: FormulaSetting = { display: true, before: '' };

/** The note kinds of a formula's relations (undefined: an equation that is checked). */
function kinds(latex: string, setting: FormulaSetting): (NoteKind | 'claim')[] {
  const parsed = parseFormula(latex, { setting });
  const all = [...parsed.claims.map((c) => ({ at: c.span.start, kind: 'claim' as const })), ...(parsed.notes ?? []).map((n) => ({ at: n.claim.span.start, kind: n.kind }))];
  return all.sort((a, b) => a.at - b.at).map((x) => x.kind);
}

describe('claims vs notes: what a reader takes as an equation', () => {
  const notes: [string, FormulaSetting, NoteKind][] = [
    ['i = j', INLINE, 'condition'],
    ['l = n_l', INLINE, 'condition'],
    ['i = \\text{target}', INLINE, 'condition'],
    ['a = y', INLINE, 'condition'],
    ['y_k = 1', { display: false, before: 'the label is one-hot, so' }, 'example'],
    ['z^L_j = 0', { display: false, before: 'which vanishes if' }, 'condition'],
    ['a^{[l]} = g(z^{[l]})', { display: false, before: 'trường hợp' }, 'condition'],
    ['\\delta^l \\equiv \\delta A^l', INLINE, 'remark'],
    ['(n \\times 1) \\cdot (1 \\times m) = (n \\times m)', DISPLAY, 'dimension'],
    ['dW^{[l]} = n^{[l]} \\times n^{[l-1]}', DISPLAY, 'dimension'],
    ['W^{[l]} = (n^{[l]}, n^{[l-1]})', INLINE, 'dimension'],
    ['dZ^{[l]} = A^{[l]} - Y', { display: false, before: 'Dimension:' }, 'dimension'],
    ['x = (1, 2)', DISPLAY, 'example'],
    ['x = \\begin{bmatrix} 0.5 \\\\ -1 \\end{bmatrix}', DISPLAY, 'example'],
    ['\\eta = 0.1', INLINE, 'example'],
    ['0.73 \\cdot 0.27 = 0.197', DISPLAY, 'example'],
    ['g^{[1]} = \\tanh', INLINE, 'remark'],
    ['f = \\operatorname{relu}', DISPLAY, 'remark'],
    ['a = y', { display: false, before: 'if $i = j$ and' }, 'condition'],
  ];
  for (const [latex, setting, kind] of notes) {
    it(`${setting.display ? 'display' : `inline after "${setting.before}"`}: ${latex} is a ${kind} note, not a claim`, () => {
      assert.deepEqual(kinds(latex, setting), [kind]);
    });
  }

  const equations: [string, FormulaSetting][] = [
    ['a^L_j = \\sigma(z^L_j)', { display: false, before: 'By the chain rule through' }],
    ['\\sigma\' = \\sigma(1-\\sigma)', { display: false, before: 'Since' }],
    ['\\delta^l_j \\equiv \\frac{\\partial C}{\\partial z^l_j}', INLINE],
    ['\\sum_k p_k = 1', DISPLAY],
    ['\\frac{\\partial L}{\\partial b^{l}} = \\delta^{l}', { display: true, before: 'Dimension:' }],
    ['\\delta^l = (W^{l+1})^T \\delta^{l+1} \\times \\sigma\'(z^l)', DISPLAY],
    ['i = j', DISPLAY],
    ['\\hat{y} = p', INLINE],
  ];
  for (const [latex, setting] of equations) {
    it(`${setting.display ? 'display' : `inline after "${setting.before}"`}: ${latex} stays a claim`, () => {
      assert.deepEqual(kinds(latex, setting), ['claim']);
    });
  }

  it('without a setting (a bare parse) every relation is returned as a claim, as before', () => {
    const parsed = parseFormula('x = (1, 2)');
    assert.deepEqual(parsed.claims.map((c) => printExpr(c.lhs)), ['x']);
    assert.equal(parsed.notes, undefined);
  });

  it('splits a display with an equation and a dimension annotation into one claim and one note', () => {
    assert.deepEqual(kinds('dW^{[l]} = dZ^{[l]} A^{[l-1]T}, \\quad (n \\times m) = (n \\times k)(k \\times m)', DISPLAY), ['claim', 'dimension']);
  });
});

describe('notes in a document: not reported, never binding', () => {
  const SPEC = ['```mlp', 'input 3', 'dense 4 sigmoid', 'dense 2 softmax', 'loss cross_entropy', '```', ''];

  function check(lines: readonly string[]) {
    return checkDocument([...SPEC, ...lines].join('\n') + '\n', { language: 'markdown', samples: 2 });
  }

  it('a prose `$u = g(x)$` does not define u: a later display using u is unchecked, not checked against g(x)', () => {
    const report = check(['By the chain rule for $y = f(u)$ with $u = g(x)$ we get', '', '$$u = \\sigma(x)$$']);
    assert.deepEqual(report.claims.map((c) => [c.latex, c.status]), [['u = \\sigma(x)', 'definition']]);
  });

  it('a condition `$i = j$` in a sentence neither becomes a claim nor binds i', () => {
    const report = check(['For $i = j$ the derivative is', '', '$$\\frac{\\partial p_i}{\\partial z^{L}_j} = p_i (1 - p_j)$$']);
    assert.equal(report.claims.length, 1);
    assert.equal(report.claims[0].latex.startsWith('\\frac'), true);
  });

  it('example numbers and dimension rows are not reported, and the equations around them are', () => {
    const report = check([
      'Take $x = (1, 2, 3)$ and $\\eta = 0.1$.',
      '',
      '$$\\frac{\\partial L}{\\partial z^{L}} = p - y$$',
      '',
      'Dimension: $(2 \\times 1) = (2 \\times 4)(4 \\times 1)$',
      '',
      '$$\\frac{\\partial L}{\\partial b^{L}} = p - y$$',
    ]);
    assert.deepEqual(report.claims.map((c) => c.status), ['ok', 'ok']);
  });

  it('a notation remark `$\\delta^l \\equiv \\delta A^l$` does not redefine δ', () => {
    const report = check(['Some notes write $\\delta^l \\equiv \\delta A^l$ for short.', '', '$$\\delta^{L} = p - y$$']);
    assert.deepEqual(report.claims.map((c) => [c.status, c.kind]), [['ok', 'claim']]);
  });

  it('"Let $u_k = …$ and $S = …$": both define (the lead-in governs the phrase); "so that $p_k = …$" is a claim that holds', () => {
    const report = check(['Let $u_k = e^{z^{L}_k}$ and $S = \\sum_{k} u_k$, so that $p_k = u_k / S$.']);
    assert.deepEqual(report.claims.map((c) => [c.latex, c.status]), [
      ['u_k = e^{z^{L}_k}', 'definition'],
      ['S = \\sum_{k} u_k', 'definition'],
      ['p_k = u_k / S', 'ok'],
    ]);
  });
});

describe('the loss is what the document differentiates, unless it writes its own equation for it', () => {
  it('∂S/∂u_k does not make S the loss when the document defines S = \\sum_k u_k (it is a node, differentiated through: ∂S/∂u_k = 1 holds)', () => {
    const text = ['```mlp', 'input 3', 'dense 2 softmax', '```', '', 'Let $u_k = e^{z^{L}_k}$ and $S = \\sum_{k} u_k$.', '', '$$\\frac{\\partial S}{\\partial u_k} = 1$$', '', '$$p_k = u_k / S$$'].join('\n');
    const report = checkDocument(text, { language: 'markdown', samples: 2 });
    assert.deepEqual(report.claims.map((c) => c.status), ['definition', 'definition', 'ok', 'ok']);
  });
});

describe('definitions written entry by entry', () => {
  const SPEC = ['```mlp', 'input 3', 'dense 4 sigmoid', 'dense 2 sigmoid', 'loss mse', '```', ''];

  it("Nielsen's δ^l_j ≡ ∂C/∂z^l_j defines the vector: δ^L and δ^l are checked, and a wrong one is a mismatch", () => {
    const text = [
      ...SPEC,
      '$$\\delta^l_j \\equiv \\frac{\\partial C}{\\partial z^l_j}$$',
      '',
      '$$\\delta^L = (a^L - y) \\odot \\sigma\'(z^L)$$',
      '',
      '$$\\delta^l = ((w^{l+1})^T \\delta^{l+1}) \\odot \\sigma\'(z^l)$$',
      '',
      '$$\\delta^L = (y - a^L) \\odot \\sigma\'(z^L)$$',
    ].join('\n');
    const report = checkDocument(text, { language: 'markdown', samples: 2 });
    assert.deepEqual(report.claims.map((c) => c.status), ['definition', 'ok', 'ok', 'mismatch']);
  });

  it('a definition that is not elementwise in its index (δ_j a_k) is not turned into a vector', () => {
    const text = [...SPEC, '$$g_{jk} := \\delta^{2}_j a^{1}_k$$', '', '$$g = \\frac{\\partial C}{\\partial w^{2}}$$'].join('\n');
    const report = checkDocument(text, { language: 'markdown', samples: 2 });
    assert.notEqual(report.claims[1].status, 'mismatch');
  });
});
