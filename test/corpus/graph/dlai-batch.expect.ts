// Columns are examples; dZ stacks per-example ∂L/∂z, dW and db are gradients of the mean cost J.
import { aside, loss, notAClaim, ok, planted, type Expectation } from '../expect';
import { addM, flat, hadM, mapM, matmul, rowSums, scale, scaleM, subM, T, type Mat } from '../reference/linalg';
import { asColumns, meanOf, sigmoid, type Instance } from '../reference/mlp';

const cols = (batch: readonly Instance[], pick: (e: Instance) => number[]): Mat => asColumns(batch, pick);
/** b broadcast over the m columns */
const broadcast = (b: number[], m: number): Mat => b.map((v) => Array.from({ length: m }, () => v));

export const expectations: Expectation[] = [
  ok(4, 'A^{[0]} = X', ({ batch }) => [cols(batch, (e) => e.a[0]), cols(batch, (e) => e.x)]),
  aside(5, 'm = 5'),
  ok(24, 'W^{[1]} X + b^{[1]}', ({ e, batch }) => [cols(batch, (x) => x.z[1]), addM(matmul(e.W[1], cols(batch, (x) => x.x)), broadcast(e.b[1], batch.length))]),
  ok(26, '\\tanh(Z^{[1]})', ({ batch }) => [cols(batch, (x) => x.a[1]), mapM(cols(batch, (x) => x.z[1]), Math.tanh)]),
  ok(28, 'W^{[2]} A^{[1]} + b^{[2]}', ({ e, batch }) => [cols(batch, (x) => x.z[2]), addM(matmul(e.W[2], cols(batch, (x) => x.a[1])), broadcast(e.b[2], batch.length))]),
  ok(28, '\\sigma(Z^{[2]})', ({ batch }) => [cols(batch, (x) => x.a[2]), mapM(cols(batch, (x) => x.z[2]), sigmoid)]),
  loss(30, '-\\frac{1}{m} \\sum_{i=1}^{m}', ({ batch }) => [batch.reduce((s, x) => s + x.loss, 0) / batch.length, -batch.reduce((s, x) => s + x.y[0] * Math.log(x.a[2][0]) + (1 - x.y[0]) * Math.log(1 - x.a[2][0]), 0) / batch.length]),
  notAClaim(32, '(m \\times n_x) = (n^{[1]} \\times n_x)'),
  ok(34, 'A^{[2]} - Y', ({ batch }) => [cols(batch, (x) => x.delta[2]), subM(cols(batch, (x) => x.a[2]), cols(batch, (x) => x.y))]),
  planted(36, 'dW^{[2]} = dZ^{[2]} A^{[1]T}', 'drops the 1/m of the mean cost', ({ batch }) => [meanOf(batch, (x) => x.dW[2]), matmul(cols(batch, (x) => x.delta[2]), T(cols(batch, (x) => x.a[1])))]),
  ok(38, '\\sum_{i=1}^{m} dZ^{[2](i)}', ({ batch }) => [flat(meanOf(batch, (x) => [x.db[2]])), scale(1 / batch.length, rowSums(cols(batch, (x) => x.delta[2])))]),
  ok(40, 'W^{[2]T} dZ^{[2]} * (1 - (A^{[1]})^2)', ({ e, batch }) => [cols(batch, (x) => x.delta[1]), hadM(matmul(T(e.W[2]), cols(batch, (x) => x.delta[2])), mapM(cols(batch, (x) => x.a[1]), (a) => 1 - a * a))]),
  planted(42, '\\frac{1}{m} dZ^{[1]} A^{[1]T}', 'uses A^{[1]} where the layer input X belongs', ({ batch }) => [meanOf(batch, (x) => x.dW[1]), scaleM(1 / batch.length, matmul(cols(batch, (x) => x.delta[1]), T(cols(batch, (x) => x.a[1]))))]),
  ok(44, '\\sum_{i=1}^{m} dZ^{[1](i)}', ({ batch }) => [flat(meanOf(batch, (x) => [x.db[1]])), scale(1 / batch.length, rowSums(cols(batch, (x) => x.delta[1])))]),
];
