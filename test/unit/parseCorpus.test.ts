// The formula corpus (test/unit/fixtures/formulas): every formula is pinned
// to the claims it yields (printed compactly) and to the source text of
// every symbol in them; and every node of every tree has a sane span.

import { strict as assert } from 'node:assert';
import type { Expr, Span } from '../../src/core/math/expr/expr';
import { parseFormula, printClaim, printExpr } from '../../src/core/math/claims/parse';
import { baseName } from '../../src/core/math/parser/symbols';
import { allFormulas, corpus } from './fixtures/formulas';
import type { FormulaCase } from './fixtures/formulas/types';
import { childrenOf, nodesOf, rootsOf, symLeaves } from './fixtures/formulas/walk';

function parse(c: FormulaCase) {
  return parseFormula(c.latex, { environment: c.environment, macros: c.macros });
}

const inside = (inner: Span, outer: Span): boolean => inner.start >= outer.start && inner.end <= outer.end;

/** Span problems of one tree: outside the formula, a child outside its parent, a symbol not spelled where it points. */
function spanProblems(e: Expr, latex: string, macros: readonly string[]): string[] {
  const problems: string[] = [];
  for (const n of nodesOf(e)) {
    const text = latex.slice(n.span.start, n.span.end);
    if (n.span.start < 0 || n.span.end > latex.length || n.span.start > n.span.end) problems.push(`${n.kind} span out of range`);
    for (const k of childrenOf(n)) {
      if (!inside(k.span, n.span)) problems.push(`${k.kind} '${latex.slice(k.span.start, k.span.end)}' outside its parent ${n.kind} '${text}'`);
    }
    if (n.kind === 'sym') {
      const base = baseName(n.name).replace(/^\\/, '');
      // dX (deeplearning.ai) is ∂L/∂X: its implicit loss points at the d.
      const implicitLoss = n.name === 'L' && /^(d|\\mathrm\{d\})$/.test(text);
      const ok = implicitLoss || text.includes(base) || ((n.name === 'exp' || n.name === 'onehot') && text === 'e') || macros.some((m) => text === m);
      if (!ok) problems.push(`symbol ${n.name} points at '${text}'`);
    }
  }
  return problems;
}

describe('formula corpus', () => {
  it('has at least 60 formulas in the styles people write', () => {
    assert.ok(allFormulas.length >= 60, `${allFormulas.length} formulas`);
    for (const [style, cases] of Object.entries(corpus)) assert.ok(cases.length >= 10, `${style} has ${cases.length}`);
  });

  for (const [style, cases] of Object.entries(corpus)) {
    describe(style, () => {
      for (const c of cases) {
        it(`${c.what}: ${c.latex}`, () => {
          const r = parse(c);
          assert.deepEqual(r.claims.map(printClaim), c.claims, 'claims');
          assert.deepEqual(r.expressions.map((e) => printExpr(e.expr)), c.expressions ?? [], 'expressions');
          assert.deepEqual(r.errors.map((e) => c.latex.slice(e.span.start, e.span.end)), c.errors ?? [], 'error spans');
          assert.equal(r.continuation ? `${r.continuation.relation} ${printExpr(r.continuation.rhs)}` : undefined, c.continuation, 'continuation');
          assert.deepEqual(symLeaves(r, c.latex), c.leaves, 'source text of every symbol');
        });
      }
    });
  }

  it('gives every node of every corpus tree a span inside the formula and inside its parent, and every symbol a span that spells it', () => {
    const problems: string[] = [];
    for (const c of allFormulas) {
      const r = parse(c);
      for (const root of rootsOf(r)) {
        for (const p of spanProblems(root, c.latex, Object.keys(c.macros ?? {}))) problems.push(`${c.latex}: ${p}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('gives each claim spans that slice to its two sides, with the relation between them', () => {
    for (const c of allFormulas) {
      for (const claim of parse(c).claims) {
        assert.ok(claim.lhsSpan.end <= claim.relationSpan.start, `${c.latex}: relation after lhs`);
        assert.ok(claim.relationSpan.end <= claim.rhsSpan.start, `${c.latex}: rhs after relation`);
        assert.deepEqual(claim.span, { start: claim.lhsSpan.start, end: claim.rhsSpan.end });
        const aligned = claim.latex.includes('&') && !claim.latex.includes('\\begin{');
        assert.ok(claim.latex.length > 0 && !aligned, `${c.latex}: tidy latex '${claim.latex}'`);
      }
    }
  });
});
