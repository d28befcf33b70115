// The notation corpus (issues 7 and 8): every claim of every document has an
// intended verdict computed by an independent reference MLP; the checker is
// measured against it and held to a ratchet (baseline.json) so that no
// document ever gets worse.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENTS } from './documents';
import { withoutLets } from './inference';
import { flatten, type Case } from './expect';
import { baselineOf, CORPUS_DIR, measureDocument, missKey, usesOwnSpec, readDocument, table, totals, type BaselineEntry, type DocumentResult } from './measure';
import { relError, ShapeError } from './reference/linalg';
import { drawBatch, forwardFrom, lossOf, networkOf, type Net } from './reference/mlp';

const BASELINE_FILE = join(CORPUS_DIR, 'baseline.json');
const UPDATE = process.env.GRADCHECK_UPDATE_CORPUS_BASELINE === '1';
const SEEDS = [101, 202, 303];
const squash = (s: string): string => s.replace(/\s+/g, '');

function casesOf(net: Net): Case[] {
  return SEEDS.map((seed) => {
    const batch = drawBatch(net, seed);
    return { net, e: batch[0], batch, L: net.sizes.length - 1 };
  });
}

/** Largest relative error between the two sides over the instances; Infinity when the shapes do not fit. */
function worstError(ref: (c: Case) => readonly unknown[], cases: readonly Case[]): number {
  let worst = 0;
  for (const c of cases) {
    try {
      const [u, v] = ref(c) as [Parameters<typeof flatten>[0], Parameters<typeof flatten>[0]];
      worst = Math.max(worst, relError(flatten(u), flatten(v)));
    } catch (error) {
      if (error instanceof ShapeError) return Infinity;
      throw error;
    }
  }
  return worst;
}

describe('notation corpus: the reference implementation agrees with itself', () => {
  it('lists every document file of test/corpus/notation and test/corpus/graph in documents.ts', () => {
    const onDisk = ['notation', 'graph'].flatMap((dir) => readdirSync(join(CORPUS_DIR, dir)).filter((f) => /\.(md|tex)$/.test(f)).map((f) => `${dir}/${f}`));
    assert.deepEqual(onDisk.sort(), DOCUMENTS.map((d) => d.file).sort());
  });

  it('the reference backward pass equals central finite differences of the reference loss (dW, db, δ) on every corpus network', () => {
    for (const doc of DOCUMENTS) {
      const net = networkOf(readDocument(doc.file));
      const e = drawBatch(net, 7)[0];
      const lossWith = (W = e.W, b = e.b) => {
        const { a } = forwardFrom(net, W, b, 0, e.x);
        return lossOf(net, a[e.L], e.y, e.label);
      };
      const h = 1e-6;
      for (let l = 1; l <= e.L; l++) {
        const bump = (db: number) => e.W.map((M, m) => (m === l ? M.map((r, j) => r.map((w, k) => (j === 0 && k === 0 ? w + db : w))) : M));
        const fdW = (lossWith(bump(h)) - lossWith(bump(-h))) / (2 * h);
        assert.ok(Math.abs(fdW - e.dW[l][0][0]) < 1e-6, `${doc.file}: dW^${l}_00 ${e.dW[l][0][0]} vs ${fdW}`);
        const bumpB = (d: number) => e.b.map((v, m) => (m === l ? v.map((x, j) => (j === 0 ? x + d : x)) : v));
        const fdB = (lossWith(e.W, bumpB(h)) - lossWith(e.W, bumpB(-h))) / (2 * h);
        assert.ok(Math.abs(fdB - e.db[l][0]) < 1e-6, `${doc.file}: db^${l}_0`);
        const lossFromZ = (d: number) => {
          const z = e.z[l].map((t, j) => (j === 0 ? t + d : t));
          const { a } = forwardFrom(net, e.W, e.b, l, z);
          return lossOf(net, a[e.L], e.y, e.label);
        };
        assert.ok(Math.abs((lossFromZ(h) - lossFromZ(-h)) / (2 * h) - e.delta[l][0]) < 1e-6, `${doc.file}: δ^${l}_0`);
      }
    }
  });

  for (const doc of DOCUMENTS) {
    it(`${doc.file}: every expectation sits on its line, and the reference confirms each ok line and each planted mistake`, () => {
      const lines = readDocument(doc.file).split('\n');
      const cases = casesOf(networkOf(readDocument(doc.file)));
      for (const e of doc.expect) {
        const where = `${doc.file}:${e.line} ${e.has}`;
        assert.ok(squash(lines[e.line - 1] ?? '').includes(squash(e.has)), `${where}: not found on that line`);
        if (e.verdict === 'definition' || e.verdict === 'not-a-claim') continue;
        assert.ok(e.ref, `${where}: an ${e.verdict} expectation needs a reference`);
        const error = worstError(e.ref, cases);
        if (e.verdict === 'ok') assert.ok(error < 1e-7, `${where}: the reference says this correct line is off by ${error}`);
        else {
          assert.ok(e.planted, `${where}: a mismatch must say what was planted`);
          assert.ok(error > 1e-3, `${where}: the reference says the planted mistake holds (error ${error})`);
        }
      }
    });
  }
});

