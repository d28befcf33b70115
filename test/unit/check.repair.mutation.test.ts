// The repair search against the checker's mutation corpus: every operator of
// helpers/mutate.ts on every correct claim of every example, on the
// examples' own networks and on square networks (where shapes give nothing
// away), and on every correct claim of the formula corpus. For each mutant reported as a mismatch:
//   - the diagnosis must name the corruption that was applied (the kinds
//     each operator may be called are fixed below, before any result): at
//     least 90% of the mutants;
//   - every offered correction must hold: applied to the file and re-checked
//     in the whole document, that claim comes back ok (no exception).
// And the round trip on the unmutated examples: applying every offered
// correction turns each such line ok.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument } from '../../src/core/check';
import { languageOfPath } from '../../src/core/document';
import { applicable, replaceRange, sameClaim } from './helpers/corrections';
import { corpus } from './fixtures/formulas';
import { brokenCorrections, type Diagnosed, diagnoseMutants, named, notNamed, percent, repairTable, SQUARE_NETWORKS } from './helpers/mutants';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const NAMES = readdirSync(EXAMPLES)
  .filter((name) => /\.(md|tex)$/.test(name))
  .sort();
const REQUIRED_NAMED = 0.9;


describe('repairs on the mutation corpus: the diagnosis names the corruption, and every offered correction holds', function () {
  this.timeout(300000);
  const all: Diagnosed[] = [];

  for (const name of NAMES) {
    const language = languageOfPath(name)!;
    it(`${name}: mutants on its own network and on a square network are diagnosed, corrections re-checked`, () => {
      const text = readFileSync(join(EXAMPLES, name), 'utf8');
      const own = diagnoseMutants(name, text, { language, path: `examples/${name}` });
      const square = diagnoseMutants(name, text, { language, network: { text: SQUARE_NETWORKS[name], path: 'square.mlp' } });
      assert.ok(own.length > 0 && square.length > 0);
      all.push(...own, ...square.map((d) => ({ ...d, at: `${d.at} (square)` })));
    });
  }

  it('the formula corpus (test/unit/fixtures/formulas, without user macros), each formula a document on the default network', () => {
    const before = all.length;
    for (const [set, cases] of Object.entries(corpus)) {
      for (const c of cases.filter((x) => !x.macros)) {
        const [text, language] = c.environment ? [`\\begin{${c.environment}}\n${c.latex}\n\\end{${c.environment}}\n`, 'latex' as const] : [`$$${c.latex}$$\n`, 'markdown' as const];
        all.push(...diagnoseMutants(`${set}: ${c.what}`, text, { language }).map((d) => ({ ...d, at: `${set}: ${c.what}` })));
      }
    }
    assert.ok(all.length - before > 100, `only ${all.length - before} corpus mutants`);
  });

  it('every offered correction, applied to the file, turns the mutated claim ok', () => {
    assert.deepEqual(brokenCorrections(all), []);
    assert.ok(all.some((d) => d.afterFix !== undefined));
  });

  it(`the diagnosis names the actual corruption in at least ${100 * REQUIRED_NAMED}% of the mutants (table per operator)`, () => {
    const total = all.filter(named).length;
    console.log(`\n${repairTable(all)}`);
    console.log(`      not named: ${notNamed(all)}`);
    assert.ok(total / all.length >= REQUIRED_NAMED, `named ${total} of ${all.length} (${percent(total, all.length)})`);
  });
});

describe('repairs on the bundled examples: applying every offered correction and re-checking turns each line ok', () => {
  for (const name of NAMES) {
    it(`${name}: every correction applies and holds`, () => {
      const options = { language: languageOfPath(name)!, path: `examples/${name}` };
      const text = readFileSync(join(EXAMPLES, name), 'utf8');
      const fixable = applicable(checkDocument(text, options).claims);
      const fixed = [...fixable].reverse().reduce((t, c) => replaceRange(t, c.correction!.edit!.range, c.correction!.edit!.replacement), text);
      const after = checkDocument(fixed, options).claims;
      for (const claim of fixable) assert.equal(sameClaim(after, claim)?.status, 'ok', `${name}:${claim.rhsRange.start.line + 1} after ${claim.correction!.latex}`);
    });
  }
});
