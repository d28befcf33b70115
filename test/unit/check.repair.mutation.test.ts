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
import { checkDocument, type CheckOptions, type ClaimReport, type DiagnosisKind } from '../../src/core/check';
import { languageOfPath } from '../../src/core/document';
import { applicable, replaceRange, sameClaim } from './helpers/corrections';
import { corpus } from './fixtures/formulas';
import { mutations, OPERATORS, type Operator } from './helpers/mutate';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const NAMES = readdirSync(EXAMPLES)
  .filter((name) => /\.(md|tex)$/.test(name))
  .sort();
const REQUIRED_NAMED = 0.9;

/** What a diagnosis may call each corruption. */
const NAMES_FOR: Readonly<Record<Operator, readonly DiagnosisKind[]>> = {
  negate: ['sign'],
  'flip-sign': ['sign', 'term-sign'],
  'drop-transpose': ['transpose-missing', 'outer-product-order', 'transposed'],
  'shift-layer': ['layer-index', 'activation-derivative-layer'],
  'scale-by-2': ['constant-factor'],
  'swap-indices': ['indices-swapped'],
};

/** Same networks as the checker's mutation test: every layer as wide as the next. */
const SQUARE_NETWORKS: Readonly<Record<string, string>> = {
  'softmax-mlp.vi.md': 'input 4\ndense 4 sigmoid\ndense 4 sigmoid\ndense 4 softmax\nlet \\alpha = z^{L}\n',
  'nielsen-bp.md': 'input 3\ndense 3 sigmoid\ndense 3 sigmoid\nloss mse\n',
  'cs231n-relu.md': 'input 4\ndense 4 relu\ndense 4 softmax\nlet h = o^{1}\nlet s = z^{2}\n',
  'backprop.tex': 'input 3\ndense 3 tanh\ndense 3 softmax\n',
};

interface Diagnosed {
  readonly at: string;
  readonly operator: Operator;
  readonly mutated: string;
  readonly claim: ClaimReport;
  /** The corrected claim's verdict after applying the correction to the file, when one was offered. */
  readonly afterFix?: string;
}

function oneLine(text: string, claim: ClaimReport): string | undefined {
  const { start, end } = claim.rhsRange;
  return start.line === end.line ? text.split('\n')[start.line].slice(start.column, end.column) : undefined;
}

/** Every mismatch the mutants of one document produce, each with its correction re-checked. */
function diagnoseMutants(name: string, text: string, options: CheckOptions): Diagnosed[] {
  const report = checkDocument(text, options);
  const out: Diagnosed[] = [];
  for (const claim of report.claims.filter((c) => c.status === 'ok')) {
    const rhs = oneLine(text, claim);
    if (rhs === undefined) continue;
    for (const mutation of mutations(rhs, report.network!.layers.length - 1)) {
      const mutatedText = replaceRange(text, claim.rhsRange, mutation.rhs);
      const found = sameClaim(checkDocument(mutatedText, options).claims, claim);
      if (found?.status !== 'mismatch') continue;
      const edit = found.correction?.edit;
      const afterFix = edit ? sameClaim(checkDocument(replaceRange(mutatedText, edit.range, edit.replacement), options).claims, claim) : undefined;
      out.push({ at: `${name}:${claim.rhsRange.start.line + 1}`, operator: mutation.operator, mutated: mutation.rhs, claim: found, afterFix: edit ? (afterFix ? `${afterFix.status}: ${afterFix.message}` : 'no claim') : undefined });
    }
  }
  return out;
}

const percent = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;

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
    const broken = all.filter((d) => d.afterFix !== undefined && !d.afterFix.startsWith('ok'));
    assert.deepEqual(
      broken.map((d) => `${d.at} ${d.operator} ${d.mutated} → fix ${d.claim.correction?.edit?.replacement}: ${d.afterFix}`),
      [],
    );
    assert.ok(all.some((d) => d.afterFix !== undefined));
  });

  it(`the diagnosis names the actual corruption in at least ${100 * REQUIRED_NAMED}% of the mutants (table per operator)`, () => {
    const named = (d: Diagnosed) => d.claim.diagnosisKind !== undefined && NAMES_FOR[d.operator].includes(d.claim.diagnosisKind);
    const rows = OPERATORS.map((op) => {
      const mine = all.filter((d) => d.operator === op);
      const ok = mine.filter(named).length;
      const fixed = mine.filter((d) => d.afterFix?.startsWith('ok')).length;
      return `        ${op.padEnd(16)}${String(mine.length).padStart(8)}${String(ok).padStart(8)}${String(fixed).padStart(8)}  ${mine.length ? percent(ok, mine.length) : '—'}`;
    });
    const total = all.filter(named).length;
    const wrong = all.filter((d) => !named(d)).map((d) => `        ${d.at} ${d.operator} ${d.mutated}\n          → ${d.claim.diagnosisKind}: ${d.claim.diagnosis}`);
    console.log(`\n        ${'operator'.padEnd(16)}${'mutants'.padStart(8)}${'named'.padStart(8)}${'fixed'.padStart(8)}  rate\n${rows.join('\n')}`);
    console.log(`        ${'all'.padEnd(16)}${String(all.length).padStart(8)}${String(total).padStart(8)}${String(all.filter((d) => d.afterFix?.startsWith('ok')).length).padStart(8)}  ${percent(total, all.length)}`);
    console.log(`      not named: ${wrong.length === 0 ? 'none' : `\n${wrong.join('\n')}`}`);
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
