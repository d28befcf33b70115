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
