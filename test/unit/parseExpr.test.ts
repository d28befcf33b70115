// Reading one expression: the notation rules of src/core/math/parser/notation.ts
// and scripts.ts, each pinned by its printed tree (print.ts).

import { strict as assert } from 'node:assert';
import type { Expr } from '../../src/core/math/expr/expr';
import { parseExpression, printExpr, type ParseOptions } from '../../src/core/math/claims/parse';
import { nodesOf } from './fixtures/formulas/walk';

function read(latex: string, options?: ParseOptions): Expr {
  const r = parseExpression(latex, options);
  assert.deepEqual(r.errors, [], `errors for ${latex}`);
  assert.ok(r.expr);
  return r.expr;
}

const show = (latex: string, options?: ParseOptions): string => printExpr(read(latex, options));

/** Source text of every symbol, in tree order. */
function symbols(latex: string): string[] {
  return nodesOf(read(latex))
    .filter((n) => n.kind === 'sym')
    .map((n) => latex.slice(n.span.start, n.span.end));
}

function cases(table: readonly (readonly [string, string])[]): void {
  for (const [latex, printed] of table) {
    it(`${latex}  ->  ${printed}`, () => assert.equal(show(latex), printed));
  }
}

describe('reading expressions', () => {
  describe('layer superscripts and indices on layered symbols', () => {
    cases([
      ['W^{l+1}', 'W^{l + 1}'],
      ['a^L_j', 'a^{L}_{j}'],
      ['o^{l-1}_b', 'o^{l - 1}_{b}'],
      ['w^l_{jk}', 'w^{l}_{j,k}'],
      ['W^{l}_{a,b}', 'W^{l}_{a,b}'],
      ['w_{a,b}^l', 'w^{l}_{a,b}'],
      ['h^{(k)}', 'h^{k}'],
      ['W^{(l)}', 'W^{l}'],
      ['\\delta^{l+1}_k', '\\delta^{l + 1}_{k}'],
      ['\\boldsymbol{\\delta}^{l}', '\\boldsymbol{\\delta}^{l}'],
      ['\\mathbf{W}^{2}', '\\mathbf{W}^{2}'],
      ['\\vec{o}^{e-1}', '\\vec{o}^{e - 1}'],
      ['z^{l}_{k+1}', 'z^{l}_{k + 1}'],
      ['w_{12}', 'w_{12}'],
    ]);

    it('keeps each index as its own symbol with its own span (w^l_{jk})', () => {
      assert.deepEqual(symbols('w^l_{jk}'), ['w^l_{jk}', 'l', 'j', 'k']);
    });
  });

  describe('powers', () => {
    cases([
      ['(o^{1})^{2}', 'pow(o^{1}, 2)'],
      ['\\eta^2', 'pow(\\eta, 2)'],
      ['\\sigma(z)^2', 'pow(\\sigma(z), 2)'],
      ['\\beta^{t}', 'pow(\\beta, t)'],
      ['|x|^2', 'pow(|x|, 2)'],
      ['\\|y - a^L\\|^2', 'pow(||y - a^{L}||, 2)'],
    ]);

    it('reads x^2 as a power when x is not layered (the notation decides)', () => {
      const layered: ParseOptions = { layeredSymbols: new Set(['W']) };
      assert.equal(show('x^2', layered), 'pow(x, 2)');
      assert.equal(show('x^2'), 'x^{2}');
    });

    it('reads a compound superscript on an unknown symbol as a layer (s^{e-1})', () => {
      assert.equal(show('s^{e-1}'), 's^{e - 1}');
    });

    it('reads e^{..} as exp and e_y as onehot', () => {
      assert.equal(show('e^{\\alpha_c}'), 'exp(\\alpha_{c})');
      assert.equal(show('e^{-z}'), 'exp(-z)');
      assert.equal(show('e_y'), 'onehot(y)');
    });
  });

  describe('transposes', () => {
    cases([
      ['W^T', 'T(W)'],
      ['W^{T}', 'T(W)'],
      ['W^\\top', 'T(W)'],
      ['W^{\\mathsf T}', 'T(W)'],
      ['W^{\\intercal}', 'T(W)'],
      ['(W^{l+1})^T', 'T(W^{l + 1})'],
      ['{W^{l+1}}^T', 'T(W^{l + 1})'],
      ['W^{l+1 T}', 'T(W^{l + 1})'],
      ['h^{(k-1)\\top}', 'T(h^{k - 1})'],
      ['\\left( \\frac{\\partial y}{\\partial x} \\right)^{\\top}', 'T(grad(y, x))'],
    ]);
  });

  describe('primes', () => {
    cases([
      ["\\sigma'", "\\sigma'"],
      ["f'(z)", "f'(z)"],
      ["\\sigma'(z^l)", "\\sigma'(z^{l})"],
      ['\\sigma^{\\prime}(z)', "\\sigma'(z)"],
      ["f''(x)", "f''(x)"],
      ["\\sigma'^{l}(z)", "\\sigma'^{l}(z)"],
    ]);

    it("makes any primed symbol a function: h'(z) is a call", () => {
      assert.equal(show("h'(z)"), "h'(z)");
    });
  });

  describe('fractions and derivatives', () => {
    cases([
      ['\\frac{1}{2}', '1 / 2'],
      ['\\frac{\\partial L}{\\partial X}', 'grad(L, X)'],
      ['\\frac{\\partial L}{\\partial W^{l+1}_{a,b}}', 'grad(L, W^{l + 1}_{a,b})'],
      ['\\frac{dL}{dx}', 'grad(L, x)'],
      ['\\frac{\\mathrm{d} L}{\\mathrm{d} x}', 'grad(L, x)'],
      ['\\partial L / \\partial X', 'grad(L, X)'],
      ['\\nabla_{X} L', 'grad(L, X)'],
      ['\\nabla_{W^l} L', 'grad(L, W^{l})'],
      ['\\frac{\\partial}{\\partial \\alpha_y}\\left( -\\alpha_y + 1 \\right)', 'grad((-\\alpha_{y}) + 1, \\alpha_{y})'],
      ['\\frac{\\partial}{\\partial \\alpha_y} \\sum_c e^{\\alpha_c}', 'grad(sum_{c}(exp(\\alpha_{c})), \\alpha_{y})'],
      ['(\\nabla_W L)_{a,b}', 'grad(L, W_{a,b})'],
    ]);

    it('records which notation a derivative was written in', () => {
      const notation = (latex: string): string => {
        const e = read(latex);
        assert.equal(e.kind, 'derivative');
        return e.kind === 'derivative' ? e.notation : '';
      };
      assert.equal(notation('\\frac{\\partial L}{\\partial X}'), 'frac');
      assert.equal(notation('\\partial L / \\partial X'), 'slash');
      assert.equal(notation('\\nabla_X L'), 'nabla');
      assert.equal(notation('\\frac{\\partial}{\\partial X} L'), 'operator');
    });

    it('points each symbol of a derivative at its own text', () => {
      assert.deepEqual(symbols('\\frac{\\partial L}{\\partial W^{l+1}_{a,b}}'), ['L', 'W^{l+1}_{a,b}', 'l', 'a', 'b']);
      assert.deepEqual(symbols('\\partial L / \\partial X'), ['L', 'X']);
    });
  });

  describe('sums', () => {
    cases([
      ['\\sum_{c=1}^{C} x_c', 'sum_{c=1}^{C}(x_{c})'],
      ['\\sum_c x_c', 'sum_{c}(x_{c})'],
      ['\\sum_{k} w_{jk} a_k', 'sum_{k}(w_{j,k} a_{k})'],
      ['\\sum\\limits_{i=1}^n x_i', 'sum_{i=1}^{n}(x_{i})'],
      ['\\sum_k a_k b_k + c', 'sum_{k}(a_{k} b_{k}) + c'],
      ['\\sum_k a_k \\cdot b_k - c', 'sum_{k}(a_{k} · b_{k}) - c'],
      ['x \\sum_c y_c', 'x sum_{c}(y_{c})'],
      ['\\sum_{i,j} W_{ij}', 'sum_{i}(sum_{j}(W_{i,j}))'],
      ['\\log \\sum_c e^{\\alpha_c}', 'log(sum_{c}(exp(\\alpha_{c})))'],
    ]);
  });

  describe('functions', () => {
    cases([
      ['\\log x', 'log(x)'],
      ['\\ln(p_y)', 'ln(p_{y})'],
      ['\\exp(-x)', 'exp(-x)'],
      ['\\operatorname{softmax}(z)', 'softmax(z)'],
      ['\\mathrm{softmax}(z)', 'softmax(z)'],
      ['\\text{softmax}(z)', 'softmax(z)'],
      ['\\max(0, x)', 'max(0, x)'],
      ['\\mathrm{onehot}(y)', 'onehot(y)'],
      ['\\sigma^{l+1}(z^l)', '\\sigma^{l + 1}(z^{l})'],
      ['L(\\alpha, y)', 'L(\\alpha, y)'],
      ['p(a|x)', 'p(a | x)'],
      ['P(c \\mid x)', 'P(c | x)'],
      ['\\Gamma(g=a)', '\\Gamma(g = a)'],
      ['f(x_i; W)', 'f(x_{i}, W)'],
    ]);

    it('reads parentheses after a non-function symbol as a product (W(x + b), W^l(o^{l-1}))', () => {
      assert.equal(show('W(x + b)'), 'W (x + b)');
      assert.equal(show('W^l(o^{l-1})'), 'W^{l} o^{l - 1}');
      assert.equal(show('o^l(x + b)'), 'o^{l} (x + b)');
    });

    it('reads an activation with its layer applied to one layered quantity as documentation of dependence (o^l(z^l))', () => {
      assert.equal(show('o^l(z^l)'), 'o^{l}(z^{l})');
      assert.equal(show('a^L(z^L)'), 'a^{L}(z^{L})');
    });

    it('takes function symbols from the options', () => {
      assert.equal(show('o^l(z^l)', { functionSymbols: new Set(['o']) }), 'o^{l}(z^{l})');
      assert.equal(show('f(x)', { functionSymbols: new Set() }), 'f x');
    });
  });

  describe('products', () => {
    cases([
      ['a \\odot b', 'a ⊙ b'],
      ['a \\circ b', 'a ⊙ b'],
      ['a \\cdot b', 'a · b'],
      ['a \\times b', 'a × b'],
      ['a b c', '(a b) c'],
      ['a / b c', '(a / b) c'],
      ['-a b', '(-a) b'],
      ['a - b c', 'a - (b c)'],
      ['2 x', '2 x'],
      ['0.5 x', '0.5 x'],
    ]);
  });

  describe('delimiters', () => {
    cases([
      ['\\left( a + b \\right) c', '(a + b) c'],
      ['\\big( a + b \\big) c', '(a + b) c'],
      ['\\Big[ a + b \\Big] c', '(a + b) c'],
      ['\\bigl( a \\bigr)', 'a'],
    ]);

    it('gives a parenthesised sum a span that covers the parentheses, and a symbol inside only its own', () => {
      const latex = '-(a + b)';
      const e = read(latex);
      assert.equal(e.kind, 'neg');
      if (e.kind === 'neg') assert.equal(latex.slice(e.arg.span.start, e.arg.span.end), '(a + b)');
      assert.deepEqual(symbols('(x)'), ['x']);
    });
  });

  describe('indicators and one-hot vectors', () => {
    cases([
      ['I(y=a)', '[y = a]'],
      ['\\mathbb{1}(y=a)', '[y = a]'],
      ['\\mathbb{1}\\{y=a\\}', '[y = a]'],
      ['\\mathbf{1}[y = a]', '[y = a]'],
      ['[y=a]', '[y = a]'],
      ['\\mathbb{1}(z>0)', '[z > 0]'],
      ['\\mathbb{1}_{z > 0}', '[z > 0]'],
      ['I(a \\neq y)', '[a ≠ y]'],
    ]);
  });

  describe('decorations are part of the name', () => {
    cases([
      ['\\mathbf{x}', '\\mathbf{x}'],
      ['\\boldsymbol{\\delta}', '\\boldsymbol{\\delta}'],
      ['\\hat{y}', '\\hat{y}'],
      ['\\vec{o}', '\\vec{o}'],
      ['\\bar{x}', '\\bar{x}'],
      ['\\tilde{z}', '\\tilde{z}'],
      ['\\hat{\\boldsymbol{y}}', '\\hat{\\boldsymbol{y}}'],
      ['{\\bf x}', '\\mathbf{x}'],
      ['\\mathcal{L}', '\\mathcal{L}'],
    ]);

    it('makes decorated layered symbols layered by base name (\\mathbf{W}^{l}, \\hat{h}^{l})', () => {
      assert.equal(show('\\hat{h}^{l}'), '\\hat{h}^{l}');
      assert.equal(show('\\mathcal{L}(\\theta)'), '\\mathcal{L}(\\theta)');
    });
  });

  describe('words', () => {
    it('reads \\text{scores} and \\mathrm{dscores} as one symbol', () => {
      assert.equal(show('\\text{scores} + \\mathrm{dscores}'), 'scores + dscores');
      assert.deepEqual(symbols('\\text{scores} + \\mathrm{dscores}'), ['\\text{scores}', '\\mathrm{dscores}']);
    });

    it('reads \\cancel{..} inside an expression as written (the value is unchanged)', () => {
      assert.equal(show('a + \\cancel{b} - \\cancel{b}'), '(a + b) - b');
    });

    it('reads \\boxed{..} as its content', () => {
      assert.equal(show('\\boxed{a + b}'), 'a + b');
    });

    it('expands user macros', () => {
      assert.equal(show('\\dLdz', { macros: { '\\dLdz': '\\frac{\\partial L}{\\partial z}' } }), 'grad(L, z)');
    });
  });

  describe('unsupported constructs become Unsupported nodes with a reason', () => {
    const reason = (latex: string): string => {
      const u = nodesOf(read(latex)).find((n) => n.kind === 'unsupported');
      assert.ok(u && u.kind === 'unsupported', `no unsupported node in ${latex}`);
      return u.kind === 'unsupported' ? u.reason : '';
    };
    it('\\int', () => assert.match(reason('\\int_0^1 f(x) dx'), /integrals/));
    it('\\lim', () => assert.match(reason('\\lim_{n \\to \\infty} a_n'), /limits/));
    it('\\prod', () => assert.match(reason('\\prod_i x_i'), /products/));
    it('second derivatives', () => assert.match(reason('\\frac{\\partial^2 L}{\\partial x^2}'), /higher-order/));
    it('a sum without an index', () => assert.match(reason('\\sum x'), /index/));
    it('a sum with a restricted index', () => assert.match(reason('\\sum_{j \\neq y} x_j'), /range/));
    it('a vector literal', () => assert.match(reason('[s_1, \\dots, s_d]'), /vector literals/));
    it('a gradient with nothing after it', () => assert.match(reason('\\nabla_L'), /nothing follows/));
    it('a lone \\partial', () => assert.match(reason('\\partial L'), /lone \\partial/));
    it('cases', () => assert.match(reason('\\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}'), /cases/));
    it('\\pm', () => assert.match(reason('a \\pm b'), /\\pm/));
  });
});
