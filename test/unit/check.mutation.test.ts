// Mutation test of the checker. For every claim of every bundled example that
// the checker confirms (`ok`) at the document's own seed, the right-hand side
// is corrupted mechanically (helpers/mutate.ts: negate, flip a sign, drop a
// transpose, shift a layer index, scale by 2, swap two free indices), the
// whole document is checked again, and the corrupted claim must come back as
// `mismatch`: at least 95% of all mutants overall. A mutant that comes back
// `ok`, `unchecked`, `definition`, or disappears (no claim at that place any
// more) is NOT caught.
//
// Exclusions, fixed before any result was looked at: a sign or scale mutant
// (negate, flip-sign, scale-by-2) of a right side whose value is exactly 0 in
// every entry at the worst case the checker reports would still be true, so it
// is excluded and listed. No other mutant is excluded.
//
// The other half: the uncorrupted examples are checked with seeds 1–20, and a
// claim that is `ok` at the document's seed must never be a `mismatch`.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument, type ClaimReport, type DocumentReport } from '../../src/core/check';
import { languageOfPath } from '../../src/core/document/locate';
import type { Range } from '../../src/core/source';
import { dropTransposes, flipSign, mutations, OPERATORS, shiftLayer, swapIndices, type Mutation, type Operator } from './helpers/mutate';
import { SQUARE_NETWORKS } from './helpers/mutants';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const NAMES = readdirSync(EXAMPLES)
  .filter((name) => /\.(md|tex)$/.test(name))
  .sort();
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const REQUIRED_CATCH_RATE = 0.95;
const SIGN_OR_SCALE: ReadonlySet<Operator> = new Set(['negate', 'flip-sign', 'scale-by-2']);

interface Example {
  readonly name: string;
  readonly text: string;
  readonly lines: readonly string[];
  readonly report: DocumentReport;
}

function check(name: string, text: string, seed?: number): DocumentReport {
  return checkDocument(text, { language: languageOfPath(name)!, path: `examples/${name}`, ...(seed !== undefined ? { seed } : {}) });
}

function load(name: string): Example {
  const text = readFileSync(join(EXAMPLES, name), 'utf8');
  return { name, text, lines: text.split('\n'), report: check(name, text) };
}

/** The source text of a range that lies on one line. */
function oneLine(lines: readonly string[], range: Range): string {
  assert.equal(range.start.line, range.end.line, `range ${JSON.stringify(range)} spans several lines`);
  return lines[range.start.line].slice(range.start.column, range.end.column);
}

const where = (example: Example, claim: ClaimReport) => `${example.name}:${claim.rhsRange.start.line + 1}`;

interface Outcome {
  readonly at: string;
  readonly lhs: string;
  readonly mutation: Mutation;
  /** The mutated claim's verdict, or 'missing' when no claim sits at its place any more. */
  readonly status: ClaimReport['status'] | 'missing';
  readonly detail: string;
}

/** The document with one claim's right side replaced; that claim's verdict in the re-check. */
function recheck(example: Example, claim: ClaimReport, mutation: Mutation): Outcome {
  const { line, column } = claim.rhsRange.start;
  const lines = [...example.lines];
  lines[line] = lines[line].slice(0, column) + mutation.rhs + lines[line].slice(claim.rhsRange.end.column);
  const lhs = oneLine(example.lines, claim.lhsRange);
  const report = check(example.name, lines.join('\n'));
  const found = report.claims.filter(
    (c) => c.rhsRange.start.line === line && c.rhsRange.start.column === column && c.lhsRange.start.line === c.lhsRange.end.line && oneLine(lines, c.lhsRange) === lhs,
  );
  assert.ok(found.length <= 1, `${where(example, claim)}: ${found.length} claims match the mutated one`);
  const mutated = found[0];
  const problems = report.problems.filter((p) => p.range.start.line === line).map((p) => p.message);
  const detail = mutated ? `${mutated.status}${mutated.diagnosis ? ` (${mutated.diagnosis})` : ''}: ${mutated.message}` : `no claim here; problems: ${problems.join('; ') || 'none'}`;
  return { at: where(example, claim), lhs, mutation, status: mutated ? mutated.status : 'missing', detail };
}

function isExactlyZero(claim: ClaimReport): boolean {
  const rhs = claim.worst?.rhs;
  return rhs !== undefined && rhs.length > 0 && rhs.every((v) => v === 0);
}

function pad(cells: readonly (string | number)[], widths: readonly number[]): string {
  return cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
}

const percent = (num: number, den: number) => (den === 0 ? '—' : `${((100 * num) / den).toFixed(1)}%`);

