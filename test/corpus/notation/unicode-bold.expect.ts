import { loss, ok, planted, type Expectation } from '../expect';
import { add, had, map, matvec, outer, sub, T } from '../reference/linalg';
import { activate, derivative } from '../reference/mlp';

const ds = (z: number[]) => derivative('sigmoid', z);

export const expectations: Expectation[] = [
  ok(17, '\\boldsymbol{W}^1 \\boldsymbol{x} + \\boldsymbol{b}^1', ({ e }) => [e.z[1], add(matvec(e.W[1], e.x), e.b[1])]),
  ok(17, 'σ(\\boldsymbol{z}^1)', ({ e }) => [e.a[1], activate('sigmoid', e.z[1])]),
  ok(19, '\\boldsymbol{W}^2 \\boldsymbol{a}^1 + \\boldsymbol{b}^2', ({ e }) => [e.z[2], add(matvec(e.W[2], e.a[1]), e.b[2])]),
  ok(19, '\\operatorname{softmax}(\\boldsymbol{z}^2)', ({ e }) => [e.a[2], activate('softmax', e.z[2])]),
  loss(21, '−\\sum_k y_k \\log p_k', ({ e }) => [e.loss, -Math.log(e.a[2][e.label])]),
  ok(23, 'δ^l = ∂L/∂\\boldsymbol{z}^l', ({ e, L }) => [e.delta.slice(1, L + 1).flat(), e.delta.slice(1, L + 1).flat()]),
  ok(25, '\\boldsymbol{p} − \\boldsymbol{y}', ({ e }) => [e.delta[2], sub(e.a[2], e.y)]),
  ok(27, 'δ^2 (\\boldsymbol{a}^1)^\\top', ({ e }) => [e.dW[2], outer(e.delta[2], e.a[1])]),
  ok(29, '∇_{\\boldsymbol{b}^2} L = δ^2', ({ e }) => [e.db[2], e.delta[2]]),
  ok(31, 'δ^2 ⊙ σ\'(\\boldsymbol{z}^1)', ({ e }) => [e.delta[1], had(matvec(T(e.W[2]), e.delta[2]), ds(e.z[1]))]),
  ok(33, '⊙ \\boldsymbol{a}^1 ⊙ (1 − \\boldsymbol{a}^1)', ({ e }) => [e.delta[1], had(had(matvec(T(e.W[2]), e.delta[2]), e.a[1]), map(e.a[1], (t) => 1 - t))]),
  ok(35, 'δ^1 \\boldsymbol{x}^\\top', ({ e }) => [e.dW[1], outer(e.delta[1], e.x)]),
  planted(37, 'δ^1 ⊙ σ\'(\\boldsymbol{z}^1)', 'applies σ′ a second time: δ¹ already contains it', ({ e }) => [e.db[1], had(e.delta[1], ds(e.z[1]))]),
  ok(39, '(\\boldsymbol{W}^1)^\\top δ^1', ({ e }) => [e.dA[0], matvec(T(e.W[1]), e.delta[1])]),
  planted(41, 'δ^2_i', 'takes the error of the next layer (δ²) for the bias of layer 1', ({ e }) => [e.db[1], e.delta[2].slice(0, e.db[1].length)]),
];
