// `npm run corpus`: the full measurement table, per set, with the totals and
// every line that did not get its intended verdict.
import { DOCUMENTS } from './documents';
import { causes } from './causes';
import { inferenceTable, measureInference } from './inference';
import { measureDocument, table, totals, type DocumentResult } from './measure';

const verbose = !process.argv.includes('--brief');
const results = DOCUMENTS.map(measureDocument);
for (const [set, title] of [['notation', "issue 7's set (notation)"], ['graph', "issue 8's set (graph)"]] as const) {
  const mine: DocumentResult[] = results.filter((r) => r.set === set);
  console.log(`\n== ${title} ==\n${table(mine)}\n${totals(mine)}\n\nwhy lines missed their intended verdict:`);
  for (const c of causes(mine)) console.log(`  ${String(c.count).padStart(3)}  ${c.name}   e.g. ${c.examples.join(' | ').slice(0, 150)}`);
  if (!verbose) continue;
  for (const r of mine) {
    if (r.misses.length + r.stray.length + r.internalErrors.length === 0) continue;
    console.log(`\n-- ${r.file} (network: ${r.network})`);
    for (const m of r.misses) console.log(`  ${m.expected.line} want ${m.expected.verdict}${m.expected.planted ? ' (planted)' : ''}, got ${m.got}: ${m.expected.has}${m.message ? `\n      ${m.message.slice(0, 220)}` : ''}`);
    for (const s of r.stray) console.log(`  stray ${s.slice(0, 160)}`);
    for (const i of r.internalErrors) console.log(`  INTERNAL ${i.slice(0, 200)}`);
  }
}
console.log(`\n== whole corpus ==\n${totals(results)}`);

if (process.argv.includes('--inference')) {
  console.log('\n== inference: each document with its let lines removed ==');
  console.log('per removed let, on the claims that write its symbol: right = the removed meaning suggested back; wrong = another');
  console.log('suggested; none = a claim stopped on it, nothing suggested; misread = a claim turned ✗; not needed = read as with the let\n');
  console.log(inferenceTable(DOCUMENTS.map(measureInference)));
}