describe('checker mutation test: corrupted correct claims are mismatches, correct claims never are', function () {
  this.timeout(60000);
  const examples = new Map<string, Example>();
  const outcomes: Outcome[] = [];
  const excluded: string[] = [];
  const seedRuns: { name: string; claims: number; mismatches: string[]; others: string[] }[] = [];

  const example = (name: string) => {
    if (!examples.has(name)) examples.set(name, load(name));
    return examples.get(name)!;
  };
  const correct = (e: Example) => e.report.claims.filter((c) => c.status === 'ok');

  it('finds the five bundled examples, each with correct claims to corrupt', () => {
    assert.deepEqual(NAMES, ['backprop.tex', 'cs231n-relu.md', 'nielsen-bp.md', 'softmax-mlp.vi.md', 'vectorised-batch.md']);
    for (const name of NAMES) assert.ok(correct(example(name)).length > 0, name);
  });

  for (const name of NAMES) {
    it(`${name}: every mutant of every correct claim's right side (on one line) is re-checked in the whole document`, () => {
      const e = example(name);
      const depth = e.report.network!.layers.length - 1;
      for (const claim of correct(e)) {
        const rhs = oneLine(e.lines, claim.rhsRange);
        oneLine(e.lines, claim.lhsRange);
        for (const mutation of mutations(rhs, depth)) {
          assert.notEqual(mutation.rhs, rhs);
          if (SIGN_OR_SCALE.has(mutation.operator) && isExactlyZero(claim)) {
            excluded.push(`${where(e, claim)} ${mutation.operator}: ${rhs} is exactly 0`);
            continue;
          }
          outcomes.push(recheck(e, claim, mutation));
        }
      }
    });
  }

  it(`reports at least ${100 * REQUIRED_CATCH_RATE}% of the mutants as mismatch, every operator applied (table per operator)`, () => {
    for (const op of OPERATORS) assert.ok(outcomes.some((o) => o.mutation.operator === op), `${op} never applied`);
    const widths = [16, 8, 7, 7];
    const rows = [pad(['operator', 'applied', 'caught', 'rate'], widths)];
    for (const op of OPERATORS) {
      const mine = outcomes.filter((o) => o.mutation.operator === op);
      const caught = mine.filter((o) => o.status === 'mismatch').length;
      rows.push(pad([op, mine.length, caught, percent(caught, mine.length)], widths));
    }
    const caught = outcomes.filter((o) => o.status === 'mismatch').length;
    rows.push(pad(['all', outcomes.length, caught, percent(caught, outcomes.length)], widths));
    const missed = outcomes.filter((o) => o.status !== 'mismatch');
    console.log(`\n      mutation test over ${NAMES.length} examples:\n${rows.map((r) => `        ${r}`).join('\n')}`);
    console.log(`      excluded before checking (sign/scale of an exactly-zero right side): ${excluded.length === 0 ? 'none' : `\n${excluded.map((x) => `        ${x}`).join('\n')}`}`);
    console.log(
      `      not caught: ${missed.length === 0 ? 'none' : `\n${missed.map((o) => `        ${o.at} ${o.mutation.operator} [${o.mutation.change}] ${o.lhs} = ${o.mutation.rhs}\n          → ${o.detail}`).join('\n')}`}`,
    );
    assert.ok(caught / outcomes.length >= REQUIRED_CATCH_RATE, `caught ${caught} of ${outcomes.length} mutants (${percent(caught, outcomes.length)})`);
  });

  for (const name of NAMES) {
    it(`${name}: no claim that is ok at the document's seed is a mismatch at any of seeds 1–20`, () => {
      const e = example(name);
      const okAt = e.report.claims.map((c, i) => (c.status === 'ok' ? i : -1)).filter((i) => i >= 0);
      const mismatches: string[] = [];
      const others: string[] = [];
      for (const seed of SEEDS) {
        const report = check(name, e.text, seed);
        assert.equal(report.claims.length, e.report.claims.length, `seed ${seed}: a different number of claims`);
        for (const i of okAt) {
          const c = report.claims[i];
          assert.equal(c.latex, e.report.claims[i].latex);
          if (c.status === 'mismatch') mismatches.push(`seed ${seed} ${where(e, c)} ${c.latex}: ${c.message}`);
          else if (c.status !== 'ok') others.push(`seed ${seed} ${where(e, c)} ${c.status}: ${c.message}`);
        }
      }
      seedRuns.push({ name, claims: okAt.length, mismatches, others });
      assert.deepEqual(mismatches, []);
    });
  }

  it('the mismatch rate of correct claims across 20 seeds is 0', () => {
    assert.equal(seedRuns.length, NAMES.length);
    const cases = seedRuns.reduce((n, r) => n + r.claims * SEEDS.length, 0);
    const mismatches = seedRuns.reduce((n, r) => n + r.mismatches.length, 0);
    const others = seedRuns.flatMap((r) => r.others);
    console.log(`\n      originals over seeds 1–20: ${mismatches} mismatches in ${cases} (claim, seed) cases (${percent(mismatches, cases)})`);
    // Not a failure, but worth seeing: a correct claim that some seed cannot check.
    console.log(`      neither ok nor mismatch at some seed: ${others.length === 0 ? 'none' : `\n${others.map((x) => `        ${x}`).join('\n')}`}`);
    assert.equal(mismatches, 0);
  });
});

