// The document's own model, without biases: z = W1 x, h = relu(z), o = W2 h,
// J = ½‖o − y‖² + λ/2 (‖W1‖² + ‖W2‖²), λ = 0.1. Its gradients are measured by
// central differences of J itself, not derived.
import { aside, definition, loss, ok, planted, type Expectation } from '../expect';
import { addM, frob2, had, map, matvec, outer, scaleM, sub, T, type Mat } from '../reference/linalg';
import type { Instance } from '../reference/mlp';

const LAMBDA = 0.1;
const relu = (v: number[]) => map(v, (t) => Math.max(0, t));

function model(W1: Mat, W2: Mat, x: number[], y: number[]) {
  const z = matvec(W1, x);
  const h = relu(z);
  const o = matvec(W2, h);
  const L = 0.5 * sub(o, y).reduce((s, d) => s + d * d, 0);
  const s = (LAMBDA / 2) * (frob2(W1) + frob2(W2));
  return { z, h, o, L, s, J: L + s };
}
const fwd = (e: Instance) => model(e.W[1], e.W[2], e.x, e.y);
/** ∂J/∂W by central differences of the document's J */
function dJ(e: Instance, which: 1 | 2): Mat {
  const h = 1e-5;
  const W = e.W[which];
  return W.map((row, i) => row.map((_, j) => {
    const bumped = (d: number) => { const M = W.map((r, a) => r.map((v, b) => (a === i && b === j ? v + d : v))); return which === 1 ? model(M, e.W[2], e.x, e.y).J : model(e.W[1], M, e.x, e.y).J; };
    return (bumped(h) - bumped(-h)) / (2 * h);
  }));
}
const dO = (e: Instance) => sub(fwd(e).o, e.y);

export const expectations: Expectation[] = [
  aside(5, '\\lambda = 0.1'),
  definition(17, 'z = W^{(1)} x'),
  definition(19, 'h = \\phi(z)'),
  definition(21, 'o = W^{(2)} h'),
  loss(23, '\\frac{1}{2} \\| o - y \\|^2', ({ e }) => [fwd(e).L, 0.5 * dO(e).reduce((s, d) => s + d * d, 0)]),
  definition(25, 's = \\frac{\\lambda}{2}'),
  definition(27, 'J = L + s'),
  ok(31, '\\frac{\\partial J}{\\partial L} = 1', () => [1, 1]),
  ok(31, '\\frac{\\partial J}{\\partial s} = 1', () => [1, 1]),
  ok(33, '\\frac{\\partial J}{\\partial o} = o - y', ({ e }) => [dO(e), sub(fwd(e).o, e.y)]),
  ok(35, '\\lambda W^{(2)}', ({ e }) => [sub(dJ(e, 2).flat(), outer(dO(e), fwd(e).h).flat()), scaleM(LAMBDA, e.W[2]).flat()]),
  planted(37, '\\frac{\\partial J}{\\partial o} h^\\top', 'drops the penalty term λW^{(2)}', ({ e }) => [dJ(e, 2), outer(dO(e), fwd(e).h)]),
  ok(39, '{W^{(2)}}^\\top \\frac{\\partial J}{\\partial o}', ({ e }) => [matvec(T(e.W[2]), dO(e)), matvec(T(e.W[2]), dO(e))]),
  planted(41, '\\frac{\\partial J}{\\partial z} = {W^{(2)}}^\\top', 'skips the activation: ⊙ φ′(z) is missing', ({ e }) => [had(matvec(T(e.W[2]), dO(e)), map(fwd(e).z, (t) => (t > 0 ? 1 : 0))), matvec(T(e.W[2]), dO(e))]),
  ok(43, '\\frac{\\partial J}{\\partial z} x^\\top + \\lambda W^{(1)}', ({ e }) => [dJ(e, 1), addM(outer(had(matvec(T(e.W[2]), dO(e)), map(fwd(e).z, (t) => (t > 0 ? 1 : 0))), e.x), scaleM(LAMBDA, e.W[1]))]),
];
