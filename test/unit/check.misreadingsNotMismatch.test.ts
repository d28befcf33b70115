// Two readings that used to end in a ✗ although nothing in the mathematics was
// shown wrong: a sum bound taken for the learning rate, and NaN on both sides.
import assert from 'node:assert/strict';
import { checkDocument } from '../../src/core/check';

const only = (latex: string) => {
  const { claims } = checkDocument(`$$${latex}$$\n`, { language: 'markdown', samples: 2 });
  assert.equal(claims.length, 1);
  return claims[0];
};

describe('a misreading is unchecked, never a mismatch', () => {
  it('the m of \\frac{1}{m}\\sum_{i=1}^{m} is a size, not the step size of the update: unknown m, unchecked', () => {
    const claim = only('W^{l} \\leftarrow W^{l} - \\frac{1}{m} \\sum_{i=1}^{m} \\delta^{l} (a^{l-1})^T');
    assert.equal(claim.status, 'unchecked', claim.message);
    assert.match(claim.message, /unknown symbol m/);
  });

  it('a lone unknown symbol outside sizes and positions is still the step size (UFLDL’s α)', () => {
    assert.equal(only('W^{l} \\leftarrow W^{l} - \\alpha\\, \\delta^{l} (a^{l-1})^T').status, 'ok');
  });

  it('NaN on both sides (log of a negative number) is not finite, so unchecked, not “rel error NaN”', () => {
    const claim = only('\\log(-1) \\cdot a^L = \\log(-1) \\cdot a^L');
    assert.equal(claim.status, 'unchecked', claim.message);
    assert.match(claim.message, /not finite at sample 1 \(log of a negative number\)/);
  });
});
