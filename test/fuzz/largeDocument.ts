// A 2,000-formula derivation for stress tests of the editor (typing fast in
// a long document, memory over re-checks): realistic claims from the
// examples, cycled with their layer and constant varied so no two formulas
// are the same text, prose between them, one network spec at the top.
// Usage: npx tsx test/fuzz/largeDocument.ts OUT.md [FORMULAS]
import { writeFileSync } from 'node:fs';

const SPEC = '```mlp\ninput 4\ndense 5 sigmoid\ndense 4 tanh\ndense 3 softmax\nloss cross_entropy\n```\n';

/** Claims that hold (and a few that do not) on the spec above; `{k}` varies per copy. */
const CLAIMS: readonly string[] = [
  '\\frac{\\partial L}{\\partial b^{l}} = \\delta^{l} + {k} - {k}',
  '\\frac{\\partial L}{\\partial W^{l}} = \\delta^{l} (o^{l-1})^T',
  '\\delta^{L} = p - \\mathrm{onehot}(y)',
  '\\delta^{l} = ((W^{l+1})^T \\delta^{l+1}) \\odot \\sigma\'(z^{l})',
  'z^{l} = W^{l} o^{l-1} + b^{l}',
  '\\frac{\\partial L}{\\partial z^{L}_i} = p_i - [y = i] + 0 \\cdot {k}',
  '\\frac{\\partial L}{\\partial o^{l}} = (W^{l+1})^T \\delta^{l+1}',
  '\\frac{\\partial L}{\\partial b^{l}} = {k} \\delta^{l}',
];

export function largeDerivation(formulas = 2000): string {
  const parts = ['# A long derivation\n', SPEC];
  for (let n = 0; n < formulas; n++) {
    const claim = CLAIMS[n % CLAIMS.length].replace(/\{k\}/g, String(1 + (n % 7)));
    if (n % 10 === 0) parts.push(`\n## Step ${n / 10 + 1}\n\nFrom the previous step, by the chain rule:\n`);
    parts.push(`\n$$${claim}$$\n`);
  }
  return parts.join('');
}

if (require.main === module) {
  const [out, count] = process.argv.slice(2);
  if (!out) {
    console.error('usage: npx tsx test/fuzz/largeDocument.ts OUT.md [FORMULAS]');
    process.exit(2);
  }
  writeFileSync(out, largeDerivation(count ? Number(count) : 2000));
  console.log(`wrote ${out}`);
}
