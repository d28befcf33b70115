// How parse and evaluation cost grow with nesting depth, on the two
// constructs that used to blow up exponentially (issue 12) and two controls:
//   unclosed ( … \log (     L = -y \log (1 - (1 - y) \log (1 - … o^{2}, never closed
//   nested Σ_c … \log Σ_c   L = \sum_{c=1}^{C} I(y=c) \log \sum_{c=1}^{C} … P(c|x)
//   closed \sigma(…)        z = \sigma(\sigma(…(x)…))
//   continued fraction      L = \frac{1}{1 + \frac{1}{1 + …}}: KaTeX groups nested d deep
// Parse: parseFormula alone. Check: the whole checkDocument (parse, lower,
// evaluate on 3 samples). "×/doubling" is the median time at depth d over the
// time at d/2: about 2 for linear, 4 for quadratic; exponential cost would
// square it at every step (the old parser: ×6 per 4 levels, the old sums ×3 per level).
// Run: npm run bench:nesting
import { checkDocument } from '../src/core/check';
import { parseFormula } from '../src/core/math';
import { measure } from './lib/timing';

const DEPTHS = [5, 10, 20, 40, 80];

const CONSTRUCTS: Record<string, (depth: number) => string> = {
  'unclosed ( … \\log (': (n) => `L = -y \\log ${'(1 - (1 - y) \\log '.repeat(n)}o^{2}`,
  'nested Σ_c … \\log Σ_c': (n) => `L = ${'\\sum_{c=1}^{C} I(y=c) \\log '.repeat(n)}P(c|x)`,
  'closed \\sigma(…)': (n) => `z^1 = ${'\\sigma('.repeat(n)}x${')'.repeat(n)}`,
  'continued fraction': (n) => `L = ${'\\frac{1}{1 + '.repeat(n)}L${'}'.repeat(n)}`,
};

const fmt = (ms: number): string => (ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0)).padStart(9);
const growth = (now: number, before: number | undefined): string => (before ? `×${(now / before).toFixed(1)}` : '').padStart(8);

console.log(`${'construct'.padEnd(24)}${'depth'.padStart(6)}${'parse ms'.padStart(10)}${'×/dbl'.padStart(8)}${'check ms'.padStart(10)}${'×/dbl'.padStart(8)}  verdict`);
for (const [name, build] of Object.entries(CONSTRUCTS)) {
  let previous: { parse: number; check: number } | undefined;
  for (const depth of DEPTHS) {
    const latex = build(depth);
    const document = `$$ ${latex} $$\n`;
    const parse = measure(() => parseFormula(latex), { minMs: 50, runs: 5, warmupMs: 50 }).medianMs;
    const check = measure(() => checkDocument(document, { language: 'markdown' }), { minMs: 100, runs: 5, warmupMs: 100 }).medianMs;
    const claim = checkDocument(document, { language: 'markdown' }).claims[0];
    const verdict = claim ? `${claim.status}: ${claim.message.replace(/^not checked: /, '').slice(0, 70)}` : 'no claim';
    console.log(`${name.padEnd(24)}${String(depth).padStart(6)}${fmt(parse)} ${growth(parse, previous?.parse)}${fmt(check)} ${growth(check, previous?.check)}  ${verdict}`);
    previous = { parse, check };
  }
}
