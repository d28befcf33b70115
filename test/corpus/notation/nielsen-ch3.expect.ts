import { aside, entries, ETA, layers, loss, ok, planted, step, type Expectation } from '../expect';
import { add, had, map, matvec, outer, scale, sub, T } from '../reference/linalg';
import { derivative, sigmoid } from '../reference/mlp';

const ds = (z: number[]) => derivative('sigmoid', z);

export const expectations: Expectation[] = [
  aside(16, 'L = 2'),
  aside(16, 'n_L = 1'),
  loss(19, '(1 - y_j) \\ln (1 - a^L_j)', ({ e, L }) => [e.loss, -(e.y[0] * Math.log(e.a[L][0]) + (1 - e.y[0]) * Math.log(1 - e.a[L][0]))]),
  planted(23, '-\\frac{y_j}{a^L_j} - \\frac{1 - y_j}{1 - a^L_j}', 'chain-rule sign of ln(1 − a) dropped', ({ e, L }) => [e.dA[L], e.a[L].map((a, j) => -e.y[j] / a - (1 - e.y[j]) / (1 - a))]),
  ok(27, '\\frac{a^L_j - y_j}{a^L_j (1 - a^L_j)}', ({ e, L }) => [e.dA[L], e.a[L].map((a, j) => (a - e.y[j]) / (a * (1 - a)))]),
  ok(29, '\\sigma(z)(1 - \\sigma(z))', ({ e }) => [ds(e.z[1]), map(e.z[1], (t) => sigmoid(t) * (1 - sigmoid(t)))]),
  ok(32, 'a^L - y', ({ e, L }) => [e.delta[L], sub(e.a[L], e.y)]),
  planted(37, 'a^{L-1}_k (a^L_j - y_j) \\sigma\'(z^L_j)', 'keeps the σ′ factor that cross-entropy cancels', ({ e, L }) => [e.dW[L], entries(e.a[L].length, e.a[L - 1].length, (j, k) => e.a[L - 1][k] * (e.a[L][j] - e.y[j]) * ds(e.z[L])[j])]),
  ok(39, 'a^L_j - y_j', ({ e, L }) => [e.db[L], sub(e.a[L], e.y)]),
  ok(43, '((w^{l+1})^T \\delta^{l+1}) \\odot \\sigma\'(z^l)', ({ e, L }) => layers(1, L - 1, (l) => [e.delta[l], had(matvec(T(e.W[l + 1]), e.delta[l + 1]), ds(e.z[l]))])),
  ok(45, 'a^{l-1}_k \\delta^l_j', ({ e, L }) => layers(1, L, (l) => [e.dW[l], outer(e.delta[l], e.a[l - 1])])),
  ok(49, 'w^l - \\eta\\, \\delta^l (a^{l-1})^T', ({ e, L }) => layers(1, L, (l) => [step(e.W[l], e.dW[l]), step(e.W[l], outer(e.delta[l], e.a[l - 1]))])),
  planted(51, 'b^l + \\eta\\, \\delta^l', 'update climbs the gradient (sign)', ({ e, L }) => layers(1, L, (l) => [step(e.b[l], e.db[l]), add(e.b[l], scale(ETA, e.delta[l]))])),
];
