// Runs the checker on one corpus document and compares it, claim by claim,
// with the document's expectations. Shared by corpus.test.ts and `npm run corpus`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument, type ClaimReport, type DocumentReport } from '../../src/core/check';
import type { Expectation } from './expect';
import { networkOf } from './reference/mlp';

export interface CorpusDocument {
  /** path under test/corpus, e.g. `notation/nielsen-ch2.md` */
  readonly file: string;
  /** `notation` (issue 7) or `graph` (issue 8) */
  readonly set: 'notation' | 'graph';
  readonly expect: readonly Expectation[];
}

export interface Miss {
  readonly expected: Expectation;
  /** the verdict the checker gave, or `absent` when no claim matched */
  readonly got: string;
  readonly message: string;
}

export interface DocumentResult {
  readonly file: string;
  readonly set: CorpusDocument['set'];
  readonly lines: number;
  readonly intended: number;
  /** `line has` of every correct line (or non-claim) the checker called ✗; `line stray: latex` for a ✗ where no claim is meant */
  readonly falseMismatches: readonly string[];
  readonly planted: number;
  readonly plantedCaught: number;
  readonly internalErrors: readonly string[];
  /** claims the checker reported that no expectation covers: `line status: latex` */
  readonly stray: readonly string[];
  readonly misses: readonly Miss[];
  readonly network: string;
  /** the network the checker used (undefined when it refused the spec) and how many problems it located */
  readonly used?: { readonly source: string; readonly layers: readonly number[] };
  readonly problems: number;
}

export const CORPUS_DIR = __dirname;

