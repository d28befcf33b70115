// Bad input never crashes a check: documents cut and garbled at random
// (seeded) always come back as a report, with every claim given a verdict.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument } from '../../src/core/check';
import { createRng } from '../../src/core/engine';
import { languageOfPath } from '../../src/core/document/locate';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const SOURCES = readdirSync(EXAMPLES)
  .filter((name) => languageOfPath(name))
  .map((name) => ({ name, text: readFileSync(join(EXAMPLES, name), 'utf8') }));

// Fragments people type half-way, OCR produces, or that stress the spec and the evaluator.
const FRAGMENTS = ['^', '_', '{', '}', '\\frac', '\\sum', '=', '\\partial', 'l', '+1', '^T', '(', ')', '$', '$$', '\\delta', 'z', 'W', '\\left(', '\\\\', '&', ':=', '\\leftarrow', '\ndense 0 relu\n', '\nlet \\x = \n', '\n', 'NaN', '\\log(-1)', '1/0', '```mlp\ninput 99999999\n```'];

describe('checking garbled documents', function () {
  this.timeout(60000);

  it('returns a report for 150 randomly cut and garbled copies of the examples, never an exception', () => {
    const rng = createRng(2026);
    for (let n = 0; n < 150; n++) {
      const source = SOURCES[rng.int(SOURCES.length)];
      let text = source.text;
      for (let edit = 0, edits = 1 + rng.int(5); edit < edits; edit++) {
        const at = rng.int(text.length + 1);
        const r = rng.next();
        if (r < 0.45) text = text.slice(0, at) + FRAGMENTS[rng.int(FRAGMENTS.length)] + text.slice(at);
        else if (r < 0.9) text = text.slice(0, at) + text.slice(at + 1 + rng.int(30));
        else text = text.slice(at);
      }
      const report = checkDocument(text, { language: languageOfPath(source.name)! });
      const s = report.summary;
      assert.equal(s.ok + s.mismatch + s.unchecked + s.definition, report.claims.length, `document ${n} from ${source.name}`);
      for (const claim of report.claims) assert.ok(claim.message.length > 0, `document ${n}: a claim without a message`);
    }
  });

  it('reports a spec over the parameter limit at its line instead of allocating it', () => {
    const report = checkDocument('```mlp\ninput 100000\ndense 100000 relu\ndense 10 softmax\n```\n\n$$\\delta^L = p - \\mathrm{onehot}(y)$$\n', { language: 'markdown' });
    assert.equal(report.network, undefined);
    const limit = report.problems.find((p) => /parameters/.test(p.message))!;
    assert.ok(limit, report.problems.map((p) => p.message).join('\n'));
    assert.equal(report.claims[0].status, 'unchecked');
    assert.match(report.claims[0].message, /network spec of this document has errors/);
  });

  it('reports a formula KaTeX cannot read as a located warning and still checks the rest', () => {
    const report = checkDocument('$$\\frac{\\partial L}{\\partial b^l$$\n\n$$\\frac{\\partial L}{\\partial b^l} = \\delta^l$$\n', { language: 'markdown' });
    assert.equal(report.problems[0].range.start.line, 0);
    assert.equal(report.problems[0].severity, 'warning');
    assert.deepEqual(report.claims.map((c) => c.status), ['ok']);
  });

  it('names both shapes when a product does not fit', () => {
    const report = checkDocument('$$\\frac{\\partial L}{\\partial W^l} = (o^{l-1})^T \\delta^l$$\n', { language: 'markdown' });
    assert.equal(report.claims[0].status, 'mismatch');
    assert.match(report.claims[0].message, /cannot multiply a row vector of \d+ by a vector of \d+/);
  });
});
