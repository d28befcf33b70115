// The loss is what the document defines (issue 8): a regularised objective
// written in terms of the built-in loss, or a loss made with :=, is what its
// gradients and its update rules are checked against.
import assert from 'node:assert/strict';
import { checkMarkdown, claimStarting, explain, verdict } from './helpers/verdicts';

const L2 = String.raw`# An L2-regularised objective

~~~mlp
input 3
dense 4 sigmoid
dense 2 softmax
loss cross_entropy
~~~

The regularisation strength is $\lambda = 0.01$; the case $a = 1$ is not a constant.

$$J = L + \frac{\lambda}{2} \|W^{1}\|_F^2 + \frac{\lambda}{2} \|W^{2}\|_F^2$$

$$\frac{\partial J}{\partial W^{2}} = \delta^{2} (o^{1})^T + \lambda W^{2}$$

$$\frac{\partial J}{\partial W^{1}} = \delta^{1} x^T + \frac{\lambda}{2} W^{1}$$

$$\frac{\partial J}{\partial b^{1}} = \delta^{1}$$

$$W^{2} \leftarrow W^{2} - \eta \left(\delta^{2} (o^{1})^T + \lambda W^{2}\right)$$

$$W^{1} \leftarrow (1 - \eta\lambda) W^{1} - \eta \delta^{1} x^T$$

$$W^{1} \leftarrow W^{1} - \eta \delta^{1} x^T$$
`;

describe('graph: the loss as the document defines it', () => {
  const report = checkMarkdown(L2);

  it('reads J = L + λ/2‖W‖² as the document’s own loss, not as a claim that J equals the built-in loss', () => {
    const j = claimStarting(report, 'J = L');
    assert.equal(j.status, 'definition', j.message);
  });

  it('binds λ from the prose ($\\lambda = 0.01$) and differentiates J with its regularisation term', () => {
    assert.equal(verdict(report, String.raw`\frac{\partial J}{\partial W^{2}}`), 'ok', explain(report));
    assert.equal(verdict(report, String.raw`\frac{\partial J}{\partial b^{1}}`), 'ok', explain(report));
  });

  it('catches a regularisation gradient with a stray ½ (λ/2 W instead of λ W)', () => {
    assert.equal(verdict(report, String.raw`\frac{\partial J}{\partial W^{1}}`), 'mismatch', explain(report));
  });

  it('checks update rules as a step on J: weight decay written either way holds, a step that forgets it fails', () => {
    assert.equal(verdict(report, String.raw`W^{2} \leftarrow W^{2} - \eta \left(`), 'ok', explain(report));
    assert.equal(verdict(report, String.raw`W^{1} \leftarrow (1 - \eta\lambda)`), 'ok', explain(report));
    assert.equal(verdict(report, String.raw`W^{1} \leftarrow W^{1} - \eta \delta^{1} x^T`), 'mismatch', explain(report));
  });

  it('a loss defined with := keeps its missing ½: its gradient is twice the residual', () => {
    const text = String.raw`~~~mlp
input 2
dense 3 tanh
dense 2 identity
loss mse
~~~

$$E := \sum_k (o^{2}_k - y_k)^2$$

$$\frac{\partial E}{\partial o^{2}} = 2 (o^{2} - y)$$

$$\frac{\partial E}{\partial o^{2}} = o^{2} - y$$

$$\frac{\partial E}{\partial W^{2}} = 2 (o^{2} - y) (o^{1})^T$$
`;
    const r = checkMarkdown(text);
    assert.equal(verdict(r, String.raw`\frac{\partial E}{\partial o^{2}} = 2`), 'ok', explain(r));
    assert.equal(verdict(r, String.raw`\frac{\partial E}{\partial o^{2}} = o^{2}`), 'mismatch', explain(r));
    assert.equal(verdict(r, String.raw`\frac{\partial E}{\partial W^{2}}`), 'ok', explain(r));
  });

  it('keeps the built-in loss where the document defines none: C (differentiated, so the loss) = ½Σ(y − a)² is a claim about it', () => {
    const text = String.raw`~~~mlp
input 2
dense 2 sigmoid
loss mse
~~~

$$C = \frac{1}{2} \sum_j (y_j - a^L_j)^2$$

$$C = \sum_j (y_j - a^L_j)^2$$

$$\frac{\partial C}{\partial a^L} = a^L - y$$
`;
    const r = checkMarkdown(text);
    assert.equal(verdict(r, String.raw`C = \frac{1}{2}`), 'ok', explain(r));
    assert.equal(verdict(r, String.raw`C = \sum_j`), 'mismatch', explain(r));
  });

  it('differentiates a definition that is the built-in loss with the engine’s exact gradient, and one that is not through the graph', () => {
    const text = String.raw`~~~mlp
input 3
dense 4 tanh
dense 3 softmax
loss cross_entropy
~~~

$$E := -\log \frac{e^{z^{2}_y}}{\sum_c e^{z^{2}_c}}$$

$$F := -2 \log \frac{e^{z^{2}_y}}{\sum_c e^{z^{2}_c}}$$

$$\frac{\partial E}{\partial W^{2}} = (o^{2} - \mathrm{onehot}(y)) (o^{1})^T$$

$$\frac{\partial F}{\partial W^{2}} = 2 (o^{2} - \mathrm{onehot}(y)) (o^{1})^T$$
`;
    const r = checkMarkdown(text);
    const exact = claimStarting(r, String.raw`\frac{\partial E}{\partial W^{2}}`);
    const differenced = claimStarting(r, String.raw`\frac{\partial F}{\partial W^{2}}`);
    assert.deepEqual([exact.status, differenced.status], ['ok', 'ok'], explain(r));
    // E's value is the built-in loss on every instance: backprop's gradient, exact to rounding, with differences as the second column.
    assert.ok(exact.maxRelError! < 1e-12, `∂E/∂W² error ${exact.maxRelError}`);
    assert.ok(exact.differencesRelError! > 0 && exact.differencesRelError! < 1e-4, `differences ${exact.differencesRelError}`);
    // F is twice the loss: nothing coincides, so every entry of W² is moved through F's definition.
    assert.ok(differenced.maxRelError! > 1e-12, `∂F/∂W² error ${differenced.maxRelError}`);
  });
});
