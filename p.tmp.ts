import { parseExpression, printExpr } from './src/core/math';
for (const s of process.argv.slice(2)) { const r = parseExpression(s); console.log(s, '=>', JSON.stringify(r.expr, (k,v)=> k==='span'?undefined:v), r.errors.map(e=>e.message)); }
