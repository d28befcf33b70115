// UFLDL numbers layers from 1 and puts W^{(l)} between layers l and l+1:
// a^{(l)} = a[l-1], z^{(l)} = z[l-1], δ^{(l)} = δ[l-1], W^{(l)} = W[l] of the reference.
import { aside, ETA, forward, layers, loss, notAClaim, ok, planted, step, type Expectation } from '../expect';
import { add, had, map, matvec, outer, scale, sub, T } from '../reference/linalg';
import { derivative } from '../reference/mlp';

const fp = (z: number[]) => derivative('sigmoid', z);

export const expectations: Expectation[] = [
  aside(3, 'n_l = 3'),
  ok(19, 'a^{(1)} = x', ({ e }) => [e.a[0], e.x]),
  notAClaim(21, 'l = 1, 2'),
  ok(23, 'W^{(l)} a^{(l)} + b^{(l)}', ({ e, L }) => layers(1, L, (l) => [e.z[l], add(matvec(e.W[l], e.a[l - 1]), e.b[l])])),
  ok(25, 'f(z^{(l+1)})', ({ e, L }) => layers(1, L, (l) => [e.a[l], map(e.z[l], (t) => 1 / (1 + Math.exp(-t)))])),
  forward(30, 'h_{W,b}(x) = a^{(3)}', ({ e, L }) => [e.a[L], e.a[L]]),
  loss(32, '\\frac{1}{2} \\left\\| h_{W,b}(x) - y \\right\\|^2', ({ e, L }) => [e.loss, 0.5 * sub(e.a[L], e.y).reduce((s, d) => s + d * d, 0)]),
  planted(36, '(y - a^{(n_l)}) \\bullet f\'(z^{(n_l)})', 'drops the minus of −(y − a)', ({ e, L }) => [e.delta[L], had(sub(e.y, e.a[L]), fp(e.z[L]))]),
  notAClaim(38, 'l = n_l - 1, \\dots, 2'),
  ok(40, '\\left( (W^{(l)})^T \\delta^{(l+1)} \\right) \\bullet f\'(z^{(l)})', ({ e, L }) => layers(1, L - 1, (l) => [e.delta[l], had(matvec(T(e.W[l + 1]), e.delta[l + 1]), fp(e.z[l]))])),
  ok(44, 'a^{(l)} \\bullet (1 - a^{(l)})', ({ e, L }) => layers(1, L, (l) => [fp(e.z[l]), had(e.a[l], map(e.a[l], (t) => 1 - t))])),
  planted(48, '(W^{(2)})^T \\delta^{(3)}', 'forgets the f′(z^{(2)}) factor', ({ e }) => [e.delta[1], matvec(T(e.W[2]), e.delta[2])]),
  ok(52, '\\delta^{(l+1)} (a^{(l)})^T', ({ e, L }) => layers(1, L, (l) => [e.dW[l], outer(e.delta[l], e.a[l - 1])])),
  ok(54, '\\nabla_{b^{(l)}} J(W,b;x,y) = \\delta^{(l+1)}', ({ e, L }) => layers(1, L, (l) => [e.db[l], e.delta[l]])),
  ok(58, 'W^{(l)} - \\alpha\\, \\delta^{(l+1)} (a^{(l)})^T', ({ e, L }) => layers(1, L, (l) => [step(e.W[l], e.dW[l]), step(e.W[l], outer(e.delta[l], e.a[l - 1]))])),
  planted(60, 'b^{(l)} + \\alpha\\, \\delta^{(l+1)}', 'update climbs the gradient (sign)', ({ e, L }) => layers(1, L, (l) => [step(e.b[l], e.db[l]), add(e.b[l], scale(ETA, e.delta[l]))])),
];
