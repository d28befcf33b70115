import { definition, entries, layers, loss, ok, planted, type Expectation } from '../expect';
import { add, had, map, matvec, sub, T } from '../reference/linalg';
import { activate, derivative, sigmoid } from '../reference/mlp';

const ds = (z: number[]) => derivative('sigmoid', z);

export const expectations: Expectation[] = [
  ok(19, '\\sum_k w^l_{jk} a^{l-1}_k + b^l_j', ({ e, L }) => layers(1, L, (l) => [e.z[l], add(matvec(e.W[l], e.a[l - 1]), e.b[l])])),
  ok(21, '\\sigma(w^l a^{l-1} + b^l)', ({ e, L }) => layers(1, L, (l) => [e.a[l], activate('sigmoid', add(matvec(e.W[l], e.a[l - 1]), e.b[l]))])),
  loss(25, '\\frac{1}{2} \\sum_j (y_j - a^L_j)^2', ({ e, L }) => [e.loss, 0.5 * sub(e.y, e.a[L]).reduce((s, d) => s + d * d, 0)]),
  definition(29, '\\delta^l_j \\equiv'),
  ok(33, 'a^L_j = \\sigma(z^L_j)', ({ e, L }) => [e.a[L], activate('sigmoid', e.z[L])]),
  ok(35, '\\frac{\\partial a^L_j}{\\partial z^L_j}', ({ e, L }) => [e.delta[L], had(e.dA[L], ds(e.z[L]))]),
  ok(37, '\\frac{\\partial C}{\\partial a^L_j} \\sigma\'(z^L_j)', ({ e, L }) => [e.delta[L], had(e.dA[L], ds(e.z[L]))]),
  ok(39, 'a^L_j - y_j', ({ e, L }) => [e.dA[L], sub(e.a[L], e.y)]),
  planted(41, '(y - a^L) \\odot \\sigma\'(z^L)', 'sign flipped: ∂C/∂a^L is a^L − y', ({ e, L }) => [e.delta[L], had(sub(e.y, e.a[L]), ds(e.z[L]))]),
  ok(45, '((w^{l+1})^T \\delta^{l+1}) \\odot \\sigma\'(z^l)', ({ e, L }) => layers(1, L - 1, (l) => [e.delta[l], had(matvec(T(e.W[l + 1]), e.delta[l + 1]), ds(e.z[l]))])),
  ok(49, '\\sum_k w^{l+1}_{kj} \\delta^{l+1}_k \\sigma\'(z^l_j)', ({ e, L }) =>
    layers(1, L - 1, (l) => [e.delta[l], e.z[l].map((zj, j) => e.W[l + 1].reduce((s, row, k) => s + row[j] * e.delta[l + 1][k], 0) * sigmoid(zj) * (1 - sigmoid(zj)))])),
  ok(51, '\\sigma(1-\\sigma)', ({ e }) => [ds(e.z[1]), map(e.z[1], (t) => sigmoid(t) * (1 - sigmoid(t)))]),
  planted(53, '\\sigma\'(a^l)', 'σ′ evaluated at the activation a^l instead of z^l', ({ e, L }) => layers(1, L - 1, (l) => [e.delta[l], had(matvec(T(e.W[l + 1]), e.delta[l + 1]), ds(e.a[l]))])),
  planted(57, '\\delta^l_j \\sigma\'(z^l_j)', 'BP3 with an extra σ′ factor (δ already contains it)', ({ e, L }) => layers(1, L, (l) => [e.db[l], had(e.delta[l], ds(e.z[l]))])),
  ok(59, 'a^{l-1}_k \\delta^l_j', ({ e, L }) => layers(1, L, (l) => [e.dW[l], entries(e.W[l].length, e.W[l][0].length, (j, k) => e.a[l - 1][k] * e.delta[l][j])])),
  ok(64, '\\sigma(z)(1 - \\sigma(z))', ({ e }) => [ds(e.z[2]), map(e.z[2], (t) => sigmoid(t) * (1 - sigmoid(t)))]),
];
