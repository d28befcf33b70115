// How long diagnosing one mismatch takes: the repair search (candidates,
// screening, full re-evaluation of the survivors) timed per mismatch through
// checkDocument's onDiagnosis hook. Mismatches: the examples' own mistakes
// plus every mutant of their correct claims (test/unit/helpers/mutate.ts),
// and an MNIST-sized document of typical mistakes (784-256-128-10).
// Each document is checked RUNS times; a mismatch's time is its median.
// Run: npm run bench:diagnose   (or: npx tsx bench/diagnose.bench.ts)
// Targets (issue 11): median < 100 ms per mismatch on the examples, worst < 1 s on the MNIST-sized document.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDocument, type Diagnosis } from '../src/core/check';
import { languageOfPath } from '../src/core/document';
import { mutations } from '../test/unit/helpers/mutate';
import { median } from './lib/timing';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = join(ROOT, 'bench/results/diagnose.json');
const MNIST = 'bench/fixtures/mnist-mistakes.md';
const RUNS = 5;
const EXAMPLES_MEDIAN_TARGET_MS = 100;
const MNIST_WORST_TARGET_MS = 1000;

interface Document {
  readonly set: 'examples' | 'MNIST-sized';
  readonly name: string;
  readonly text: string;
  /** A mutant document: only the mismatches on this (zero-based) line count, so the example's own mistakes count once. */
  readonly line?: number;
}

/** Each example, and each example with one correct claim's right side corrupted. */
function exampleDocuments(): Document[] {
  const out: Document[] = [];
  for (const file of readdirSync(join(ROOT, 'examples')).filter((f) => /\.(md|tex)$/.test(f)).sort()) {
    const name = `examples/${file}`;
    const text = readFileSync(join(ROOT, name), 'utf8');
    out.push({ set: 'examples', name, text });
    const report = checkDocument(text, { language: languageOfPath(name)! });
    const lines = text.split('\n');
    for (const claim of report.claims.filter((c) => c.status === 'ok' && c.rhsRange.start.line === c.rhsRange.end.line)) {
      const { line, column } = claim.rhsRange.start;
      const rhs = lines[line].slice(column, claim.rhsRange.end.column);
      for (const m of mutations(rhs, report.network!.layers.length - 1)) {
        const mutated = [...lines];
        mutated[line] = lines[line].slice(0, column) + m.rhs + lines[line].slice(claim.rhsRange.end.column);
        out.push({ set: 'examples', name: `${name}:${line + 1} ${m.operator}`, text: mutated.join('\n'), line });
      }
    }
  }
  return out;
}

interface Sample {
  readonly set: Document['set'];
  readonly ms: number;
  readonly repaired: boolean;
  readonly screened: number;
  readonly verified: number;
}

/** One entry per mismatch of the document: its median time over RUNS checks. */
function diagnoseAll(doc: Document): Sample[] {
  const runs: Diagnosis[][] = [];
  const language = languageOfPath(doc.name.split(' ')[0].replace(/:\d+$/, ''))!;
  for (let r = 0; r < RUNS; r++) {
    const seen: Diagnosis[] = [];
    checkDocument(doc.text, { language, onDiagnosis: (d, line) => (doc.line === undefined || line === doc.line ? seen.push(d) : undefined) });
    runs.push(seen);
  }
  return runs[0].map((d, i) => ({ set: doc.set, ms: median(runs.map((run) => run[i].cost.milliseconds)), repaired: d.repair !== undefined, screened: d.cost.screened, verified: d.cost.verified }));
}

const quantile = (xs: readonly number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const fmt = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

function main(): void {
  const loadBefore = loadavg();
  const docs = [...exampleDocuments(), { set: 'MNIST-sized' as const, name: MNIST, text: readFileSync(join(ROOT, MNIST), 'utf8') }];
  const samples = docs.flatMap(diagnoseAll);
  const rows = (['examples', 'MNIST-sized'] as const).map((set) => {
    const mine = samples.filter((s) => s.set === set);
    const ms = mine.map((s) => s.ms);
    const row = {
      set,
      mismatches: mine.length,
      repaired: mine.filter((s) => s.repaired).length,
      medianMs: median(ms),
      p90Ms: quantile(ms, 0.9),
      worstMs: Math.max(...ms),
      meanScreened: mean(mine.map((s) => s.screened)),
      meanVerified: mean(mine.map((s) => s.verified)),
    };
    const target = set === 'examples' ? `median < ${EXAMPLES_MEDIAN_TARGET_MS} ms` : `worst < ${MNIST_WORST_TARGET_MS} ms`;
    const met = set === 'examples' ? row.medianMs < EXAMPLES_MEDIAN_TARGET_MS : row.worstMs < MNIST_WORST_TARGET_MS;
    return { ...row, target, met };
  });
  console.log();
  console.log('| mismatches of | count | repaired | median (ms) | p90 (ms) | worst (ms) | screened / mismatch | re-evaluated / mismatch | target | met? |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|:---:|');
  for (const r of rows) {
    console.log(`| ${r.set} | ${r.mismatches} | ${r.repaired} | ${fmt(r.medianMs)} | ${fmt(r.p90Ms)} | ${fmt(r.worstMs)} | ${r.meanScreened.toFixed(1)} | ${r.meanVerified.toFixed(1)} | ${r.target} | ${r.met ? 'yes' : '**no**'} |`);
  }
  const loadAfter = loadavg();
  console.log(`\nnode ${process.version}, ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}; load average ${loadBefore.map((x) => x.toFixed(2)).join('/')} before, ${loadAfter.map((x) => x.toFixed(2)).join('/')} after (shared machine: expect noise)`);
  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, JSON.stringify({ date: new Date().toISOString(), runs: RUNS, rows, loadavg: { before: loadBefore, after: loadAfter } }, null, 2));
  console.log(`results: ${relative(process.cwd(), RESULTS)}`);
}

main();
