// The hover text is built from the report alone: these tests feed it reports
// from the checker and read the Markdown a person would see.
import * as assert from 'node:assert/strict';
import { checkDocument } from '../../src/core/check';
import { claimHover, escape, layerValues, symbolHover, writtenLayer } from '../../src/extension/hoverText';

const NET = '```mlp\ninput 2\ndense 3 sigmoid\ndense 2 softmax\nloss cross_entropy\nseed 4\n```\n\n';

describe('hover text', () => {
  it('reads the layer a symbol is written with: a number, L, or none for a generic l', () => {
    assert.equal(writtenLayer('\\delta^{2}', '\\delta'), 2);
    assert.equal(writtenLayer('\\delta^2_j', '\\delta'), 2);
    assert.equal(writtenLayer('z^L', 'z'), 'last');
    assert.equal(writtenLayer('o^{l-1}', 'o'), undefined);
    assert.equal(writtenLayer('W^{l+1}', 'W'), undefined);
    assert.equal(writtenLayer('W^{[2]}', 'W'), 2);
    assert.equal(writtenLayer('h^{(L)}', 'h'), 'last');
  });

  it('shows a per-layer table for δ^l whose rows are the report’s δ per layer', () => {
    const report = checkDocument(`${NET}$$\\delta^L = p - \\mathrm{onehot}(y)$$\n`, { language: 'markdown' });
    const delta = report.claims[0].bindings.find((b) => b.symbol === '\\delta')!;
    const text = symbolHover({ ...delta, values: { quantity: 'delta' } }, '\\delta^l', report);
    assert.match(text, /default convention/);
    const rows = text.split('\n').filter((l) => /^\| [12] \|/.test(l));
    assert.equal(rows.length, 2, text);
    const norm1 = Math.hypot(...report.state!.layers[1].delta!);
    assert.equal(Number(rows[0].split('|')[3]), Number(norm1.toPrecision(4)));
  });

  it('says the numbers of a batch document are its first example’s', () => {
    const batchNet = NET.replace('seed 4', 'batch 5\nseed 4');
    const report = checkDocument(`${batchNet}$$Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}$$\n`, { language: 'markdown' });
    const z = report.claims[0].bindings.find((b) => b.symbol === 'Z')!;
    assert.match(symbolHover(z, 'Z^{[2]}', report), /at layer 2 \(2\), first example of a batch of 5/);
  });

  it('shows a concrete layer as its vector: δ^L', () => {
    const report = checkDocument(`${NET}$$\\delta^L = p - \\mathrm{onehot}(y)$$\n`, { language: 'markdown' });
    const delta = report.claims[0].bindings.find((b) => b.symbol === '\\delta')!;
    const text = symbolHover(delta, '\\delta^L', report);
    assert.match(text, /at layer 2 \(2\)/);
    const last = report.state!.layers[2].delta!;
    assert.match(text, new RegExp(`\\| 1 \\| ${escapeRegExp(last[0].toPrecision(4))} \\|`));
  });

  it('shows a matrix by its top-left corner', () => {
    const data = Float64Array.from({ length: 30 }, (_, i) => i);
    const text = layerValues({ data, rows: 5, cols: 6 });
    assert.match(text, /top-left 4×4 corner of 5×6/);
    assert.match(text, /\| \*\*2\*\* \| 6 \| 7 \| 8 \| 9 \|/);
  });

  it('shows a mismatch with both sides, finite differences, error and tolerance', () => {
    const report = checkDocument(`${NET}$$\\frac{\\partial L}{\\partial z^L} = 2 (p - \\mathrm{onehot}(y))$$\n`, { language: 'markdown' });
    const text = claimHover(report.claims[0], report);
    assert.match(text, /✗ does not hold/);
    assert.match(text, /\| entry \| left side \| right side \| finite differences \|/);
    assert.match(text, /tolerance: \|left − right\| ≤ 0\.000001 \+ 0\.00001·\|left\|/);
    const row = text.split('\n').find((l) => /^\| 1 \|/.test(l))!;
    const [, , left, right, fd] = row.split('|').map((c) => Number(c.trim()));
    assert.ok(Math.abs(right - 2 * left) <= 1e-3 * Math.abs(right), `right side is twice the left: ${row}`);
    assert.ok(Math.abs(fd - left) <= 1e-3 * Math.abs(left), `finite differences agree with the true gradient: ${row}`);
  });

  it('escapes Markdown in meanings (P(c|x) must not split a table)', () => {
    assert.equal(escape('P(c|x)'), 'P(c\\|x)');
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
