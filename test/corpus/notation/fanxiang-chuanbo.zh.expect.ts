// Subscripts are layer numbers here: z_1 = z[1], h_1 = a[1], W_2 = W[2], ŷ = a[2].
import { aside, loss, ok, planted, type Expectation } from '../expect';
import { add, had, map, matvec, outer, scale, sub, T } from '../reference/linalg';

export const expectations: Expectation[] = [
  ok(16, 'W_1 x + b_1', ({ e }) => [e.z[1], add(matvec(e.W[1], e.x), e.b[1])]),
  ok(18, '\\mathrm{ReLU}(z_1)', ({ e }) => [e.a[1], map(e.z[1], (t) => Math.max(0, t))]),
  ok(20, 'W_2 h_1 + b_2', ({ e }) => [e.a[2], add(matvec(e.W[2], e.a[1]), e.b[2])]),
  loss(24, '\\frac{1}{2} \\| \\hat{y} - y \\|^2', ({ e }) => [e.loss, 0.5 * sub(e.a[2], e.y).reduce((s, d) => s + d * d, 0)]),
  aside(26, 'n = 2'),
  planted(32, '2(\\hat{y} - y)', 'differentiates the square but forgets the ½ of the loss', ({ e }) => [e.dA[2], scale(2, sub(e.a[2], e.y))]),
  ok(36, '(\\hat{y} - y) h_1^T', ({ e }) => [e.dW[2], outer(sub(e.a[2], e.y), e.a[1])]),
  ok(38, '\\frac{\\partial L}{\\partial b_2} = \\hat{y} - y', ({ e }) => [e.db[2], sub(e.a[2], e.y)]),
  ok(42, 'W_2^T (\\hat{y} - y)', ({ e }) => [e.dA[1], matvec(T(e.W[2]), sub(e.a[2], e.y))]),
  ok(46, '\\odot \\mathbb{1}(z_1 > 0)', ({ e }) => [e.delta[1], had(e.dA[1], map(e.z[1], (t) => (t > 0 ? 1 : 0)))]),
  planted(50, '\\frac{\\partial L}{\\partial z_1} h_1^T', 'uses the hidden output h_1 instead of the input x', ({ e }) => [e.dW[1], outer(e.delta[1], e.a[1])]),
  ok(52, '\\frac{\\partial L}{\\partial b_1} = \\frac{\\partial L}{\\partial z_1}', ({ e }) => [e.db[1], e.delta[1]]),
];
