// An update rule is a gradient step on the loss the document defines: with
// \mathcal{J} = L + λ/2 Σ‖W^l‖², the weight-decay step holds and a step that
// forgets the penalty (or adds it with the wrong sign) is a mismatch.
import assert from 'node:assert/strict';
import { checkDocument } from '../../src/core/check';

const DOC = (loss: string, step: string) =>
  ['```mlp', 'input 3', 'dense 4 sigmoid', 'dense 2 softmax', 'loss cross_entropy', '```', '', 'Let $\\lambda = 0.1$.', '', `$$${loss} = L + \\frac{\\lambda}{2} \\sum_{l=1}^{2} \\|W^l\\|_F^2$$`, '', `$$${step}$$`, ''].join('\n');
const last = (text: string) => {
  const claims = checkDocument(text, { language: 'markdown', samples: 2 }).claims;
  return claims[claims.length - 1];
};

describe('update rules step on the document’s own loss', () => {
  for (const loss of ['\\mathcal{J}', 'J', '\\mathcal{E}']) {
    it(`${loss} with weight decay: W ← (1 − ηλ)W − η δ (a)^T holds`, () => {
      const claim = last(DOC(loss, "W^l \\leftarrow (1 - \\eta \\lambda) W^l - \\eta\\, \\delta^l (a^{l-1})^T"));
      assert.equal(claim.status, 'ok', claim.message);
    });
  }

  it('a step that forgets the penalty is a mismatch against \\mathcal{J}', () => {
    const claim = last(DOC('\\mathcal{J}', 'W^l \\leftarrow W^l - \\eta\\, \\delta^l (a^{l-1})^T'));
    assert.equal(claim.status, 'mismatch', claim.message);
  });

  it('a step with the penalty’s sign flipped is a mismatch', () => {
    const claim = last(DOC('\\mathcal{J}', 'W^l \\leftarrow (1 + \\eta \\lambda) W^l - \\eta\\, \\delta^l (a^{l-1})^T'));
    assert.equal(claim.status, 'mismatch', claim.message);
  });
});
