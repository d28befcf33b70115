// The Markdown side of the math locator: which `$` are math, and where every
// character of each formula sits in the file.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { languageOfId, languageOfPath, locateMath, type Formula } from '../../src/core/document/locate';
import { assertFormulaMapsExactly, fixture, mutations } from './fixtures/locate/invariants';
import { SEED_PATH } from './helpers/seed';

function md(text: string): ReturnType<typeof locateMath> {
  const located = locateMath(text, 'markdown');
  for (const f of located.formulas) assertFormulaMapsExactly(text, f);
  return located;
}

function only(text: string): Formula {
  const { formulas } = md(text);
  assert.equal(formulas.length, 1, `one formula in ${JSON.stringify(text)}: ${JSON.stringify(formulas.map((f) => f.latex))}`);
  return formulas[0];
}

const at = (line: number, column: number) => ({ line, column });

describe('locateMath (Markdown)', () => {
  describe('inline math', () => {
    it('finds $..$ with the zero-based line and column of its delimiters and content', () => {
      const f = only('Text\nthe loss $L(\\alpha, y)$ here');
      assert.equal(f.latex, 'L(\\alpha, y)');
      assert.equal(f.display, false);
      assert.equal(f.delimiter, '$');
      assert.equal(f.environment, undefined);
      assert.deepEqual(f.range, { start: at(1, 9), end: at(1, 23) });
      assert.deepEqual(f.contentRange, { start: at(1, 10), end: at(1, 22) });
    });

    it('accepts spaces inside single dollars the way OCR-ed notes write them ($  \\alpha_a $)', () => {
      const f = only('theo  $  \\alpha_a $ , tức là');
      assert.equal(f.latex, '\\alpha_a');
      assert.deepEqual(f.contentRange.start, at(0, 9));
      assert.deepEqual(f.range, { start: at(0, 6), end: at(0, 19) });
    });

    it('maps inline math that wraps onto a quoted continuation line back without the `> ` prefix', () => {
      const f = only('> the error is $\\delta^L = \\nabla_a C \\odot\n>   \\sigma\'(z^L)$ here');
      // The quote marker and its space go; the rest of the indentation is math whitespace and stays.
      assert.equal(f.latex, "\\delta^L = \\nabla_a C \\odot\n  \\sigma'(z^L)");
      const sigma = f.latex.indexOf('\\sigma');
      assert.deepEqual(f.toPosition(sigma), at(1, 4));
      assert.deepEqual(f.range.end, at(1, 17));
    });

    it('ignores code spans, indented code, fenced code of other languages and escaped \\$', () => {
      const text = [
        'Price \\$5 and \\$6, code `$x$` and ``$$y$$``.',
        '',
        '    $indented$',
        '',
        '```python',
        'cost = "$5"  # $not$',
        '```',
        '',
        'real $z$',
      ].join('\n');
      const { formulas } = md(text);
      assert.deepEqual(formulas.map((f) => f.latex), ['z']);
      assert.deepEqual(formulas[0].range.start, at(8, 5));
    });
  });

  describe('display math', () => {
    it('treats one-line $$..$$ inside a paragraph as display math, content after both dollars', () => {
      const line = '$$\\Rightarrow L = -\\alpha_y + \\log \\sum_c e^{\\alpha_c}$$';
      const f = only(line);
      assert.equal(f.display, true);
      assert.equal(f.delimiter, '$$');
      assert.equal(f.latex, '\\Rightarrow L = -\\alpha_y + \\log \\sum_c e^{\\alpha_c}');
      assert.deepEqual(f.contentRange.start, at(0, 2));
      assert.deepEqual(f.range.end, at(0, line.length));
      assert.deepEqual(f.contentRange.end, at(0, line.length - 2));
    });

    it('reads a one-line $$\\begin{aligned}..\\end{aligned}$$ as one formula with its rows', () => {
      const line = '$$\\begin{aligned} L &= -\\log p_y \\\\ &= -z_y + \\log \\sum_c e^{z_c} \\end{aligned}$$';
      const f = only(`intro\n\n${line}\n\nafter`);
      assert.ok(f.latex.startsWith('\\begin{aligned} L &= -\\log p_y \\\\ &='));
      assert.ok(f.latex.endsWith('\\end{aligned}'));
      const second = f.latex.indexOf('&= -z_y');
      assert.deepEqual(f.toPosition(second), at(2, line.indexOf('&= -z_y')));
    });

    it('reads a $$ block whose content starts on the opening line and ends on the closing line, without swallowing what follows', () => {
      const text = ['$$\\begin{aligned}', 'a &= b \\\\', '  &= c', '\\end{aligned}$$', '', 'then $x$ and', '', '$$', 'y = 1', '$$'].join('\n');
      const { formulas } = md(text);
      assert.deepEqual(formulas.map((f) => f.latex), ['\\begin{aligned}\na &= b \\\\\n  &= c\n\\end{aligned}', 'x', 'y = 1']);
      assert.deepEqual(formulas[0].range, { start: at(0, 0), end: at(3, 15) });
      assert.deepEqual(formulas[0].toPosition(formulas[0].latex.indexOf('&= c')), at(2, 2));
      assert.deepEqual(formulas[2].contentRange, { start: at(8, 0), end: at(8, 5) });
    });

    it('keeps text written right after an opening $$ as formula content', () => {
      const f = only('$$ z^l = W^l o^{l-1} + b^l\n$$');
      assert.equal(f.latex, 'z^l = W^l o^{l-1} + b^l');
      assert.deepEqual(f.contentRange.start, at(0, 3));
    });

    it('maps a display formula inside a blockquote back to the quoted line and column', () => {
      const text = ['> Note:', '>', '> $$', '> \\delta^l = (W^{l+1})^T \\delta^{l+1}', '>   \\odot \\sigma\'(z^l)', '> $$', '', 'after'].join('\n');
      const f = only(text);
      assert.equal(f.latex, "\\delta^l = (W^{l+1})^T \\delta^{l+1}\n  \\odot \\sigma'(z^l)");
      assert.deepEqual(f.range, { start: at(2, 2), end: at(5, 4) });
      assert.deepEqual(f.toPosition(0), at(3, 2));
      assert.deepEqual(f.toPosition(f.latex.indexOf('\\odot')), at(4, 4));
    });

    it('strips list-item indentation from display math in list items', () => {
      const text = ['- For the correct class:', '  $$', '  \\frac{\\partial L}{\\partial s_y} = p_y - 1', '  $$', '- other: $$p_j$$'].join('\n');
      const { formulas } = md(text);
      assert.deepEqual(formulas.map((f) => f.latex), ['\\frac{\\partial L}{\\partial s_y} = p_y - 1', 'p_j']);
      assert.deepEqual(formulas[0].contentRange.start, at(2, 2));
      assert.equal(formulas[1].display, true);
    });

    it('reads nested quote-in-list display math with both prefixes removed', () => {
      const text = ['1. step', '   > $$a = b', '   > + c$$', 'done'].join('\n');
      const f = only(text);
      assert.equal(f.latex, 'a = b\n+ c');
      assert.deepEqual(f.toPosition(f.latex.indexOf('+')), at(2, 5));
    });

    it('finds ```math and ~~~math fences as display math', () => {
      const { formulas } = md('```math\nL_i = -\\log p_{y_i}\n```\n\n~~~ math\nx = 1\n~~~\n');
      assert.deepEqual(formulas.map((f) => [f.latex, f.delimiter, f.display]), [
        ['L_i = -\\log p_{y_i}', '```math', true],
        ['x = 1', '~~~ math', true],
      ]);
      assert.deepEqual(formulas[1].contentRange.start, at(5, 0));
    });
  });

  describe('problems and odd input', () => {
    it('reports an unclosed $$ at its position and still finds the inline math after it', () => {
      const text = 'intro\n$$\nnever closed\n\nbut $x$ is found\n\n> and $y$';
      const located = md(text);
      assert.deepEqual(located.formulas.map((f) => [f.latex, f.range.start.line, f.range.start.column]), [
        ['x', 4, 4],
        ['y', 6, 6],
      ]);
      assert.equal(located.problems.length, 1);
      assert.equal(located.problems[0].code, 'unclosed-math');
      assert.deepEqual(located.problems[0].range, { start: at(1, 0), end: at(1, 2) });
    });

    it('handles CRLF line endings and a byte order mark', () => {
      const text = '\uFEFFa $x$\r\n$$\r\ny = 2\r\n$$\r\n';
      const { formulas } = md(text);
      assert.deepEqual(formulas.map((f) => f.latex), ['x', 'y = 2']);
      assert.deepEqual(formulas[0].contentRange.start, at(0, 4));
      assert.deepEqual(formulas[1].contentRange, { start: at(2, 0), end: at(2, 5) });
      // A BOM at the start of the lines an unclosed $$ swallowed must not shift them either.
      assert.deepEqual(md('$$\n\uFEFF$z$').formulas.map((f) => f.contentRange.start), [at(1, 2)]);
    });

    it('ends a $$ block at `$$.` and notes that math after the closing $$ on that line is not read', () => {
      const located = md('$$\na = b\n$$. Then $c$\n\nnext $d$');
      assert.deepEqual(located.formulas.map((f) => f.latex), ['a = b', 'd']);
      assert.deepEqual(located.problems.map((p) => [p.code, p.severity, p.range.start]), [['text-after-display-math', 'information', at(2, 2)]]);
    });

    it('blanks % comments inside math to spaces so offsets stay exact', () => {
      const f = only('$$\na = b % why\n+ c\n$$');
      assert.equal(f.latex, 'a = b      \n+ c');
      assert.deepEqual(f.toPosition(f.latex.indexOf('+')), at(2, 0));
    });

    it('never throws and returns nothing for documents without math', () => {
      for (const text of ['', '$', '$$', '$$$$', '\\', '> '.repeat(200) + '$$', '```math', '- '.repeat(100) + '$x$', 'plain prose']) {
        const located = md(text);
        assert.ok(Array.isArray(located.formulas));
      }
      assert.deepEqual(md('no dollars here').formulas, []);
    });
  });

  describe('macros', () => {
    it('collects $\\newcommand$ definitions in KaTeX format and drops formulas that only define macros', () => {
      const located = md('$\\newcommand{\\R}{\\mathbb{R}}$ $$\\def\\pd#1#2{\\frac{\\partial #1}{\\partial #2}}$$ and $x \\in \\R$');
      assert.deepEqual(located.macros, { '\\R': '\\mathbb{R}', '\\pd': '\\frac{\\partial #1}{\\partial #2}' });
      assert.deepEqual(located.formulas.map((f) => f.latex), ['x \\in \\R']);
    });
  });

  describe('fixtures', () => {
    it('finds every formula of the Vietnamese-style notes, skipping prices, code and indented code', () => {
      const { formulas, problems } = md(fixture('vietnamese-notes.md'));
      assert.deepEqual(problems, []);
      assert.deepEqual(
        formulas.map((f) => `${f.range.start.line}:${f.display ? 'D' : 'i'}`),
        ['4:i', '4:i', '8:D', '10:D', '12:i', '12:i', '14:D', '18:i', '18:i', '19:i', '21:D', '24:D', '28:i', '36:i', '36:D', '40:D'],
      );
      const quoted = formulas[11];
      assert.ok(quoted.latex.startsWith('\\begin{aligned}\n\\delta^l &='));
      assert.deepEqual(quoted.toPosition(quoted.latex.indexOf('&= \\left')), at(26, 2));
    });

    it('reads Nielsen-style \\tag-ed display math and a formula wrapped across lines', () => {
      const { formulas } = md(fixture('nielsen-style.md'));
      assert.equal(formulas.length, 13);
      assert.ok(formulas.some((f) => f.latex.endsWith('\\tag{BP2}') && f.contentRange.start.line === 18));
      const wrapped = formulas.find((f) => f.latex.startsWith('\\delta^L = \\nabla_a C'));
      assert.ok(wrapped && wrapped.range.start.line === 12 && wrapped.range.end.line === 13);
    });

    it('reads CS231n-style notes: math fences, list items, a quoted block and macro definitions', () => {
      const { formulas, macros } = md(fixture('cs231n-style.md'));
      assert.equal(formulas.length, 9);
      assert.deepEqual(Object.keys(macros), ['\\R', '\\norm']);
      assert.ok(!formulas.some((f) => f.latex.includes('np.maximum') || f.latex === 'h'));
      const quoted = formulas.find((f) => f.latex.startsWith('dh = ds'));
      assert.ok(quoted);
      assert.deepEqual(quoted.toPosition(quoted.latex.indexOf('dW_1')), at(35, 2));
    });
  });

  describe('the seed derivation (../shared/seed-derivation.md)', () => {
    it('finds every $$ formula of the seed document on its exact line', function () {
      const text = readFileSync(SEED_PATH, 'utf8');
      const { formulas } = md(text);
      const lines = text.split('\n');
      const expected: number[] = [];
      lines.forEach((line, i) => {
        if (line.trimStart().startsWith('$$')) expected.push(i);
      });
      assert.ok(expected.length > 10, 'the seed has many display formulas');
      const display = formulas.filter((f) => f.delimiter === '$$');
      assert.deepEqual(display.map((f) => f.range.start.line), expected);
      for (const f of display) {
        // Every seed formula sits on one line: its latex is what lies between the two `$$`.
        const line = lines[f.range.start.line];
        const open = line.indexOf('$$') + 2;
        const inner = line.slice(open, line.lastIndexOf('$$'));
        assert.equal(f.latex, inner.trim());
        assert.deepEqual(f.contentRange.start, at(f.range.start.line, open + inner.length - inner.trimStart().length));
      }
    });
  });

  describe('robustness', () => {
    it('never throws on 400 random slices and edits of the Markdown fixtures, and every formula maps exactly', () => {
      const docs = ['vietnamese-notes.md', 'nielsen-style.md', 'cs231n-style.md'].flatMap((name, k) => mutations(fixture(name), 134, 17 + k));
      for (const doc of docs) {
        let located: ReturnType<typeof locateMath> | undefined;
        assert.doesNotThrow(() => {
          located = locateMath(doc, 'markdown');
        }, JSON.stringify(doc));
        for (const f of located?.formulas ?? []) assertFormulaMapsExactly(doc, f);
        assert.ok(!located?.problems.some((p) => p.code === 'locate-failed'), `no internal error for ${JSON.stringify(doc)}`);
      }
    });
  });

  describe('languageOfPath / languageOfId', () => {
    it('knows Markdown and LaTeX files by extension, case-insensitively, and nothing else', () => {
      assert.equal(languageOfPath('notes/backprop.md'), 'markdown');
      assert.equal(languageOfPath('C:\\hw\\Derivation.MARKDOWN'), 'markdown');
      assert.equal(languageOfPath('file:///a/b/paper.tex'), 'latex');
      assert.equal(languageOfPath('thesis.latex'), 'latex');
      assert.equal(languageOfPath('net.mlp'), undefined);
      assert.equal(languageOfPath('README'), undefined);
      assert.equal(languageOfPath('archive.md.bak'), undefined);
      assert.equal(languageOfId('markdown'), 'markdown');
      assert.equal(languageOfId('latex'), 'latex');
      assert.equal(languageOfId('python'), undefined);
    });
  });
});
