// Every diagnosis kind, pinned: the exact sentence, the exact corrected
// claim in the author's notation, and the exact replacement text; and each
// replacement, applied to the file, makes the claim hold. The documents use
// the default network (4-5-4-3, sigmoid, softmax, cross-entropy) unless a
// row brings its own.
import assert from 'node:assert/strict';
import { checkDocument, type DiagnosisKind } from '../../src/core/check';
import { replaceRange } from './helpers/corrections';

const MSE = '```mlp\ninput 3\ndense 4 sigmoid\ndense 2 sigmoid\nloss mse\n```\n\n';

interface Row {
  readonly kind: DiagnosisKind;
  readonly network?: string;
  readonly claim: string;
  readonly diagnosis: string;
  readonly corrected: string | undefined;
  readonly replacement: string | undefined;
}

const ROWS: readonly Row[] = [
  {
    kind: 'sign',
    claim: String.raw`\frac{\partial L}{\partial z^L} = \mathrm{onehot}(y) - p`,
    diagnosis: String.raw`sign flipped: swap the two sides of the minus — p - \mathrm{onehot}(y) holds`,
    corrected: String.raw`\frac{\partial L}{\partial z^L} = p - \mathrm{onehot}(y)`,
    replacement: String.raw`p - \mathrm{onehot}(y)`,
  },
  {
    kind: 'term-sign',
    claim: String.raw`b^l \leftarrow b^l + \eta\, \delta^l`,
    diagnosis: String.raw`sign flipped in one term: write − instead of + before \eta\, \delta^l — b^l - \eta\, \delta^l holds`,
    corrected: String.raw`b^l \leftarrow b^l - \eta\, \delta^l`,
    replacement: String.raw`-`,
  },
  {
    kind: 'constant-factor',
    claim: String.raw`\delta^L = 2 (p - \mathrm{onehot}(y))`,
    diagnosis: String.raw`off by a constant factor: the right side is twice the true value: drop the 2 — p - \mathrm{onehot}(y) holds`,
    corrected: String.raw`\delta^L = p - \mathrm{onehot}(y)`,
    replacement: String.raw`p - \mathrm{onehot}(y)`,
  },
  {
    kind: 'constant-factor',
    claim: String.raw`L = -2 \log p_y`,
    diagnosis: String.raw`off by a constant factor: the right side is twice the true value: drop the 2 — -\log p_y holds`,
    corrected: String.raw`L = -\log p_y`,
    replacement: String.raw`-\log p_y`,
  },
  {
    kind: 'constant-factor',
    claim: String.raw`\frac{\partial L}{\partial b^l} = \frac{1}{2} \delta^l`,
    diagnosis: String.raw`off by a constant factor: the right side is half the true value: drop the \frac{1}{2} — \delta^l holds`,
    corrected: String.raw`\frac{\partial L}{\partial b^l} = \delta^l`,
    replacement: String.raw`\delta^l`,
  },
  {
    kind: 'constant-factor',
    claim: String.raw`\frac{\partial L}{\partial W^l} = \frac{\delta^l (o^{l-1})^T}{2}`,
    diagnosis: String.raw`off by a constant factor: the right side is half the true value: drop the division by 2 — \delta^l (o^{l-1})^T holds`,
    corrected: String.raw`\frac{\partial L}{\partial W^l} = \delta^l (o^{l-1})^T`,
    replacement: String.raw`\delta^l (o^{l-1})^T`,
  },
  {
    kind: 'constant-factor',
    network: MSE,
    claim: String.raw`L = \sum_i (o^L_i - y_i)^2`,
    diagnosis: String.raw`off by a constant factor: the right side is twice the true value: divide it by 2 — \frac{1}{2} \sum_i (o^L_i - y_i)^2 holds`,
    corrected: String.raw`L = \frac{1}{2} \sum_i (o^L_i - y_i)^2`,
    replacement: String.raw`\frac{1}{2} \sum_i (o^L_i - y_i)^2`,
  },
  {
    kind: 'transpose-missing',
    claim: String.raw`\frac{\partial L}{\partial h^1} = W^2 \delta^2`,
    diagnosis: String.raw`transpose missing: transpose W^2 — (W^2)^T \delta^2 holds`,
    corrected: String.raw`\frac{\partial L}{\partial h^1} = (W^2)^T \delta^2`,
    replacement: String.raw`(W^2)^T`,
  },
  {
    kind: 'transpose-extra',
    claim: String.raw`z^2 = (W^2)^T o^1 + b^2`,
    diagnosis: String.raw`transpose not wanted: drop the transpose on W^2 — W^2 o^1 + b^2 holds`,
    corrected: String.raw`z^2 = W^2 o^1 + b^2`,
    replacement: String.raw`W^2`,
  },
  {
    kind: 'transposed',
    claim: String.raw`\frac{\partial L}{\partial W^2} = (\delta^2 (o^1)^T)^T`,
    diagnosis: String.raw`transposed: drop the outer transpose — \delta^2 (o^1)^T holds`,
    corrected: String.raw`\frac{\partial L}{\partial W^2} = \delta^2 (o^1)^T`,
    replacement: String.raw`\delta^2 (o^1)^T`,
  },
  {
    kind: 'outer-product-order',
    claim: String.raw`\frac{\partial L}{\partial W^2} = h^1 (\delta^2)^T`,
    diagnosis: String.raw`outer product in the wrong order: swap the factors of the outer product — \delta^2 (h^1)^T holds`,
    corrected: String.raw`\frac{\partial L}{\partial W^2} = \delta^2 (h^1)^T`,
    replacement: String.raw`\delta^2 (h^1)^T`,
  },
  {
    kind: 'factor-order',
    claim: String.raw`\frac{\partial L}{\partial o^1} = \delta^2 (W^2)^T`,
    diagnosis: String.raw`factors in the wrong order: write (W^2)^T before \delta^2 — (W^2)^T \delta^2 holds`,
    corrected: String.raw`\frac{\partial L}{\partial o^1} = (W^2)^T \delta^2`,
    replacement: String.raw`(W^2)^T \delta^2`,
  },
  {
    kind: 'indices-swapped',
    claim: String.raw`\frac{\partial L}{\partial W^l_{j,k}} = \delta^l_k \, o^{l-1}_j`,
    diagnosis: String.raw`indices swapped: exchange j and k — \delta^l_j \, o^{l-1}_k holds`,
    corrected: String.raw`\frac{\partial L}{\partial W^l_{j,k}} = \delta^l_j \, o^{l-1}_k`,
    replacement: String.raw`j \, o^{l-1}_k`,
  },
  {
    kind: 'layer-index',
    claim: String.raw`\frac{\partial L}{\partial W^l} = \delta^l (o^{l})^T`,
    diagnosis: String.raw`wrong layer index: the layer of o should be one lower (l-1, not l) — \delta^l (o^{l-1})^T holds`,
    corrected: String.raw`\frac{\partial L}{\partial W^l} = \delta^l (o^{l-1})^T`,
    replacement: String.raw`l-1`,
  },
  {
    kind: 'activation-derivative-layer',
    claim: String.raw`\delta^l = \left( (W^{l+1})^T \delta^{l+1} \right) \odot \sigma'(z^{l+1}), \quad l = 1, \dots, L-1`,
    diagnosis: String.raw`σ′ at the wrong layer: the layer of z should be one lower (l, not l+1) — \left( (W^{l+1})^T \delta^{l+1} \right) \odot \sigma'(z^{l}), \quad l = 1, \dots, L-1 holds`,
    corrected: String.raw`\delta^l = \left( (W^{l+1})^T \delta^{l+1} \right) \odot \sigma'(z^{l}), \quad l = 1, \dots, L-1`,
    replacement: String.raw`l`,
  },
  {
    kind: 'activation-derivative-missing',
    claim: String.raw`\delta^l = (W^{l+1})^T \delta^{l+1}, \quad l = 1, \dots, L-1`,
    diagnosis: String.raw`missing σ′ factor: multiply by \sigma'(z^l) elementwise — (W^{l+1})^T \delta^{l+1} \odot \sigma'(z^l), \quad l = 1, \dots, L-1 holds`,
    corrected: String.raw`\delta^l = (W^{l+1})^T \delta^{l+1} \odot \sigma'(z^l), \quad l = 1, \dots, L-1`,
    replacement: String.raw`(W^{l+1})^T \delta^{l+1} \odot \sigma'(z^l)`,
  },
  {
    kind: 'activation-derivative-extra',
    claim: String.raw`\frac{\partial L}{\partial o^1} = (W^2)^T \delta^2 \odot \sigma'(z^1)`,
    diagnosis: String.raw`σ′ factor not wanted: drop the factor \sigma'(z^1) — (W^2)^T \delta^2 holds`,
    corrected: String.raw`\frac{\partial L}{\partial o^1} = (W^2)^T \delta^2`,
    replacement: String.raw`(W^2)^T \delta^2`,
  },
  {
    kind: 'label-probability',
    claim: String.raw`\delta^L = y - \mathrm{onehot}(y)`,
    diagnosis: String.raw`label and probability confused: write the probability p where the label y stands — p - \mathrm{onehot}(y) holds`,
    corrected: String.raw`\delta^L = p - \mathrm{onehot}(y)`,
    replacement: String.raw`p`,
  },
  {
    kind: 'gradient-wrt',
    claim: String.raw`\delta^l = \frac{\partial L}{\partial o^l}`,
    diagnosis: String.raw`derivative with respect to the wrong quantity: differentiate with respect to z, not o (δ is the gradient with respect to z) — \frac{\partial L}{\partial z^l} holds`,
    corrected: String.raw`\delta^l = \frac{\partial L}{\partial z^l}`,
    replacement: String.raw`z`,
  },
  {
    kind: 'partial-range',
    claim: String.raw`\frac{\partial L}{\partial z^L_a} = p_a`,
    diagnosis: String.raw`holds only where a ≠ y: state the condition a \neq y — p_a, \quad a \neq y holds`,
    corrected: String.raw`\frac{\partial L}{\partial z^L_a} = p_a, \quad a \neq y`,
    replacement: String.raw`, \quad a \neq y`,
  },
  {
    kind: 'no-repair',
    claim: String.raw`\frac{\partial L}{\partial z^L} = p`,
    diagnosis: String.raw`no small edit of the right side makes it hold; the left side is a vector of 3: 0.09535, 0.4412, -0.5366`,
    corrected: undefined,
    replacement: undefined,
  },
];

