import { parseExpression } from './src/core/math';
for (const s of [String.raw`1 - A^{[1]2}`, String.raw`a^{[1](i)2}`, String.raw`(a^{[1]})^2`]) console.log(s, JSON.stringify(parseExpression(s).expr, (k, v) => (k === 'span' ? undefined : v)));
