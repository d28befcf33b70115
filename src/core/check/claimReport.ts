// Turning one claim's evaluation into its report entry: ranges in the file,
// the message a person reads, the bindings it used, the worst values.
import type { Span } from '../math';
import type { Range } from '../source';
import { displayName, LOSS_CANDIDATES, plainName, type Environment } from './conventions';
import { spanRange, type LocatedClaim } from './located';
import type { ClaimEvaluation } from './evaluate';
import type { BindingUse } from './lower';
import type { ClaimReport, SymbolBinding, WorstValues } from './report';
import { entries, shapeOf } from './values';

const fmtError = (x: number) => (Number.isFinite(x) ? x.toExponential(1) : String(x));
const fmtValue = (x: number) => (Number.isInteger(x) ? String(x) : x.toPrecision(4));

export function formatWhere(where: Readonly<Record<string, number>>): string {
  return Object.entries(where)
    .map(([k, v]) => `${k} = ${v}`)
    .join(', ');
}

/** Spans of the left side of a continuation live in the previous formula. */
function rangeOf(located: LocatedClaim, span: Span): Range {
  const { claim, lhsFormula, rhsFormula } = located;
  if (lhsFormula === rhsFormula || (span.start >= claim.rhsSpan.start && span.end <= claim.rhsSpan.end)) return spanRange(rhsFormula, span);
  return spanRange(lhsFormula, span);
}

function ranges(located: LocatedClaim) {
  const { claim, lhsFormula, rhsFormula } = located;
  const lhsRange = spanRange(lhsFormula, claim.lhsSpan);
  const rhsRange = spanRange(rhsFormula, claim.rhsSpan);
  return { range: { start: lhsRange.start, end: rhsRange.end }, lhsRange, rhsRange };
}

function bindings(located: LocatedClaim, uses: readonly BindingUse[]): SymbolBinding[] {
  return uses.map((u) => ({ symbol: u.symbol, range: rangeOf(located, u.span), meaning: u.binding.description, boundBy: u.binding.boundBy }));
}

export function uncheckedReport(located: LocatedClaim, message: string, code: string, focus?: Span, symbol?: string, uses: readonly BindingUse[] = []): ClaimReport {
  const r = ranges(located);
  return {
    ...r,
    latex: located.latex,
    kind: located.claim.kind,
    status: 'unchecked',
    message,
    code,
    focusRange: focus ? rangeOf(located, focus) : r.rhsRange,
    ...(symbol ? { symbol } : {}),
    bindings: bindings(located, uses),
    checkedCases: 0,
  };
}

export function definitionReport(located: LocatedClaim, env: Environment): ClaimReport {
  const lhs = located.claim.lhs;
  const name = lhs.kind === 'sym' ? displayName(lhs) : 'it';
  const binding = lhs.kind === 'sym' ? env.lookup(lhs.name) : undefined;
  const r = ranges(located);
  return {
    ...r,
    latex: located.latex,
    kind: located.claim.kind === 'update' ? 'update' : 'definition',
    status: 'definition',
    message: `defines ${name} for the claims that follow`,
    focusRange: r.lhsRange,
    bindings: binding && lhs.kind === 'sym' ? [{ symbol: lhs.name, range: r.lhsRange, meaning: binding.description, boundBy: binding.boundBy }] : [],
    checkedCases: 0,
  };
}

function worstValues(evaluation: Extract<ClaimEvaluation, { status: 'ok' | 'mismatch' }>): WorstValues | undefined {
  const v = evaluation.worstValues;
  if (!v) return undefined;
  const LIMIT = 4096; // enough for hovers; a 256×784 gradient is summarised by its error
  const flat = (x: Parameters<typeof entries>[0]) => Array.from(entries(x).slice(0, LIMIT));
  return {
    lhs: flat(v.lhs),
    rhs: flat(v.rhs),
    lhsShape: shapeOf(v.lhs),
    rhsShape: shapeOf(v.rhs),
    ...(v.differences ? { differences: flat(v.differences.lhs) } : {}),
  };
}

/** A plain = on a symbol the conventions know, that fails: maybe the author means another convention. */
function conventionConflict(located: LocatedClaim, env: Environment): string | undefined {
  const { lhs, rhs, relation } = located.claim;
  // Only where the line reads like a definition of the symbol: δ^l = ∂L/∂o^l, z^l = W^{l+1} o^l + b^{l+1}.
  if (lhs.kind !== 'sym' || relation !== '=' || !(rhs.kind === 'derivative' || rhs.kind === 'sym' || rhs.kind === 'binary')) return undefined;
  const binding = env.lookup(lhs.name);
  if (!binding || binding.boundBy !== 'default convention') return undefined;
  return `${displayName(lhs)} means ${binding.description} by default; if this document means something else by it, make this line a definition with :=`;
}

/**
 * `z = W^{(1)} x`, `h = \phi(z)` (d2l): a bare z, h, o on the left of a plain =
 * names a quantity of the document; reading it at the last layer was GradCheck's guess.
 */
