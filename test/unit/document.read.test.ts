// One reading pass: a document's math and its network spec come from the
// same scan, so a display that ends with `$$` on a math line can no longer
// hide the spec from one reader and not the other (the document was then
// checked against the default network without a word).
import { strict as assert } from 'node:assert';
import { checkDocument } from '../../src/core/check';
import { readDocument, type DocumentLanguage } from '../../src/core/document';

const SPEC = ['```mlp', 'input 3', 'dense 2 softmax', 'loss cross_entropy', '```'];

/** Line (1-based) of the first spec line and the claims' network, for a Markdown document built from lines. */
function checked(lines: readonly string[], language: DocumentLanguage = 'markdown') {
  return checkDocument(lines.join('\n') + '\n', { language, samples: 1 });
}

function specLines(text: string, language: DocumentLanguage): string[][] {
  return readDocument(text, language).specBlocks.map((b) => b.lines.map((l) => l.text.trim()).filter((t) => t !== ''));
}

describe('readDocument: the spec and the math from one scan', () => {
  const displays: Record<string, string[]> = {
    '\\end{aligned}$$': ['$$\\begin{aligned}', 'a &= b \\\\', '&= c', '\\end{aligned}$$'],
    '\\end{cases}$$': ['$$I(y=a) = \\begin{cases}', '1 & a = y \\\\', '0 & \\text{otherwise}', '\\end{cases}$$'],
    'b^2$$': ['$$a^2 +', 'b^2$$'],
    'an opening line with content': ['$$z^{1} = W^{1} x', '+ b^{1}$$'],
  };
  for (const [ending, display] of Object.entries(displays)) {
    it(`finds a fenced mlp block after a display ending in ${ending}, and the report says it used it`, () => {
      const report = checked(['# Notes', '', ...display, '', ...SPEC, '', '$$\\frac{\\partial L}{\\partial z^{L}} = p - y$$']);
      const specLine = display.length + 4;
      assert.equal(report.network?.source, 'document');
      assert.deepEqual(report.network?.layers, [3, 2]);
      assert.equal(report.network?.range?.start.line, specLine - 1);
      assert.equal(report.claims.at(-1)?.status, 'ok');
    });
  }

  it('reads a spec block inside a list item and a block quote, at their own lines', () => {
    const text = ['- the network:', '', '  ```mlp', '  input 3', '  dense 2 softmax', '  ```', '', '> ```mlp', '> seed 5', '> ```', ''].join('\n');
    const { specBlocks } = readDocument(text, 'markdown');
    assert.deepEqual(
      specBlocks.map((b) => b.lines.map((l) => [l.line, l.column, l.text])),
      [[[3, 2, 'input 3'], [4, 2, 'dense 2 softmax']], [[8, 2, 'seed 5']]],
    );
    const report = checkDocument(text, { language: 'markdown', samples: 1 });
    assert.equal(report.network?.source, 'document');
    assert.equal(report.seed, 5);
  });

  it('finds a spec block swallowed by an unclosed $$ (recovered with the math), and warns about the $$', () => {
    const text = ['$$a = b', '', 'text', '', ...SPEC, ''].join('\n');
    const reading = readDocument(text, 'markdown');
    assert.deepEqual(specLines(text, 'markdown'), [['input 3', 'dense 2 softmax', 'loss cross_entropy']]);
    assert.equal(reading.specBlocks[0].lines[0].line, 5);
    assert.ok(reading.problems.some((p) => p.code === 'unclosed-math'));
  });

  it('does not take an mlp fence that is the content of a $$ display or of another fence', () => {
    const text = ['$$', '```mlp', 'input 9', '```', '$$', '', '````md', '```mlp', 'input 8', '```', '````', ''].join('\n');
    assert.deepEqual(specLines(text, 'markdown'), []);
    assert.equal(readDocument(text, 'markdown').formulas.length, 1);
  });

  it('reads `% mlp:` lines after `\\]` and after an align in .tex, and the report gives their line', () => {
    const text = [
      '\\documentclass{article}',
      '\\begin{document}',
      '\\[ z^{1} = W^{1} x + b^{1} \\]',
      '% mlp: input 3',
      '% mlp: dense 2 softmax',
      '\\begin{align}',
      '\\frac{\\partial L}{\\partial z^{L}} &= p - y',
      '\\end{align}',
      '  % mlp: seed 4',
      '\\end{document}',
    ].join('\n');
    assert.deepEqual(specLines(text, 'latex'), [['input 3', 'dense 2 softmax'], ['seed 4']]);
    const report = checkDocument(text, { language: 'latex', samples: 1 });
    assert.equal(report.network?.source, 'document');
    assert.equal(report.network?.range?.start.line, 3);
    assert.equal(report.seed, 4);
    assert.deepEqual(report.claims.map((c) => c.status), ['ok', 'ok']);
  });

  it('does not read `% mlp:` lines shown in a verbatim block or switched off by \\iffalse, and lists them as unread', () => {
    const text = ['\\begin{verbatim}', '% mlp: input 9', '\\end{verbatim}', '\\iffalse', '% mlp: input 8', '\\fi', '% mlp: input 3', ''].join('\n');
    assert.deepEqual(specLines(text, 'latex'), [['input 3']]);
    assert.deepEqual(readDocument(text, 'latex').unreadSpecMarks.map((r) => r.start.line), [1, 4]);
  });

  it('keeps `% mlp:` lines written after \\end{document}', () => {
    const text = ['\\begin{document}', '$a$', '\\end{document}', '% mlp: input 3', '% mlp: dense 2 softmax', ''].join('\n');
    assert.deepEqual(specLines(text, 'latex'), [['input 3', 'dense 2 softmax']]);
  });

  it('does not treat a `% mlp:` comment after text on the same line as a spec line', () => {
    assert.deepEqual(specLines('Text % mlp: input 3\n', 'latex'), []);
  });

  it('reports a document without a spec as checked against the default network, without a line', () => {
    const report = checked(['$$\\frac{\\partial L}{\\partial z^{L}} = p - y$$']);
    assert.equal(report.network?.source, 'default');
    assert.equal(report.network?.range, undefined);
  });

  it('says where an mlp fence that is not read as a spec sits, instead of falling back to the default network silently', () => {
    const report = checked(['$$', 'a = b', '```mlp', 'input 3', '```', '$$', '', '$$\\frac{\\partial L}{\\partial z^{L}} = p - y$$']);
    assert.equal(report.network?.source, 'default');
    const hint = report.problems.find((p) => p.code === 'spec-not-read');
    assert.equal(hint?.range.start.line, 2);
    assert.match(hint?.message ?? '', /default network/);
  });

  it('gives no such hint when the document has no spec-like text at all, or when its spec is read', () => {
    assert.equal(checked(['$$a = b$$']).problems.some((p) => p.code === 'spec-not-read'), false);
    assert.equal(checked([...SPEC, '', '$$a = b$$']).problems.some((p) => p.code === 'spec-not-read'), false);
  });
});
