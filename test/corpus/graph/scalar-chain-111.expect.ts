// A 1-1-1 network: every quantity is the single entry of the reference's arrays.
import { definition, ok, planted, type Expectation } from '../expect';
import { slope } from '../reference/linalg';
import type { Instance } from '../reference/mlp';
import { sigmoid } from '../reference/mlp';

const s = (e: Instance) => ({ x: e.x[0], y: e.y[0], w1: e.W[1][0][0], w2: e.W[2][0][0], z1: e.z[1][0], z2: e.z[2][0], a1: e.a[1][0], a2: e.a[2][0] });

export const expectations: Expectation[] = [
  definition(17, 'z_1 := w_1 x + b_1'),
  definition(19, 'a_1 := \\sigma(z_1)'),
  definition(21, 'z_2 := w_2 a_1 + b_2'),
  definition(23, 'a_2 := \\sigma(z_2)'),
  definition(25, 'L := \\frac{1}{2} (a_2 - y)^2'),
  ok(29, 'a_2 - y', ({ e }) => [e.dA[2][0], s(e).a2 - s(e).y]),
  ok(31, 'a_2 (1 - a_2)', ({ e }) => [slope(sigmoid, s(e).z2), s(e).a2 * (1 - s(e).a2)]),
  ok(33, '\\frac{\\partial z_2}{\\partial w_2} = a_1', ({ e }) => [slope((w) => w * s(e).a1 + e.b[2][0], s(e).w2), s(e).a1]),
  planted(35, '\\frac{\\partial z_2}{\\partial a_1} = a_1', 'confuses ∂z₂/∂a₁ (= w₂) with ∂z₂/∂w₂', ({ e }) => [slope((a) => s(e).w2 * a + e.b[2][0], s(e).a1), s(e).a1]),
  ok(37, 'a_1 (1 - a_1)', ({ e }) => [slope(sigmoid, s(e).z1), s(e).a1 * (1 - s(e).a1)]),
  ok(39, '\\frac{\\partial z_1}{\\partial w_1} = x', ({ e }) => [slope((w) => w * s(e).x + e.b[1][0], s(e).w1), s(e).x]),
  ok(43, '\\frac{\\partial L}{\\partial w_2} = \\frac{\\partial L}{\\partial a_2}', ({ e }) => [e.dW[2][0][0], e.dA[2][0] * s(e).a2 * (1 - s(e).a2) * s(e).a1]),
  ok(43, '(a_2 - y)\\, a_2 (1 - a_2)\\, a_1', ({ e }) => [e.dW[2][0][0], (s(e).a2 - s(e).y) * s(e).a2 * (1 - s(e).a2) * s(e).a1]),
  ok(45, '\\frac{\\partial L}{\\partial b_2} = (a_2 - y)\\, a_2 (1 - a_2)', ({ e }) => [e.db[2][0], (s(e).a2 - s(e).y) * s(e).a2 * (1 - s(e).a2)]),
  planted(47, 'a_1 (1 - a_1)\\, x', 'drops the factor w₂ on the path through the hidden unit', ({ e }) => [e.dW[1][0][0], (s(e).a2 - s(e).y) * s(e).a2 * (1 - s(e).a2) * s(e).a1 * (1 - s(e).a1) * s(e).x]),
  ok(49, 'w_2\\, a_1 (1 - a_1)', ({ e }) => [e.db[1][0], (s(e).a2 - s(e).y) * s(e).a2 * (1 - s(e).a2) * s(e).w2 * s(e).a1 * (1 - s(e).a1)]),
];
