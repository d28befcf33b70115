// Goodfellow-style derivations (issue 8): a^{(k)} used for the
// pre-activation is detected from the forward equation that holds only so,
// and Algorithm 6.4's running variable g is read in order, as the algorithm
// it is, including what one pass of the loop leaves for the next.
import assert from 'node:assert/strict';
import { checkMarkdown, explain, verdict } from './helpers/verdicts';

const ALGORITHM = String.raw`# Algorithm 6.4 on a two-layer tanh network

~~~mlp
input 3
dense 4 tanh
dense 2 tanh
loss mse
~~~

Forward, for $k = 1, 2$:

$$a^{(k)} = b^{(k)} + W^{(k)} h^{(k-1)}$$

$$h^{(k)} = f(a^{(k)})$$

$$\hat{y} = h^{(2)}$$

The cost, with $\lambda = 0.1$:

$$J = L + \frac{\lambda}{2} \sum_{k} \| W^{(k)} \|_F^2$$

$$g \leftarrow \nabla_{\hat{y}} J = \hat{y} - y$$

For $k = 2, 1$:

$$g \leftarrow \nabla_{a^{(k)}} J = g \odot f'(a^{(k)})$$

$$\nabla_{b^{(k)}} J = g$$

$$\nabla_{W^{(k)}} J = g \, h^{(k-1)\top} + \lambda W^{(k)}$$

$$\nabla_{W^{(k)}} J = g \, h^{(k-1)\top}$$

$$g \leftarrow \nabla_{h^{(k-1)}} J = W^{(k)\top} g$$

$$g \leftarrow \nabla_{h^{(k-1)}} J = W^{(k)} g$$
`;

describe('graph: detected readings and algorithm-style running variables', () => {
  const report = checkMarkdown(ALGORITHM);

  it('reads a^{(k)} as the pre-activation because the forward equation holds only so, and says so in the report', () => {
    assert.equal(verdict(report, 'a^{(k)} ='), 'ok', explain(report));
    assert.equal(verdict(report, 'h^{(k)} ='), 'ok', explain(report));
    assert.match((report.conventions ?? []).join(' '), /a is the pre-activation/);
  });

  it('treats each g ← … as what g stands for from then on, not as a gradient step on g', () => {
    const assignments = report.claims.filter((c) => c.latex.startsWith('g \\leftarrow'));
    assert.equal(assignments.length, 4);
    assert.ok(assignments.every((c) => c.status === 'definition'), explain(report));
  });

  it('checks the claim chained to an assignment with the g before it, at the top of the loop with what the previous pass left', () => {
    assert.equal(verdict(report, String.raw`\nabla_{\hat{y}} J =`), 'ok', explain(report));
    assert.equal(verdict(report, String.raw`\nabla_{a^{(k)}} J = g \odot`), 'ok', explain(report));
    assert.equal(verdict(report, String.raw`\nabla_{b^{(k)}} J = g`), 'ok', explain(report));
    assert.equal(verdict(report, String.raw`\nabla_{h^{(k-1)}} J = W^{(k)\top} g`), 'ok', explain(report));
  });

  it('catches a weight gradient that forgets the penalty and a propagation with an untransposed W', () => {
    assert.equal(verdict(report, String.raw`\nabla_{W^{(k)}} J = g \, h^{(k-1)\top} + \lambda`), 'ok', explain(report));
    assert.equal(verdict(report, String.raw`\nabla_{W^{(k)}} J = g \, h^{(k-1)\top}`), 'mismatch', explain(report));
    assert.equal(verdict(report, String.raw`\nabla_{h^{(k-1)}} J = W^{(k)} g`), 'mismatch', explain(report));
  });
});
