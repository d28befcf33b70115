import { aside, loss, ok, planted, type Expectation } from '../expect';
import { add, had, map, matvec, outer, sub, T } from '../reference/linalg';
import { activate, derivative } from '../reference/mlp';

export const expectations: Expectation[] = [
  aside(4, 'g^{[1]} = \\tanh'),
  ok(19, 'W^{[1]} x + b^{[1]}', ({ e }) => [e.z[1], add(matvec(e.W[1], e.x), e.b[1])]),
  ok(21, 'g^{[1]}(z^{[1]})', ({ e }) => [e.a[1], map(e.z[1], Math.tanh)]),
  ok(23, 'W^{[2]} a^{[1]} + b^{[2]}', ({ e }) => [e.z[2], add(matvec(e.W[2], e.a[1]), e.b[2])]),
  ok(25, '\\hat{y} = a^{[2]}', ({ e }) => [e.a[2], e.a[2]]),
  ok(25, '\\sigma(z^{[2]})', ({ e }) => [e.a[2], activate('sigmoid', e.z[2])]),
  loss(29, '(1 - y) \\log (1 - a^{[2]})', ({ e }) => [e.loss, -(e.y[0] * Math.log(e.a[2][0]) + (1 - e.y[0]) * Math.log(1 - e.a[2][0]))]),
  ok(34, '-\\frac{y}{a^{[2]}} + \\frac{1 - y}{1 - a^{[2]}}', ({ e }) => [e.dA[2], [-e.y[0] / e.a[2][0] + (1 - e.y[0]) / (1 - e.a[2][0])]]),
  ok(36, 'a^{[2]}(1 - a^{[2]})', ({ e }) => [derivative('sigmoid', e.z[2]), had(e.a[2], map(e.a[2], (t) => 1 - t))]),
  planted(38, 'a^{[2]} (1 - a^{[2]}) (a^{[2]} - y)', 'keeps σ′ although the BCE derivative cancels it (dz = a − y)', ({ e }) => [e.delta[2], had(had(e.a[2], map(e.a[2], (t) => 1 - t)), sub(e.a[2], e.y))]),
  ok(40, 'dz^{[2]} a^{[1]T}', ({ e }) => [e.dW[2], outer(e.delta[2], e.a[1])]),
  ok(42, 'db^{[2]} = dz^{[2]}', ({ e }) => [e.db[2], e.delta[2]]),
  ok(44, '1 - (a^{[1]})^2', ({ e }) => [derivative('tanh', e.z[1]), map(e.a[1], (t) => 1 - t * t)]),
  ok(46, 'W^{[2]T} dz^{[2]}', ({ e }) => [e.dA[1], matvec(T(e.W[2]), e.delta[2])]),
  ok(48, 'dz^{[2]} * g^{[1]\\prime}(z^{[1]})', ({ e }) => [e.delta[1], had(matvec(T(e.W[2]), e.delta[2]), derivative('tanh', e.z[1]))]),
  planted(50, 'dz^{[1]} a^{[1]T}', 'uses the layer\'s own activation a^{[1]} instead of its input x', ({ e }) => [e.dW[1], outer(e.delta[1], e.a[1])]),
  ok(52, 'db^{[1]} = dz^{[1]}', ({ e }) => [e.db[1], e.delta[1]]),
];
