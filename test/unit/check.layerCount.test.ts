// UFLDL writes the output layer as n_l, the number of layers: a^{(n_l)} is the
// network's output wherever a layer is expected, like L.
import assert from 'node:assert/strict';
import { checkDocument } from '../../src/core/check';

const SPEC = ['```mlp', 'input 3', 'dense 4 sigmoid', 'dense 2 sigmoid', 'loss mse', '```', ''];
const check = (claim: string) => checkDocument([...SPEC, `$$${claim}$$`, ''].join('\n'), { language: 'markdown', samples: 2 }).claims;

describe('n_l as the last layer (UFLDL)', () => {
  it('δ^{n_l} = (a^{n_l} − y) ⊙ σ′(z^{n_l}) holds: n_l is the output layer', () => {
    const [claim] = check("\\delta^{n_l} = (a^{n_l} - y) \\odot \\sigma'(z^{n_l})");
    assert.equal(claim.status, 'ok', claim.message);
  });

  it('the same with the sign dropped is a mismatch, not an unknown symbol n', () => {
    const [claim] = check("\\delta^{n_l} = (y - a^{n_l}) \\odot \\sigma'(z^{n_l})");
    assert.equal(claim.status, 'mismatch', claim.message);
  });

  it('a document that gives n a meaning of its own keeps it', () => {
    const text = [...SPEC.slice(0, 5), 'let n = x', '```', '', "$$\\delta^{n_l} = (a^{n_l} - y) \\odot \\sigma'(z^{n_l})$$", ''].join('\n');
    const [claim] = checkDocument(text, { language: 'markdown', samples: 2 }).claims;
    assert.notEqual(claim.status, 'ok');
  });
});

describe('a layer written as text (OCR damage)', () => {
  it('a^{l-Infinity1}_j is unchecked at once with the letters named, not tried as seven layer variables (it took 16 s and ended as a false ✗)', () => {
    const [claim] = check('\\frac{\\partial C}{\\partial w^l_{jk}} = a^{l-Infinity1}_j \\delta^l_k');
    assert.equal(claim.status, 'unchecked');
    assert.match(claim.message, /cannot read this layer: it names 7 letters \(l, I, n, f, i, t, y\)/);
  });

  it('two letters in a layer (l + k − k) are still a layer, each tried', () => {
    const [claim] = check('z^{l+k-k} = W^{l} o^{l-1} + b^{l}');
    assert.equal(claim.status, 'ok', claim.message);
  });
});
