// npm run fuzz [-- --count N --seed S --budget MS --workers K --out DIR]
// npm run fuzz -- --replay FILE
//
// Generates hostile documents (documents.ts), checks each in a worker thread
// with a time budget (pool.ts), and reports inputs tried, exceptions, budget
// overruns and the slowest input. The slowest input and every failure are
// saved as JSON that --replay runs again in this process, with the report.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkDocument } from '../../src/core/check';
import { hostileDocuments, type FuzzDocument } from './documents';
import { checkAll, type Outcome } from './pool';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '12' },
    budget: { type: 'string', default: '30000' },
    workers: { type: 'string', default: '2' },
    out: { type: 'string', default: 'fuzz-results' },
    replay: { type: 'string' },
  },
});

function replay(file: string): void {
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { document: FuzzDocument };
  const { text, language, origin } = saved.document;
  console.log(`replaying ${file}: ${origin} (${text.length} characters, ${language})`);
  const start = performance.now();
  const report = checkDocument(text, { language });
  console.log(`checked in ${(performance.now() - start).toFixed(1)} ms: ${JSON.stringify(report.summary)}`);
  for (const p of report.problems.slice(0, 10)) console.log(`  problem at ${p.range.start.line + 1}:${p.range.start.column + 1}: ${p.message}`);
  for (const c of report.claims.slice(0, 10)) console.log(`  claim at ${c.range.start.line + 1}:${c.range.start.column + 1}: ${c.status} — ${c.message}`);
}

async function fuzz(): Promise<void> {
  const count = Number(values.count);
  const seed = Number(values.seed);
  const budgetMs = Number(values.budget);
  const out = resolve(values.out!);
  mkdirSync(out, { recursive: true });
  const failures: Outcome[] = [];
  let tried = 0;
  let exceptions = 0;
  let overruns = 0;
  let malformed = 0;
  let slowest: Outcome | undefined;
  const started = Date.now();
  const save = (name: string, o: Outcome) => writeFileSync(join(out, name), JSON.stringify({ seed, ms: o.ms, error: o.error, malformed: o.malformed, overrun: o.overrun, document: o.document }, null, 1));
  console.log(`fuzzing ${count} documents, seed ${seed}, budget ${budgetMs} ms per document, ${values.workers} workers`);
  await checkAll(hostileDocuments(count, seed), {
    workers: Number(values.workers),
    budgetMs,
    onOutcome: (o) => {
      tried++;
      if (o.error) exceptions++;
      if (o.overrun) overruns++;
      if (o.malformed) malformed++;
      if (o.error || o.overrun || o.malformed) {
        failures.push(o);
        save(`failure-${failures.length}.json`, o);
        console.log(`FAILURE ${failures.length} (${o.document.origin}): ${o.overrun ? `over the ${budgetMs} ms budget` : (o.error ?? o.malformed)!.split('\n').slice(0, 3).join(' | ')}`);
      }
      if (!o.overrun && (!slowest || o.ms > slowest.ms)) {
        slowest = o;
        save('slowest.json', o);
      }
      if (tried % 1000 === 0) console.log(`${tried} tried, ${exceptions} exceptions, ${overruns} overruns, ${malformed} malformed reports, slowest ${slowest?.ms.toFixed(0)} ms, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    },
  });
  const seconds = (Date.now() - started) / 1000;
  console.log(`\ninputs tried        ${tried}`);
  console.log(`exceptions          ${exceptions}`);
  console.log(`budget overruns     ${overruns} (budget ${budgetMs} ms)`);
  console.log(`malformed reports   ${malformed}`);
  console.log(`time                ${seconds.toFixed(0)} s (${(tried / seconds).toFixed(1)} documents/s)`);
  if (slowest) console.log(`slowest input       ${slowest.ms.toFixed(0)} ms: ${slowest.document.origin} (${slowest.document.text.length} characters), saved to ${join(values.out!, 'slowest.json')}`);
  if (failures.length > 0) {
    console.log(`failures saved to ${values.out}/failure-*.json; replay with npm run fuzz -- --replay FILE`);
    process.exitCode = 1;
  }
}

if (values.replay) replay(values.replay);
else void fuzz();
