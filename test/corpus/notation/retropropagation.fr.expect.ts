import { definition, layers, loss, notAClaim, ok, planted, step, type Expectation } from '../expect';
import { add, had, map, matvec, oneHot, outer, sub, T } from '../reference/linalg';
import { activate } from '../reference/mlp';

export const expectations: Expectation[] = [
  ok(16, 'a^{(0)} = x', ({ e }) => [e.a[0], e.x]),
  ok(18, 'W^{(l)} a^{(l-1)} + b^{(l)}', ({ e, L }) => layers(1, L, (l) => [e.z[l], add(matvec(e.W[l], e.a[l - 1]), e.b[l])])),
  ok(20, '\\mathrm{softmax}(z^{(3)})', ({ e }) => [e.a[3], activate('softmax', e.z[3])]),
  loss(23, '-\\log \\hat{y}_y', ({ e }) => [e.loss, -Math.log(e.a[3][e.label])]),
  definition(25, '\\delta^{(l)} :='),
  planted(30, '\\frac{1}{\\hat{y}_y}', 'derivative of −log drops its minus', ({ e }) => [e.dA[3][e.label], 1 / e.a[3][e.label]]),
  ok(34, '\\hat{y}_k - \\mathbb{1}(k = y)', ({ e }) => [e.delta[3], sub(e.a[3], oneHot(e.label, 3))]),
  notAClaim(36, 'k = y'),
  ok(40, '\\odot a^{(2)} \\odot (1 - a^{(2)})', ({ e }) => [e.delta[2], had(had(matvec(T(e.W[3]), e.delta[3]), e.a[2]), map(e.a[2], (t) => 1 - t))]),
  ok(44, '\\left( 1 - (a^{(1)})^2 \\right)', ({ e }) => [e.delta[1], had(matvec(T(e.W[2]), e.delta[2]), map(e.a[1], (t) => 1 - t * t))]),
  notAClaim(46, 'l = 1, 2, 3'),
  ok(48, '\\delta^{(l)} \\, (a^{(l-1)})^\\top', ({ e, L }) => layers(1, L, (l) => [e.dW[l], outer(e.delta[l], e.a[l - 1])])),
  ok(50, '\\frac{\\partial L}{\\partial b^{(l)}} = \\delta^{(l)}', ({ e, L }) => layers(1, L, (l) => [e.db[l], e.delta[l]])),
  planted(54, '\\delta^{(1)} \\, (a^{(1)})^\\top', 'uses the layer\'s own activation instead of its input a^{(0)}', ({ e }) => [e.dW[1], outer(e.delta[1], e.a[1])]),
  ok(58, 'W^{(l)} - \\eta \\, \\delta^{(l)} (a^{(l-1)})^\\top', ({ e, L }) => layers(1, L, (l) => [step(e.W[l], e.dW[l]), step(e.W[l], outer(e.delta[l], e.a[l - 1]))])),
];
