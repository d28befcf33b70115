// Splitting formulas into claims (src/core/math/claims/claims.ts): chains, rows,
// separators, definitions, updates, conditions.

import { strict as assert } from 'node:assert';
import { type FormulaOptions, parseFormula, printClaim, printCondition, printExpr } from '../../src/core/math/claims/parse';
import { allFormulas } from './fixtures/formulas';

const claims = (latex: string, options?: FormulaOptions): string[] => parseFormula(latex, options).claims.map(printClaim);
const slice = (latex: string, s: { start: number; end: number }): string => latex.slice(s.start, s.end);

describe('splitting a formula into claims', () => {
  describe('chains and rows', () => {
    it('splits A = B = C into A = B and B = C', () => {
      assert.deepEqual(claims('a = b + c = d'), ['a = b + c', 'b + c = d']);
    });

    it('continues an aligned chain from the previous row, reporting each claim at its right-hand side', () => {
      const latex = '\\begin{aligned} L &= a + b \\\\ &= c \\\\ &= d \\end{aligned}';
      const r = parseFormula(latex);
      assert.deepEqual(r.claims.map(printClaim), ['L = a + b', 'a + b = c', 'c = d']);
      assert.deepEqual(r.claims.map((c) => slice(latex, c.rhsSpan)), ['a + b', 'c', 'd']);
      assert.deepEqual(r.claims.map((c) => c.latex), ['L = a + b', 'a + b = c', 'c = d']);
      assert.equal(slice(latex, r.claims[1].span), 'a + b \\\\ &= c');
    });

    it('starts a new chain on a row that does not begin with a relation', () => {
      assert.deepEqual(claims('a &= b \\\\ c &= d', { environment: 'align*' }), ['a = b', 'c = d']);
    });

    it('gives spans in the caller string when the body of an environment was wrapped', () => {
      const latex = 'z &= W x \\\\ &= y';
      const r = parseFormula(latex, { environment: 'align' });
      assert.deepEqual(r.claims.map((c) => slice(latex, c.rhsSpan)), ['W x', 'y']);
      assert.deepEqual(r.claims.map((c) => slice(latex, c.relationSpan)), ['=', '=']);
    });

    it('reports a formula that starts with a relation as a continuation of the previous one', () => {
      const r = parseFormula('= a + b = c');
      assert.equal(r.continuation?.relation, '=');
      assert.equal(printExpr(r.continuation!.rhs), 'a + b');
      assert.deepEqual(r.claims.map(printClaim), ['a + b = c']);
    });
  });

  describe('separators between equations', () => {
    const two = ['a = b', 'c = d'];
    for (const sep of [',\\quad', ', \\qquad', '\\quad', '\\qquad', ',', ';', ', \\text{and}', '\\text{ và }', '\\text{và}', '\\text{ và }', '\\text{ where }', '\\Rightarrow', '\\implies', '\\therefore']) {
      it(`splits at ${sep}`, () => assert.deepEqual(claims(`a = b ${sep} c = d`), two));
    }

    it('ignores leading \\Rightarrow, \\implies, \\therefore and trailing punctuation', () => {
      assert.deepEqual(claims('\\Rightarrow a = b.'), ['a = b']);
      assert.deepEqual(claims('\\implies a = b,'), ['a = b']);
      assert.deepEqual(claims('\\therefore a = b;'), ['a = b']);
    });

    it('splits at an upright prose word (\\mathrm{and}) and at \\mbox{..}', () => {
      assert.deepEqual(claims('a = b \\mathrm{and} c = d'), two);
      assert.deepEqual(claims('a = b \\mbox{ and } c = d'), two);
    });

    it('reads the rows of an equation, gather or align written inside the formula', () => {
      assert.deepEqual(claims('\\begin{equation} a = b \\end{equation}'), ['a = b']);
      assert.deepEqual(claims('\\begin{gather} a = b \\\\ c = d \\end{gather}'), two);
      assert.deepEqual(claims('\\begin{align} a &= b \\\\ &= c \\end{align}'), ['a = b', 'b = c']);
    });

    it('ignores prose before the first equation', () => {
      assert.deepEqual(claims('\\text{ta có } a = b'), ['a = b']);
    });
  });

  describe('definitions and updates', () => {
    it('classifies definition relations', () => {
      for (const rel of [':=', '\\coloneqq', '\\triangleq', '\\equiv', '\\overset{def}{=}', '\\stackrel{\\text{def}}{=}', '\\overset{\\Delta}{=}']) {
        const [c] = parseFormula(`s ${rel} t + 1`).claims;
        assert.equal(c.kind, 'definition', rel);
      }
    });

    it('spells relations canonically', () => {
      assert.deepEqual(
        ['=', ':=', '\\coloneqq', '\\triangleq', '\\stackrel{\\text{def}}{=}', '\\leftarrow', '\\gets'].map((rel) => parseFormula(`s ${rel} t`).claims[0].relation),
        ['=', ':=', ':=', '\\triangleq', '\\overset{def}{=}', '\\leftarrow', '\\leftarrow'],
      );
    });

    it('classifies \\leftarrow and \\gets as updates', () => {
      assert.equal(parseFormula('W \\leftarrow W - \\eta G').claims[0].kind, 'update');
      assert.equal(parseFormula('b \\gets b - \\eta \\delta').claims[0].kind, 'update');
    });

    it('classifies := as an update when both sides start with the same symbol, else as a definition', () => {
      assert.equal(parseFormula('W^{l} := W^{l} - \\eta G').claims[0].kind, 'update');
      assert.equal(parseFormula('W^{l} := W^{2} - \\eta G').claims[0].kind, 'definition');
      assert.equal(parseFormula('W := \\eta G').claims[0].kind, 'definition');
    });

    it('leaves a plain = a claim, even on a new symbol (the checker may make it a definition)', () => {
      assert.equal(parseFormula('\\alpha = z^L').claims[0].kind, 'claim');
    });
  });

  describe('conditions', () => {
    const conds = (latex: string): string[][] => parseFormula(latex).claims.map((c) => c.conditions.map(printCondition));

    it('attaches ", \\quad a \\neq y" to the claim', () => {
      assert.deepEqual(conds('g_a = p_a, \\quad a \\neq y'), [['a ≠ y']]);
    });

    it('attaches "(a \\ne y)" to the claim', () => {
      assert.deepEqual(conds('g_a = p_a \\quad (a \\ne y)'), [['a ≠ y']]);
    });

    it('attaches "\\text{for } l = 1, \\dots, L-1" as a range', () => {
      assert.deepEqual(conds('\\delta^l = W^{l+1} \\delta^{l+1} \\quad \\text{for } l = 1, \\dots, L-1'), [['l ∈ 1..L - 1']]);
    });

    it('attaches "a = 1, 2, \\dots, C" as a range, never a claim a = 1', () => {
      const r = parseFormula('g_a = p_a - 1, a = 1, 2, \\dots, C');
      assert.deepEqual(r.claims.map(printClaim), ['g_{a} = p_{a} - 1 [if a ∈ 1..C]']);
    });

    it('keeps the values of a range written without dots', () => {
      const [c] = parseFormula('g_a = p_a, \\quad a = 1, 2, 3').claims;
      assert.deepEqual(c.conditions.map(printCondition), ['a ∈ {1, 2, 3}']);
    });

    it('stops a range before the next equation', () => {
      assert.deepEqual(claims('g_a = p_a, a = 1, 2, b = 3'), ['g_{a} = p_{a} [if a ∈ {1, 2}]', 'b = 3']);
    });

    it('attaches "\\forall a" and "\\text{if } a = y"', () => {
      assert.deepEqual(conds('g_a = p_a \\quad \\forall a'), [['∀a']]);
      assert.deepEqual(conds('g_a = p_a - 1 \\quad \\text{if } a = y'), [['a = y']]);
      assert.deepEqual(conds('g_a = p_a - 1 \\quad \\text{khi } a = y'), [['a = y']]);
    });

    it('attaches a condition written before the claim', () => {
      assert.deepEqual(conds('\\forall a \\neq y: g_a = p_a'), [['a ≠ y']]);
      assert.deepEqual(conds('\\text{với } a \\neq y, \\quad g_a = p_a'), [['a ≠ y']]);
    });

    it('attaches a condition to every claim of the chain before it', () => {
      assert.deepEqual(conds('g_a = p_a = q_a, \\quad a \\neq y'), [['a ≠ y'], ['a ≠ y']]);
    });

    it('reads "a = y" after a claim indexed by a as a condition, but "b = 3" as a claim', () => {
      assert.deepEqual(claims('g_a = p_a - 1, \\quad a = y'), ['g_{a} = p_{a} - 1 [if a = y]']);
      assert.deepEqual(claims('g_a = p_a - 1, \\quad b = 3'), ['g_{a} = p_{a} - 1', 'b = 3']);
    });

    it('keeps a shape annotation \\in \\mathbb{R}^{d} as an "in" condition, never a claim', () => {
      const latex = 'g = W^T \\delta \\in \\mathbb{R}^{d}';
      const r = parseFormula(latex);
      assert.deepEqual(r.claims.map(printClaim), ['g = T(W) \\delta [if T(W) \\delta ∈ pow(\\mathbb{R}, d)]']);
      const cond = r.claims[0].conditions[0];
      assert.equal(cond.kind === 'relation' && cond.relation.op, 'in');
      assert.equal(slice(latex, cond.span), 'W^T \\delta \\in \\mathbb{R}^{d}');
    });

    it('gives conditions the span of what the author wrote', () => {
      const latex = 'g_a = p_a, \\quad a = 1, \\dots, C';
      const [c] = parseFormula(latex).claims;
      assert.equal(slice(latex, c.conditions[0].span), 'a = 1, \\dots, C');
    });
  });

  describe('struck-out steps', () => {
    it('makes no claim with a struck-out last step', () => {
      assert.deepEqual(claims('a = b = \\cancel{c}'), ['a = b']);
    });

    it('joins the neighbours of a struck-out middle step', () => {
      assert.deepEqual(claims('a = \\cancel{c} = b'), ['a = b']);
    });

    it('treats struck-out words as prose', () => {
      assert.deepEqual(claims('a = b, \\cancel{\\text{sai}} \\quad c = d'), ['a = b', 'c = d']);
    });
  });

  describe('lone expressions', () => {
    it('returns an expression without a relation as an expression, with its span', () => {
      const latex = '\\frac{\\partial L}{\\partial \\alpha_a}';
      const r = parseFormula(latex);
      assert.equal(r.claims.length, 0);
      assert.deepEqual(r.expressions.map((e) => [printExpr(e.expr), slice(latex, e.span)]), [['grad(L, \\alpha_{a})', latex]]);
    });

    it('reads prose-only formulas as nothing', () => {
      const r = parseFormula('\\text{Bước 1}');
      assert.deepEqual([r.claims, r.expressions, r.errors], [[], [], []]);
    });
  });

  describe('errors', () => {
    it('turns a KaTeX parse error into a located error', () => {
      const latex = 'a = \\frac{1}{2';
      const r = parseFormula(latex);
      assert.equal(r.claims.length, 0);
      assert.equal(r.errors.length, 1);
      assert.ok(r.errors[0].span.end <= latex.length && r.errors[0].span.start < r.errors[0].span.end);
    });

    it('locates an undefined command', () => {
      const latex = 'a = \\foo + b';
      const [e] = parseFormula(latex).errors;
      assert.equal(slice(latex, e.span), '\\foo');
    });

    it('locates a relation with nothing after it, and a stray closing parenthesis', () => {
      const a = 'a = b =';
      assert.deepEqual(parseFormula(a).errors.map((e) => slice(a, e.span)), ['=']);
      const b = 'a = b)';
      assert.deepEqual(parseFormula(b).errors.map((e) => slice(b, e.span)), [')']);
    });

    it('never throws, on every prefix and every one-character deletion of the corpus formulas', () => {
      let n = 0;
      for (const c of allFormulas) {
        const variants = new Set<string>();
        for (let i = 0; i <= c.latex.length; i++) variants.add(c.latex.slice(0, i));
        for (let i = 0; i < c.latex.length; i++) variants.add(c.latex.slice(0, i) + c.latex.slice(i + 1));
        for (const v of variants) {
          const r = parseFormula(v, { environment: c.environment, macros: c.macros });
          n++;
          for (const e of r.errors) {
            assert.ok(!e.message.startsWith('internal error'), `${v}: ${e.message}`);
            assert.ok(e.span.start >= 0 && e.span.end <= v.length, `error inside ${v}`);
          }
        }
      }
      assert.ok(n > 1000);
    });
  });
});
