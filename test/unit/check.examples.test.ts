// Every claim of every bundled example gets exactly its intended verdict
// (and, for the deliberate mistakes, the intended diagnosis).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument, type DocumentReport } from '../../src/core/check';
import { languageOfPath } from '../../src/core/document/locate';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

function check(name: string): DocumentReport {
  return checkDocument(readFileSync(join(EXAMPLES, name), 'utf8'), { language: languageOfPath(name)!, path: `examples/${name}` });
}

/** line (one-based, the claim's right side) → verdict, with the diagnosis after a colon. */
function verdicts(report: DocumentReport): string[] {
  return report.claims.map((c) => `${c.rhsRange.start.line + 1} ${c.status}${c.diagnosis ? `: ${c.diagnosis}` : ''}`);
}

const EXPECTED: Record<string, string[]> = {
  'vectorised-batch.md': [
    '21 ok', // Z^{[1]} = W X + b, the bias broadcast over the columns
    '21 ok', // A^{[1]} = max(0, Z^{[1]})
    '23 ok', // Z^{[2]}
    '23 ok', // A^{[2]} = softmax, column by column
    '25 definition', // J, the mean of the examples' losses
    '29 ok', // dZ^{[2]} = A^{[2]} − Y, each example's own gradient
    '33 ok', // dW^{[2]} = 1/m dZ A^T
    '37 ok', // db^{[2]} with the column of ones
    '41 ok', // dZ^{[1]} through the ReLU
    '43 mismatch: off by a constant factor: the right side is 8 times the true value: divide it by m — \\frac{1}{m} dZ^{[1]} X^T holds', // the forgotten 1/m
    '45 ok', // db^{[1]} as a sum over the examples' columns
  ],
  'softmax-mlp.vi.md': [
    '18 ok', // o^0 = x (inline, in the notation paragraph)
    '18 ok', // z^l = W^l o^{l-1} + b^l
    '19 ok', // o^l = σ(z^l)
    '25 ok', // L = −Σ I log p
    '25 ok', // = −Σ I (α_c − log Σ e^α)
    '25 mismatch: sign flipped: swap the two sides of the minus — \\log \\sum_{k} e^{\\alpha_k} - \\sum_{c=1}^{C} I(y=c)\\, \\alpha_c holds', // = Σ I α_c − log Σ e^α   (the dropped minus)
    '29 ok', // L = −α_y + log Σ e^α
    '33 ok', // ∂L/∂α_a = e^α_a / Σ, a ≠ y
    '33 ok', // = p(a|x)
    '37 ok', // ∂L/∂α_y = −1 + …
    '37 ok', // = p(y|x) − 1
    '41 mismatch: sign flipped: swap the two sides of the minus — p(a|x) - I(y=a) holds', // I(y=a) − p(a|x)
    '45 unchecked', // Γ(y=a): unknown symbol
    '49 ok', // ∇_α L = p − onehot(y)
    '53 definition', // δ^l := ∂L/∂z^l
    '55 ok', // δ^L = p − onehot(y)
    '59 ok', // δ recursion
    '63 mismatch: missing σ′ factor: multiply by \\sigma\'(z^l) elementwise — (W^{l+1})^T \\delta^{l+1} \\odot \\sigma\'(z^l), \\quad l = 1, \\dots, L-1 holds',
    '69 ok', // entrywise weight gradient
    '73 ok', // ∂L/∂W^l = δ^l (o^{l−1})^T
    '75 mismatch: wrong layer index: the layer of o should be one lower (l-1, not l) — \\delta^l (o^{l-1})^T holds',
    '79 ok', // ∂L/∂b^l = δ^l
    '83 ok', // W update
    '85 mismatch: sign flipped in one term: write − instead of + before \\eta\\, \\delta^l — b^l - \\eta\\, \\delta^l holds', // b^l ← b^l + η δ^l
  ],
  'nielsen-bp.md': [
    '17 ok',
    '17 ok',
    '19 ok',
    '21 ok', // δ^l_j = ∂C/∂z^l_j (inline): holds under the default convention
    '25 ok', // BP1
    '27 ok', // BP1 by components
    '31 ok', // ∇_a C = a^L − y
    '35 mismatch: off by a constant factor: the right side is twice the true value: drop the 2 — a^L - y holds',
    '39 ok', // BP2
    '43 mismatch: wrong layer index: the layer of w should be one higher (l+1, not l) — ((w^{l+1})^T \\delta^{l+1}) \\odot \\sigma\'(z^l) holds',
    '47 ok', // BP3
    '51 ok', // BP4
    '53 mismatch: indices swapped: exchange j and k — a^{l-1}_k \\delta^l_j holds',
    '57 ok', // σ' = σ(1 − σ)
  ],
  'cs231n-relu.md': [
    '3 ok',
    '4 ok',
    '18 ok',
    '20 ok',
    '24 ok',
    '28 ok',
    '30 ok',
    '34 mismatch: outer product in the wrong order: swap the factors of the outer product — \\frac{\\partial L}{\\partial s} h^T holds',
    '38 ok',
    '42 ok', // ReLU mask
    '46 mismatch: missing σ′ factor: multiply by \\sigma\'(z^1) elementwise — \\frac{\\partial L}{\\partial h} \\odot \\sigma\'(z^1) holds', // the forgotten mask
    '50 ok',
    '52 ok',
  ],
  'backprop.tex': [
    '14 ok', // h = tanh(W x + b) (inline)
    '15 ok', // ŷ = softmax(…) (inline)
    '18 ok',
    '19 ok',
    '20 ok',
    '25 ok', // tanh' = 1 − h²
    '29 mismatch: no small edit of the right side makes it hold; the left side is a vector of 4: -0.05992, -0.05648, 0.05435, -0.2482', // 1 − h
    '33 ok', // g'(z) = 1 − tanh(z)²
    '36 ok', // SGD update
  ],
};

describe('bundled examples: every claim gets its intended verdict', () => {
  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: ${expected.length} claims, verdicts and diagnoses as intended`, () => {
      assert.deepEqual(verdicts(check(name)), expected);
    });
  }

  it('softmax-mlp.vi.md: the unchecked line names the symbol that stopped it and hints at the indicator', () => {
    const unchecked = check('softmax-mlp.vi.md').claims.find((c) => c.status === 'unchecked')!;
    assert.match(unchecked.message, /unknown symbol Γ \(an indicator is written I\(y=a\)/);
    assert.equal(unchecked.code, 'unknown-symbol');
    assert.equal(unchecked.symbol, '\\Gamma');
  });

  it('every example uses its own spec block and says so', () => {
    for (const name of Object.keys(EXPECTED)) assert.equal(check(name).network?.source, 'document', name);
  });

  it('the engine verifies itself on every example (directional finite difference within 1e-5)', () => {
    for (const name of Object.keys(EXPECTED)) assert.equal(check(name).engineCheck?.passed, true, name);
  });
});
