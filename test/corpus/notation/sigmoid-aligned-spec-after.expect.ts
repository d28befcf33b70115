// The spec block follows a display that ends with `\end{aligned}$$` on a math
// line: the layout that once made the checker fall back to the default network.
import { loss, ok, planted, type Expectation } from '../expect';
import { had, map, matvec, outer, slope, sub, T } from '../reference/linalg';
import { sigmoid } from '../reference/mlp';

const sigmoidPrime = (z: number[]) => map(z, (t) => slope(sigmoid, t));

export const expectations: Expectation[] = [
  ok(6, '\\frac{d}{dz} \\frac{1}{1 + e^{-z}}', ({ e }) => [sigmoidPrime(e.z[1]), map(e.z[1], (t) => slope((u) => 1 / (1 + Math.exp(-u)), t))]),
  ok(7, '\\frac{e^{-z}}{(1 + e^{-z})^2}', ({ e }) => [sigmoidPrime(e.z[1]), map(e.z[1], (t) => Math.exp(-t) / (1 + Math.exp(-t)) ** 2)]),
  ok(8, '\\sigma(z)\\,(1 - \\sigma(z))', ({ e }) => [map(e.z[1], (t) => Math.exp(-t) / (1 + Math.exp(-t)) ** 2), map(e.z[1], (t) => sigmoid(t) * (1 - sigmoid(t)))]),
  loss(17, '\\frac{1}{2}\\|a^L - y\\|^2', ({ e, L }) => [e.loss, 0.5 * sub(e.a[L], e.y).reduce((s, d) => s + d * d, 0)]),
  ok(19, '(a^L - y) \\odot \\sigma(z^L) \\odot (1 - \\sigma(z^L))', ({ e, L }) => [e.delta[L], had(had(sub(e.a[L], e.y), map(e.z[L], sigmoid)), map(e.z[L], (t) => 1 - sigmoid(t)))]),
  ok(21, '\\delta^L (a^{L-1})^T', ({ e, L }) => [e.dW[L], outer(e.delta[L], e.a[L - 1])]),
  planted(23, '(a^L - y) \\odot \\sigma(z^L)', 'keeps σ(z) but loses the (1 − σ(z)) factor of σ′', ({ e, L }) => [e.db[L], had(sub(e.a[L], e.y), map(e.z[L], sigmoid))]),
  ok(27, '(W^L)^T \\delta^L \\odot \\sigma\'(z^{L-1})', ({ e, L }) => [e.delta[L - 1], had(matvec(T(e.W[L]), e.delta[L]), sigmoidPrime(e.z[L - 1]))]),
  planted(29, '\\odot \\sigma(z^{L-1})', 'σ where σ′ belongs', ({ e, L }) => [e.delta[L - 1], had(matvec(T(e.W[L]), e.delta[L]), map(e.z[L - 1], sigmoid))]),
];
