import { definition, layers, loss, notAClaim, ok, planted, step, type Expectation } from '../expect';
import { add, had, map, matvec, outer, sub, T } from '../reference/linalg';
import { activate, derivative } from '../reference/mlp';

export const expectations: Expectation[] = [
  ok(4, 'o^0 = x', ({ e }) => [e.a[0], e.x]),
  notAClaim(14, 'l = 1, 2'),
  ok(16, 'W^l o^{l-1} + b^l', ({ e, L }) => layers(1, L, (l) => [e.z[l], add(matvec(e.W[l], e.a[l - 1]), e.b[l])])),
  ok(16, '\\sigma(z^l)', ({ e, L }) => layers(1, L, (l) => [e.a[l], activate('sigmoid', e.z[l])])),
  loss(20, '\\sum_{i} (o^2_i - y_i)^2', ({ e }) => [e.loss, 0.5 * sub(e.a[2], e.y).reduce((s, d) => s + d * d, 0)]),
  definition(22, '\\delta^l :='),
  ok(24, 'o^2 - y', ({ e }) => [e.dA[2], sub(e.a[2], e.y)]),
  ok(26, 'o^2 \\odot (1 - o^2)', ({ e }) => [derivative('sigmoid', e.z[2]), had(e.a[2], map(e.a[2], (t) => 1 - t))]),
  planted(28, '(o^2 - y) \\odot o^2', 'keeps only half of σ′: the (1 − o²) factor is missing', ({ e }) => [e.delta[2], had(sub(e.a[2], e.y), e.a[2])]),
  ok(32, '\\left( (W^2)^T \\delta^2 \\right) \\odot \\sigma\'(z^1)', ({ e }) => [e.delta[1], had(matvec(T(e.W[2]), e.delta[2]), derivative('sigmoid', e.z[1]))]),
  ok(36, '\\delta^l_i \\, o^{l-1}_j', ({ e, L }) => layers(1, L, (l) => [e.dW[l], outer(e.delta[l], e.a[l - 1])])),
  ok(38, '\\delta^l (o^{l-1})^T', ({ e, L }) => layers(1, L, (l) => [e.dW[l], outer(e.delta[l], e.a[l - 1])])),
  planted(42, '\\delta^l \\odot o^l', 'multiplies the bias gradient by the layer output', ({ e, L }) => layers(1, L, (l) => [e.db[l], had(e.delta[l], e.a[l])])),
  ok(46, 'W^l - \\eta\\, \\delta^l (o^{l-1})^T', ({ e, L }) => layers(1, L, (l) => [step(e.W[l], e.dW[l]), step(e.W[l], outer(e.delta[l], e.a[l - 1]))])),
  ok(46, 'b^l - \\eta\\, \\delta^l', ({ e, L }) => layers(1, L, (l) => [step(e.b[l], e.db[l]), step(e.b[l], e.delta[l])])),
];
