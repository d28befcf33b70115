import { ok, planted, type Expectation } from '../expect';
import { add, had, map, matvec, numericJacobian, oneHot, outer, sub, T } from '../reference/linalg';
import { activate, sigmoid } from '../reference/mlp';

const softplus = (v: number[]) => map(v, (t) => Math.log1p(Math.exp(t)));

export const expectations: Expectation[] = [
  ok(13, '\\log(1 + e^{t})', ({ e }) => [activate('softplus', e.z[1]), map(e.z[1], (t) => Math.log(1 + Math.exp(t)))]),
  ok(14, '\\mathbf{W}^{(1)} \\mathbf{x} + \\mathbf{b}^{(1)}', ({ e }) => [e.z[1], add(matvec(e.W[1], e.x), e.b[1])]),
  ok(19, '\\log\\left(1 + \\exp(\\mathbf{z}^{(1)})\\right)', ({ e }) => [e.a[1], softplus(e.z[1])]),
  ok(20, '\\mathbf{W}^{(2)} \\mathbf{h}^{(1)} + \\mathbf{b}^{(2)}', ({ e }) => [e.z[2], add(matvec(e.W[2], e.a[1]), e.b[2])]),
  ok(21, '\\operatorname{softmax}(\\mathbf{z}^{(2)})', ({ e }) => [e.a[2], activate('softmax', e.z[2])]),
  ok(28, '\\hat{\\mathbf{y}} - \\mathbf{e}_y', ({ e }) => [e.delta[2], sub(e.a[2], oneHot(e.label, 3))]),
  ok(29, '\\left(\\mathbf{h}^{(1)}\\right)^{\\top}', ({ e }) => [e.dW[2], outer(e.delta[2], e.a[1])]),
  ok(30, '\\left(\\mathbf{W}^{(2)}\\right)^{\\top} \\frac{\\partial L}{\\partial \\mathbf{z}^{(2)}}', ({ e }) => [e.dA[1], matvec(T(e.W[2]), e.delta[2])]),
  ok(35, '\\frac{1}{1 + e^{-t}}', ({ e }) => [numericJacobian(softplus, e.z[1]).map((r, i) => r[i]), map(e.z[1], sigmoid)]),
  ok(40, '\\odot \\frac{1}{1 + \\exp(-\\mathbf{z}^{(1)})}', ({ e }) => [e.delta[1], had(e.dA[1], map(e.z[1], (t) => 1 / (1 + Math.exp(-t))))]),
  planted(41, '\\textcolor{red}{\\frac{1}{1 + \\exp(\\mathbf{z}^{(1)})', 'drops the minus in exp(−z): σ(−z) instead of σ(z)', ({ e }) => [had(e.dA[1], map(e.z[1], sigmoid)), had(e.dA[1], map(e.z[1], (t) => 1 / (1 + Math.exp(t))))]),
  ok(45, '\\frac{\\partial L}{\\partial \\mathbf{z}^{(1)}} \\, \\mathbf{x}^{\\top}', ({ e }) => [e.dW[1], outer(e.delta[1], e.x)]),
  planted(46, '\\odot \\mathbf{h}^{(1)}', 'multiplies by the softplus output instead of its derivative σ(z)', ({ e }) => [e.db[1], had(e.dA[1], e.a[1])]),
];
