// Reading batch notation (deeplearning.ai and CS231n vectorised derivations):
// example marks `a^{[2](i)}`, two indices without a comma `P_{i y_i}`, and
// products with the ones vector `\mathbf{1}^\top dscores`. Each rule pinned by
// its printed tree (print.ts) or by the fields the checker reads; and CS231n's
// `dscores` after the document wrote `\mathrm{scores}` (documentNames.ts).

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocument } from '../../src/core/document';
import type { Expr, Sym } from '../../src/core/math/expr/expr';
import { parseExpression, parseFormula, printClaim, printExpr, type ParseOptions } from '../../src/core/math/claims/parse';
import { documentNames, uprightNames } from '../../src/core/math/parser/documentNames';
import { nodesOf } from './fixtures/formulas/walk';

function read(latex: string, options?: ParseOptions): Expr {
  const r = parseExpression(latex, options);
  assert.deepEqual(r.errors, [], `errors for ${latex}`);
  assert.ok(r.expr);
  return r.expr;
}

const show = (latex: string, options?: ParseOptions): string => printExpr(read(latex, options));

/** The first symbol of the tree (a derivative's variable comes after its `of`, so ask for the last one then). */
function firstSym(e: Expr, which: 'first' | 'last' = 'first'): Sym {
  const syms = nodesOf(e).filter((n): n is Sym => n.kind === 'sym');
  assert.ok(syms.length > 0);
  return which === 'first' ? syms[0] : syms.filter((s) => s.layer !== undefined).pop()!;
}

/** Source text of every symbol, in tree order. */
function symbols(latex: string): string[] {
  return nodesOf(read(latex))
    .filter((n) => n.kind === 'sym')
    .map((n) => latex.slice(n.span.start, n.span.end));
}

function cases(table: readonly (readonly [string, string])[], options?: ParseOptions): void {
  for (const [latex, printed] of table) {
    it(`${latex}  ->  ${printed}`, () => assert.equal(show(latex, options), printed));
  }
}

