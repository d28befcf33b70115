// The document's definitions are nodes of a computation graph: derivatives
// with respect to them are taken by moving the node and re-evaluating what
// depends on it (issue 8). Pinned on a Goodfellow-style derivation whose
// a^{(k)} and h^{(k)} are defined in terms of each other across layers.
import assert from 'node:assert/strict';
import { checkMarkdown, claimStarting, explain, verdict } from './helpers/verdicts';

const GOODFELLOW = String.raw`# Forward and backward, Goodfellow style

~~~mlp
input 3
dense 4 tanh
dense 2 sigmoid
loss mse
~~~

$$\boldsymbol{h}^{(0)} = \boldsymbol{x}$$

$$\boldsymbol{a}^{(k)} := \boldsymbol{b}^{(k)} + \boldsymbol{W}^{(k)} \boldsymbol{h}^{(k-1)}$$

$$\boldsymbol{h}^{(k)} := f(\boldsymbol{a}^{(k)})$$

$$\frac{\partial L}{\partial \boldsymbol{a}^{(2)}} = (\boldsymbol{h}^{(2)} - \boldsymbol{y}) \odot f'(\boldsymbol{a}^{(2)})$$

$$\frac{\partial L}{\partial \boldsymbol{a}^{(1)}} = \left(\boldsymbol{W}^{(2)\top} \frac{\partial L}{\partial \boldsymbol{a}^{(2)}}\right) \odot f'(\boldsymbol{a}^{(1)})$$

$$\frac{\partial L}{\partial \boldsymbol{h}^{(1)}} = \boldsymbol{W}^{(2)\top} \frac{\partial L}{\partial \boldsymbol{a}^{(2)}} \odot f'(\boldsymbol{a}^{(1)})$$

$$\frac{\partial \boldsymbol{h}^{(1)}_j}{\partial \boldsymbol{a}^{(1)}_j} = 1 - (\boldsymbol{h}^{(1)}_j)^2$$

$$\frac{\partial \boldsymbol{h}^{(1)}_j}{\partial \boldsymbol{a}^{(1)}_j} = 1 - \boldsymbol{h}^{(1)}_j$$

$$\nabla_{\boldsymbol{W}^{(k)}} L = \frac{\partial L}{\partial \boldsymbol{a}^{(k)}} \boldsymbol{h}^{(k-1)\top}$$
`;

describe('graph: definitions are nodes the checker differentiates through', () => {
  const report = checkMarkdown(GOODFELLOW);

  it('reads a^{(k)} := … and h^{(k)} := f(a^{(k)}) as definitions, each in terms of the other, down to h^{(0)} = x', () => {
    assert.equal(verdict(report, String.raw`\boldsymbol{a}^{(k)} :=`), 'definition', explain(report));
    assert.equal(verdict(report, String.raw`\boldsymbol{h}^{(k)} :=`), 'definition', explain(report));
    assert.equal(verdict(report, String.raw`\boldsymbol{h}^{(0)} =`), 'ok', explain(report));
  });

  it('confirms the gradient with respect to a defined pre-activation, against backprop and against finite differences', () => {
    const output = claimStarting(report, String.raw`\frac{\partial L}{\partial \boldsymbol{a}^{(2)}}`);
    assert.equal(output.status, 'ok', output.message);
    assert.ok(output.differencesRelError !== undefined && output.differencesRelError < 1e-6, `differences column: ${output.differencesRelError}`);
    assert.equal(verdict(report, String.raw`\frac{\partial L}{\partial \boldsymbol{a}^{(1)}}`), 'ok', explain(report));
    assert.equal(verdict(report, String.raw`\nabla_{\boldsymbol{W}^{(k)}} L`), 'ok', explain(report));
  });

  it('flags a gradient with respect to a defined activation that carries a stray f′ factor', () => {
    assert.equal(verdict(report, String.raw`\frac{\partial L}{\partial \boldsymbol{h}^{(1)}}`), 'mismatch', explain(report));
  });

  it('checks a local derivative between two defined nodes, entry by entry, and catches a wrong one', () => {
    assert.equal(verdict(report, String.raw`\frac{\partial \boldsymbol{h}^{(1)}_j}{\partial \boldsymbol{a}^{(1)}_j} = 1 - (`), 'ok', explain(report));
    assert.equal(verdict(report, String.raw`\frac{\partial \boldsymbol{h}^{(1)}_j}{\partial \boldsymbol{a}^{(1)}_j} = 1 - \boldsymbol{h}`), 'mismatch', explain(report));
  });

  it('leaves unchecked a derivative of the built-in loss with respect to a node that is none of its quantities, and says why', () => {
    const text = GOODFELLOW + String.raw`
$$\boldsymbol{u} := \boldsymbol{W}^{(2)} \boldsymbol{h}^{(1)}$$

$$\frac{\partial L}{\partial \boldsymbol{u}} = \boldsymbol{h}^{(2)} - \boldsymbol{y}$$
`;
    const claim = claimStarting(checkMarkdown(text), String.raw`\frac{\partial L}{\partial \boldsymbol{u}}`);
    assert.equal(claim.status, 'unchecked');
    assert.match(claim.message, /built-in loss does not depend on u/);
  });

  it('stops definitions made in terms of each other with a message, not a stack overflow', () => {
    const claim = claimStarting(checkMarkdown('$$q := 2 r + 1$$\n\n$$r := q - 1$$\n\n$$q = r + 2$$\n'), 'q = r + 2');
    assert.equal(claim.status, 'unchecked');
    assert.match(claim.message, /defined in terms of itself/);
  });

  it('reads a definition’s own name in its body as what it meant before (let z = z^{1}), not as itself', () => {
    const report = checkMarkdown('~~~mlp\ninput 2\ndense 3 softmax\nlet z = z^{1}\n~~~\n\n$$u_k := e^{z_k}$$\n\n$$\\frac{\\partial u_k}{\\partial z_k} = u_k$$\n');
    assert.equal(verdict(report, String.raw`\frac{\partial u_k}`), 'ok', explain(report));
  });
});