/** Text that only a bug produces: a crash, an unfilled template, a leaked internal placeholder. */
const INTERNAL = /Maximum call stack|\?\{|\[object Object\]|TypeError|ReferenceError|is not a function|Cannot read prop|internal error/i;
/** A JavaScript value leaking into text (KaTeX's "Undefined control sequence" is a parse message, not this). */
const LEAKED_VALUE = /\bundefined\b|\bNaN\b/;

const squash = (s: string): string => s.replace(/\s+/g, '');

export const languageOf = (file: string): 'latex' | 'markdown' => (file.endsWith('.tex') ? 'latex' : 'markdown');

export function readDocument(file: string): string {
  return readFileSync(join(CORPUS_DIR, file), 'utf8');
}

export function matches(claim: ClaimReport, e: Expectation): boolean {
  return claim.rhsRange.start.line + 1 === e.line && squash(claim.latex).includes(squash(e.has));
}

function internalErrorsOf(report: DocumentReport): string[] {
  const found: string[] = [];
  const internal = (text: string) => INTERNAL.test(text) || LEAKED_VALUE.test(text);
  for (const c of report.claims) if (internal(c.message)) found.push(`${c.rhsRange.start.line + 1}: ${c.message}`);
  for (const p of report.problems) if (internal(p.message)) found.push(`${p.range.start.line + 1}: ${p.message}`);
  return found;
}

export function measureDocument(doc: CorpusDocument): DocumentResult {
  let report: DocumentReport;
  try {
    report = checkDocument(readDocument(doc.file), { language: languageOf(doc.file), path: `test/corpus/${doc.file}` });
  } catch (error) {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const planted = doc.expect.filter((e) => e.verdict === 'mismatch').length;
    return { file: doc.file, set: doc.set, lines: doc.expect.length, intended: 0, falseMismatches: [], planted, plantedCaught: 0, internalErrors: [`checkDocument threw ${text}`], stray: [], misses: [], network: 'none', problems: 0 };
  }
  const used = new Set<ClaimReport>();
  let intended = 0;
  let plantedCaught = 0;
  const falseMismatches: string[] = [];
  const misses: Miss[] = [];
  for (const e of doc.expect) {
    const claim = report.claims.find((c) => !used.has(c) && matches(c, e));
    if (claim) used.add(claim);
    const got = claim?.status ?? 'absent';
    const right = (e.verdict === 'not-a-claim' ? got === 'absent' : got === e.verdict) || (e.accept ?? []).some((v) => v === got);
    if (right) intended++;
    else misses.push({ expected: e, got, message: claim?.message ?? '' });
    if (e.verdict === 'mismatch' && got === 'mismatch') plantedCaught++;
    // Keyed by the expectation, not the echoed LaTeX, so a fix to the echo does not look like a new ✗.
    if (e.verdict !== 'mismatch' && got === 'mismatch') falseMismatches.push(`${e.line} ${e.has}`);
  }
  const stray = report.claims.filter((c) => !used.has(c)).map((c) => `${c.rhsRange.start.line + 1} ${c.status}: ${c.latex}`);
  // A stray ✗ is a ✗ on a line the author did not mean as a claim: as false as any.
  for (const c of report.claims) if (!used.has(c) && c.status === 'mismatch') falseMismatches.push(`${c.rhsRange.start.line + 1} stray: ${c.latex}`);
  const n = report.network;
  return {
    file: doc.file,
    set: doc.set,
    lines: doc.expect.length,
    intended,
    falseMismatches,
    planted: doc.expect.filter((e) => e.verdict === 'mismatch').length,
    plantedCaught,
    internalErrors: internalErrorsOf(report),
    stray,
    misses,
    network: n ? `${n.source} ${n.layers.join('-')} ${n.loss}` : `none (${report.problems.map((p) => `${p.range.start.line + 1}: ${p.message}`).join('; ')})`,
    used: n ? { source: n.source, layers: n.layers } : undefined,
    problems: report.problems.length,
  };
}

/** The numbers the ratchet keeps per document. */
export interface BaselineEntry {
  readonly intended: number;
  readonly plantedCaught: number;
  readonly falseMismatches: readonly string[];
  /** `line has` of every expectation that missed its intended verdict today: a line that was right may not go wrong */
  readonly misses: readonly string[];
  /** false while the checker silently uses another network than the document's spec block (issue 7 requires true) */
  readonly usesOwnSpec: boolean;
  /** Internal errors the checker still makes today (issue 7 requires none): listed so they cannot multiply unseen. */
  readonly internalErrors: readonly string[];
}

export const missKey = (m: Miss): string => `${m.expected.line} ${m.expected.has}`;

export const baselineOf = (r: DocumentResult): BaselineEntry => ({
  intended: r.intended,
  plantedCaught: r.plantedCaught,
  falseMismatches: r.falseMismatches,
  misses: r.misses.map(missKey),
  usesOwnSpec: usesOwnSpec(r),
  internalErrors: r.internalErrors,
});

/** The checker used the document's own spec block, or refused it with a located problem: never a silent fallback. */
export function usesOwnSpec(r: DocumentResult): boolean {
  if (!r.used) return r.problems > 0;
  return r.used.source === 'document' && r.used.layers.join('-') === networkOf(readDocument(r.file)).sizes.join('-');
}

const pad = (s: string | number, n: number): string => String(s).padEnd(n);
const pct = (a: number, b: number): string => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);

export function table(results: readonly DocumentResult[]): string {
  const width = Math.max(8, ...results.map((r) => r.file.length)) + 1;
  const rows = [`${pad('document', width)} ${pad('lines', 6)} ${pad('intended', 9)} ${pad('false ✗', 8)} ${pad('planted', 8)} ${pad('internal', 9)} stray`];
  for (const r of results) rows.push(`${pad(r.file, width)} ${pad(r.lines, 6)} ${pad(r.intended, 9)} ${pad(r.falseMismatches.length, 8)} ${pad(`${r.plantedCaught}/${r.planted}`, 8)} ${pad(r.internalErrors.length, 9)} ${r.stray.length}`);
  return rows.join('\n');
}

export function totals(results: readonly DocumentResult[]): string {
  const lines = results.reduce((s, r) => s + r.lines, 0);
  const intended = results.reduce((s, r) => s + r.intended, 0);
  const falseX = results.reduce((s, r) => s + r.falseMismatches.length, 0);
  const planted = results.reduce((s, r) => s + r.planted, 0);
  const caught = results.reduce((s, r) => s + r.plantedCaught, 0);
  const internal = results.reduce((s, r) => s + r.internalErrors.length, 0);
  return `intended verdict ${intended}/${lines} (${pct(intended, lines)}), false ✗ ${falseX}, planted caught ${caught}/${planted} (${pct(caught, planted)}), internal errors ${internal}`;
}
