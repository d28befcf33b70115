// Issue 8's inference measurement: remove every `let` from a document's spec
// (keeping line numbers) and see what the checker makes of each removed
// symbol, on the claims that write it: suggests the removed meaning back
// (right), suggests another (wrong), leaves them unchecked with no suggestion
// (none), turns one into a ✗ (misread), or reads it as the let did (not needed).
import { checkDocument, type ClaimReport, type DocumentReport } from '../../src/core/check';
import { languageOf, readDocument, type CorpusDocument } from './measure';

const LET = /^(\s*(?:%\s*mlp:\s*)?)let\s+(.+?)\s*:?=\s*(.+?)\s*(?:#.*)?$/;
/** Spacing and braces do not change a binding. */
const normal = (s: string): string => s.replace(/[\s{}]+/g, '');

export const OUTCOMES = ['right', 'wrong', 'none', 'not needed', 'misread'] as const;
export type InferenceOutcome = (typeof OUTCOMES)[number];

export interface RemovedBinding {
  /** `let SYMBOL = EXPRESSION` as the document wrote it */
  readonly let: string;
  readonly outcome: InferenceOutcome;
  /** what the checker suggested instead, for a wrong one */
  readonly suggested?: string;
}

export interface InferenceResult {
  readonly file: string;
  readonly removed: readonly RemovedBinding[];
}

export function withoutLets(text: string): { text: string; removed: { symbol: string; expression: string }[] } {
  const removed: { symbol: string; expression: string }[] = [];
  const lines = text.split('\n').map((line) => {
    const m = LET.exec(line);
    if (!m) return line;
    removed.push({ symbol: m[2], expression: m[3] });
    return `${m[1]}# let removed for the inference measurement`;
  });
  return { text: lines.join('\n'), removed };
}

/** The symbol a `let` binds, without the layer it is written at (`s^{e}` binds s). */
const boundName = (symbol: string): string => normal(symbol.replace(/\^\s*(\{[^}]*\}|\S)$/, ''));

/** Two meanings are the same when they are equal once L is the document's last layer (z^{L} is z^{2} on two layers). */
function sameMeaning(a: string, b: string, lastLayer: number): boolean {
  const resolved = (s: string) => normal(s.replace(/\^\{L\}|\^L\b/g, `^{${lastLayer}}`));
  return resolved(a) === resolved(b);
}

const verdictKey = (c: ClaimReport): string => `${c.rhsRange.start.line}:${normal(c.latex)}`;

/** Whether a claim's LaTeX writes the symbol (as a whole name: h in h^T, not in \theta or \hat). */
function mentions(c: ClaimReport, symbol: string): boolean {
  const written = symbol.replace(/\^\s*(\{[^}]*\}|\S)$/, '').trim();
  const escaped = written.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![A-Za-z\\\\])${escaped}(?![A-Za-z])`).test(c.latex);
}

/**
 * What the checker made of one removed symbol, judged on the claims that
 * write it: a suggestion for it (right or wrong); else a claim stopped on it
 * with no suggestion (none); else a claim turned into a ✗ (misread); else not
 * needed (a forward equation becoming a definition of its fresh name keeps
 * its meaning).
 */
function outcomeOf(removed: { symbol: string; expression: string }, withLet: DocumentReport, without: DocumentReport): { outcome: InferenceOutcome; suggested?: string } {
  const name = boundName(removed.symbol);
  const writing = without.claims.filter((c) => mentions(c, removed.symbol));
  const suggested = writing.find((c) => c.code === 'unknown-symbol' && c.symbol !== undefined && normal(c.symbol) === name && c.suggestedMeaning !== undefined)?.suggestedMeaning;
  if (suggested !== undefined) {
    const lastLayer = (without.network?.layers.length ?? 1) - 1;
    return sameMeaning(suggested, removed.expression, lastLayer) ? { outcome: 'right' } : { outcome: 'wrong', suggested };
  }
  const before = new Map(withLet.claims.map((c) => [verdictKey(c), c.status]));
  // Stopped on this symbol: by its name, or by a letter of a multi-letter name read as a product (dscores as d·scores).
  const stoppedOnIt = (c: ClaimReport) => c.status === 'unchecked' && c.symbol !== undefined && (normal(c.symbol) === name || (name.length > 1 && name.includes(normal(c.symbol))));
  if (writing.some((c) => stoppedOnIt(c) && (before.get(verdictKey(c)) !== 'unchecked' || c.code === 'unknown-symbol'))) return { outcome: 'none' };
  if (writing.some((c) => c.status === 'mismatch' && before.get(verdictKey(c)) !== 'mismatch')) return { outcome: 'misread' };
  return { outcome: 'not needed' };
}

/** The measurement on one document's text (`file` names it and decides Markdown or LaTeX). */
export function measureInferenceOf(file: string, original: string): InferenceResult {
  const { text, removed } = withoutLets(original);
  if (removed.length === 0) return { file, removed: [] };
  const options = { language: languageOf(file), path: file } as const;
  const withLet = checkDocument(original, options);
  const without = checkDocument(text, options);
  return { file, removed: removed.map((r) => ({ let: `let ${r.symbol} = ${r.expression}`, ...outcomeOf(r, withLet, without) })) };
}

export function measureInference(doc: CorpusDocument): InferenceResult {
  return { ...measureInferenceOf(`test/corpus/${doc.file}`, readDocument(doc.file)), file: doc.file };
}

export function inferenceTotals(results: readonly InferenceResult[]): Record<InferenceOutcome, number> & { removed: number } {
  const totals = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<InferenceOutcome, number>;
  let removed = 0;
  for (const r of results) {
    for (const b of r.removed) {
      totals[b.outcome]++;
      removed++;
    }
  }
  return { ...totals, removed };
}

/** The table `npm run corpus -- --inference` prints: one row per document with lets, then the totals. */
export function inferenceTable(results: readonly InferenceResult[]): string {
  const rows = results.filter((r) => r.removed.length > 0);
  const width = Math.max(8, ...rows.map((r) => r.file.length));
  const count = (r: InferenceResult, o: InferenceOutcome) => r.removed.filter((b) => b.outcome === o).length;
  const line = (file: string, cells: readonly (number | string)[]) => `${file.padEnd(width)}  ${cells.map((c) => String(c).padEnd(11)).join('')}`.trimEnd();
  const header = line('document', ['lets', ...OUTCOMES]);
  const body = rows.map((r) => line(r.file, [r.removed.length, ...OUTCOMES.map((o) => count(r, o))]));
  const t = inferenceTotals(rows);
  const details = rows.flatMap((r) => r.removed.filter((b) => b.outcome !== 'right' && b.outcome !== 'not needed').map((b) => `  ${r.file}: ${b.let} → ${b.outcome}${b.suggested ? ` (suggested ${b.suggested})` : ''}`));
  return [header, ...body, line('total', [t.removed, ...OUTCOMES.map((o) => t[o])]), ...(details.length > 0 ? ['', 'not suggested back:', ...details] : [])].join('\n');
}