describe('mutation operators: the textual rules the mutation test applies', () => {
  it('flip-sign changes the first top-level + or -, deleting a leading minus, never one inside a group or a script', () => {
    assert.equal(flipSign('w^l a^{l-1} + b^l')?.rhs, 'w^l a^{l-1} - b^l');
    assert.equal(flipSign('-\\alpha_y + \\log \\sum_{c=1}^{C} e^{\\alpha_c}')?.rhs, '\\alpha_y + \\log \\sum_{c=1}^{C} e^{\\alpha_c}');
    assert.equal(flipSign('\\sigma(z)(1 - \\sigma(z))'), undefined);
    assert.equal(flipSign('\\max(0, W^1 x + b^1)'), undefined);
  });

  it('drop-transpose deletes each ^T, ^{T}, ^\\top separately and nothing else', () => {
    assert.deepEqual(
      dropTransposes('(W^{l+1})^T \\delta^{l+1} + A^{T} B^\\top x^{\\top}').map((m) => m.rhs),
      ['(W^{l+1}) \\delta^{l+1} + A^{T} B^\\top x^{\\top}', '(W^{l+1})^T \\delta^{l+1} + A B^\\top x^{\\top}', '(W^{l+1})^T \\delta^{l+1} + A^{T} B x^{\\top}', '(W^{l+1})^T \\delta^{l+1} + A^{T} B^\\top x'],
    );
    assert.deepEqual(dropTransposes('e^{T_1} + t^2'), []);
  });

  it('shift-layer moves the first layer superscript by one and leaves powers and sum bounds alone', () => {
    assert.equal(shiftLayer('\\sigma(z^l)', 3)?.rhs, '\\sigma(z^{l+1})');
    assert.equal(shiftLayer('a^{l-1}_k \\delta^l_j', 3)?.rhs, 'a^{l}_k \\delta^l_j');
    assert.equal(shiftLayer('((w^{l+1})^T \\delta^{l+1})', 3)?.rhs, '((w^{l})^T \\delta^{l+1})');
    assert.equal(shiftLayer('a^L - y', 2)?.rhs, 'a^{L-1} - y');
    assert.equal(shiftLayer('\\tanh(W^{(1)} x + b^{(1)})', 2)?.rhs, '\\tanh(W^{(2)} x + b^{(1)})');
    assert.equal(shiftLayer('W^2 h + b^2', 2)?.rhs, 'W^{1} h + b^2');
    assert.equal(shiftLayer('W - \\eta \\nabla_{W^{(1)}} L', 2)?.rhs, 'W - \\eta \\nabla_{W^{(2)}} L');
    assert.equal(shiftLayer('1 - (h^{1})^2 + \\tanh(z)^2 + \\sum_{c=1}^{C} e^{\\alpha_c}', 2)?.rhs, '1 - (h^{2})^2 + \\tanh(z)^2 + \\sum_{c=1}^{C} e^{\\alpha_c}');
    assert.equal(shiftLayer('(h)^2 + \\tanh^2 + \\sum_{k=1}^{L} x_k', 2), undefined);
  });

  it('swap-indices exchanges the first two free subscript indices, never a summed index or the label y', () => {
    assert.equal(swapIndices('a^{l-1}_k \\delta^l_j')?.rhs, 'a^{l-1}_j \\delta^l_k');
    assert.equal(swapIndices('w_{jk} x_k')?.rhs, 'w_{kj} x_j');
    assert.equal(swapIndices('\\frac{e^{\\alpha_a}}{\\sum_c e^{\\alpha_c}}'), undefined);
    assert.equal(swapIndices('\\alpha_y - p_a'), undefined);
    assert.equal(swapIndices('\\nabla_a C \\odot z_j'), undefined);
  });
});


describe('checker mutation test on square networks: mutants caught by the numbers, not by shapes', function () {
  this.timeout(60000);
  for (const name of NAMES) {
    it(`${name}: every mutant of every correct claim is a mismatch when all layers have the same width`, () => {
      const text = readFileSync(join(EXAMPLES, name), 'utf8');
      const lines = text.split('\n');
      const options = { language: languageOfPath(name)!, network: { text: SQUARE_NETWORKS[name], path: 'square.mlp' } };
      const report = checkDocument(text, options);
      const missed: string[] = [];
      let applied = 0;
      for (const claim of report.claims.filter((c) => c.status === 'ok')) {
        const rhs = oneLine(lines, claim.rhsRange);
        const { line, column } = claim.rhsRange.start;
        for (const mutation of mutations(rhs, report.network!.layers.length - 1)) {
          const mutated = [...lines];
          mutated[line] = mutated[line].slice(0, column) + mutation.rhs + mutated[line].slice(claim.rhsRange.end.column);
          const found = checkDocument(mutated.join('\n'), options).claims.find((c) => c.rhsRange.start.line === line && c.rhsRange.start.column === column);
          applied++;
          if (found?.status !== 'mismatch') missed.push(`${name}:${line + 1} ${mutation.operator}: ${mutation.rhs} → ${found?.status ?? 'no claim'}`);
        }
      }
      console.log(`      ${name}: ${applied - missed.length} of ${applied} mutants caught on a square network`);
      assert.ok(applied > 0);
      assert.ok(missed.length <= 0.05 * applied, missed.join('\n'));
    });
  }
});