describe('notation corpus: the measurement itself', () => {
  const french = DOCUMENTS.find((d) => d.file === 'notation/retropropagation.fr.md')!;

  it('counts a claim the checker calls ✗ as a false ✗ when the expectation says the line is correct', () => {
    const honest = measureDocument(french);
    const flipped = measureDocument({ ...french, expect: french.expect.map((e) => (e.verdict === 'mismatch' ? { ...e, verdict: 'ok' as const } : e)) });
    assert.equal(flipped.falseMismatches.length, honest.falseMismatches.length + honest.plantedCaught);
    assert.equal(flipped.plantedCaught, 0);
    assert.equal(flipped.intended, honest.intended - honest.plantedCaught);
  });

  it('counts a claim with no expectation as stray, and an expectation with no claim as a miss', () => {
    const honest = measureDocument(french);
    const dropped = measureDocument({ ...french, expect: french.expect.slice(1) });
    assert.equal(dropped.stray.length, honest.stray.length + 1);
    const moved = measureDocument({ ...french, expect: [{ ...french.expect[0], line: french.expect[0].line + 1 }, ...french.expect.slice(1)] });
    assert.equal(moved.misses.filter((m) => m.got === 'absent').length, honest.misses.filter((m) => m.got === 'absent').length + 1);
  });

  it('removes every let of a spec block for the inference measurement, keeping the line numbers', () => {
    const text = readDocument('notation/cs231n-per-example.md');
    const { text: stripped, removed } = withoutLets(text);
    assert.equal(stripped.split('\n').length, text.split('\n').length);
    assert.equal(removed.length, 10);
    assert.deepEqual(removed[6], { symbol: 'dscores', expression: '\\frac{\\partial L}{\\partial z^{2}}' });
    assert.doesNotMatch(stripped, /^let /m);
  });
});

describe('notation corpus: the checker against the expectations', () => {
  const results: DocumentResult[] = DOCUMENTS.map(measureDocument);
  const baseline = JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as Record<string, BaselineEntry>;
  const improved: string[] = [];

  after(() => {
    console.log(`\n${table(results)}\n${totals(results)}`);
    if (UPDATE) {
      const next = Object.fromEntries(results.map((r) => [r.file, baselineOf(r)]));
      writeFileSync(BASELINE_FILE, `${JSON.stringify(next, null, 2)}\n`);
      console.log(`corpus baseline written to ${BASELINE_FILE}`);
    } else if (improved.length > 0) {
      console.log(`the corpus improved on ${improved.join(', ')}: record it with GRADCHECK_UPDATE_CORPUS_BASELINE=1 npm run test:unit`);
    }
  });

  for (const r of results) {
    it(`${r.file}: no internal error (exception, crash text or leaked placeholder in a message) beyond the baseline's known ones`, () => {
      if (UPDATE) return;
      // Known by line: rewording a message that is still an internal error is not a new one.
      const lineOf = (i: string) => i.slice(0, i.indexOf(':'));
      const known = new Set((baseline[r.file]?.internalErrors ?? []).map(lineOf));
      assert.deepEqual(r.internalErrors.filter((i) => !known.has(lineOf(i))), [], `new internal errors in ${r.file}`);
      if (r.internalErrors.length > 0) console.log(`  ${r.file}: ${r.internalErrors.length} known internal error(s) still present (issue 7 requires 0): ${r.internalErrors.join(' | ')}`);
    });

    it(`${r.file}: checked against its own spec block (never a silent fallback to the default network), unless the baseline knows it does not yet`, () => {
      if (UPDATE || usesOwnSpec(r)) return;
      assert.equal(baseline[r.file]?.usesOwnSpec, false, `${r.file} was checked against ${r.network}, not its own spec block`);
      console.log(`  ${r.file}: still checked against ${r.network} instead of its own spec block (issue 7 requires its own)`);
    });

    it(`${r.file}: no worse than the baseline (no line loses its intended verdict, no fewer planted mistakes caught, no new false ✗)`, () => {
      if (UPDATE) return;
      const before = baseline[r.file];
      assert.ok(before, `${r.file} has no baseline: run GRADCHECK_UPDATE_CORPUS_BASELINE=1 npm run test:unit`);
      const newFalse = r.falseMismatches.filter((f) => !before.falseMismatches.includes(f));
      assert.deepEqual(newFalse, [], `correct lines newly called ✗ in ${r.file}`);
      const known = new Set(before.misses ?? []);
      const newMisses = r.misses.filter((m) => !known.has(missKey(m)));
      assert.deepEqual(newMisses.map((m) => `${missKey(m)}: want ${m.expected.verdict}, got ${m.got} (${m.message})`), [], `lines of ${r.file} that had their intended verdict lost it`);
      assert.ok(r.intended >= before.intended, `${r.file}: ${r.intended} lines get their intended verdict, the baseline had ${before.intended}:\n${r.misses.map((m) => `  ${m.expected.line} want ${m.expected.verdict}, got ${m.got}: ${m.message}`).join('\n')}`);
      assert.ok(r.plantedCaught >= before.plantedCaught, `${r.file}: ${r.plantedCaught} planted mistakes caught, the baseline had ${before.plantedCaught}`);
      if (r.intended > before.intended || r.plantedCaught > before.plantedCaught || r.falseMismatches.length < before.falseMismatches.length || r.internalErrors.length < (before.internalErrors ?? []).length) improved.push(r.file);
    });
  }
});
