// Hostile documents for the fuzzer, as fast-check arbitraries: real
// derivations (the examples, the notation corpus, OCR-like text) cut,
// garbled and stuffed with what breaks parsers and evaluators, plus
// documents built to be extreme (10k-deep nesting, 10^6-character formulas).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { allFormulas } from '../unit/fixtures/formulas';

export type Language = 'markdown' | 'latex';

export interface FuzzDocument {
  readonly text: string;
  readonly language: Language;
  /** How it was made, for the report ("examples/nielsen-bp.md, truncated at 812"). */
  readonly origin: string;
}

const ROOT = join(__dirname, '..', '..');

interface Seed {
  readonly name: string;
  readonly text: string;
  readonly language: Language;
}

function examples(): Seed[] {
  const dir = join(ROOT, 'examples');
  return readdirSync(dir)
    .filter((name) => /\.(md|tex)$/.test(name))
    .map((name) => ({ name: `examples/${name}`, text: readFileSync(join(dir, name), 'utf8'), language: name.endsWith('.tex') ? ('latex' as const) : ('markdown' as const) }));
}

/** Text as OCR and hurried notes produce it: stray spaces in commands, lost braces, unicode look-alikes. */
const OCR_LIKE: readonly string[] = [
  '$$\\frac{\\partial L}{\\partial W^{l}} = \\delta^{l} (a^{l-1})^T$$\n$$\\delta^l = ((W^{l+1})^T \\delta^{l+1}) \\odot \\sigma\'(z^l)$$\n',
  '$$ \\frac {\\ partial L}{\\partial b^ l} = \\delta ^l $$\nwhere δ is the error, z^l = W^l a^{l-1} + b^l\n',
  '$$ L = -\\sum_{c=1}^{C} y_c \\log p_c $$ and $$ \\frac{\\partial L}{\\partial z^L} = p - y $$',
  '\\[ \\delta^L = \\nabla_a C \\odot \\sigma\'(z^L) \\]\n\\begin{align} z^l &= w^l a^{l-1} + b^l \\\\ a^l &= \\sigma(z^l) \\end{align}\n',
  '```mlp\ninput 4\ndense 3 tanh\ndense 2 softmax\n```\n$$ \\frac{∂L}{∂W^1} = δ^1 x^T $$\n',
];

function seeds(): Seed[] {
  const fromCorpus = allFormulas.map((f, k) => ({ name: `corpus formula ${k}`, text: `$$ ${f.latex} $$\n`, language: 'markdown' as const }));
  const ocr = OCR_LIKE.map((text, k) => ({ name: `ocr-like ${k}`, text, language: 'markdown' as const }));
  return [...examples(), ...fromCorpus, ...ocr];
}

const SEEDS = seeds();

/** Pieces that unbalance or confuse: every structural character of TeX and Markdown math. */
const STRUCTURAL = ['{', '}', '^', '_', '\\\\', '&', '$', '$$', '%', '\\', '(', ')', '\\left(', '\\right)', '\\begin{aligned}', '\\end{aligned}', '```', '```mlp\n', '\n'];
const NUMBERS = ['1e308', '1e-308', '5e-324', '1e400', '-0', '0', '99999999999999999999', '0.0000000000000000001', 'NaN', 'Infinity'];
const HAZARDS = ['\\log 0', '\\log(0)', '\\exp(1000)', '\\exp(e^{1000})', '1/0', '0/0', '\\frac{1}{0}', '\\log(-1)', '\\sqrt{-1}', '\\max(0, 0)', '0^0', '(-1)^{0.5}'];
const ODD_TEXT = ['\u0000', '\ud800', '\udfff', '\r\n', '\r', '\u202e', 'مرحبا \u200f', '\t \t', '\ufeff', '\u2028', 'ℓ', '∂', '\u00a0'];
const HOSTILE_MLP = [
  '```mlp\ninput 1000000000\ndense 1000000000 relu\n```\n',
  '```mlp\ninput 784\ndense 100000 relu\ndense 100000 relu\ndense 10 softmax\n```\n',
  '```mlp\ninput 3\n' + 'dense 2 relu\n'.repeat(200) + '```\n',
  '```mlp\nmlp: ../../../../etc/passwd\n```\n',
  '```mlp\nmlp: /etc/passwd\n```\n',
  '```mlp\nlet \\alpha = \\alpha\nlet \\beta = \\beta^{l}\n```\n',
  '```mlp\nlet \\x = \\frac{\\frac{\\frac{1}{\n```\n',
  '```mlp\nseed 99999999999999999\nsamples 100000\n```\n',
  '```mlp\ninput -1\ndense 0 relu\nloss\n```\n',
  '```mlp\ninput 2\ndense 3 relu\n```mlp\n```\n',
  '% mlp: input 2\n% mlp: dense 2 softmax\n',
];
const BLOW_UPS = [
  (n: number) => `$$ L = -y \\log ${'(1 - (1 - y) \\log '.repeat(n)}o^{2} $$\n`,
  (n: number) => `$$ L = ${'\\sum_{c=1}^{C} I(y=c) \\log '.repeat(n)}P(c|x) $$\n`,
  (n: number) => `$$ z = ${'\\sigma('.repeat(n)}x${')'.repeat(n)} $$\n`,
  (n: number) => `$$ \\delta = ${'\\frac{\\partial}{\\partial z^1} ('.repeat(Math.min(n, 8))}L${')'.repeat(Math.min(n, 8))} $$\n`,
  (n: number) => `$$ L = ${'\\sum_{i=1}^{n_1} '.repeat(Math.min(n, 6))}z^1_i $$\n`,
];

