import { readFileSync } from 'node:fs';
import { documentGradients } from './src/core/check';
const g = documentGradients(readFileSync('examples/vectorised-batch.md', 'utf8'), 'markdown');
console.log(Object.keys(g), JSON.stringify((g as any).used ?? (g as any).claims ?? '').slice(0, 800));
