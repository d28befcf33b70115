// Conventions detected from the document (issue 8): a scalar chain rule on a
// 1-1-1 network numbers its layers by subscript (w_1, b_1, z_2, a_2), every
// local derivative of the chain is checkable, and the report says which
// convention it used.
import assert from 'node:assert/strict';
import { reportJson } from '../../src/core/check';
import { checkMarkdown, explain, verdict } from './helpers/verdicts';

const CHAIN = String.raw`# The chain rule on a 1-1-1 network

~~~mlp
input 1
dense 1 sigmoid
dense 1 sigmoid
loss mse
~~~

Forward pass: $z_1 = w_1 x + b_1$, $a_1 = \sigma(z_1)$, $z_2 = w_2 a_1 + b_2$, $a_2 = \sigma(z_2)$.

The loss is $L = \frac{1}{2}(a_2 - y)^2$.

$$\frac{\partial L}{\partial a_2} = a_2 - y$$

$$\frac{\partial a_2}{\partial z_2} = a_2(1 - a_2)$$

$$\frac{\partial z_2}{\partial w_2} = a_1$$

$$\frac{\partial z_2}{\partial a_1} = w_2$$

$$\frac{\partial L}{\partial w_2} = \frac{\partial L}{\partial a_2}\frac{\partial a_2}{\partial z_2}\frac{\partial z_2}{\partial w_2} = (a_2 - y) a_2 (1 - a_2) a_1$$

$$\frac{\partial L}{\partial w_1} = (a_2 - y) a_2 (1 - a_2) w_2 a_1 (1 - a_1) x$$

$$\frac{\partial L}{\partial w_1} = (a_2 - y) a_2 (1 - a_2) w_2 x$$

$$\frac{\partial L}{\partial b_1} = (a_2 - y) a_2 (1 - a_2) w_2 a_1 (1 - a_1)$$
`;

describe('graph: conventions detected from the document', () => {
  const report = checkMarkdown(CHAIN);

  it('reads w_1, b_1, z_2, a_2 as the quantities of layers 1 and 2 when a weight is written w_1', () => {
    for (const start of ['z_1 = ', 'a_1 = ', 'z_2 = ', 'a_2 = ', 'L = ']) assert.equal(verdict(report, start), 'ok', explain(report));
  });

  it('checks every local derivative and every factor of the chain', () => {
    for (const start of [String.raw`\frac{\partial L}{\partial a_2} = a_2 - y`, String.raw`\frac{\partial a_2}{\partial z_2}`, String.raw`\frac{\partial z_2}{\partial w_2}`, String.raw`\frac{\partial z_2}{\partial a_1}`]) {
      assert.equal(verdict(report, start), 'ok', `${start}\n${explain(report)}`);
    }
    const chain = report.claims.filter((c) => c.latex.includes(String.raw`\frac{\partial z_2}{\partial w_2}`) && c.latex.includes('a_1'));
    assert.ok(chain.length >= 2 && chain.every((c) => c.status === 'ok'), explain(report));
    assert.equal(verdict(report, String.raw`\frac{\partial L}{\partial b_1}`), 'ok', explain(report));
  });

  it('catches the gradient of w_1 that forgets σ′(z_1) = a_1(1 − a_1)', () => {
    assert.equal(verdict(report, String.raw`\frac{\partial L}{\partial w_1} = (a_2 - y) a_2 (1 - a_2) w_2 x`), 'mismatch', explain(report));
    assert.equal(verdict(report, String.raw`\frac{\partial L}{\partial w_1} = (a_2 - y) a_2 (1 - a_2) w_2 a_1`), 'ok', explain(report));
  });

  it('says in the report and its JSON which convention it used, and says nothing for a document that does not number layers so', () => {
    assert.match((report.conventions ?? []).join(' '), /layers numbered by subscript/);
    assert.deepEqual((reportJson(report) as { conventions?: string[] }).conventions, report.conventions);
    const plain = checkMarkdown('$$z^1 = W^1 x + b^1$$\n');
    assert.equal(plain.conventions, undefined);
    assert.equal('conventions' in reportJson(plain), false);
  });
});
