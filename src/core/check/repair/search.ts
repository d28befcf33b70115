// The repair search: candidates in order (what the numbers point to first),
// each screened cheaply at the worst failing case, the survivors verified
// by re-parsing the corrected LaTeX and running it through the same
// evaluation as the original claim, on every sample and index. The first
// verified candidate is the repair; a budget bounds the work per claim.
import { allClose, type Tolerance } from '../../engine';
import { parseFormula, type Expr, type ParseOptions } from '../../math';
import type { Environment } from '../conventions';
import type { InstanceContext } from '../context';
import { compileClaim, contextsFor, evaluateClaim, setRandomArguments, type AssignmentResult, type ClaimInput, type CompiledClaim } from '../evaluate';
import { NotApplicable } from '../errors';
import { evaluateNode } from '../functions';
import type { CheckLimits } from '../limits';
import type { LocatedClaim } from '../located';
import { indexVariable, layerVariable, type LowerOptions } from '../lower';
import type { DiagnosisKind, RepairKind } from '../report';
import { entries, sameShape, type Value } from '../values';
import { walk } from '../walk';
import { candidates, type Candidate, type CandidateSource } from './candidates';
import { hintsOf, type Failed, type Hints } from './hints';
import { applyEdits, mergedEdit, type TextEdit } from './textEdit';

export interface RepairInput {
  readonly located: LocatedClaim;
  readonly evaluation: Failed;
  readonly env: Environment;
  readonly contexts: readonly InstanceContext[];
  /** How the document's formulas were parsed (its macros, its let-layered symbols): a corrected formula is read the same way. */
  readonly parseOptions: ParseOptions;
  readonly tolerance?: Tolerance;
  /** The check's limits and deadline: re-evaluating a candidate stays within them too. */
  readonly limits?: CheckLimits;
  readonly documentDeadline?: number;
  /** The loss an update rule steps on (the document's own when it defines one). */
  readonly lossName?: string;
  /** The reading the claim was evaluated under (another layer numbering or layout, readings.ts): candidates are read the same way. */
  readonly lower?: LowerOptions;
  /** The document's conventions (graph/documentConventions.ts): a corrected claim is rewritten as its claims were. */
  readonly readClaim?: <C extends ClaimInput>(claim: C) => C;
}

export interface Repair {
  readonly kind: RepairKind;
  readonly advice: string;
  /** The corrected right side with its conditions, as the author would write it. */
  readonly rhs: string;
  /** The corrected claim. */
  readonly claim: string;
  /** One edit of the right side's formula source (offsets into its LaTeX). */
  readonly edit: TextEdit;
}

/** The work one search did: for the benchmark and for budgets. */
export interface RepairCost {
  readonly candidates: number;
  readonly screened: number;
  readonly verified: number;
  readonly milliseconds: number;
}

export interface RepairResult {
  readonly repair?: Repair;
  readonly hints: Hints;
  readonly cost: RepairCost;
}

/** At most this many candidates are screened, and this many fully re-evaluated, per claim. */
export const BUDGET = { screened: 160, verified: 8 } as const;

/** The default order: cheap, common mistakes first; restricting the claim last. */
const ORDER: readonly DiagnosisKind[] = [
  'sign',
  'term-sign',
  'constant-factor',
  'transpose-missing',
  'transpose-extra',
  'transposed',
  'outer-product-order',
  'indices-swapped',
  'layer-index',
  'activation-derivative-layer',
  'activation-derivative-missing',
  'activation-derivative-extra',
  'label-probability',
  'gradient-wrt',
  'factor-order',
  'partial-range',
];

function ordered(all: Candidate[], likely: readonly DiagnosisKind[]): Candidate[] {
  const rank = (c: Candidate) => {
    const hinted = likely.indexOf(c.kind);
    return hinted >= 0 ? hinted : likely.length + ORDER.indexOf(c.kind);
  };
  return all.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map((x) => x.c);
}

