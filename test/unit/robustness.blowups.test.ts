// The two documents that never finished (issue 12), pinned at 40 levels:
// unclosed parentheses made the parser re-read every group at every level
// (2^depth), nested sums evaluated the inner sum once per outer term
// (C^depth). Both now end with a located verdict; the mocha timeout is only a
// hang guard, the cost curve is in bench/nesting.bench.ts.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCheck } from '../../src/cli/check';
import { checkDocument } from '../../src/core/check';
import { nestingOverflow } from '../../src/core/check/limits';

/** `L = -y \log (1 - (1 - y) \log (1 - … o^{2}` with every parenthesis left open. */
export function unclosedLogs(levels: number): string {
  return `$$ L = -y \\log ${'(1 - (1 - y) \\log '.repeat(levels)}o^{2} $$\n`;
}

/** `L = \sum_{c=1}^{C} I(y=c) \log \sum_{c=1}^{C} I(y=c) \log … P(c|x)`. */
export function nestedSums(levels: number): string {
  return `$$ L = ${'\\sum_{c=1}^{C} I(y=c) \\log '.repeat(levels)}P(c|x) $$\n`;
}

describe('documents that used to blow up exponentially', function () {
  this.timeout(20000); // a hang guard: the old code took minutes at 30 levels

  it('40 unclosed parentheses: unchecked, pointed at the first parenthesis that is never closed', () => {
    const text = unclosedLogs(40);
    const [claim] = checkDocument(text, { language: 'markdown' }).claims;
    assert.equal(claim.status, 'unchecked');
    assert.match(claim.message, /the parenthesis opened here is never closed/);
    assert.deepEqual(claim.focusRange.start, { line: 0, column: text.indexOf('(') });
    assert.equal(claim.focusRange.end.column - claim.focusRange.start.column, 1, 'the focus is the parenthesis itself');
  });

  it('an unclosed parenthesis after a plain factor is pointed at too', () => {
    const text = '$$ L = y (1 - (1 - y) o^{2} $$\n';
    const [claim] = checkDocument(text, { language: 'markdown' }).claims;
    assert.match(claim.message, /the parenthesis opened here is never closed/);
    assert.equal(claim.focusRange.start.column, text.indexOf('('));
  });

  it('40 nested sums over the classes: each inner sum is evaluated once per instance, and the verdict names the hazard', () => {
    const [claim] = checkDocument(nestedSums(40), { language: 'markdown' }).claims;
    // The innermost I(y=c) log P(c|x) is negative, so the next log is of a negative number.
    assert.equal(claim.status, 'unchecked');
    assert.match(claim.message, /the right side is not finite at sample 1 \(log of a negative number\)/);
  });

  it('a sum whose terms really multiply stops at the evaluation limit with its message', () => {
    // Each inner sum reads the outer indices: 10^4 terms per case, nothing to share.
    const text = '```mlp\ninput 4\ndense 10 tanh\ndense 2 softmax\n```\n\n$$ L = \\sum_{a=1}^{10} \\sum_{b=1}^{10} \\sum_{c=1}^{10} \\sum_{d=1}^{10} z^1_a z^1_b z^1_c z^1_d $$\n';
    const report = checkDocument(text, { language: 'markdown', limits: { evaluationsPerClaim: 5000 } });
    const [claim] = report.claims;
    assert.equal(claim.status, 'unchecked');
    assert.match(claim.message, /this formula needs more than 5,000 evaluations \(the limit per claim\)/);
    assert.equal(claim.focusRange.start.line, 6, 'located at the claim');
  });

  it('the CLI (gradcheck check) finishes both 40-level documents with their messages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradcheck-blowups-'));
    try {
      const files = [join(dir, 'parens.md'), join(dir, 'sums.md')];
      writeFileSync(files[0], unclosedLogs(40));
      writeFileSync(files[1], nestedSums(40));
      let stdout = '';
      const out = { colour: false, write: (t: string) => void (stdout += t) };
      const code = runCheck({ files, json: false }, out, out);
      assert.equal(code, 0, stdout);
      assert.match(stdout, /parens\.md:1 .*the parenthesis opened here is never closed/);
      assert.match(stdout, /sums\.md:1 .*the right side is not finite at sample 1 \(log of a negative number\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('nesting depth of a formula', () => {
  it('counts \\left( \\right) and \\begin{..} \\end{..} as one level each, and reports the offset that goes too deep', () => {
    assert.equal(nestingOverflow('\\left('.repeat(40) + 'x' + '\\right)'.repeat(40), 40), undefined);
    assert.equal(nestingOverflow('\\left('.repeat(41), 40), 40 * '\\left('.length);
    assert.equal(nestingOverflow('\\begin{aligned}x\\end{aligned}'.repeat(50), 1), undefined);
    assert.equal(nestingOverflow('\\begin{a}'.repeat(3), 2), 2 * '\\begin{a}'.length);
    assert.equal(nestingOverflow('{'.repeat(5) + '}'.repeat(5) + '(((', 5), undefined, 'closing brings the depth back');
  });
});
