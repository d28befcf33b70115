// Runs the checker on one corpus document and compares it, claim by claim,
// with the document's expectations. Shared by corpus.test.ts and `npm run corpus`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument, type ClaimReport, type DocumentReport } from '../../src/core/check';
import type { Expectation } from './expect';

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
  /** `line: latex` of every correct line (or non-claim) the checker called ✗ */
  readonly falseMismatches: readonly string[];
  readonly planted: number;
  readonly plantedCaught: number;
  readonly internalErrors: readonly string[];
  /** claims the checker reported that no expectation covers: `line status: latex` */
  readonly stray: readonly string[];
  readonly misses: readonly Miss[];
  readonly network: string;
}

export const CORPUS_DIR = __dirname;

/** Text that only a bug produces: a crash, an unfilled template, a leaked internal placeholder. */
const INTERNAL = /Maximum call stack|\bundefined\b|\bNaN\b|\?\{|\[object Object\]|TypeError|ReferenceError|is not a function|Cannot read prop|internal error/i;

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
  for (const c of report.claims) if (INTERNAL.test(c.message)) found.push(`${c.rhsRange.start.line + 1}: ${c.message}`);
  for (const p of report.problems) if (INTERNAL.test(p.message)) found.push(`${p.range.start.line + 1}: ${p.message}`);
  return found;
}

export function measureDocument(doc: CorpusDocument): DocumentResult {
  let report: DocumentReport;
  try {
    report = checkDocument(readDocument(doc.file), { language: languageOf(doc.file), path: `test/corpus/${doc.file}` });
  } catch (error) {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const planted = doc.expect.filter((e) => e.verdict === 'mismatch').length;
    return { file: doc.file, set: doc.set, lines: doc.expect.length, intended: 0, falseMismatches: [], planted, plantedCaught: 0, internalErrors: [`checkDocument threw ${text}`], stray: [], misses: [], network: 'none' };
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
    if (e.verdict !== 'mismatch' && got === 'mismatch') falseMismatches.push(`${e.line}: ${claim!.latex}`);
  }
  const stray = report.claims.filter((c) => !used.has(c)).map((c) => `${c.rhsRange.start.line + 1} ${c.status}: ${c.latex}`);
  // A stray ✗ is a ✗ on a line the author did not mean as a claim: as false as any.
  for (const c of report.claims) if (!used.has(c) && c.status === 'mismatch') falseMismatches.push(`${c.rhsRange.start.line + 1}: ${c.latex}`);
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
  };
}

/** The numbers the ratchet keeps per document. */
export interface BaselineEntry {
  readonly intended: number;
  readonly plantedCaught: number;
  readonly falseMismatches: readonly string[];
  /** Internal errors the checker still makes today (issue 7 requires none): listed so they cannot multiply unseen. */
  readonly internalErrors: readonly string[];
}

export const baselineOf = (r: DocumentResult): BaselineEntry => ({ intended: r.intended, plantedCaught: r.plantedCaught, falseMismatches: r.falseMismatches, internalErrors: r.internalErrors });

const pad = (s: string | number, n: number): string => String(s).padEnd(n);
const pct = (a: number, b: number): string => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);

export function table(results: readonly DocumentResult[]): string {
  const rows = [`${pad('document', 34)} ${pad('lines', 6)} ${pad('intended', 9)} ${pad('false ✗', 8)} ${pad('planted', 8)} ${pad('internal', 9)} stray`];
  for (const r of results) rows.push(`${pad(r.file, 34)} ${pad(r.lines, 6)} ${pad(r.intended, 9)} ${pad(r.falseMismatches.length, 8)} ${pad(`${r.plantedCaught}/${r.planted}`, 8)} ${pad(r.internalErrors.length, 9)} ${r.stray.length}`);
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