function layerTexts(source: string, e: Expr): string[] {
  const out: string[] = [];
  walk(e, (node) => {
    if (node.kind === 'sym' && node.layer) out.push(source.slice(node.layer.span.start, node.layer.span.end));
  });
  return [...new Set(out)];
}

const readAsDocument = <C extends ClaimInput>(input: RepairInput, claim: C): C => (input.readClaim ? input.readClaim(claim) : claim);

/** The corrected claim read back from the edited formula, as the checker reads the original. */
interface Reread {
  readonly claim: ClaimInput;
  readonly rhs: string;
  readonly text: string;
}

function reread(input: RepairInput, edits: readonly TextEdit[]): Reread | undefined {
  const { claim, lhsFormula, rhsFormula } = input.located;
  const latex = applyEdits(rhsFormula.latex, edits);
  const parsed = parseFormula(latex, { ...input.parseOptions, environment: rhsFormula.environment, setting: { display: rhsFormula.display, before: rhsFormula.before } });
  if (parsed.errors.length > 0) return undefined;
  const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim();
  // The corrected claim as shown to the reader keeps its conditions (an added `a \neq y` is part of the correction).
  const end = (rhsSpan: { end: number }, conditions: readonly { span: { end: number } }[]) => Math.max(rhsSpan.end, ...conditions.map((x) => x.span.end));
  if (lhsFormula !== rhsFormula) {
    const c = parsed.continuation;
    if (!c || c.kind !== claim.kind) return undefined;
    const rhs = latex.slice(c.rhsSpan.start, end(c.rhsSpan, c.conditions));
    const lhs = lhsFormula.latex.slice(claim.lhsSpan.start, claim.lhsSpan.end);
    return { claim: readAsDocument(input, { kind: c.kind, lhs: claim.lhs, rhs: c.rhs, conditions: c.conditions }), rhs: oneLine(rhs), text: oneLine(`${lhs} ${c.relation} ${rhs}`) };
  }
  const found = parsed.claims.find((c) => c.lhsSpan.start === claim.lhsSpan.start && c.rhsSpan.start === claim.rhsSpan.start);
  if (!found || found.kind !== claim.kind) return undefined;
  const rhs = oneLine(latex.slice(found.rhsSpan.start, end(found.rhsSpan, found.conditions)));
  return { claim: readAsDocument(input, found), rhs, text: `${oneLine(latex.slice(found.lhsSpan.start, found.lhsSpan.end))} ${found.relation} ${rhs}` };
}

function close(a: Value, b: Value): boolean {
  return sameShape(a, b) && allClose(entries(b), entries(a));
}

/** Rebuilds the scope of one case so a variant of the claim can be evaluated there. */
function scopeOf(compiled: CompiledClaim, ctx: InstanceContext, result: AssignmentResult): Map<string, unknown> {
  const scope = new Map<string, unknown>([['ctx', ctx]]);
  setRandomArguments(scope, compiled.vars, result.sample);
  for (const [name, value] of Object.entries(result.assignment)) {
    scope.set(compiled.vars.layerVars.includes(name) ? layerVariable(name) : indexVariable(name), value);
  }
  return scope;
}

/**
 * The case to screen at: the worst failing case whose numbers were compared.
 * A case that stopped with an error (an index past a vector's end) has no
 * index values to screen at, so it is the last resort.
 */
function screeningCase(evaluation: Failed): AssignmentResult {
  let best: AssignmentResult | undefined;
  for (const r of evaluation.results) if (!r.passed && Number.isFinite(r.relError) && (!best || r.relError > best.relError)) best = r;
  return best ?? evaluation.worst;
}

/**
 * Cheap: does the candidate hold at one failing case? 'unknown' when the
 * case does not exist for the candidate (a shifted layer leaves the network
 * there): then only the full evaluation can tell.
 */
