import { loss, notAClaim, ok, planted, type Expectation } from '../expect';
import { add, had, map, matvec, numericJacobian, outer, sub, T } from '../reference/linalg';
import { activate, sigmoid } from '../reference/mlp';

const softmax = (z: number[]) => activate('softmax', z);

export const expectations: Expectation[] = [
  ok(17, '\\text{sigmoid}(W^1 x + b^1)', ({ e }) => [e.a[1], activate('sigmoid', add(matvec(e.W[1], e.x), e.b[1]))]),
  ok(19, 'softmax(z^2)', ({ e }) => [e.a[2], softmax(e.z[2])]),
  ok(21, 'W^2 a^1 + b^2', ({ e }) => [e.z[2], add(matvec(e.W[2], e.a[1]), e.b[2])]),
  ok(23, '\\frac{\\exp(z^2_i)}{\\sum_k \\exp(z^2_k)}', ({ e }) => [e.a[2], map(e.z[2], Math.exp).map((t, _, all) => t / all.reduce((s, u) => s + u, 0))]),
  loss(27, '-\\sum_k y_k \\log p_k', ({ e }) => [e.loss, -e.y.reduce((s, yk, k) => s + yk * Math.log(e.a[2][k]), 0)]),
  notAClaim(29, 'i = j'),
  ok(31, 'p_i(1 - p_i)', ({ e }) => [numericJacobian(softmax, e.z[2]).map((r, i) => r[i]), map(e.a[2], (p) => p * (1 - p))]),
  ok(35, '-p_i p_j', ({ e }) => {
    const J = numericJacobian(softmax, e.z[2]);
    const p = e.a[2];
    const off = (M: (i: number, j: number) => number) => p.flatMap((_, i) => p.flatMap((__, j) => (i === j ? [] : [M(i, j)])));
    return [off((i, j) => J[i][j]), off((i, j) => -p[i] * p[j])];
  }),
  ok(39, 'p_i - y_i', ({ e }) => [e.delta[2], sub(e.a[2], e.y)]),
  planted(43, '-\\frac{y}{p}', 'writes ∂L/∂p where ∂L/∂z is asked', ({ e }) => [e.delta[2], e.y.map((y, i) => -y / e.a[2][i])]),
  ok(47, '(p - y) (a^1)^T', ({ e }) => [e.dW[2], outer(sub(e.a[2], e.y), e.a[1])]),
  planted(49, '\\frac{\\partial L}{\\partial b^2} = p', 'drops the label: p instead of p − y', ({ e }) => [e.db[2], e.a[2]]),
  ok(51, '\\text{sigmoid}(t)(1 - \\text{sigmoid}(t))', ({ e }) => [numericJacobian((v) => map(v, sigmoid), e.z[1]).map((r, i) => r[i]), map(e.z[1], (t) => sigmoid(t) * (1 - sigmoid(t)))]),
  ok(53, '\\odot \\text{sigmoid}(z^1) \\odot (1 - \\text{sigmoid}(z^1))', ({ e }) => [e.delta[1], had(had(matvec(T(e.W[2]), sub(e.a[2], e.y)), map(e.z[1], sigmoid)), map(e.z[1], (t) => 1 - sigmoid(t)))]),
  planted(55, '\\frac{\\partial L}{\\partial z^1} (a^1)^T', 'uses the layer\'s output a^1 instead of its input x', ({ e }) => [e.dW[1], outer(e.delta[1], e.a[1])]),
  ok(57, '\\frac{\\partial L}{\\partial b^1} = \\frac{\\partial L}{\\partial z^1}', ({ e }) => [e.db[1], e.delta[1]]),
];
