import { loss, ok, planted, type Expectation } from '../expect';
import { activate } from '../reference/mlp';
import { add, had, map, matvec, outer, T } from '../reference/linalg';

const relu = (v: number[]) => map(v, (t) => Math.max(0, t));
const positive = (v: number[]) => map(v, (t) => (t > 0 ? 1 : 0));

export const expectations: Expectation[] = [
  ok(28, '\\max(0, W_1 x + b_1)', ({ e }) => [e.a[1], relu(add(matvec(e.W[1], e.x), e.b[1]))]),
  ok(30, 'W_2 h + b_2', ({ e }) => [e.z[2], add(matvec(e.W[2], e.a[1]), e.b[2])]),
  ok(32, '\\frac{e^{s_k}}{\\sum_j e^{s_j}}', ({ e }) => [e.a[2], activate('softmax', e.z[2])]),
  loss(34, '-\\log p_y', ({ e }) => [e.loss, -Math.log(e.a[2][e.label])]),
  planted(39, 'p_k - 1', 'subtracts 1 from every class, not only the correct one', ({ e }) => [e.delta[2], map(e.a[2], (p) => p - 1)]),
  ok(43, 'dscores\\, h^T', ({ e }) => [e.dW[2], outer(e.delta[2], e.a[1])]),
  ok(45, 'db2 = dscores', ({ e }) => [e.db[2], e.delta[2]]),
  ok(49, 'W_2^T\\, dscores', ({ e }) => [e.dA[1], matvec(T(e.W[2]), e.delta[2])]),
  ok(53, 'dh \\odot \\mathbb{1}(h > 0)', ({ e }) => [e.delta[1], had(e.dA[1], positive(e.a[1]))]),
  ok(55, '\\frac{\\partial L}{\\partial z^1} x^T', ({ e }) => [e.dW[1], outer(e.delta[1], e.x)]),
  planted(57, '\\frac{\\partial L}{\\partial b_1} = dh', 'forgets the ReLU mask on the bias gradient', ({ e }) => [e.db[1], e.dA[1]]),
];