function screen(input: RepairInput, claim: ClaimInput, worst: AssignmentResult): boolean | 'unknown' {
  try {
    const { compiled } = compileClaim(claim, input.env, input.lower, input.lossName);
    // The failing case is the original claim's: on the instances it was evaluated on.
    const scope = scopeOf(compiled, contextsFor(input.located.claim, input.env, input.contexts)[worst.sample], worst);
    return close(evaluateNode(compiled.lhs, scope), evaluateNode(compiled.rhs, scope));
  } catch (error) {
    // Otherwise a candidate that does not evaluate where the original failed does not repair it.
    return error instanceof NotApplicable ? 'unknown' : false;
  }
}

/** The real test: every sample, every layer and index, as for the original; and no fewer cases than half of the original's. */
function verify(input: RepairInput, claim: ClaimInput, restricted: boolean): boolean {
  const evaluation = evaluateClaim(claim, input.env, input.contexts, { tolerance: input.tolerance, limits: input.limits, documentDeadline: input.documentDeadline, lower: input.lower, lossName: input.lossName });
  if (evaluation.status !== 'ok') return false;
  return restricted || evaluation.results.length * 2 >= input.evaluation.results.length;
}

/** The left side at the worst failing case: what the claim should equal, for "no small edit repairs it" (a shape error keeps no values). */
export function leftSideAtWorst(input: RepairInput): Value | undefined {
  const stored = input.evaluation.worstValues?.lhs;
  if (stored !== undefined && !entries(stored).some(Number.isNaN)) return stored;
  const { compiled, worst } = input.evaluation;
  try {
    return evaluateNode(compiled.lhs, scopeOf(compiled, contextsFor(input.located.claim, input.env, input.contexts)[worst.sample], worst));
  } catch {
    return undefined;
  }
}

export function findRepair(input: RepairInput): RepairResult {
  const started = performance.now();
  const { claim, rhsFormula, lhsFormula } = input.located;
  const hints = hintsOf(input.evaluation, contextsFor(claim, input.env, input.contexts));
  const src: CandidateSource = {
    source: rhsFormula.latex,
    rhs: claim.rhs,
    layerTexts: [...new Set([...(lhsFormula === rhsFormula ? layerTexts(rhsFormula.latex, claim.lhs) : []), ...layerTexts(rhsFormula.latex, claim.rhs)])],
    freeIndices: input.evaluation.compiled.vars.freeIndices,
    ratio: hints.ratio,
    missingPrimeLayers: hints.missingPrimeLayers,
    knows: (name) => input.env.lookup(name) !== undefined,
    nameOf: (value) => ['m', 'N'].find((name) => {
      const meaning = input.env.lookup(name)?.meaning;
      return meaning?.kind === 'constant' && meaning.value === value;
    }),
    splits: hints.splits,
  };
  // δ = ∂L/∂o: one letter differs from the convention, a simpler story than a missing σ′.
  const likely = claim.rhs.kind === 'derivative' ? ['gradient-wrt' as const, ...hints.likely] : hints.likely;
  const all = ordered(candidates(src), likely);
  const seen = new Set<string>();
  const at = screeningCase(input.evaluation);
  let screened = 0;
  let verified = 0;
  let repair: Repair | undefined;
  for (const candidate of all) {
    if (screened >= BUDGET.screened || verified >= BUDGET.verified) break;
    const edited = applyEdits(src.source, candidate.edits);
    if (edited === src.source || seen.has(edited)) continue;
    seen.add(edited);
    const corrected = reread(input, candidate.edits);
    if (!corrected) continue;
    screened++;
    if (candidate.screen && screen(input, corrected.claim, at) === false) continue;
    verified++;
    if (!verify(input, corrected.claim, !candidate.screen)) continue;
    repair = { kind: candidate.kind, advice: candidate.advice, rhs: corrected.rhs, claim: corrected.text, edit: mergedEdit(src.source, candidate.edits) };
    break;
  }
  return { repair, hints, cost: { candidates: all.length, screened, verified, milliseconds: performance.now() - started } };
}
