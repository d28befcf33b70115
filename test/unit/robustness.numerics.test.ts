// Numerical hazards: a side that is not a finite number is neither ✓ nor ✗.
// The case is left out with its reason (which side, which sample, which
// operation); only when every case is such is the claim unchecked. A step of
// central differences across a kink is left out too, never compared.
import assert from 'node:assert/strict';
import { checkDocument } from '../../src/core/check';
import { InstanceContext } from '../../src/core/check/context';
import { Environment } from '../../src/core/check/conventions';
import { evaluateClaim } from '../../src/core/check/evaluate';
import { drawInstance, forward, type Matrix } from '../../src/core/engine';
import { parseFormula } from '../../src/core/math';

const only = (latex: string) => {
  const report = checkDocument(`$$ ${latex} $$\n`, { language: 'markdown' });
  assert.equal(report.claims.length, 1);
  return report.claims[0];
};

describe('numerical hazards in a claim', () => {
  it('log of 0: unchecked, naming the side, the sample and the operation, pointed at that side', () => {
    const claim = only('L = \\log(L - L)');
    assert.equal(claim.status, 'unchecked');
    assert.equal(claim.message, 'not checked: the right side is not finite at sample 1 (log of 0)');
    assert.deepEqual(claim.focusRange.start, { line: 0, column: 7 });
  });

  it('log of a negative number', () => {
    assert.equal(only('L = \\log(-1 - L)').message, 'not checked: the right side is not finite at sample 1 (log of a negative number)');
  });

  it('exp overflow', () => {
    assert.equal(only('L = \\exp(1000 + L)').message, 'not checked: the right side is not finite at sample 1 (exp overflows)');
  });

  it('division by zero', () => {
    assert.equal(only('L = \\frac{L}{L - L}').message, 'not checked: the right side is not finite at sample 1 (division by zero)');
  });

  it('NaN in an intermediate value (0 · ∞) is traced to the operation that overflowed first', () => {
    assert.equal(only('L = 0 \\cdot \\exp(1000)').message, 'not checked: the right side is not finite at sample 1 (exp overflows)');
  });

  it('a power that overflows on the left side', () => {
    const claim = only('10^{400} L = L');
    assert.equal(claim.message, 'not checked: the left side is not finite at sample 1 (a power overflows)');
    assert.deepEqual(claim.focusRange.start, { line: 0, column: 3 }, 'pointed at the left side');
  });

  it('some cases not finite: the verdict comes from the others, and the message says which was left out', () => {
    const claim = only('\\frac{\\partial L}{\\partial z^1_i} \\frac{i - 1}{i - 1} = \\delta^1_i');
    assert.equal(claim.status, 'ok');
    assert.match(claim.message, /; cases left out: the left side is not finite at sample 1, i = 1 \(division by zero\)$/);
  });

  it('the same infinity on both sides is not a mismatch', () => {
    assert.equal(only('\\exp(1000) = \\exp(1001)').status, 'ok');
  });

  it('a derivative by differences across a kink is left out instead of failing', () => {
    const net = { inputSize: 2, layers: [{ units: 2, activation: 'relu' as const }, { units: 2, activation: 'softmax' as const }], loss: 'cross_entropy' as const };
    const contexts = [11, 12, 13].map((seed, s) => {
      const instance = drawInstance(net, seed);
      if (s === 0) {
        // Put z^1_1 exactly on ReLU's kink in the first sample (drawn instances keep away from it).
        const W = instance.params.W[1];
        let wx = 0;
        for (let k = 0; k < W.cols; k++) wx += W.data[k] * instance.x[k];
        instance.params.b[1][0] = -wx;
        const state = forward(net, instance.params, instance.x, instance.label);
        return InstanceContext.of({ ...instance, state }, 0.1);
      }
      return InstanceContext.of(instance, 0.1);
    });
    assert.ok(Math.abs((contexts[0].value('z', 1) as Matrix).data[0]) < 1e-12);
    const [claim] = parseFormula('\\frac{\\partial o^1_1}{\\partial z^1_1} = [z^1_1 > 0]').claims;
    const evaluation = evaluateClaim(claim, new Environment(), contexts);
    // Central differences at the kink give 0.5, which is neither 0 nor 1: without the guard this is a ✗.
    assert.equal(evaluation.status, 'ok');
    assert.ok(evaluation.status === 'ok' && evaluation.skipped.some((s) => /within the finite-difference step of a kink/.test(s)));
  });
});
