// The worker's per-document memory for check as you type: what it reuses
// after an edit, and that it forgets.
import * as assert from 'node:assert/strict';
import { checkDocument } from '../../src/core/check';
import type { ParsedFormula } from '../../src/core/math/parse';
import { DocumentCache } from '../../src/worker/documentCache';

const DOC = '$$z^l = W^l o^{l-1} + b^l$$\n\n$$\\delta^L = p - \\mathrm{onehot}(y)$$\n';

function checker(calls: { n: number }) {
  return (text: string) => (parseCache: Map<string, ParsedFormula>) => {
    calls.n++;
    return checkDocument(text, { language: 'markdown', parseCache });
  };
}

describe('the check worker’s document cache', () => {
  it('re-reads only the formula an edit changed', () => {
    const cache = new DocumentCache();
    const calls = { n: 0 };
    const check = checker(calls);
    const first = cache.check('doc', DOC, check(DOC));
    assert.deepEqual(first.reuse, { wholeReport: false, formulas: 2, reusedFormulas: 0 });
    const edited = DOC.replace('b^l$$', () => 'b^{l}$$'); // a function: in a replacement string $$ is one $
    const second = cache.check('doc', edited, check(edited));
    assert.deepEqual(second.reuse, { wholeReport: false, formulas: 2, reusedFormulas: 1 });
    assert.equal(second.report.summary.ok, 2, 'the reused parse checks like a fresh one');
  });

  it('answers an unchanged document from its last report without checking', () => {
    const cache = new DocumentCache();
    const calls = { n: 0 };
    const first = cache.check('doc', DOC, checker(calls)(DOC));
    const again = cache.check('doc', DOC, checker(calls)(DOC));
    assert.equal(calls.n, 1);
    assert.equal(again.report, first.report);
    assert.equal(again.reuse.wholeReport, true);
  });

  it('gives checks of the same text under other settings (another key) a fresh report', () => {
    const cache = new DocumentCache();
    const calls = { n: 0 };
    cache.check('doc', `seed 1\n${DOC}`, checker(calls)(DOC));
    cache.check('doc', `seed 2\n${DOC}`, checker(calls)(DOC));
    assert.equal(calls.n, 2);
  });

  it('keeps documents apart and forgets a closed one', () => {
    const cache = new DocumentCache();
    const calls = { n: 0 };
    cache.check('a', DOC, checker(calls)(DOC));
    cache.check('b', DOC, checker(calls)(DOC));
    assert.equal(cache.size, 2);
    cache.forget('a');
    assert.equal(cache.size, 1);
    const reopened = cache.check('a', DOC, checker(calls)(DOC));
    assert.deepEqual(reopened.reuse, { wholeReport: false, formulas: 2, reusedFormulas: 0 });
  });
});