/** Every kind of the vocabulary; the compiler keeps this in step with DiagnosisKind. */
const EVERY_KIND: Readonly<Record<DiagnosisKind, true>> = {
  sign: true,
  'term-sign': true,
  'constant-factor': true,
  'transpose-missing': true,
  'transpose-extra': true,
  transposed: true,
  'outer-product-order': true,
  'factor-order': true,
  'indices-swapped': true,
  'layer-index': true,
  'activation-derivative-layer': true,
  'activation-derivative-missing': true,
  'activation-derivative-extra': true,
  'label-probability': true,
  'gradient-wrt': true,
  'partial-range': true,
  'no-repair': true,
};

const documentOf = (row: Row) => `${row.network ?? ''}Some prose.\n\n$$${row.claim}$$\n`;
const lastClaim = (text: string) => checkDocument(text, { language: 'markdown' }).claims.at(-1)!;

describe('diagnosis vocabulary: each kind with its exact wording and corrected LaTeX', () => {
  it('has a row for every kind', () => {
    assert.deepEqual([...new Set(ROWS.map((r) => r.kind))].sort(), Object.keys(EVERY_KIND).sort());
  });

  for (const row of ROWS) {
    it(`${row.kind}: ${row.claim}`, () => {
      const text = documentOf(row);
      const claim = lastClaim(text);
      assert.equal(claim.status, 'mismatch');
      assert.equal(claim.diagnosisKind, row.kind);
      assert.equal(claim.diagnosis, row.diagnosis);
      assert.equal(claim.correction?.latex, row.corrected);
      const edit = claim.correction?.edit;
      assert.equal(edit?.replacement, row.replacement);
      if (!edit) return;
      // The range lies inside the claim's own right side, and applying it makes the claim hold.
      const fixed = replaceRange(text, edit.range, edit.replacement);
      assert.ok(fixed.includes(row.corrected!.split(/ (?:=|\\leftarrow) /).pop()!), fixed);
      assert.equal(lastClaim(fixed).status, 'ok');
    });
  }

  it('the shape error of the issue names the missing transpose, not only the shapes', () => {
    const claim = lastClaim(String.raw`$$\frac{\partial L}{\partial h^1} = W^2 \delta^2$$`);
    assert.match(claim.message, /cannot multiply a 4×5 matrix by a vector of 4/);
    assert.equal(claim.diagnosis, String.raw`transpose missing: transpose W^2 — (W^2)^T \delta^2 holds`);
  });

  it('a missing transpose goes on the author\'s own parentheses', () => {
    const claim = lastClaim(String.raw`$$\frac{\partial L}{\partial W^2} = \delta^2 \left(o^1\right)$$`);
    assert.equal(claim.diagnosis, String.raw`transpose missing: transpose o^1 — \delta^2 \left(o^1\right)^T holds`);
    assert.equal(claim.correction?.edit?.replacement, String.raw`\left(o^1\right)^T`);
  });

  it('an extra σ′ written by juxtaposition (entrywise form) is dropped too', () => {
    const claim = lastClaim(String.raw`$$\frac{\partial L}{\partial W^l_{j,k}} = \delta^l_j \, o^{l-1}_k \sigma'(z^l_j)$$`);
    assert.equal(claim.diagnosis, String.raw`σ′ factor not wanted: drop the factor \sigma'(z^l_j) — \delta^l_j \, o^{l-1}_k holds`);
  });

  it('a missing σ′ in the entrywise form carries the claim\'s index', () => {
    const claim = lastClaim(`${MSE}$$${String.raw`\delta^l_j = \sum_k w^{l+1}_{kj} \delta^{l+1}_k`}$$`);
    assert.equal(claim.diagnosis, String.raw`missing σ′ factor: multiply by \sigma'(z^l_j) — \sum_k w^{l+1}_{kj} \delta^{l+1}_k \sigma'(z^l_j) holds`);
  });

  it('no-repair after a shape error still shows what the left side is', () => {
    const claim = lastClaim(String.raw`$$\frac{\partial L}{\partial W^2} = \delta^2 \delta^2$$`);
    assert.equal(claim.code, 'shape');
    assert.equal(claim.diagnosisKind, 'no-repair');
    assert.match(claim.diagnosis!, /^no small edit of the right side makes it hold; the left side is a 4×5 matrix: -?\d\.\d+(e-\d+)?, .*, …$/);
  });

  it('in a chain, an edit of the shared step is offered when the re-checked document confirms it', () => {
    const chain = String.raw`$$\frac{\partial L}{\partial o^1} = W^2 \delta^2 = (W^2)^T \delta^2$$`;
    const [first, second] = checkDocument(chain, { language: 'markdown' }).claims;
    assert.equal(first.diagnosisKind, 'transpose-missing');
    assert.equal(second.status, 'mismatch');
    assert.equal(first.correction?.edit?.replacement, '(W^2)^T');
    const fixed = replaceRange(chain, first.correction!.edit!.range, first.correction!.edit!.replacement);
    assert.deepEqual(checkDocument(fixed, { language: 'markdown' }).claims.map((c) => c.status), ['ok', 'ok']);
  });

  it('in a chain, an edit that would break the next step is shown but not offered', () => {
    const chain = String.raw`$$\frac{\partial L}{\partial b^l} = 2 \delta^l = \delta^l + \delta^l$$`;
    const [first, second] = checkDocument(chain, { language: 'markdown' }).claims;
    assert.equal(second.status, 'ok');
    assert.equal(first.diagnosisKind, 'constant-factor');
    assert.equal(first.correction?.latex, String.raw`\frac{\partial L}{\partial b^l} = \delta^l`);
    assert.equal(first.correction?.edit, undefined);
  });
});
