// How fast formulas are read: the unit-test corpus repeated to a
// 200-formula "document", parsed with parseFormula (KaTeX + our reader),
// median of several runs after a warm-up (the first, cold document is shown
// too). KaTeX's own share is measured
// separately so a regression can be placed.
// Run: npx tsx bench/parse.bench.ts   Target: a 200-formula document < 50 ms.

import { callKatex } from '../src/core/math/katex/katexRaw';
import { readDocument } from '../src/core/document';
import { parseFormula } from '../src/core/math/claims/parse';
import { allFormulas } from '../test/unit/fixtures/formulas';

const DOC_SIZE = 200;
const RUNS = 15;
const TARGET_MS = 50;

const doc = Array.from({ length: DOC_SIZE }, (_, i) => allFormulas[i % allFormulas.length]);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(run: () => void): { median: number; min: number; max: number } {
  for (let i = 0; i < 10; i++) run(); // warm-up: JIT and KaTeX's lazy tables
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    run();
    ms.push(performance.now() - t0);
  }
  return { median: median(ms), min: Math.min(...ms), max: Math.max(...ms) };
}

let sink = 0; // keeps the work observable
const parseDoc = (): void => {
  for (const f of doc) sink += parseFormula(f.latex, { environment: f.environment, macros: f.macros }).claims.length;
};
// The first document a fresh process reads (what the first check of a session pays).
const t0 = performance.now();
parseDoc();
const cold = performance.now() - t0;
const full = time(parseDoc);
// The whole front end on a Markdown file: read it (formulas and spec in one pass), then parse each formula as the checker does.
const markdown = doc.map((f, i) => (f.environment ? `Step ${i}:\n\n$$\\begin{${f.environment}}${f.latex}\\end{${f.environment}}$$\n` : `Step ${i}:\n\n$$${f.latex}$$\n`)).join('\n');
const locateAndParse = time(() => {
  const located = readDocument(markdown, 'markdown');
  for (const f of located.formulas) sink += parseFormula(f.latex, { environment: f.environment, macros: located.macros, setting: { display: f.display, before: f.before } }).claims.length;
});
const katexOnly = time(() => {
  for (const f of doc) {
    const r = callKatex(f.latex, f.macros ?? {});
    sink += Array.isArray(r) ? r.length : 0;
  }
});

const row = (name: string, t: { median: number; min: number; max: number }): string =>
  `| ${name.padEnd(32)} | ${(DOC_SIZE / (t.median / 1000)).toFixed(0).padStart(10)} | ${t.median.toFixed(2).padStart(12)} | ${t.min.toFixed(2).padStart(8)} | ${t.max.toFixed(2).padStart(8)} |`;

console.log(`${DOC_SIZE} formulas (${allFormulas.length} distinct, corpus repeated), median of ${RUNS} runs, Node ${process.version}`);
console.log('| step                             | formulas/s | ms / 200 doc |  min ms  |  max ms  |');
console.log('|----------------------------------|-----------:|-------------:|---------:|---------:|');
console.log(row('first document, cold JIT', { median: cold, min: NaN, max: NaN }).replace(/NaN/g, '  - '));
console.log(row('parseFormula (KaTeX + reader)', full));
console.log(row('locate + parse a Markdown file', locateAndParse));
console.log(row('KaTeX __parse only', katexOnly));
console.log(row('reader (difference)', { median: full.median - katexOnly.median, min: NaN, max: NaN }).replace(/NaN/g, '  - '));
console.log(`target: a ${DOC_SIZE}-formula document located and parsed in < ${TARGET_MS} ms: ${locateAndParse.median < TARGET_MS ? 'met' : 'MISSED'} (${locateAndParse.median.toFixed(1)} ms)`);
if (sink < 0) console.log(sink);
