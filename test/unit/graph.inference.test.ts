// Unknown symbols are inferred, never silently assumed (issue 8): the raw
// seed derivation (no spec, OCR damage and all) names what α and s behave
// like, the lines stay unchecked, and a symbol two candidates explain
// equally gets no suggestion.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { reportJson } from '../../src/core/check';
import { SEED_PATH } from './helpers/seed';
import { checkMarkdown } from './helpers/verdicts';

const SEED = readFileSync(SEED_PATH, 'utf8');

describe('graph: unknown symbols inferred from the document’s own claims', function () {
  this.timeout(60000);
  const report = checkMarkdown(SEED);
  const stoppedBy = (symbol: string) => report.claims.filter((c) => c.code === 'unknown-symbol' && c.symbol === symbol);

  it('on the raw seed, says α behaves like z^{L} and s like δ, with the let to add, and leaves those lines unchecked', () => {
    const alpha = stoppedBy('\\alpha');
    const s = stoppedBy('s');
    assert.ok(alpha.length > 0 && s.length > 0);
    for (const c of alpha) {
      assert.equal(c.status, 'unchecked');
      assert.match(c.suggestion ?? '', /behaves like z\^\{L\}.*add `let \\alpha = z\^\{L\}`/);
    }
    for (const c of s) assert.match(c.suggestion ?? '', /behaves like \\delta\^\{e\}.*`let s\^\{e\} = \\delta\^\{e\}`/);
    assert.match(alpha[0].message, /behaves like/);
  });

  it('with the two suggested lets added, the lines they stopped are checked: s_a^e reads as a layer, and the dropped minus is still caught', () => {
    const spec = '~~~mlp\ninput 4\ndense 5 sigmoid\ndense 4 sigmoid\ndense 3 softmax\nloss cross_entropy\nlet \\alpha = z^{L}\nlet s^{e} = \\delta^{e}\n~~~\n';
    const withLets = checkMarkdown(spec + SEED);
    assert.deepEqual(withLets.problems.filter((p) => p.severity === 'error'), []);
    assert.equal(withLets.claims.filter((c) => c.code === 'unknown-symbol' && (c.symbol === '\\alpha' || c.symbol === 's')).length, 0);
    const updates = withLets.claims.filter((c) => /^[wb]\^e \\leftarrow [wb]\^e - \\eta s\^e/.test(c.latex));
    assert.equal(updates.length, 2);
    assert.ok(updates.every((c) => c.status === 'ok'), updates.map((c) => c.message).join(' | '));
    const droppedMinus = withLets.claims.find((c) => c.latex.startsWith('- \\sum_{c=1}^C I(y=c) \\left( \\alpha_c'));
    assert.equal(droppedMinus?.status, 'mismatch');
    assert.ok(withLets.summary.unchecked < report.summary.unchecked, `${withLets.summary.unchecked} unchecked with the lets, ${report.summary.unchecked} without`);
  });

  it('puts the suggestion in the JSON contract, only on the claims that have one', () => {
    const claims = (reportJson(report) as { claims: { suggestion?: string; latex: string }[] }).claims;
    assert.ok(claims.some((c) => c.suggestion?.includes('let \\alpha = z^{L}')));
    assert.ok(claims.some((c) => !('suggestion' in c)));
  });

  it('suggests nothing when two candidates fit equally (θ read as o^L or as z^L of an identity output layer)', () => {
    const text = String.raw`~~~mlp
input 2
dense 3 identity
loss mse
~~~

$$\frac{\partial L}{\partial b^1} = \theta - y$$

$$\frac{\partial L}{\partial W^1} = (\theta - y) x^T$$
`;
    const r = checkMarkdown(text);
    const stopped = r.claims.filter((c) => c.code === 'unknown-symbol');
    assert.ok(stopped.length === 2, JSON.stringify(r.claims.map((c) => c.message)));
    assert.ok(stopped.every((c) => c.suggestion === undefined), stopped.map((c) => c.suggestion).join(' | '));
  });

  it('suggests nothing for a symbol at a layer letter when z^{l} and o^{l} fit equally (identity layers), and o^{l} once a sigmoid tells them apart', () => {
    const doc = (activation: string) => String.raw`~~~mlp
input 2
dense 3 ${activation}
dense 3 ${activation}
dense 2 identity
loss mse
~~~

$$z^{l+1} = W^{l+1} \theta^{l} + b^{l+1}, \quad l = 1, \dots, L-1$$

$$\frac{\partial L}{\partial W^{l+1}} = \delta^{l+1} (\theta^{l})^T, \quad l = 1, \dots, L-1$$
`;
    const tied = checkMarkdown(doc('identity')).claims.filter((c) => c.code === 'unknown-symbol');
    assert.equal(tied.length, 2, JSON.stringify(tied.map((c) => c.message)));
    assert.ok(tied.every((c) => c.suggestion === undefined), tied.map((c) => c.suggestion).join(' | '));
    const apart = checkMarkdown(doc('sigmoid')).claims.filter((c) => c.code === 'unknown-symbol');
    assert.equal(apart.length, 2);
    assert.ok(apart.every((c) => /add `let \\theta\^\{l\} = o\^\{l\}`/.test(c.suggestion ?? '')), apart.map((c) => c.suggestion ?? c.message).join(' | '));
  });
});
