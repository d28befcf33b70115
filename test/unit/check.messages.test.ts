// Messages speak the document's language: no internal printed form such as
// `?{p,3: cannot read ',' here}`, and LaTeX echoed in a message is exactly
// the author's source text.
import { strict as assert } from 'node:assert';
import { checkDocument, type DocumentReport } from '../../src/core/check';

function check(display: string): DocumentReport {
  return checkDocument(`$$${display}$$\n`, { language: 'markdown', samples: 1 });
}

describe('messages echo the source, never internal text', () => {
  it('an unreadable superscript is quoted as written, without the ?{…} printed form', () => {
    const [claim] = check('o^{p,3}_j = 1 + o^{p,3}_j').claims;
    assert.equal(claim.status, 'unchecked');
    assert.ok(claim.message.includes('`p,3`'), claim.message);
    assert.ok(!claim.message.includes('?{'), claim.message);
  });

  it('a layer in a message is the layer as the author wrote it (spacing kept), not a re-printed tree', () => {
    const [claim] = check('\\frac{\\partial L}{\\partial W^{l + 1}_{1,2,3}} = 0').claims;
    assert.match(claim.message, /W\^\{l \+ 1\}/);
  });

  it('a claim continued on the next display keeps the relation as written (\\coloneqq, not :=)', () => {
    const report = checkDocument('$$\\alpha_j = z^{L}_j$$\n\n$$\\coloneqq z^{L}_j$$\n', { language: 'markdown', samples: 1 });
    assert.ok(report.claims.some((c) => c.latex.includes('\\coloneqq')), report.claims.map((c) => c.latex).join(' | '));
  });

  it('no message of a garbled line contains the internal printed form', () => {
    const report = checkDocument('$$x = (1, 2) + \\frac{a}{b,c} + W^{?}$$\n\n$$\\delta^{l,} = W^{(l}$$\n', { language: 'markdown', samples: 1 });
    const texts = [...report.claims.map((c) => c.message), ...report.problems.map((p) => p.message)];
    assert.deepEqual(texts.filter((t) => t.includes('?{')), []);
  });
});
