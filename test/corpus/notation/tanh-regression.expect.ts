import { layers, loss, ok, planted, type Expectation } from '../expect';
import { add, had, map, matvec, numericJacobian, outer, sub, T } from '../reference/linalg';

const tanhPrime = (u: number[]) => map(u, (t) => 1 - Math.tanh(t) ** 2);

export const expectations: Expectation[] = [
  loss(4, '\\frac{1}{2}\\|h^3 - y\\|^2', ({ e }) => [e.loss, 0.5 * sub(e.a[3], e.y).reduce((s, d) => s + d * d, 0)]),
  ok(5, 'h^0 = x', ({ e }) => [e.a[0], e.x]),
  ok(19, 'W^l h^{l-1} + b^l', ({ e, L }) => layers(1, L, (l) => [e.z[l], add(matvec(e.W[l], e.a[l - 1]), e.b[l])])),
  ok(21, 'h^1 = \\tanh(u^1)', ({ e }) => [e.a[1], map(e.z[1], Math.tanh)]),
  ok(21, 'h^2 = \\tanh(u^2)', ({ e }) => [e.a[2], map(e.z[2], Math.tanh)]),
  ok(21, 'h^3 = u^3', ({ e }) => [e.a[3], e.z[3]]),
  ok(25, '1 - \\tanh^2(u', ({ e }) => [numericJacobian((v) => map(v, Math.tanh), e.z[1]).map((r, i) => r[i]), tanhPrime(e.z[1])]),
  ok(29, 'h^3 - y', ({ e }) => [e.delta[3], sub(e.a[3], e.y)]),
  ok(33, '\\left(1 - \\tanh^2(u^2)\\right)', ({ e }) => [e.delta[2], had(matvec(T(e.W[3]), e.delta[3]), tanhPrime(e.z[2]))]),
  ok(35, 'h^1 = \\tanh(u^1)', ({ e }) => [e.a[1], map(e.z[1], Math.tanh)]),
  planted(37, '\\left(1 - h^1\\right)^2', '(1 − h)² written for 1 − h²', ({ e }) => [e.delta[1], had(matvec(T(e.W[2]), e.delta[2]), map(e.a[1], (h) => (1 - h) ** 2))]),
  ok(41, '\\frac{\\partial \\ell}{\\partial u^l} (h^{l-1})^T', ({ e, L }) => layers(1, L, (l) => [e.dW[l], outer(e.delta[l], e.a[l - 1])])),
  planted(45, '\\frac{\\partial \\ell}{\\partial b^2} = (W^3)^T', 'stops before the tanh′ factor: that is ∂ℓ/∂h², not ∂ℓ/∂b²', ({ e }) => [e.db[2], matvec(T(e.W[3]), e.delta[3])]),
  ok(47, '\\frac{\\partial \\ell}{\\partial b^1} = \\frac{\\partial \\ell}{\\partial u^1}', ({ e }) => [e.db[1], e.delta[1]]),
];
