// Bishop's z_j is the hidden activation (the reference's a[1]), a_j the pre-activation (z[1]),
// y_k the network output (a[2]) and t_k the target (y).
import { aside, definition, forward, loss, ok, planted, type Expectation } from '../expect';
import { add, had, map, matvec, outer, sub, T } from '../reference/linalg';

export const expectations: Expectation[] = [
  forward(4, 'a_j = \\sum_{i} w^{(1)}_{ji} x_i + w^{(1)}_{j0}', ({ e }) => [e.z[1], add(matvec(e.W[1], e.x), e.b[1])]),
  forward(4, 'z_j = h(a_j)', ({ e }) => [e.a[1], map(e.z[1], Math.tanh)]),
  aside(5, 'h = \\tanh'),
  forward(5, 'y_k = \\sum_{j} w^{(2)}_{kj} z_j + w^{(2)}_{k0}', ({ e }) => [e.a[2], add(matvec(e.W[2], e.a[1]), e.b[2])]),
  aside(7, 'x_0 = 1'),
  aside(7, 'z_0 = 1'),
  loss(19, '\\frac{1}{2} \\sum_{k} (y_k - t_k)^2', ({ e }) => [e.loss, 0.5 * sub(e.a[2], e.y).reduce((s, d) => s + d * d, 0)]),
  definition(21, '\\delta_j \\equiv'),
  planted(24, 't_k - y_k', 'sign: the output error is y_k − t_k', ({ e }) => [e.delta[2], sub(e.y, e.a[2])]),
  planted(28, 'h\'(a_j) = 1 - z_j', 'tanh′ is 1 − z², not 1 − z', ({ e }) => [map(e.z[1], (t) => 1 - Math.tanh(t) ** 2), map(e.a[1], (z) => 1 - z)]),
  ok(32, '(1 - z_j^2) \\sum_{k} w^{(2)}_{kj} \\delta_k', ({ e }) => [e.delta[1], had(map(e.a[1], (z) => 1 - z * z), matvec(T(e.W[2]), e.delta[2]))]),
  ok(37, '\\delta_k z_j', ({ e }) => [e.dW[2], outer(e.delta[2], e.a[1])]),
  // Not a mistake in Bishop's notation: z_i is the activation of unit i, and i runs over the input
  // units (5.53: ∂E_n/∂w_{ji} = δ_j z_i, with z_i = x_i for a first-layer weight), which is what the
  // prose says ("the activation at its input end"). The former expectation read z_i as the first
  // entries of the hidden vector, a reading no author means; by DESIGN.md a ✗ must survive the
  // author's own notation, so the line is correct.
  ok(39, '\\delta_j z_i', ({ e }) => [e.dW[1], outer(e.delta[1], e.x)]),
  aside(41, 'x_0 = 1'),
  ok(43, '\\frac{\\partial E_n}{\\partial w^{(1)}_{j0}} = \\delta_j', ({ e }) => [e.db[1], e.delta[1]]),
];