const EXAMPLES = SEEDS.filter((s) => s.name.startsWith('examples/'));
/** Whole derivations one time in six, single formulas and OCR-like snippets otherwise. */
const seed = fc.oneof({ arbitrary: fc.constantFrom(...EXAMPLES), weight: 1 }, { arbitrary: fc.constantFrom(...SEEDS), weight: 5 });

/** A position in `text` (0..length). */
const at = (text: string) => fc.integer({ min: 0, max: text.length });

type Edit = (text: string) => fc.Arbitrary<string>;

const insertAt = (pieces: readonly string[]): Edit => (text) => fc.tuple(at(text), fc.constantFrom(...pieces)).map(([i, p]) => text.slice(0, i) + p + text.slice(i));

const EDITS: readonly (readonly [string, Edit])[] = [
  ['truncated', (text) => at(text).map((i) => text.slice(0, i))],
  ['cut from the start', (text) => at(text).map((i) => text.slice(i))],
  ['span deleted', (text) => fc.tuple(at(text), fc.integer({ min: 1, max: 40 })).map(([i, n]) => text.slice(0, i) + text.slice(i + n))],
  ['structural character inserted', insertAt(STRUCTURAL)],
  ['structural character deleted', (text) => at(text).map((i) => { const j = findStructural(text, i); return j < 0 ? text : text.slice(0, j) + text.slice(j + 1); })],
  ['number inserted', insertAt(NUMBERS)],
  ['numerical hazard inserted', insertAt(HAZARDS.map((h) => ` + ${h}`))],
  ['odd character inserted', insertAt(ODD_TEXT)],
  ['hostile mlp block inserted', insertAt(HOSTILE_MLP.map((b) => `\n${b}`))],
  ['line endings changed', (text) => fc.constantFrom('\r\n', '\r').map((eol) => text.replace(/\n/g, eol))],
  ['indentation mixed', (text) => fc.constant(text.replace(/\n/g, '\n\t  \t'))],
  ['right-to-left text wrapped', (text) => fc.constant(`\u202b${text}\u202c`)],
  ['unclosed environment', insertAt(['\\begin{align}', '\\begin{equation}', '\\begin{cases}', '\\begin{pmatrix}', '\\[', '$$'])],
];

function findStructural(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if ('{}^_\\&$%'.includes(text[i])) return i;
  return -1;
}

/** A seed with one to five edits applied. */
const mutated: fc.Arbitrary<FuzzDocument> = seed.chain((s) =>
  fc.array(fc.integer({ min: 0, max: EDITS.length - 1 }), { minLength: 1, maxLength: 5 }).chain((picks) => {
    let doc: fc.Arbitrary<string> = fc.constant(s.text);
    for (const k of picks) doc = doc.chain(EDITS[k][1]);
    return doc.map((text) => ({ text, language: s.language, origin: `${s.name}: ${picks.map((k) => EDITS[k][0]).join(', ')}` }));
  }),
);

/** A formula of a million characters: seconds each (reading a megabyte of Markdown), so one document in three hundred. */
const megabyte: fc.Arbitrary<FuzzDocument> = fc.constantFrom('x + ', 'W^{l} ', '\\sigma(z) ', '{}').map((piece) => ({ text: `$$ L = ${piece.repeat(Math.ceil(1_000_000 / piece.length))}x $$\n`, language: 'markdown' as const, origin: `10^6-character formula of '${piece}'` }));

/** Documents built to be extreme rather than derived from a seed. */
const extreme: fc.Arbitrary<FuzzDocument> = fc.oneof(
  fc.constantFrom('(', '{', '\\left(', '[', '\\frac{', '\\sqrt{', '^{').map((open) => ({ text: `$$ L = ${open.repeat(10_000)}x $$\n`, language: 'markdown' as const, origin: `10k-deep ${open}` })),
  fc.tuple(fc.integer({ min: 0, max: BLOW_UPS.length - 1 }), fc.integer({ min: 1, max: 60 })).map(([k, n]) => ({ text: BLOW_UPS[k](n), language: 'markdown' as const, origin: `nested construct ${k} at depth ${n}` })),
  fc.constantFrom(...HOSTILE_MLP).map((block) => ({ text: `${block}\n$$\\frac{\\partial L}{\\partial b^l} = \\delta^l$$\n`, language: 'markdown' as const, origin: 'hostile mlp block' })),
  fc.string({ unit: 'binary', maxLength: 300 }).map((text) => ({ text, language: 'markdown' as const, origin: 'random unicode' })),
  fc.string({ unit: fc.constantFrom(...STRUCTURAL, ...HAZARDS, ...ODD_TEXT, 'x', '=', '\\sum_{c}', '\\delta^l', ' '), maxLength: 200 }).map((text) => ({ text: `$$${text}$$`, language: 'markdown' as const, origin: 'random math tokens' })),
  fc.string({ unit: fc.constantFrom(...STRUCTURAL, ...HAZARDS, 'x', '=', '\\sum_{c}', '\\delta^l', ' '), maxLength: 200 }).map((text) => ({ text: `\\begin{align}${text}`, language: 'latex' as const, origin: 'random LaTeX tokens' })),
);

/** Nine in ten documents are mutated seeds; the rest are extreme. */
export const hostileDocument: fc.Arbitrary<FuzzDocument> = fc.oneof({ arbitrary: mutated, weight: 270 }, { arbitrary: extreme, weight: 29 }, { arbitrary: megabyte, weight: 1 });

/** `count` documents from `seed`, generated in batches so memory stays small however many are asked for. */
export function* hostileDocuments(count: number, seed: number, batch = 200): Generator<FuzzDocument> {
  for (let done = 0, round = 0; done < count; round++) {
    const n = Math.min(batch, count - done);
    yield* fc.sample(hostileDocument, { seed: seed + round * 7919, numRuns: n });
    done += n;
  }
}
