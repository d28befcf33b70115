// The repair search on the notation corpus (test/corpus/notation, 14 documents
// in many notations) and, reported separately, on issue 8's graph set
// (test/corpus/graph): every operator of helpers/mutate.ts on the right side of
// every single-line claim the checker reports ok, the whole document
// re-checked. For each mutant reported as a mismatch:
//   - the diagnosis must name the corruption that was applied (the same
//     operator → kinds table as check.repair.mutation.test.ts, helpers/mutants.ts);
//   - every offered correction must hold: applied to the document text and
//     re-checked, that claim comes back ok (no exception).
// Every mutant is checked (no sampling; about 45 s on a slow 2-core machine).
// The notation set is held to the 90% (measured 2026-11-29: 418 of 440
// = 95.0%); the graph set too, since corrected claims are re-read under the
// document's conventions (layer subscripts, layer letters, biases as weight 0)
// like its own claims (measured 2026-11-29: 130 of 137 = 94.9%). Raise the
// floor when the rate rises.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { languageOfPath } from '../../src/core/document';
import { DOCUMENTS } from '../corpus/documents';
import { brokenCorrections, diagnose, type Diagnosed, mutantsOf, named, notNamed, percent, repairTable } from './helpers/mutants';
import type { Operator } from './helpers/mutate';

const CORPUS = join(__dirname, '..', 'corpus');

/** The floor on the named rate per set: issue 11's 90%, or a ratchet at the measured rate where that is lower. */
const REQUIRED_NAMED: Readonly<Record<'notation' | 'graph', number>> = { notation: 0.9, graph: 0.9 };

for (const set of ['notation', 'graph'] as const) {
  describe(`repairs on the ${set} corpus (test/corpus/${set}): the diagnosis names the corruption, and every offered correction holds`, function () {
    // A budget against hangs, not a speed assertion (speed is bench/'s): a batch document's mutants each
    // re-check a graph differentiated by differences (cs231n-batch.md: 91 s at load 3 on the shared 2-core machine
    // after perf8's speed-up, over 120 s at load 7 before it).
    this.timeout(600000);
    const all: Diagnosed[] = [];
    const made = new Map<Operator, number>();

    for (const doc of DOCUMENTS.filter((d) => d.set === set)) {
      it(`${doc.file}: each mutant of each ok claim is re-checked, and each offered correction applied and re-checked`, () => {
        const text = readFileSync(join(CORPUS, doc.file), 'utf8');
        const options = { language: languageOfPath(doc.file)!, path: `test/corpus/${doc.file}` };
        for (const mutant of mutantsOf(doc.file, text, options)) {
          made.set(mutant.operator, (made.get(mutant.operator) ?? 0) + 1);
          const diagnosed = diagnose(mutant, options);
          if (diagnosed) all.push(diagnosed);
        }
      });
    }

    it('every offered correction, applied to the document, turns the mutated claim ok', () => {
      assert.deepEqual(brokenCorrections(all), []);
      assert.ok(all.some((d) => d.afterFix !== undefined), 'no correction was offered at all');
    });

    it(`the diagnosis names the actual corruption in at least ${(100 * REQUIRED_NAMED[set]).toFixed(1)}% of the caught mutants (table per operator)`, () => {
      const total = all.filter(named).length;
      console.log(`\n${repairTable(all, made)}`);
      console.log(`      not named: ${notNamed(all)}`);
      assert.ok(all.length > 0, 'no mutant came back a mismatch');
      assert.ok(total / all.length >= REQUIRED_NAMED[set], `named ${total} of ${all.length} (${percent(total, all.length)})`);
    });
  });
}
