// The LaTeX side of the math locator: delimiters, display environments,
// comments, verbatim text and macro definitions of .tex files.
import assert from 'node:assert/strict';
import { locateMath, type Formula } from '../../src/core/document/locate';
import { assertFormulaMapsExactly, fixture, mutations } from './fixtures/locate/invariants';

function tex(text: string): ReturnType<typeof locateMath> {
  const located = locateMath(text, 'latex');
  for (const f of located.formulas) assertFormulaMapsExactly(text, f);
  return located;
}

function summary(formulas: Formula[]): [string, boolean, string | undefined][] {
  return formulas.map((f) => [f.latex, f.display, f.environment]);
}

const at = (line: number, column: number) => ({ line, column });

describe('locateMath (LaTeX)', () => {
  describe('delimiters', () => {
    it('finds $..$, \\(..\\), \\[..\\] and $$..$$ with their display flags and exact columns', () => {
      const text = 'a $x$ b \\(y\\)\n\\[ z \\] and $$ w $$';
      const { formulas } = tex(text);
      assert.deepEqual(summary(formulas), [
        ['x', false, undefined],
        ['y', false, undefined],
        ['z', true, undefined],
        ['w', true, undefined],
      ]);
      assert.deepEqual(formulas.map((f) => f.delimiter), ['$', '\\(', '\\[', '$$']);
      assert.deepEqual(formulas[1].range, { start: at(0, 8), end: at(0, 13) });
      assert.deepEqual(formulas[2].contentRange.start, at(1, 3));
      assert.deepEqual(formulas[3].range, { start: at(1, 12), end: at(1, 19) });
    });

    it('does not take \\$, \\\\[2pt] or \\% for math or comments', () => {
      const { formulas } = tex('costs \\$5 and 10\\% more \\\\[2pt] then $a = \\$1$ % $not$');
      assert.deepEqual(summary(formulas), [['a = \\$1', false, undefined]]);
    });

    it('closes $..$ after a nested \\text{ .. $x$ .. } group, not inside it', () => {
      const f = tex('$a \\text{ if $x>0$} b$').formulas;
      assert.deepEqual(f.map((x) => x.latex), ['a \\text{ if $x>0$} b']);
    });
  });

  describe('environments', () => {
    it('keeps an align* body verbatim, rows with & and \\\\, and names the environment', () => {
      const text = ['\\begin{align*}', '  z^l &= W^l o^{l-1} + b^l \\\\', '  o^l &= \\sigma(z^l)', '\\end{align*}'].join('\n');
      const [f] = tex(text).formulas;
      assert.equal(f.environment, 'align*');
      assert.equal(f.delimiter, '\\begin{align*}');
      assert.equal(f.display, true);
      assert.equal(f.latex, 'z^l &= W^l o^{l-1} + b^l \\\\\n  o^l &= \\sigma(z^l)');
      assert.deepEqual(f.range, { start: at(0, 0), end: at(3, 12) });
      assert.deepEqual(f.toPosition(f.latex.indexOf('o^l &=')), at(2, 2));
    });

    it('treats aligned inside equation* as part of the formula, and a top-level aligned as its own formula', () => {
      const text = '\\begin{equation*}\n\\begin{aligned} a &= b \\end{aligned}\n\\end{equation*}\n\\begin{aligned}\nc &= d\n\\end{aligned}';
      assert.deepEqual(summary(tex(text).formulas), [
        ['\\begin{aligned} a &= b \\end{aligned}', true, 'equation*'],
        ['c &= d', true, 'aligned'],
      ]);
    });

    it('finds equation, gather, multline, eqnarray and alignat (without its column-count argument)', () => {
      const envs = ['equation', 'gather', 'multline*', 'eqnarray*', 'flalign'];
      const text = envs.map((e) => `\\begin{${e}} x_{${e}} \\end{${e}}`).join('\n') + '\n\\begin{alignat}{2} p &= q \\end{alignat}';
      const { formulas } = tex(text);
      assert.deepEqual(formulas.map((f) => f.environment), [...envs, 'alignat']);
      assert.equal(formulas[5].latex, 'p &= q');
      assert.ok(formulas.every((f) => f.display));
    });

    it('nests same-name environments when looking for the matching \\end', () => {
      const [f] = tex('\\begin{aligned} a \\begin{aligned} b \\end{aligned} \\end{aligned} after').formulas;
      assert.equal(f.latex, 'a \\begin{aligned} b \\end{aligned}');
    });
  });

  describe('comments, verbatim and labels', () => {
    it('skips % comments but blanks a comment inside a formula to spaces at the same columns', () => {
      const text = '% $hidden$\n\\begin{align}\n  a &= b % why $\n  \\\\ c &= d\n\\end{align}';
      const [f, ...rest] = tex(text).formulas;
      assert.equal(rest.length, 0);
      assert.equal(f.latex, 'a &= b        \n  \\\\ c &= d');
      assert.deepEqual(f.toPosition(f.latex.indexOf('c &=')), at(3, 5));
    });

    it('skips verbatim-like environments, \\verb, \\iffalse blocks and URLs', () => {
      const text = [
        '\\begin{verbatim}\n$no$ \\[ no \\]\n\\end{verbatim}',
        '\\begin{lstlisting}\ncost = "$5"\n\\end{lstlisting}',
        '\\verb|$no$| \\verb*+$no$+ \\url{http://x.org/$a$}',
        '\\iffalse $no$ \\fi',
        '\\newenvironment{eqn}[1][x]{\\begin{align}}{\\end{align}}',
        '$yes$',
      ].join('\n');
      assert.deepEqual(tex(text).formulas.map((f) => f.latex), ['yes']);
    });

    it('blanks \\label{..} (KaTeX has none) but keeps \\tag', () => {
      const [f] = tex('\\begin{equation}\\label{eq:bp1} \\delta^L = p - y \\tag{BP1}\\end{equation}').formulas;
      assert.equal(f.latex, '\\delta^L = p - y \\tag{BP1}');
      assert.deepEqual(f.contentRange.start, at(0, 31));
    });

    it('ignores everything after \\end{document}', () => {
      const { formulas } = tex('\\begin{document} $a$ \\end{document} $b$');
      assert.deepEqual(formulas.map((f) => f.latex), ['a']);
    });
  });

  describe('macros', () => {
    it('collects \\newcommand, \\renewcommand, \\def and \\DeclareMathOperator in KaTeX format with #n kept', () => {
      const text = [
        '\\newcommand{\\R}{\\mathbb{R}}',
        '\\newcommand\\pd[2]{\\frac{\\partial #1}{\\partial #2}}',
        '\\newcommand{\\opt}[2][1]{#1 + #2}',
        '\\renewcommand{\\vec}[1]{\\mathbf{#1}}',
        '\\def\\sig{\\sigma}',
        '\\def\\pair#1#2{(#1, #2)}',
        '\\DeclareMathOperator{\\softmax}{softmax}',
        '\\DeclareMathOperator*{\\argmax}{arg\\,max}',
        '\\providecommand{\\R}{\\mathbb{X}}',
        '\\newcommand{\\money}{\\$ $x$}',
      ].join('\n');
      const { macros, formulas } = tex(text);
      assert.deepEqual(macros, {
        '\\R': '\\mathbb{R}',
        '\\pd': '\\frac{\\partial #1}{\\partial #2}',
        '\\opt': '#1 + #2',
        '\\vec': '\\mathbf{#1}',
        '\\sig': '\\sigma',
        '\\pair': '(#1, #2)',
        '\\softmax': '\\operatorname{softmax}',
        '\\argmax': '\\operatorname*{arg\\,max}',
        '\\money': '\\$ $x$',
      });
      assert.deepEqual(formulas, [], 'math inside a definition body is not a formula of the text');
    });
  });

  describe('problems', () => {
    it('reports an unclosed $ at its position and still finds the math of the next paragraph', () => {
      const { formulas, problems } = tex('first $a = b\n\nsecond $c$');
      assert.deepEqual(formulas.map((f) => f.latex), ['c']);
      assert.deepEqual(problems.map((p) => [p.code, p.range.start]), [['unclosed-math', at(0, 6)]]);
    });

    it('reports a \\begin{align} without \\end{align}', () => {
      const { problems } = tex('\\begin{align}\n a &= b\n');
      assert.deepEqual(problems.map((p) => [p.code, p.range.start, p.range.end]), [['unclosed-environment', at(0, 0), at(0, 13)]]);
    });
  });

  describe('fixtures', () => {
    it('finds every formula of derivation.tex with its environment and the preamble macros', () => {
      const { formulas, macros, problems } = tex(fixture('derivation.tex'));
      assert.deepEqual(problems, []);
      assert.deepEqual(
        formulas.map((f) => [f.range.start.line, f.delimiter, f.environment ?? '']),
        [
          [11, '$', ''],
          [11, '\\(', ''],
          [11, '$', ''],
          [13, '\\begin{align}', 'align'],
          [19, '\\begin{equation*}', 'equation*'],
          [26, '\\begin{gather*}', 'gather*'],
          [30, '\\[', ''],
          [34, '\\begin{multline}', 'multline'],
          [39, '\\begin{eqnarray}', 'eqnarray'],
          [43, '$$', ''],
          [45, '\\begin{aligned}', 'aligned'],
        ],
      );
      assert.deepEqual(Object.keys(macros), ['\\R', '\\pd', '\\vec', '\\sig', '\\softmax']);
      const align = formulas[3];
      assert.ok(!align.latex.includes('eq:z'), '\\label is blanked');
      assert.deepEqual(align.toPosition(align.latex.indexOf('o^l &=')), at(15, 2));
    });
  });

  describe('robustness', () => {
    it('never throws on 300 random slices and edits of the .tex fixture, and every formula maps exactly', () => {
      for (const doc of mutations(fixture('derivation.tex'), 300, 7)) {
        let located: ReturnType<typeof locateMath> | undefined;
        assert.doesNotThrow(() => {
          located = locateMath(doc, 'latex');
        }, JSON.stringify(doc));
        for (const f of located?.formulas ?? []) assertFormulaMapsExactly(doc, f);
        assert.ok(!located?.problems.some((p) => p.code === 'locate-failed'));
      }
    });

    it('reads Markdown fixtures as LaTeX without throwing (a .tex file can hold anything)', () => {
      for (const name of ['vietnamese-notes.md', 'nielsen-style.md', 'cs231n-style.md']) {
        const text = fixture(name);
        for (const f of tex(text).formulas) assertFormulaMapsExactly(text, f);
      }
    });
  });
});
