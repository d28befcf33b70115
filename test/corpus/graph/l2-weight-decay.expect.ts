// 𝒥 = L + λ/2 Σ‖W^l‖², λ = 0.1: the weights' gradient gains λW, the biases' does not.
import { aside, definition, ETA, flatten, forward, layers, loss, ok, planted, step, type Expectation } from '../expect';
import { add, addM, flat, outer, scale, scaleM, sub, type Mat } from '../reference/linalg';
import type { Instance } from '../reference/mlp';

const LAMBDA = 0.1;
const dJdW = (e: Instance, l: number): Mat => addM(e.dW[l], scaleM(LAMBDA, e.W[l]));
const decayed = (e: Instance, l: number, factor: number) => sub(flat(scaleM(factor, e.W[l])), scale(ETA, flatten(outer(e.delta[l], e.a[l - 1]))));

export const expectations: Expectation[] = [
  aside(4, '\\lambda = 0.1'),
  definition(15, '\\mathcal{J} = L + \\frac{\\lambda}{2}'),
  loss(17, 'L = -\\log p_y', ({ e }) => [e.loss, -Math.log(e.a[2][e.label])]),
  forward(18, '\\delta^l = \\partial L / \\partial z^l', ({ e, L }) => layers(1, L, (l) => [e.delta[l], e.delta[l]])),
  ok(20, '\\delta^l (a^{l-1})^T + \\lambda W^l', ({ e, L }) => layers(1, L, (l) => [dJdW(e, l), addM(outer(e.delta[l], e.a[l - 1]), scaleM(LAMBDA, e.W[l]))])),
  planted(22, '\\delta^l + \\lambda b^l', 'penalises the biases, which the objective does not', ({ e, L }) => layers(1, L, (l) => [e.db[l], add(e.delta[l], scale(LAMBDA, e.b[l]))])),
  planted(24, '2 \\lambda W^2', 'differentiates λ/2‖W‖² to 2λW (the ½ forgotten)', ({ e }) => [dJdW(e, 2), addM(outer(sub(e.a[2], e.y), e.a[1]), scaleM(2 * LAMBDA, e.W[2]))]),
  ok(28, 'W^l - \\eta \\left( \\delta^l (a^{l-1})^T + \\lambda W^l \\right)', ({ e, L }) => layers(1, L, (l) => [step(e.W[l], dJdW(e, l)), step(e.W[l], addM(outer(e.delta[l], e.a[l - 1]), scaleM(LAMBDA, e.W[l])))])),
  ok(32, '(1 - \\eta \\lambda) W^l', ({ e, L }) => layers(1, L, (l) => [step(e.W[l], dJdW(e, l)), decayed(e, l, 1 - ETA * LAMBDA)])),
  planted(34, '(1 + \\eta \\lambda) W^l', 'the decay factor grows the weights: sign of ηλ', ({ e, L }) => layers(1, L, (l) => [step(e.W[l], dJdW(e, l)), decayed(e, l, 1 + ETA * LAMBDA)])),
  ok(38, 'b^l - \\eta\\, \\delta^l', ({ e, L }) => layers(1, L, (l) => [step(e.b[l], e.db[l]), step(e.b[l], e.delta[l])])),
];
