// Local substitution variables and helper functions a derivation defines
// (issue 8): softmax + cross-entropy taken apart as u = e^{z}, S = Σ u,
// p = u / S, g_1(t) = −log t, L = g_1(p_y), each step differentiated.
import assert from 'node:assert/strict';
import { checkMarkdown, claimStarting, explain, verdict } from './helpers/verdicts';

const SOFTMAX = String.raw`# Softmax cross-entropy through local variables

~~~mlp
input 3
dense 3 softmax
loss cross_entropy
~~~

$$u = e^{z^1}$$

$$S = \sum_c u_c$$

$$p = \frac{u}{S}$$

$$g_1(t) = -\log t$$

$$L = g_1(p_y)$$

$$\frac{\partial L}{\partial S} = \frac{1}{S}$$

$$\frac{\partial L}{\partial u_y} = -\frac{1}{u_y} + \frac{1}{S}$$

$$\frac{\partial L}{\partial u_y} = -\frac{1}{u_y}$$

$$g_1'(p_y) = -\frac{1}{p_y}$$

$$g_1'(p_y) = \frac{1}{p_y}$$

$$\frac{\partial S}{\partial u_a} = 1$$

$$\frac{\partial L}{\partial z^1} = p - \mathrm{onehot}(y)$$
`;

describe('graph: substitution variables and helper functions the document defines', () => {
  const report = checkMarkdown(SOFTMAX);

  it('defines u and S (fresh symbols) and g_1 (a function), even though S is differentiated later', () => {
    for (const start of ['u = e', 'S = ', 'g_1(t)']) assert.equal(verdict(report, start), 'definition', explain(report));
  });

  it('confirms p = u/S and L = g_1(p_y) against the network, then differentiates through them', () => {
    assert.equal(verdict(report, 'p = '), 'ok', explain(report));
    assert.equal(verdict(report, 'L = g_1'), 'ok', explain(report));
    assert.equal(verdict(report, String.raw`\frac{\partial L}{\partial S}`), 'ok', explain(report));
    assert.equal(verdict(report, String.raw`\frac{\partial L}{\partial u_y} = -\frac{1}{u_y} +`), 'ok', explain(report));
    assert.equal(verdict(report, String.raw`\frac{\partial S}{\partial u_a}`), 'ok', explain(report));
  });

  it('catches the chain-rule step that forgets u_y also enters S', () => {
    const claim = claimStarting(report, String.raw`\frac{\partial L}{\partial u_y} = -\frac{1}{u_y}`);
    assert.equal(claim.status, 'mismatch', explain(report));
  });

  it("differentiates a helper function: g_1' holds with the minus and fails without it", () => {
    assert.equal(verdict(report, String.raw`g_1'(p_y) = -`), 'ok', explain(report));
    assert.equal(verdict(report, String.raw`g_1'(p_y) = \frac`), 'mismatch', explain(report));
  });

  it('the gradient with respect to the network pre-activation flows through the document’s own L', () => {
    assert.equal(verdict(report, String.raw`\frac{\partial L}{\partial z^1}`), 'ok', explain(report));
  });
});