export function guessedLayerDefinition(located: LocatedClaim, env: Environment): string | undefined {
  const { lhs, relation } = located.claim;
  if (relation !== '=' || lhs.kind !== 'sym' || lhs.layer || lhs.indices.length > 0 || lhs.primes > 0) return undefined;
  if (env.lookup(lhs.name)?.boundBy !== 'default convention') return undefined; // `let h = o^{1}` says which layer
  return /^(z|o|a|h)$/.test(plainName(lhs.name)) ? displayName(lhs) : undefined;
}

/**
 * A symbol that is the loss only because the document differentiates it
 * (∂S/∂u_k makes S the loss): a mismatch on a line that uses it is that
 * reading's doing as much as the mathematics'.
 */
function lossByDifferentiation(evaluation: ClaimEvaluation): string | undefined {
  const use = evaluation.uses.find((u) => u.binding.meaning.kind === 'loss' && u.binding.boundBy === 'default convention' && !LOSS_CANDIDATES.has(plainName(u.symbol)) && plainName(u.symbol) !== 'L');
  return use && displayName({ name: use.symbol });
}

export function claimReport(located: LocatedClaim, evaluation: ClaimEvaluation, diagnosis: string | undefined, env: Environment): ClaimReport {
  const guessed = evaluation.status === 'mismatch' ? guessedLayerDefinition(located, env) : undefined;
  if (guessed) {
    return uncheckedReport(
      located,
      `not checked: this line reads like a definition of ${guessed}, which has no layer written, so GradCheck read it at the last layer and the line fails there; write its layer (${guessed}^{1}) or define it with := (${guessed} := …)`,
      'reading',
      undefined,
      undefined,
      evaluation.uses,
    );
  }
  const readAsLoss = evaluation.status === 'mismatch' ? lossByDifferentiation(evaluation) : undefined;
  if (readAsLoss) {
    return uncheckedReport(
      located,
      `not checked: ${readAsLoss} is read as the loss because the document differentiates it, and this line gives it another value; if the line defines ${readAsLoss}, write := (derivatives of intermediate quantities are not supported yet)`,
      'reading',
      undefined,
      undefined,
      evaluation.uses,
    );
  }
  if (evaluation.status === 'unchecked') {
    const reason = evaluation.reason;
    return uncheckedReport(located, `not checked: ${reason.message}`, reason.code, reason.span, reason.symbol, evaluation.uses);
  }
  const r = ranges(located);
  const cases = evaluation.results.length;
  const sampled = evaluation.sampledAssignments ? ` (index values sampled: ${evaluation.sampledAssignments.checked} of ${evaluation.sampledAssignments.total} per layer)` : '';
  const differences = evaluation.differencesRelError !== undefined ? `; finite differences ${fmtError(evaluation.differencesRelError)}` : '';
  const where = formatWhere(evaluation.worst.assignment);
  let message: string;
  let code: string | undefined;
  if (evaluation.status === 'ok') {
    message = `holds: max rel error ${fmtError(evaluation.maxRelError)} over ${cases} case${cases === 1 ? '' : 's'}${differences}${sampled}`;
  } else {
    const v = evaluation.worstValues;
    const scalarPair = v && entries(v.lhs).length === 1 && entries(v.rhs).length === 1 ? ` (left ${fmtValue(entries(v.lhs)[0])}, right ${fmtValue(entries(v.rhs)[0])})` : '';
    message = evaluation.shapeError
      ? `does not hold: ${evaluation.shapeError}${where ? ` at ${where}` : ''}`
      : `does not hold: rel error ${fmtError(evaluation.maxRelError)}${where ? ` at ${where}` : ''}${scalarPair}`;
    if (evaluation.shapeError) code = 'shape';
    // Only when no usual mistake explains the numbers does another convention become the likely story.
    const conflict = evaluation.shapeError || diagnosis ? undefined : conventionConflict(located, env);
    if (conflict) {
      message += `. ${conflict}`;
      code = 'convention-conflict';
    }
  }
  if (evaluation.skipped.length > 0) message += `; layers left out: ${evaluation.skipped[0]}`;
  return {
    ...r,
    latex: located.latex,
    kind: located.claim.kind,
    status: evaluation.status,
    // A shape error has no relative error: the message names both shapes.
    ...(Number.isFinite(evaluation.maxRelError) || Number.isNaN(evaluation.maxRelError) ? { maxRelError: evaluation.maxRelError } : {}),
    ...(evaluation.differencesRelError !== undefined ? { differencesRelError: evaluation.differencesRelError } : {}),
    ...(Object.keys(evaluation.worst.assignment).length > 0 ? { where: evaluation.worst.assignment } : {}),
    message,
    ...(diagnosis ? { diagnosis } : {}),
    ...(code ? { code } : {}),
    focusRange: r.rhsRange,
    bindings: bindings(located, evaluation.uses),
    worst: worstValues(evaluation),
    checkedCases: cases,
  };
}
