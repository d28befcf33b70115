// Turning one claim's evaluation into its report entry: ranges in the file,
// the message a person reads, the bindings it used, the worst values.
import type { Span } from '../math';
import type { Range } from '../source';
import type { Expr } from '../math';
import { displayName, Environment, LOSS_CANDIDATES, plainName } from './conventions';
import { spanRange, type LocatedClaim } from './located';
import type { ClaimEvaluation } from './evaluate';
import type { BindingUse } from './lower';
import type { ClaimReport, Correction, DiagnosisKind, SymbolBinding, WorstValues } from './report';
import { stateRefOf } from './stateRef';
import { entries, shapeOf } from './values';
import { walk } from './walk';

/** What the diagnosis adds to a mismatch's report. */
export interface DiagnosisEntry {
  readonly kind: DiagnosisKind;
  readonly text: string;
  readonly correction?: Correction;
}

/** Conventions only: how a binding's body is read when no document environment is at hand. */
const CONVENTIONS = new Environment();

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

/** The LaTeX a span covers, in the formula its offsets refer to. */
function spanText(located: LocatedClaim, span: Span): string {
  const { claim, lhsFormula, rhsFormula } = located;
  const formula = lhsFormula === rhsFormula || (span.start >= claim.rhsSpan.start && span.end <= claim.rhsSpan.end) ? rhsFormula : lhsFormula;
  return formula.latex.slice(span.start, span.end);
}

function bindings(located: LocatedClaim, uses: readonly BindingUse[], env: Environment = CONVENTIONS): SymbolBinding[] {
  const squash = (t: string) => t.replace(/\s+/g, '');
  // Symbols met inside a definition's body carry spans of that body, not of
  // this formula: they are not where the reader's cursor can be.
  const written = uses.filter((u) => {
    const text = squash(spanText(located, u.span));
    const name = squash(u.symbol);
    return text.startsWith(name) || text.startsWith(`\\${name}`) || (name === 'exp' && text.startsWith('e'));
  });
  return written.map((u) => {
    const values = stateRefOf(u.binding, (name) => env.lookup(name));
    return { symbol: u.symbol, range: rangeOf(located, u.span), meaning: u.binding.description, boundBy: u.binding.boundBy, ...(values ? { values } : {}) };
  });
}

/** What an unknown symbol probably means, from where it stands: the argument of softmax is z^L, of σ at layer k is z^k. */
function suggestedMeaning(located: LocatedClaim, symbol: string, env: Environment): string | undefined {
  let suggestion: string | undefined;
  const visit = (node: Expr) => {
    if (suggestion || node.kind !== 'call' || node.args.length !== 1) return;
    const arg = node.args[0];
    if (arg.kind !== 'sym' || arg.name !== symbol) return;
    const fn = env.lookup(node.fn.name)?.meaning;
    if (fn?.kind === 'function' && fn.fn === 'softmax') suggestion = 'z^{L}';
    else if (fn?.kind === 'activation' && arg.layer) suggestion = `z^{${located.rhsFormula.latex.slice(arg.layer.span.start, arg.layer.span.end)}}`;
  };
  walk(located.claim.lhs, visit);
  walk(located.claim.rhs, visit);
  return suggestion;
}

export function uncheckedReport(located: LocatedClaim, message: string, code: string, focus?: Span, symbol?: string, uses: readonly BindingUse[] = [], env: Environment = CONVENTIONS): ClaimReport {
  const r = ranges(located);
  const suggestion = symbol && code === 'unknown-symbol' ? suggestedMeaning(located, symbol, env) : undefined;
  return {
    ...r,
    latex: located.latex,
    kind: located.claim.kind,
    status: 'unchecked',
    message,
    code,
    focusRange: focus ? rangeOf(located, focus) : r.rhsRange,
    ...(symbol ? { symbol } : {}),
    ...(suggestion ? { suggestedMeaning: suggestion } : {}),
    bindings: bindings(located, uses, env),
    checkedCases: 0,
  };
}

function definedBinding(symbol: string, range: Range, binding: NonNullable<ReturnType<Environment['lookup']>>, env: Environment): SymbolBinding {
  const values = stateRefOf(binding, (name) => env.lookup(name));
  return { symbol, range, meaning: binding.description, boundBy: binding.boundBy, ...(values ? { values } : {}) };
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
    bindings: binding && lhs.kind === 'sym' ? [definedBinding(lhs.name, r.lhsRange, binding, env)] : [],
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
    sample: evaluation.worst.sample,
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

export function claimReport(located: LocatedClaim, evaluation: ClaimEvaluation, diagnosis: DiagnosisEntry | undefined, env: Environment): ClaimReport {
  const guessed = evaluation.status === 'mismatch' ? guessedLayerDefinition(located, env) : undefined;
  if (guessed) {
    return uncheckedReport(
      located,
      `not checked: this line reads like a definition of ${guessed}, which has no layer written, so GradCheck read it at the last layer and the line fails there; write its layer (${guessed}^{1}) or define it with := (${guessed} := …)`,
      'reading',
      undefined,
      undefined,
      evaluation.uses,
      env,
    );
  }
  const readAsLoss = evaluation.status === 'mismatch' ? lossByDifferentiation(evaluation) : undefined;
  if (readAsLoss) {
    return uncheckedReport(
      located,
      `not checked: ${readAsLoss} is read as the loss because the document differentiates it, and this line gives it another value; if the line defines ${readAsLoss}, write := so the document's graph reads it as a definition`,
      'reading',
      undefined,
      undefined,
      evaluation.uses,
      env,
    );
  }
  if (evaluation.status === 'unchecked') {
    const reason = evaluation.reason;
    return uncheckedReport(located, `not checked: ${reason.message}`, reason.code, reason.span, reason.symbol, evaluation.uses, env);
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
    const explained = diagnosis !== undefined && diagnosis.kind !== 'no-repair' && diagnosis.kind !== 'gradient-wrt';
    const conflict = evaluation.shapeError || explained ? undefined : conventionConflict(located, env);
    if (conflict) {
      message += `. ${conflict}`;
      code = 'convention-conflict';
    }
  }
  if (evaluation.skipped.length > 0) message += `; layers left out: ${evaluation.skipped[0]}`;
  if (evaluation.notFinite) message += `; cases left out: ${evaluation.notFinite}`;
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
    ...(diagnosis ? { diagnosis: diagnosis.text, diagnosisKind: diagnosis.kind } : {}),
    ...(diagnosis?.correction ? { correction: diagnosis.correction } : {}),
    ...(code ? { code } : {}),
    focusRange: r.rhsRange,
    bindings: bindings(located, evaluation.uses, env),
    worst: worstValues(evaluation),
    checkedCases: cases,
  };
}
