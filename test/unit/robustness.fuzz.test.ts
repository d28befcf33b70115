// A fixed-seed sample of the fuzzer (npm run fuzz) inside npm test, and every
// failure the fuzzer has found, replayed. Each sampled document is checked
// in a worker thread with a time budget, as `npm run fuzz` does, so a hang is
// reported as an overrun instead of stalling the suite.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument } from '../../src/core/check';
import { hostileDocuments, type FuzzDocument } from '../fuzz/documents';
import { checkAll, type Outcome } from '../fuzz/pool';

const SAMPLE = 2000;
const REGRESSIONS = join(__dirname, '..', 'fuzz', 'regressions');

describe('fuzzing (fixed-seed sample)', function () {
  this.timeout(180000); // a hang guard for the whole sample; each document has its own budget

  it(`checks ${SAMPLE} hostile documents without an exception, an overrun or a malformed report`, async () => {
    const failures: Outcome[] = [];
    let tried = 0;
    await checkAll(hostileDocuments(SAMPLE, 2026), {
      workers: 2,
      budgetMs: 30000,
      onOutcome: (o) => {
        tried++;
        if (o.error || o.overrun || o.malformed) failures.push(o);
      },
    });
    assert.equal(tried, SAMPLE);
    assert.deepEqual(
      failures.map((f) => `${f.document.origin}: ${f.overrun ? 'over budget' : (f.error ?? f.malformed)}`),
      [],
    );
  });

  for (const name of readdirSync(REGRESSIONS).filter((f) => f.endsWith('.json'))) {
    it(`replays the fuzzer's finding ${name}`, () => {
      const saved = JSON.parse(readFileSync(join(REGRESSIONS, name), 'utf8')) as { found: string; expect: string; document: FuzzDocument };
      const report = checkDocument(saved.document.text, { language: saved.document.language });
      const messages = [...report.problems.map((p) => p.message), ...report.claims.map((c) => c.message)];
      assert.ok(
        messages.some((m) => m.includes(saved.expect)),
        `${saved.found}\nexpected a message containing '${saved.expect}', got:\n${messages.join('\n')}`,
      );
    });
  }
});
