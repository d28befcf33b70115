// Issue 8's inference measurement, held to a ratchet: with the corpus's
// `let` lines removed, at least as many removed meanings are suggested back as
// inference-baseline.json records, and never a wrong one. The measurement is
// itself tested on constructed documents, so a count can only move for a reason.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENTS } from './documents';
import { inferenceTable, inferenceTotals, measureInference, measureInferenceOf, withoutLets } from './inference';
import { CORPUS_DIR } from './measure';

const BASELINE_FILE = join(CORPUS_DIR, 'inference-baseline.json');
const UPDATE = process.env.GRADCHECK_UPDATE_CORPUS_BASELINE === '1';

/** A 3-4-2 network (sigmoid hidden layer, identity output, mse) with one `let`, then display claims. */
const documentWith = (lets: string, claims: readonly string[]): string =>
  `~~~mlp\ninput 3\ndense 4 sigmoid\ndense 2 identity\nloss mse\n${lets}\n~~~\n\n${claims.map((c) => `$$${c}$$`).join('\n\n')}\n`;

describe('inference measurement: the corpus with its let lines removed', function () {
  this.timeout(120000);

  it('removes only the let lines of a spec and keeps every line number', () => {
    const text = '~~~mlp\ninput 2\nlet \\alpha = z^{L}   # logits\ndense 2 softmax\n~~~\n$$\\alpha_y$$\n';
    const { text: without, removed } = withoutLets(text);
    assert.deepEqual(removed, [{ symbol: '\\alpha', expression: 'z^{L}' }]);
    assert.equal(without.split('\n').length, text.split('\n').length);
    assert.deepEqual(without.split('\n').filter((l, i) => l !== text.split('\n')[i]), ['# let removed for the inference measurement']);
  });

  it('counts a removed meaning suggested back as right', () => {
    // θ is the sigmoid layer's activation: only o^{1} makes both claims hold (z^{1} differs by the sigmoid).
    const text = documentWith('let \\theta = o^{1}', [String.raw`z^2 = W^2 \theta + b^2`, String.raw`\frac{\partial L}{\partial W^2} = (o^2 - y) \theta^T`]);
    assert.deepEqual(measureInferenceOf('theta.md', text).removed, [{ let: 'let \\theta = o^{1}', outcome: 'right' }]);
  });

  it('counts a tie between two candidates as none, never as a suggestion', () => {
    // On the identity output z^{L} and o^{L} are the same numbers: θ − y fits both equally.
    const fitsBoth = String.raw`\theta - y`;
    const text = documentWith('let \\theta = z^{L}', [String.raw`\frac{\partial L}{\partial b^2} = ${fitsBoth}`, String.raw`\frac{\partial L}{\partial W^2} = (${fitsBoth}) (o^1)^T`]);
    const r = measureInferenceOf('theta.md', text);
    assert.deepEqual(r.removed, [{ let: 'let \\theta = z^{L}', outcome: 'none' }]);
  });

  it('counts a let the reader does not need (a subscript layer it reads anyway) as not needed', () => {
    const text = documentWith('let W_2 = W^{2}', [String.raw`\frac{\partial L}{\partial b^2} = o^2 - y`, String.raw`\frac{\partial L}{\partial o^1} = W_2^T (o^2 - y)`]);
    assert.deepEqual(measureInferenceOf('w2.md', text).removed, [{ let: 'let W_2 = W^{2}', outcome: 'not needed' }]);
  });

  it('suggests no wrong meaning anywhere in the corpus, and at least the baseline’s right ones', () => {
    const results = DOCUMENTS.map(measureInference);
    const totals = inferenceTotals(results);
    console.log(`\n${inferenceTable(results)}`);
    const baseline = JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as { right: number; removed: number };
    if (UPDATE) {
      writeFileSync(BASELINE_FILE, `${JSON.stringify({ removed: totals.removed, right: totals.right }, null, 2)}\n`);
      console.log(`inference baseline written to ${BASELINE_FILE}`);
      return;
    }
    assert.equal(totals.wrong, 0, 'a wrong suggestion: the checker told an author to bind a symbol to what the document does not mean');
    assert.ok(totals.right >= baseline.right, `${totals.right} removed meanings suggested back, the baseline has ${baseline.right}`);
    if (totals.right > baseline.right) console.log(`inference improved (${totals.right} right, baseline ${baseline.right}): record it with GRADCHECK_UPDATE_CORPUS_BASELINE=1 npm run test:unit`);
  });
});
