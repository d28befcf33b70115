// Writes docs/notation.md from the notation table (npm run docs:notation).
import { writeFileSync } from 'node:fs';
import { notationReference } from '../src/core/notation/index.ts';
writeFileSync(new URL('../docs/notation.md', import.meta.url), notationReference());
