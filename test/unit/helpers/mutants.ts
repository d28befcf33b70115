// Mutants of a document's correct claims and what the repair search makes of
// them, shared by the repair tests on the mutation corpus and on the notation
// corpus: each operator of helpers/mutate.ts on each `ok` claim's right side,
// the whole document re-checked, and every offered correction applied and
// re-checked in turn.
import { checkDocument, type CheckOptions, type ClaimReport, type DiagnosisKind } from '../../../src/core/check';
import { replaceRange, sameClaim } from './corrections';
import { mutations, OPERATORS, type Operator } from './mutate';

/** What a diagnosis may call each corruption (fixed before any result). */
export const NAMES_FOR: Readonly<Record<Operator, readonly DiagnosisKind[]>> = {
  negate: ['sign'],
  'flip-sign': ['sign', 'term-sign'],
  'drop-transpose': ['transpose-missing', 'outer-product-order', 'transposed'],
  'shift-layer': ['layer-index', 'activation-derivative-layer'],
  'scale-by-2': ['constant-factor'],
  'swap-indices': ['indices-swapped'],
};

export interface Diagnosed {
  readonly at: string;
  readonly operator: Operator;
  readonly mutated: string;
  readonly claim: ClaimReport;
  /** The corrected claim's verdict after applying the correction to the file, when one was offered. */
  readonly afterFix?: string;
}

/** The diagnosis names the corruption the operator applied. */
export const named = (d: Diagnosed): boolean => d.claim.diagnosisKind !== undefined && NAMES_FOR[d.operator].includes(d.claim.diagnosisKind);

function oneLine(text: string, claim: ClaimReport): string | undefined {
  const { start, end } = claim.rhsRange;
  return start.line === end.line ? text.split('\n')[start.line].slice(start.column, end.column) : undefined;
}

/** Every mutant of one `ok` claim of a document: the operator, the mutated right side and the mutated document. */
export interface Mutant {
  readonly at: string;
  readonly claim: ClaimReport;
  readonly operator: Operator;
  readonly mutated: string;
  readonly text: string;
}

/** The mutants of every single-line `ok` claim of a document; `depth` (layers) defaults to the report's network, else 2. */
export function mutantsOf(name: string, text: string, options: CheckOptions): Mutant[] {
  const report = checkDocument(text, options);
  const depth = report.network ? report.network.layers.length - 1 : 2;
  const out: Mutant[] = [];
  for (const claim of report.claims.filter((c) => c.status === 'ok')) {
    const rhs = oneLine(text, claim);
    if (rhs === undefined) continue;
    for (const mutation of mutations(rhs, depth)) {
      out.push({ at: `${name}:${claim.rhsRange.start.line + 1}`, claim, operator: mutation.operator, mutated: mutation.rhs, text: replaceRange(text, claim.rhsRange, mutation.rhs) });
    }
  }
  return out;
}

/** Re-checks one mutant: undefined unless it comes back a mismatch; then its diagnosis and, when a correction is offered, the verdict after applying it. */
export function diagnose(mutant: Mutant, options: CheckOptions): Diagnosed | undefined {
  const found = sameClaim(checkDocument(mutant.text, options).claims, mutant.claim);
  if (found?.status !== 'mismatch') return undefined;
  const edit = found.correction?.edit;
  const afterFix = edit ? sameClaim(checkDocument(replaceRange(mutant.text, edit.range, edit.replacement), options).claims, mutant.claim) : undefined;
  return { at: mutant.at, operator: mutant.operator, mutated: mutant.mutated, claim: found, afterFix: edit ? (afterFix ? `${afterFix.status}: ${afterFix.message}` : 'no claim') : undefined };
}

/** Every mismatch the mutants of one document produce, each with its correction re-checked. */
export function diagnoseMutants(name: string, text: string, options: CheckOptions): Diagnosed[] {
  return mutantsOf(name, text, options).flatMap((m) => diagnose(m, options) ?? []);
}

export const percent = (n: number, d: number): string => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);

/** Corrections offered and corrections that held (the claim came back ok). */
const offered = (ds: readonly Diagnosed[]) => ds.filter((d) => d.afterFix !== undefined).length;
const held = (ds: readonly Diagnosed[]) => ds.filter((d) => d.afterFix?.startsWith('ok')).length;

/**
 * The table per operator and overall: mutants made (when known), caught as a
 * mismatch, named, corrections offered, corrections that held, named rate.
 */
export function repairTable(diagnosed: readonly Diagnosed[], made?: ReadonlyMap<Operator, number>): string {
  const cells = (label: string, ds: readonly Diagnosed[], mutants: number | undefined) =>
    `        ${label.padEnd(16)}${(mutants === undefined ? '' : String(mutants)).padStart(8)}${String(ds.length).padStart(8)}${String(ds.filter(named).length).padStart(8)}${String(offered(ds)).padStart(9)}${String(held(ds)).padStart(6)}  ${percent(ds.filter(named).length, ds.length)}`;
  const rows = OPERATORS.map((op) => cells(op, diagnosed.filter((d) => d.operator === op), made?.get(op)));
  const total = made ? [...made.values()].reduce((a, b) => a + b, 0) : undefined;
  const header = `        ${'operator'.padEnd(16)}${'mutants'.padStart(8)}${'caught'.padStart(8)}${'named'.padStart(8)}${'offered'.padStart(9)}${'held'.padStart(6)}  named rate`;
  return [header, ...rows, cells('all', diagnosed, total)].join('\n');
}

/** The mutants whose diagnosis does not name the corruption, one per line. */
export function notNamed(diagnosed: readonly Diagnosed[]): string {
  const wrong = diagnosed.filter((d) => !named(d)).map((d) => `        ${d.at} ${d.operator} ${d.mutated}\n          → ${d.claim.diagnosisKind}: ${d.claim.diagnosis}`);
  return wrong.length === 0 ? 'none' : `\n${wrong.join('\n')}`;
}

/** The mutants whose offered correction did not turn the claim ok. */
export function brokenCorrections(diagnosed: readonly Diagnosed[]): string[] {
  return diagnosed.filter((d) => d.afterFix !== undefined && !d.afterFix.startsWith('ok')).map((d) => `${d.at} ${d.operator} ${d.mutated} → fix ${d.claim.correction?.edit?.replacement}: ${d.afterFix}`);
}

// With every layer as wide as the next, a transposed matrix or a shifted layer
// has the right shape, so only the numbers can give the mutant away.
export const SQUARE_NETWORKS: Readonly<Record<string, string>> = {
  'softmax-mlp.vi.md': 'input 4\ndense 4 sigmoid\ndense 4 sigmoid\ndense 4 softmax\nlet \\alpha = z^{L}\n',
  'nielsen-bp.md': 'input 3\ndense 3 sigmoid\ndense 3 sigmoid\nloss mse\n',
  'cs231n-relu.md': 'input 4\ndense 4 relu\ndense 4 softmax\nlet h = o^{1}\nlet s = z^{2}\n',
  'backprop.tex': 'input 3\ndense 3 tanh\ndense 3 softmax\n',
  // A batch as wide as the layers: a transposed A or X has the right shape too.
  'vectorised-batch.md': 'input 4\ndense 4 relu\ndense 4 softmax\nbatch 4\n',
};
