import { parseExpression } from './src/core/math';
const r = parseExpression(String.raw`\frac{1}{m} \sum_{i=1}^{m} dZ^{[1](i)}`);
console.log(JSON.stringify(r.expr, (k, v) => (k === 'span' ? undefined : v)));