describe('reading batch notation', () => {
  describe('example marks: a^{[l](i)} is layer l of example i', () => {
    cases([
      ['a^{[2](i)}', 'a^{[2](i)}'],
      ['z^{[1](i)}', 'z^{[1](i)}'],
      ['a^{[2] (i)}', 'a^{[2](i)}'],
      ['a^{[l+1](i)}', 'a^{[l + 1](i)}'],
      ['a^{[2](i)}_j', 'a^{[2](i)}_{j}'],
      ['W^{[l](i)T}', 'T(W^{[l](i)})'],
      ['A^{[1]T}', 'T(A^{1})'],
      ['dZ^{[2](i)}', 'grad(L, Z^{[2](i)})'],
      ['\\sum_{i=1}^{m} dZ^{[2](i)}', 'sum_{i=1}^{m}(grad(L, Z^{[2](i)}))'],
      ['\\partial \\mathcal{L}^{(i)} / \\partial z^{[l](i)}', 'grad(\\mathcal{L}^{i}, z^{[l](i)})'],
    ]);

    it('reads digits after the layer bracket as a power, as deeplearning.ai squares an activation (1 - A^{[1]2})', () => {
      for (const latex of ['A^{[1]2}', 'a^{[1](i)2}']) {
        const e = read(latex);
        assert.equal(e.kind, 'pow', latex);
        if (e.kind !== 'pow') continue;
        assert.equal(printExpr(e.exponent), '2');
        assert.equal(e.base.kind === 'sym' && e.base.layer && printExpr(e.base.layer), '1');
      }
    });

    it('keeps the layer and the example apart in the fields the checker reads', () => {
      const a = firstSym(read('a^{[2](i)}'));
      assert.equal(a.name, 'a');
      assert.equal(a.layer && printExpr(a.layer), '2');
      assert.equal(a.example && printExpr(a.example), 'i');
      assert.equal(a.layerBrackets, '[]');
    });

    it('puts the example mark on the variable of a dZ^{[2](i)} derivative', () => {
      const e = read('dZ^{[2](i)}');
      assert.equal(e.kind, 'derivative');
      if (e.kind !== 'derivative') return;
      assert.equal(e.notation, 'd');
      assert.equal(e.wrt.kind, 'sym');
      if (e.wrt.kind === 'sym') assert.equal(e.wrt.example && printExpr(e.wrt.example), 'i');
    });

    it('points the layer and the example at their own text', () => {
      assert.deepEqual(symbols('a^{[l](i)}'), ['a^{[l](i)}', 'l', 'i']);
      assert.deepEqual(symbols('a^{[2](k+1)}'), ['a^{[2](k+1)}', 'k']);
    });

    it('leaves a lone parenthesised superscript a layer, and records that it was written in parentheses', () => {
      for (const latex of ['x^{(i)}', 'y^{(i)}', '\\mathcal{L}^{(i)}', 'L^{(i)}', 'J^{(i)}', 'h^{(k)}']) {
        const s = firstSym(read(latex));
        assert.equal(s.example, undefined, latex);
        assert.equal(s.layer && printExpr(s.layer), latex.match(/\((\w)\)/)![1], latex);
        assert.equal(s.layerBrackets, '()', latex);
      }
    });

    it('records square brackets on a layer and none on a bare layer superscript', () => {
      assert.equal(firstSym(read('W^{[l]}')).layerBrackets, '[]');
      assert.equal(firstSym(read('W^{l}')).layerBrackets, undefined);
      assert.equal(firstSym(read('W^{l}')).example, undefined);
    });

    it('reads an example mark in the per-example cost of deeplearning.ai', () => {
      assert.equal(
        show('y^{(i)} \\log a^{[2](i)} + (1 - y^{(i)}) \\log (1 - a^{[2](i)})'),
        '(y^{i} log(a^{[2](i)})) + ((1 - y^{i}) log(1 - a^{[2](i)}))',
      );
    });

    it('does not take (i)[2] (the other order) or a bracket pair with something after it for an example mark', () => {
      assert.equal(firstSym(read('a^{(i)[2]}')).example, undefined);
      assert.equal(firstSym(read('a^{[2](i)+1}')).example, undefined);
    });
  });

  describe('two indices without a comma: P_{i y_i} is row i, column y_i', () => {
    cases([
      ['P_{i y_i}', 'P_{i,y_{i}}'],
      ['P_{i,y_i}', 'P_{i,y_{i}}'],
      ['P_{y_i i}', 'P_{y_{i},i}'],
      ['\\mathrm{scores}_{i y_i}', 'scores_{i,y_{i}}'],
      ['\\mathrm{scores}_{ic}', 'scores_{i,c}'],
      ['W_{j k}', 'W_{j,k}'],
      ['x_{i_1 i_2}', 'x_{i_{1},i_{2}}'],
      ['\\log P_{i y_i}', 'log(P_{i,y_{i}})'],
    ]);

    it('keeps one index where the subscript is not a run of index-like terms', () => {
      assert.equal(show('x_{2i}'), 'x_{2 i}');
      assert.equal(show('w_{12}'), 'w_{12}');
      assert.equal(show('\\alpha_{y_i}'), '\\alpha_{y_{i}}');
      assert.equal(show('a_{k l^2}'), 'a_{k pow(l, 2)}');
      assert.equal(show('a_{k+1}'), 'a_{k + 1}');
    });

    it('points each index at its own text', () => {
      assert.deepEqual(symbols('P_{i y_i}'), ['P_{i y_i}', 'i', 'y_i', 'i']);
    });
  });

  describe('the ones vector is a factor, never an indicator, when nothing in parentheses follows it', () => {
    cases([
      ['\\mathbf{1}^\\top dZ_1', 'T(\\mathbf{1}) grad(L, Z_{1})'],
      ['\\mathbf{1} b_1', '\\mathbf{1} b_{1}'],
      ['X W_1 + \\mathbf{1} b_1', '(X W_{1}) + (\\mathbf{1} b_{1})'],
      ['dZ^{[1]} \\mathbf{1}', 'grad(L, Z^{1}) \\mathbf{1}'],
      ['\\mathbb{1}^\\top dZ_1', 'T(\\mathbb{1}) grad(L, Z_{1})'],
      ['dH \\odot \\mathbb{1}(H > 0)', '(d H) ⊙ [H > 0]'],
    ]);
  });

  describe('names a document writes upright (\\mathrm{scores}) read as one symbol in their plain spelling', () => {
    const formulas = ['\\mathrm{scores} = H W_2 + \\mathbf{1} b_2', 'P_{ic} = \\frac{e^{\\mathrm{scores}_{ic}}}{\\sum_k e^{\\mathrm{scores}_{ik}}}'];
    const names = uprightNames(formulas);
    const options: ParseOptions = { names };

    it('declares the word of \\mathrm{scores}', () => {
      assert.deepEqual([...names], ['scores']);
      assert.deepEqual([...documentNames(formulas)], ['scores']);
    });

    cases(
      [
        ['scores', 'scores'],
        ['dscores', 'grad(L, scores)'],
        ['dscores = P - Y', 'grad(L, scores) = P - Y'],
        ['\\mathbf{1}^\\top dscores', 'T(\\mathbf{1}) grad(L, scores)'],
        ['H^\\top dscores + \\lambda W_2', '(T(H) grad(L, scores)) + (\\lambda W_{2})'],
        ['dscores\\, W_2^\\top', 'grad(L, scores) T(W_{2})'],
        ['dscores_{i y_i}', 'grad(L, scores_{i,y_{i}})'],
        ['dW_2 = H^\\top dscores', 'grad(L, W_{2}) = T(H) grad(L, scores)'],
      ],
      options,
    );

    it('gives dscores the same symbol name as the forward pass gives \\mathrm{scores}', () => {
      const forward = read('\\mathrm{scores}', options);
      const backward = read('dscores', options);
      assert.equal(forward.kind, 'sym');
      assert.ok(backward.kind === 'derivative' && backward.notation === 'd' && backward.wrt.kind === 'sym');
      if (forward.kind === 'sym' && backward.kind === 'derivative' && backward.wrt.kind === 'sym') assert.equal(backward.wrt.name, forward.name);
    });

    it('points the merged word and the d mark at the text', () => {
      const e = read('\\mathbf{1}^\\top dscores', options);
      assert.equal(e.kind, 'binary');
      if (e.kind !== 'binary') return;
      assert.equal('\\mathbf{1}^\\top dscores'.slice(e.right.span.start, e.right.span.end), 'dscores');
      assert.deepEqual(
        nodesOf(e.right).filter((n) => n.kind === 'sym').map((n) => '\\mathbf{1}^\\top dscores'.slice(n.span.start, n.span.end)),
        ['d', 'scores'],
      );
    });

    it('reads the letters as before in a document that writes no such word', () => {
      assert.equal(show('scores'), '((((s c) o) r) e) s');
      assert.equal(show('dscores'), '(((((d s) c) o) r) e) s');
    });

    it('prefers a longer declared name to d + name (let dscores = …)', () => {
      assert.equal(show('dscores', { names: new Set(['scores', 'dscores']) }), 'dscores');
    });

    it('keeps function words reading as functions next to declared names, digits included', () => {
      const withNames: ParseOptions = { names: new Set(['scores', 'relu1']) };
      assert.equal(show('sigmoid(scores)', withNames), 'sigmoid(scores)');
      assert.equal(show('exp2', withNames), show('exp2'));
      assert.equal(show('relu1', withNames), 'relu1');
      assert.equal(show('relu(x)', withNames), 'relu(x)');
    });

    it('declares no function word, prose word, single letter or word only ever applied', () => {
      const scanned = uprightNames([
        '\\mathrm{softmax}(z) + \\operatorname{sigmoid}(u) + \\text{ReLU}(v) + \\mathrm{onehot}(y) + \\max(0, a) + \\log p',
        'a = b \\text{ if } c > 0, \\text{otherwise} \\quad \\text{where} \\ \\mathrm{and} \\text{for all} \\text{ else }',
        '\\mathrm{d} z + \\mathrm{T} + \\operatorname{diag}(x) + \\mathrm{enc}\\left( x \\right)',
      ]);
      assert.deepEqual([...scanned], []);
    });

    it('declares no word the document also applies to parentheses (a function of its own)', () => {
      assert.deepEqual([...uprightNames(['L = \\mathrm{CE}', '\\mathrm{CE}(p) = -\\log p_y'])], []);
    });

    it('declares words in every upright spelling, used as values, with scripts', () => {
      const scanned = uprightNames(['\\text{hidden}_{j} + \\operatorname{logits}^{[2]} + \\mathit{out} + \\mathsf{probs}', '\\textrm {loss} = 1']);
      assert.deepEqual([...scanned].sort(), ['hidden', 'logits', 'loss', 'out', 'probs']);
    });
  });

  describe('letters a document writes alone and with a d in front (H and dH) read as gradients', () => {
    const cs231n = ['H = \\max(0, Z_1)', 'dH = dscores\\, W_2^\\top', 'dZ_1 = dH \\odot \\mathbb{1}(H > 0)', 'dQ = P - Y'];

    it('declares H (written alone and as dH) but not Q (only ever dQ) nor Y (never with a d)', () => {
      assert.deepEqual([...documentNames(cs231n)].sort(), ['H']);
    });

    it('reads dH as the gradient of the loss with respect to H once H is declared', () => {
      const options: ParseOptions = { names: documentNames(cs231n) };
      assert.equal(show('dH \\odot \\mathbb{1}(H > 0)', options), 'grad(L, H) ⊙ [H > 0]');
      assert.equal(show('dH_1', options), 'grad(L, H_{1})');
      assert.equal(show('dH \\odot \\mathbb{1}(H > 0)'), '(d H) ⊙ [H > 0]');
    });

    it('does not take a d inside a command or a word for a gradient mark', () => {
      assert.deepEqual([...documentNames(['\\delta H + \\dfrac{a}{b} + \\mathrm{d}H + \\ddot{x} + H'])], []);
      assert.deepEqual([...documentNames(['odH + H'])], []);
      assert.deepEqual([...documentNames(['e^{z} \\quad \\text{ de } z \\quad \\text{de }'])], []);
    });
  });

  describe('the batch documents of the corpus read as their authors mean them', () => {
    /** Every claim of a corpus document, read with the names the document declares, printed. */
    function claimsOf(file: string): string[] {
      const located = readDocument(readFileSync(join(__dirname, '..', 'corpus', 'graph', file), 'utf8'), 'markdown');
      const names = documentNames(located.formulas.map((f) => f.latex));
      return located.formulas.flatMap((f) => {
        const parsed = parseFormula(f.latex, { macros: located.macros, names, environment: f.environment, setting: { display: f.display, before: f.before } });
        assert.deepEqual(parsed.errors, [], f.latex);
        return parsed.claims.map(printClaim);
      });
    }

    /** Each of `claims` is among the document's claims as read. */
    function assertReads(file: string, claims: readonly string[]): void {
      const read = claimsOf(file);
      for (const claim of claims) assert.ok(read.includes(claim), `${claim} not among:\n${read.join('\n')}`);
    }

    it('cs231n-batch.md: scores, dscores, dH, P_{i y_i} and the ones vector', () => {
      assertReads('cs231n-batch.md', [
        'Z_{1} = (X W_{1}) + (\\mathbf{1} b_{1})',
        'scores = (H W_{2}) + (\\mathbf{1} b_{2})',
        'P_{i,c} = exp(scores_{i,c}) / sum_{k}(exp(scores_{i,k}))',
        'L = ((-(1 / N)) sum_{i=1}^{N}(log(P_{i,y_{i}}))) + ((\\lambda / 2) (pow(||W_{1}||, 2) + pow(||W_{2}||, 2)))',
        'grad(L, scores) = P - Y',
        'grad(L, W_{2}) = (T(H) grad(L, scores)) + (\\lambda W_{2})',
        'grad(L, b_{2}) = T(\\mathbf{1}) grad(L, scores)',
        'grad(L, H) = grad(L, scores) T(W_{2})',
        'grad(L, Z_{1}) = grad(L, H) ⊙ [H > 0]',
        'grad(L, b_{1}) = T(\\mathbf{1}) grad(L, Z_{1})',
      ]);
    });

    it('dlai-batch.md: example marks in the cost and in the sums of dZ', () => {
      assertReads('dlai-batch.md', [
        'J = (-(1 / m)) sum_{i=1}^{m}((y^{i} log(a^{[2](i)})) + ((1 - y^{i}) log(1 - a^{[2](i)})))',
        'grad(L, b^{2}) = (1 / m) sum_{i=1}^{m}(grad(L, Z^{[2](i)}))',
        'grad(L, b^{1}) = (1 / m) sum_{i=1}^{m}(grad(L, Z^{[1](i)}))',
      ]);
    });
  });
});

describe('an entry of an expression', () => {
  it('reads ((W^{l+1})^T δ^{l+1})_j and softmax(z)_k as entries of their values, with the indices as written', () => {
    const bp2 = read(String.raw`((W^{l+1})^T \delta^{l+1})_j`);
    assert.equal(bp2.kind, 'entry');
    const softmax = read(String.raw`\operatorname{softmax}(z)_{i, y_i}`);
    assert.equal(softmax.kind, 'entry');
    if (softmax.kind === 'entry') assert.deepEqual(softmax.indices.map(printExpr), ['i', 'y_{i}']);
  });
});
