import { aside, layers, loss, notAClaim, ok, planted, step, ETA, type Expectation } from '../expect';
import { add, had, map, matvec, outer, scale, sub, T } from '../reference/linalg';
import { activate, derivative, type Act } from '../reference/mlp';

const ACTS: Act[] = ['identity', 'relu', 'relu', 'sigmoid'];
const relu = (v: number[]) => map(v, (t) => Math.max(0, t));

export const expectations: Expectation[] = [
  aside(4, 'L = 3'),
  notAClaim(17, 'l = 1, \\dots, L'),
  ok(19, 'W^{[l]} a^{[l-1]} + b^{[l]}', ({ e, L }) => layers(1, L, (l) => [e.z[l], add(matvec(e.W[l], e.a[l - 1]), e.b[l])])),
  ok(19, 'g^{[l]}(z^{[l]})', ({ e, L }) => layers(1, L, (l) => [e.a[l], activate(ACTS[l], e.z[l])])),
  ok(21, 'a^{[0]} = x', ({ e }) => [e.a[0], e.x]),
  ok(23, '\\operatorname{relu}(z^{[1]})', ({ e }) => [e.a[1], relu(e.z[1])]),
  ok(23, '\\max(0, z^{[1]})', ({ e }) => [relu(e.z[1]), map(e.z[1], (t) => Math.max(0, t))]),
  ok(27, '\\hat{y} = a^{[3]}', ({ e }) => [e.a[3], e.a[3]]),
  ok(27, '\\dfrac{1}{1 + e^{-z^{[3]}}}', ({ e }) => [e.a[3], map(e.z[3], (t) => 1 / (1 + Math.exp(-t)))]),
  loss(31, '-\\frac{y}{a^{[3]}} + \\frac{1 - y}{1 - a^{[3]}}', ({ e }) => [e.dA[3], [-e.y[0] / e.a[3][0] + (1 - e.y[0]) / (1 - e.a[3][0])]]),
  ok(33, 'dz^{[3]} =', ({ e }) => [e.delta[3], sub(e.a[3], e.y)]),
  ok(35, '\\frac{\\dd \\mathcal{L}}{\\dd b^{[3]}} = a^{[3]} - y', ({ e }) => [e.db[3], sub(e.a[3], e.y)]),
  ok(39, 'dz^{[l]} \\, a^{[l-1]T}', ({ e, L }) => layers(1, L, (l) => [e.dW[l], outer(e.delta[l], e.a[l - 1])])),
  notAClaim(41, '(1 \\times n^{[l-1]}) = (n^{[l]} \\times n^{[l-1]})'),
  ok(43, 'db^{[l]} = dz^{[l]}', ({ e, L }) => layers(1, L, (l) => [e.db[l], e.delta[l]])),
  ok(45, 'W^{[l]^T} dz^{[l]}', ({ e, L }) => layers(1, L, (l) => [e.dA[l - 1], matvec(T(e.W[l]), e.delta[l])])),
  ok(47, '(W^{[l]})^{\\top} dz^{[l]}', ({ e, L }) => layers(1, L, (l) => [e.dA[l - 1], matvec(T(e.W[l]), e.delta[l])])),
  ok(49, 'da^{[l]} * g^{[l]\\prime}(z^{[l]})', ({ e, L }) => layers(1, L, (l) => [e.delta[l], had(e.dA[l], derivative(ACTS[l], e.z[l]))])),
  planted(53, 'dz^{[2]} = W^{[3]^T} dz^{[3]}', 'forgets the ReLU mask g^{[2]′}(z^{[2]})', ({ e }) => [e.delta[2], matvec(T(e.W[3]), e.delta[3])]),
  ok(57, 'da^{[1]} \\odot \\mathds{1}(z^{[1]} > 0)', ({ e }) => [e.delta[1], had(e.dA[1], map(e.z[1], (t) => (t > 0 ? 1 : 0)))]),
  ok(61, 'W^{[l]} - \\alpha \\, dW^{[l]}', ({ e, L }) => layers(1, L, (l) => [step(e.W[l], e.dW[l]), step(e.W[l], e.dW[l])])),
  planted(63, 'b^{[l]} + \\alpha \\, db^{[l]}', 'update climbs the gradient (sign)', ({ e, L }) => layers(1, L, (l) => [step(e.b[l], e.db[l]), add(e.b[l], scale(ETA, e.db[l]))])),
];
