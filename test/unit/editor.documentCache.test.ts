// The worker's per-document memory for check as you type: after an edit it
// re-reads and re-evaluates only what the edit touched, and what it reuses
// gives exactly the report a fresh check gives.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument, type CheckMemory } from '../../src/core/check';
import { DocumentCache } from '../../src/worker/documentCache';

const ROOT = join(__dirname, '../..');
const DOC = '$$z^l = W^l o^{l-1} + b^l$$\n\n$$\\delta^L = p - \\mathrm{onehot}(y)$$\n';

const checkWith = (text: string, language: 'markdown' | 'latex' = 'markdown') => (memory: CheckMemory) => checkDocument(text, { language, memory });

/** A replacement that applies to the text, as a function so `$$` stays `$$`. */
const replace = (from: string | RegExp, to: string) => (text: string) => {
  const next = text.replace(from, () => to);
  assert.notEqual(next, text, `the edit ${String(from)} → ${to} applies`);
  return next;
};

const EDITS: Record<string, ((text: string) => string)[]> = {
  'examples/nielsen-bp.md': [
    replace('$$\\nabla_a C = 2 (a^L - y)$$', '$$\\nabla_a C = (a^L - y)$$'),
    (t) => `A new first line.\n${t}`,
    replace('dense 4 sigmoid', 'dense 5 sigmoid'),
    replace('((w^{l})^T', '((w^{l+1})^T'),
  ],
  'examples/softmax-mlp.vi.md': [
    replace('let \\alpha = z^{L}', 'let \\alpha = z^{L-1}'),
    replace('let \\alpha = z^{L-1}', 'let \\alpha = z^{L}'),
    replace('$\\delta^l := ', '$\\delta^l = '),
    (t) => t.replace(/\n\n/, () => '\n\nAnother paragraph.\n\n'),
  ],
  'examples/backprop.tex': [replace('\\left(1 - h^{(1)}\\right)', '\\left(1 - (h^{(1)})^2\\right)'), (t) => `% a comment\n${t}`],
  'examples/cs231n-relu.md': [(t) => `${t}\n$$\\delta^L = p - \\mathrm{onehot}(y)$$\n`, (t) => `# Title\n\n${t}`],
};

describe('the check worker’s document cache', () => {
  for (const [file, edits] of Object.entries(EDITS)) {
    it(`${file}: after each edit, the report with reused parses and evaluations equals a fresh check`, () => {
      const language = file.endsWith('.tex') ? 'latex' : 'markdown';
      const cache = new DocumentCache();
      let text = readFileSync(join(ROOT, file), 'utf8');
      cache.check(file, text, checkWith(text, language));
      let reusedSome = false;
      for (const edit of edits) {
        text = edit(text);
        const { report, reuse } = cache.check(file, text, checkWith(text, language));
        assert.deepStrictEqual(report, checkDocument(text, { language }), `after editing to:\n${text}`);
        reusedSome ||= reuse.reusedClaims > 0;
      }
      assert.ok(reusedSome, 'some edit left claims to reuse');
    });
  }

  it('re-reads and re-evaluates only the formula an edit changed', () => {
    const cache = new DocumentCache();
    const first = cache.check('doc', DOC, checkWith(DOC));
    assert.deepEqual(first.reuse, { wholeReport: false, formulas: 2, reusedFormulas: 0, claims: 2, reusedClaims: 0 });
    const edited = replace('b^l$$', 'b^{l}$$')(DOC);
    const second = cache.check('doc', edited, checkWith(edited));
    assert.deepEqual(second.reuse, { wholeReport: false, formulas: 2, reusedFormulas: 1, claims: 2, reusedClaims: 1 });
    assert.equal(second.report.summary.ok, 2);
  });

  it('re-evaluates everything after a definition that moved: its line is part of what claims report', () => {
    const text = '$$\\delta^{l} := \\frac{\\partial L}{\\partial z^{l}}$$\n\n$$\\delta^L = p - \\mathrm{onehot}(y)$$\n';
    const cache = new DocumentCache();
    cache.check('doc', text, checkWith(text));
    const moved = `\n${text}`;
    const { report, reuse } = cache.check('doc', moved, checkWith(moved));
    assert.equal(reuse.reusedClaims, 0);
    assert.match(report.claims[1].bindings.find((b) => b.symbol === '\\delta')!.boundBy, /definition on line 2/);
  });

  it('answers an unchanged document from its last report without checking', () => {
    const cache = new DocumentCache();
    let calls = 0;
    const counted = (memory: CheckMemory) => {
      calls++;
      return checkWith(DOC)(memory);
    };
    const first = cache.check('doc', DOC, counted);
    const again = cache.check('doc', DOC, counted);
    assert.equal(calls, 1);
    assert.equal(again.report, first.report);
    assert.equal(again.reuse.wholeReport, true);
  });

  it('keeps documents apart and forgets a closed one', () => {
    const cache = new DocumentCache();
    cache.check('a', DOC, checkWith(DOC));
    cache.check('b', DOC, checkWith(DOC));
    assert.equal(cache.size, 2);
    cache.forget('a');
    assert.equal(cache.size, 1);
    const reopened = cache.check('a', DOC, checkWith(DOC));
    assert.equal(reopened.reuse.reusedFormulas + reopened.reuse.reusedClaims, 0);
  });
});

describe('the check worker’s document cache, over many edits', () => {
  it('keeps only what the latest check used: an edit undone two checks later is read again', () => {
    const cache = new DocumentCache();
    const edited = replace('b^l$$', 'b^{l}$$')(DOC);
    for (const text of [DOC, edited, DOC]) cache.check('doc', text, checkWith(text));
    const { reuse } = cache.check('doc', edited, checkWith(edited));
    assert.equal(reuse.reusedFormulas, 1, 'the edited formula was dropped when the check before did not use it');
  });
});
