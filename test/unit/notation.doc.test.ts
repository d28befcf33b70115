// docs/notation.md is the notation table rendered (it cannot drift), and
// every example it shows is a line GradCheck reads and confirms on the
// default network: the reference promises only what the checker does.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument } from '../../src/core/check';
import { CONSTRUCTS, NOTATION, notationReference } from '../../src/core/notation';

const DOC = join(__dirname, '..', '..', 'docs', 'notation.md');

describe('docs/notation.md', () => {
  it('is exactly the notation table rendered (regenerate with npm run docs:notation)', () => {
    assert.equal(readFileSync(DOC, 'utf8'), notationReference());
  });

  it('names every spelling of every table entry', () => {
    const doc = readFileSync(DOC, 'utf8');
    const missing = NOTATION.flatMap((e) => e.names).filter((name) => !doc.includes(`\`${name}\``));
    assert.deepEqual(missing, []);
  });

  const examples = [...NOTATION.map((e) => ({ what: e.names[0], example: e.example })), ...CONSTRUCTS];
  for (const { what, example } of examples) {
    it(`confirms its example for ${what}: ${example}`, () => {
      const report = checkDocument(`$$${example}$$\n`, { language: 'markdown' });
      assert.ok(report.claims.length > 0, 'no claim read');
      for (const c of report.claims) assert.ok(c.status === 'ok' || c.status === 'definition', `${c.latex}: ${c.status}: ${c.message}`);
    });
  }
});
