// J = ½‖ŷ − y‖² + λ·½Σ‖W‖², λ = 0.1; the reference adds λW to the engine's dW.
import { aside, definition, forward, layers, notAClaim, ok, planted, running, type Expectation } from '../expect';
import { add, addM, had, map, matvec, outer, scale, scaleM, sub, T } from '../reference/linalg';

const LAMBDA = 0.1;
const tanhPrime = (v: number[]) => map(v, (t) => 1 - Math.tanh(t) ** 2);

export const expectations: Expectation[] = [
  ok(3, 'h^{(0)} = x', ({ e }) => [e.a[0], e.x]),
  forward(4, 'h^{(k)} = f(a^{(k)})', ({ e, L }) => layers(1, L, (k) => [e.a[k], map(e.z[k], Math.tanh)])),
  aside(4, 'f = \\tanh'),
  ok(5, '\\hat{y} = h^{(2)}', ({ e }) => [e.a[2], e.a[2]]),
  notAClaim(15, 'k = 1, 2'),
  forward(17, 'b^{(k)} + W^{(k)} h^{(k-1)}', ({ e, L }) => layers(1, L, (k) => [e.z[k], add(e.b[k], matvec(e.W[k], e.a[k - 1]))])),
  forward(19, 'h^{(k)} = f(a^{(k)})', ({ e, L }) => layers(1, L, (k) => [e.a[k], map(e.z[k], Math.tanh)])),
  aside(22, '\\lambda = 0.1'),
  ok(24, '\\frac{1}{2} \\| \\hat{y} - y \\|^2', ({ e }) => [e.loss, 0.5 * sub(e.a[2], e.y).reduce((s, d) => s + d * d, 0)]),
  definition(26, '\\Omega(\\theta) ='),
  definition(28, 'J = L(\\hat{y}, y) + \\lambda \\Omega(\\theta)'),
  running(33, 'g \\leftarrow \\nabla_{\\hat{y}} J', ({ e }) => [e.dA[2], e.dA[2]]),
  ok(33, '\\nabla_{\\hat{y}} J = \\hat{y} - y', ({ e }) => [e.dA[2], sub(e.a[2], e.y)]),
  notAClaim(35, 'k = 2, 1'),
  running(38, 'g \\leftarrow \\nabla_{a^{(k)}} J', ({ e, L }) => layers(1, L, (k) => [e.delta[k], e.delta[k]])),
  ok(38, 'g \\odot f\'(a^{(k)})', ({ e, L }) => layers(1, L, (k) => [e.delta[k], had(e.dA[k], tanhPrime(e.z[k]))])),
  planted(42, 'g + \\lambda b^{(k)}', 'penalises the biases, which Ω does not contain', ({ e, L }) => layers(1, L, (k) => [e.db[k], add(e.delta[k], scale(LAMBDA, e.b[k]))])),
  planted(44, 'g \\, h^{(k-1)\\top}', 'drops the weight-decay term λW^{(k)}', ({ e, L }) => layers(1, L, (k) => [addM(e.dW[k], scaleM(LAMBDA, e.W[k])), outer(e.delta[k], e.a[k - 1])])),
  running(48, 'g \\leftarrow \\nabla_{h^{(k-1)}} J', ({ e, L }) => layers(1, L, (k) => [e.dA[k - 1], e.dA[k - 1]])),
  ok(48, 'W^{(k)\\top} g', ({ e, L }) => layers(1, L, (k) => [e.dA[k - 1], matvec(T(e.W[k]), e.delta[k])])),
  aside(50, 'f = \\tanh'),
  ok(52, '1 - (h^{(k)})^2', ({ e, L }) => layers(1, L, (k) => [tanhPrime(e.z[k]), map(e.a[k], (h) => 1 - h * h)])),
];
