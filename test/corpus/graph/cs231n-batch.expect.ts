// Rows are examples and W_1, W_2, b_1, b_2 are the transposes of the reference's W, b.
// L is the mean loss plus λ/2 (‖W_1‖² + ‖W_2‖²), λ = 0.05.
import { aside, definition, forward, ok, planted, type Expectation } from '../expect';
import { addM, colSums, hadM, mapM, matmul, scaleM, subM, T, type Mat } from '../reference/linalg';
import { activate, asRows, meanOf, type Instance } from '../reference/mlp';

const LAMBDA = 0.05;
const rows = (batch: readonly Instance[], pick: (e: Instance) => number[]): Mat => asRows(batch, pick);
const broadcast = (b: number[], n: number): Mat => Array.from({ length: n }, () => [...b]);
const X = (b: readonly Instance[]) => rows(b, (e) => e.x);
const H = (b: readonly Instance[]) => rows(b, (e) => e.a[1]);
const dscores = (b: readonly Instance[]) => scaleM(1 / b.length, rows(b, (e) => e.delta[2]));
const dZ1 = (b: readonly Instance[]) => scaleM(1 / b.length, rows(b, (e) => e.delta[1]));

export const expectations: Expectation[] = [
  aside(6, '\\lambda = 0.05'),
  forward(25, 'Z_1 = X W_1 + \\mathbf{1} b_1', ({ e, batch }) => [rows(batch, (x) => x.z[1]), addM(matmul(X(batch), T(e.W[1])), broadcast(e.b[1], batch.length))]),
  forward(25, 'H = \\max(0, Z_1)', ({ batch }) => [H(batch), mapM(rows(batch, (x) => x.z[1]), (t) => Math.max(0, t))]),
  forward(27, 'H W_2 + \\mathbf{1} b_2', ({ e, batch }) => [rows(batch, (x) => x.z[2]), addM(matmul(H(batch), T(e.W[2])), broadcast(e.b[2], batch.length))]),
  forward(29, '\\frac{e^{\\mathrm{scores}_{ic}}}{\\sum_{k} e^{\\mathrm{scores}_{ik}}}', ({ batch }) => [rows(batch, (x) => x.a[2]), rows(batch, (x) => activate('softmax', x.z[2]))]),
  definition(31, '\\frac{\\lambda}{2} \\left( \\|W_1\\|_F^2 + \\|W_2\\|_F^2 \\right)'),
  planted(35, 'dscores = P - Y', 'drops the 1/N of the mean loss', ({ batch }) => [dscores(batch), subM(rows(batch, (x) => x.a[2]), rows(batch, (x) => x.y))]),
  ok(37, 'H^\\top dscores + \\lambda W_2', ({ e, batch }) => [addM(T(meanOf(batch, (x) => x.dW[2])), scaleM(LAMBDA, T(e.W[2]))), addM(matmul(T(H(batch)), dscores(batch)), scaleM(LAMBDA, T(e.W[2])))]),
  ok(39, 'db_2 = \\mathbf{1}^\\top dscores', ({ batch }) => [meanOf(batch, (x) => [x.db[2]]), [colSums(dscores(batch))]]),
  ok(41, 'dscores\\, W_2^\\top', ({ e, batch }) => [scaleM(1 / batch.length, rows(batch, (x) => x.dA[1])), matmul(dscores(batch), e.W[2])]),
  ok(43, 'dH \\odot \\mathbb{1}(H > 0)', ({ e, batch }) => [dZ1(batch), hadM(matmul(dscores(batch), e.W[2]), mapM(H(batch), (h) => (h > 0 ? 1 : 0)))]),
  planted(45, 'dW_1 = X^\\top dZ_1', 'drops the regularisation gradient λW_1', ({ e, batch }) => [addM(T(meanOf(batch, (x) => x.dW[1])), scaleM(LAMBDA, T(e.W[1]))), matmul(T(X(batch)), dZ1(batch))]),
  ok(47, 'db_1 = \\mathbf{1}^\\top dZ_1', ({ batch }) => [meanOf(batch, (x) => [x.db[1]]), [colSums(dZ1(batch))]]),
];
