// One softmax layer: z = z[1], p = a[1]; u_k = e^{z_k}, S = Σ u_k, g(t) = −log t.
import { definition, forward, loss, ok, planted, type Expectation } from '../expect';
import { add, map, oneHot, slope, sum } from '../reference/linalg';
import type { Instance } from '../reference/mlp';

const u = (e: Instance) => map(e.z[1], Math.exp);
const S = (e: Instance) => sum(u(e));
/** entries over k ≠ y only */
const others = (e: Instance, f: (k: number) => number) => e.z[1].flatMap((_, k) => (k === e.label ? [] : [f(k)]));
/** ∂p_y/∂u_j measured by perturbing u_j */
const dpy = (e: Instance, j: number) => slope((t) => { const v = u(e).map((x, k) => (k === j ? t : x)); return v[e.label] / sum(v); }, u(e)[j]);

export const expectations: Expectation[] = [
  { line: 3, has: 'z = z^{1}', verdict: 'not-a-claim', accept: ['definition', 'ok'] },
  forward(15, 'u_k = e^{z_k}', ({ e }) => [u(e), map(e.z[1], Math.exp)]),
  forward(15, 'S = \\sum_{k} u_k', ({ e }) => [S(e), sum(u(e))]),
  forward(15, 'p_k = u_k / S', ({ e }) => [e.a[1], map(u(e), (x) => x / S(e))]),
  definition(16, 'g(t) = -\\log t'),
  loss(18, 'L = g(p_y)', ({ e }) => [e.loss, -Math.log(e.a[1][e.label])]),
  ok(22, '-\\frac{1}{t}', ({ e }) => [map(e.a[1], (t) => slope((s) => -Math.log(s), t)), map(e.a[1], (t) => -1 / t)]),
  ok(24, '\\frac{\\partial u_k}{\\partial z_k} = u_k', ({ e }) => [map(e.z[1], (t) => slope(Math.exp, t)), u(e)]),
  ok(26, '\\frac{\\partial S}{\\partial u_k} = 1', ({ e }) => [u(e).map((_, j) => slope((t) => sum(u(e).map((x, k) => (k === j ? t : x))), u(e)[j])), u(e).map(() => 1)]),
  planted(28, '\\frac{\\partial p_y}{\\partial u_y} = \\frac{1}{S}', 'quotient rule: misses −u_y/S² (the S in the denominator depends on u_y too)', ({ e }) => [dpy(e, e.label), 1 / S(e)]),
  ok(30, '-\\frac{u_y}{S^2}', ({ e }) => [others(e, (k) => dpy(e, k)), others(e, () => -u(e)[e.label] / S(e) ** 2)]),
  ok(34, 'g\'(p_y) \\cdot \\left(-\\frac{u_y}{S^2}\\right) \\cdot u_k', ({ e }) => [others(e, (k) => e.delta[1][k]), others(e, (k) => (-1 / e.a[1][e.label]) * (-u(e)[e.label] / S(e) ** 2) * u(e)[k])]),
  ok(34, '\\frac{u_k}{S}', ({ e }) => [others(e, (k) => (-1 / e.a[1][e.label]) * (-u(e)[e.label] / S(e) ** 2) * u(e)[k]), others(e, (k) => u(e)[k] / S(e))]),
  ok(34, '= p_k', ({ e }) => [others(e, (k) => u(e)[k] / S(e)), others(e, (k) => e.a[1][k])]),
  ok(38, '\\frac{S - u_y}{S^2} \\cdot u_y', ({ e }) => [e.delta[1][e.label], (-1 / e.a[1][e.label]) * ((S(e) - u(e)[e.label]) / S(e) ** 2) * u(e)[e.label]]),
  ok(38, 'p_y - 1', ({ e }) => [(-1 / e.a[1][e.label]) * ((S(e) - u(e)[e.label]) / S(e) ** 2) * u(e)[e.label], e.a[1][e.label] - 1]),
  planted(42, 'p + \\mathrm{onehot}(y)', 'sign of the one-hot term', ({ e }) => [e.delta[1], add(e.a[1], oneHot(e.label, e.a[1].length))]),
];
