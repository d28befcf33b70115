// What the editor's hovers and quick fixes read from the report: where a
// symbol's numbers are in the first sample's state, the tolerance used, the
// worst sample, and what an unknown symbol probably means.
import * as assert from 'node:assert/strict';
import { checkDocument } from '../../src/core/check';

const check = (text: string) => checkDocument(text, { language: 'markdown' });

describe('report fields the editor reads', () => {
  it('points δ^l at the stored δ (∂L/∂z) by convention, and at ∂L/∂o once the document defines δ^l := ∂L/∂o^l', () => {
    const conventional = check('$$\\delta^L = p - \\mathrm{onehot}(y)$$\n');
    const delta = conventional.claims[0].bindings.find((b) => b.symbol === '\\delta');
    assert.deepEqual(delta?.values, { quantity: 'delta' });

    const redefined = check('$$\\delta^{l} := \\frac{\\partial L}{\\partial o^{l}}$$\n\n$$\\delta^{L} = \\frac{\\partial L}{\\partial o^{L}}$$\n');
    const used = redefined.claims[1].bindings.find((b) => b.symbol === '\\delta');
    assert.match(used!.boundBy, /definition on line 1/);
    assert.deepEqual(used?.values, { quantity: 'dO' });
  });

  it('points a let bound to a concrete layer at that layer', () => {
    const report = check('```mlp\ninput 2\ndense 3 softmax\nlet \\alpha = z^{L}\n```\n\n$$p = \\mathrm{softmax}(\\alpha)$$\n');
    const alpha = report.claims[0].bindings.find((b) => b.symbol === '\\alpha');
    assert.deepEqual(alpha?.values, { quantity: 'z', layer: 'last' });
  });

  it('records the tolerance every claim was compared with, and the worst sample of a claim', () => {
    const report = checkDocument('$$\\delta^L = p - \\mathrm{onehot}(y)$$\n', { language: 'markdown', tolerance: { atol: 1e-7, rtol: 1e-4 } });
    assert.deepEqual(report.tolerance, { atol: 1e-7, rtol: 1e-4 });
    const sample = report.claims[0].worst?.sample;
    assert.ok(sample !== undefined && sample >= 0 && sample < report.samples, `worst sample ${sample} is one of the ${report.samples} instances`);
  });

  it('suggests z^L for an unknown symbol that softmax is applied to, and nothing when it cannot tell', () => {
    const report = check('$$p = \\mathrm{softmax}(\\alpha)$$\n\n$$\\Gamma = p + 1$$\n\n$$p = \\Gamma$$\n');
    assert.equal(report.claims[0].code, 'unknown-symbol');
    assert.equal(report.claims[0].suggestedMeaning, 'z^{L}');
    const unknownGamma = report.claims.find((c) => c.symbol === '\\Gamma' && c.code === 'unknown-symbol');
    assert.equal(unknownGamma?.suggestedMeaning, undefined);
  });

  it('does not report symbols met inside a let body at positions of the formula that uses it', () => {
    const text = '```mlp\ninput 2\ndense 3 softmax\nlet \\alpha = z^{L}\n```\n\n$$\\frac{\\partial L}{\\partial \\alpha_a} = p_a - I(y=a)$$\n';
    const report = check(text);
    const lines = text.split('\n');
    for (const b of report.claims[0].bindings) {
      const written = lines[b.range.start.line].slice(b.range.start.column, b.range.end.column);
      assert.ok(written.replace(/\\s+/g, '').includes(b.symbol.replace(/^\\\\/, '')), `${b.symbol} is written where its range points (found '${written}')`);
    }
  });

  it('passes spec fixes through to the report: sigmod → sigmoid', () => {
    const report = check('```mlp\ninput 3\ndense 4 sigmod\n```\n');
    const problem = report.problems.find((p) => /sigmod/.test(p.message));
    assert.equal(problem?.replacement, 'sigmoid');
  });
});
