// Limits that keep one hostile or mistyped document from hanging or bloating
// whatever runs the check (the editor's worker, the CLI). Each limit, when
// hit, becomes a located message on the construct that exceeds it; nothing
// is cut silently. CheckOptions.limits overrides any of them.
import type { Formula } from '../document';
import type { NetworkConfig } from '../engine';
import { countParameters, formatCount as formatLimit, SPEC_LIMITS, type DenseStatement, type InputStatement, type ParsedSpec } from '../netspec';
import { LineIndex, type Problem, type Range } from '../source';
import { OutOfTime, Uncheckable } from './errors';

export interface CheckLimits {
  /** Characters in the whole document. */
  readonly documentChars: number;
  /** Characters in one formula. */
  readonly formulaChars: number;
  /** Braces, \left..\right and environments inside one formula. */
  readonly formulaNesting: number;
  /** Claims checked per document; the rest are reported unchecked. */
  readonly claims: number;
  /** Values one sum index or free index may take. */
  readonly indexRange: number;
  /** Sum terms, derivative perturbations and index assignments evaluated for one claim. */
  readonly evaluationsPerClaim: number;
  readonly millisecondsPerClaim: number;
  readonly millisecondsPerDocument: number;
  /** Network size, refused at the spec line before anything is allocated. */
  readonly parameters: number;
  readonly width: number;
  readonly layers: number;
  /** Memory the random instances of one check may take (parameters, gradients, activations, per sample). */
  readonly checkMemoryBytes: number;
}

export const DEFAULT_LIMITS: CheckLimits = {
  documentChars: 500_000,
  formulaChars: 20_000,
  formulaNesting: 100,
  claims: 5_000,
  indexRange: 100_000,
  evaluationsPerClaim: 2_000_000,
  millisecondsPerClaim: 5_000,
  millisecondsPerDocument: 60_000,
  parameters: 5_000_000,
  width: SPEC_LIMITS.maxWidth,
  layers: SPEC_LIMITS.maxLayers,
  checkMemoryBytes: 512 * 1024 * 1024,
};

export function limitsWith(overrides: Partial<CheckLimits> | undefined): CheckLimits {
  return { ...DEFAULT_LIMITS, ...overrides };
}

/**
 * What one claim may still spend. Evaluation steps are counted where the
 * work multiplies (sum terms, perturbed instances, index assignments); the
 * clock is read every few hundred steps, so the check costs nothing measurable.
 */
export class EvaluationBudget {
  private steps = 0;
  private readonly deadline: number;

  constructor(
    private readonly limits: Pick<CheckLimits, 'evaluationsPerClaim' | 'millisecondsPerClaim' | 'indexRange'>,
    /** When the whole document's time runs out (ms since the epoch). */
    private readonly documentDeadline = Infinity,
  ) {
    this.deadline = Math.min(Date.now() + limits.millisecondsPerClaim, documentDeadline);
  }

  spend(count = 1): void {
    const before = this.steps;
    this.steps += count;
    if (this.steps > this.limits.evaluationsPerClaim) {
      throw new Uncheckable(`this formula needs more than ${formatLimit(this.limits.evaluationsPerClaim)} evaluations (the limit per claim); simplify it or raise the limit`);
    }
    if (before >> 8 !== this.steps >> 8 && Date.now() > this.deadline) {
      throw new OutOfTime(
        this.deadline === this.documentDeadline
          ? 'the time for checking this document ran out while checking this claim'
          : `checking this claim took more than ${formatLimit(this.limits.millisecondsPerClaim)} ms (the limit per claim)`,
      );
    }
  }

  /** A sum or free index over `count` values: refused above the limit, before any term is evaluated. */
  range(index: string, count: number): void {
    if (count > this.limits.indexRange) {
      throw new Uncheckable(`${index} runs over ${formatLimit(count)} values, more than the limit of ${formatLimit(this.limits.indexRange)}`);
    }
  }
}

/** Bytes one random instance takes per parameter: the parameters, their gradient, and a perturbed copy. */
const BYTES_PER_PARAMETER = 3 * 8;

/** A batch's examples share the parameters but each may hold its own gradient (8 bytes per parameter per example). */
export function estimatedCheckBytes(parameters: number, samples: number, batch = 1): number {
  return parameters * samples * (BYTES_PER_PARAMETER + (batch > 1 ? 8 * batch : 0));
}

const problem = (range: Range, code: string, message: string): Problem => ({ range, severity: 'error', code, message });

/** Where a document's network is declared: its first layer line, or the `mlp:` reference, or the top of the document. */
export function networkRange(spec: ParsedSpec): Range {
  const line = spec.statements.find((s) => s.kind === 'dense' || s.kind === 'input');
  const at = spec.includes[0]?.range ?? line?.range;
  return at ?? { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } };
}

/**
 * The network against the check's limits, located at the spec line that
 * crosses each one (at the `mlp:` reference when the layers are in a file).
 * The spec parser refuses anything above its hard ceilings (SPEC_LIMITS) by
 * itself; these are the lower, adjustable limits of one check.
 */
export function networkLimitProblems(spec: ParsedSpec, net: NetworkConfig, samples: number, limits: CheckLimits): Problem[] {
  const dense = spec.statements.filter((s): s is DenseStatement => s.kind === 'dense');
  const input = spec.statements.find((s): s is InputStatement => s.kind === 'input');
  const fallback = spec.includes[0]?.range ?? input?.range ?? dense[0]?.range;
  if (!fallback) return [];
  const inFile = dense.length === 0;
  const at = (r: Range | undefined): Range => (inFile ? fallback : (r ?? fallback));
  const problems: Problem[] = [];
  if (net.layers.length > limits.layers) {
    problems.push(problem(at(dense[limits.layers]?.keywordRange), 'limit-layers', `the network has ${net.layers.length} layers, more than the limit of ${limits.layers}`));
  }
  const widths = [net.inputSize, ...net.layers.map((l) => l.units)];
  const widest = widths.findIndex((w) => w > limits.width);
  if (widest >= 0) {
    const where = widest === 0 ? input?.valueRange : dense[widest - 1]?.unitsRange;
    problems.push(problem(at(where), 'limit-width', `a layer of ${formatLimit(widths[widest])} units is wider than the limit of ${formatLimit(limits.width)}`));
  }
  let running = 0;
  for (let l = 0; l < net.layers.length; l++) {
    running += net.layers[l].units * (widths[l] + 1);
    if (running > limits.parameters) {
      const total = countParameters(net.inputSize, net.layers.map((x) => x.units));
      problems.push(problem(at(dense[l]?.unitsRange), 'limit-parameters', `the network has ${formatLimit(total)} parameters, more than the limit of ${formatLimit(limits.parameters)} for one check`));
      return problems; // the memory estimate would only repeat it
    }
  }
  const batch = spec.batch?.size ?? 1;
  const bytes = estimatedCheckBytes(running, samples, batch);
  if (bytes > limits.checkMemoryBytes) {
    const batchLine = batch > 1 ? spec.statements.find((s) => s.kind === 'batch') : undefined;
    const samplesLine = batchLine ?? spec.statements.find((s) => s.kind === 'samples');
    const what = batch > 1 ? `${samples} batches of ${formatLimit(batch)} examples` : `${samples} samples`;
    problems.push(
      problem(
        samplesLine && !inFile ? samplesLine.range : at(dense[dense.length - 1]?.range),
        'limit-memory',
        `checking ${what} of a ${formatLimit(running)}-parameter network needs about ${megabytes(bytes)} MB, more than the limit of ${megabytes(limits.checkMemoryBytes)} MB: use fewer samples${batch > 1 ? ', a smaller batch' : ''} or a smaller network`,
      ),
    );
  }
  return problems;
}

const megabytes = (bytes: number): string => formatLimit(Math.ceil(bytes / (1024 * 1024)));

/** The document as a whole: refused, at the first character over the limit, when it is too long. */
export function documentLimitProblem(text: string, limits: CheckLimits): Problem | undefined {
  if (text.length <= limits.documentChars) return undefined;
  const at = new LineIndex(text).positionAt(limits.documentChars);
  return problem(
    { start: at, end: at },
    'limit-document',
    `this document has ${formatLimit(text.length)} characters, more than the limit of ${formatLimit(limits.documentChars)}; it is not checked (split it, or raise the limit)`,
  );
}

/** `\left(` is one level, not two: the delimiter after \left or \right is part of it. */
const OPENER = /\\left(?:\\[a-zA-Z]+|\\.|[^a-zA-Z\\])?|\\begin\{[^{}]*\}|[{([]/y;
const CLOSER = /\\right(?:\\[a-zA-Z]+|\\.|[^a-zA-Z\\])?|\\end\{[^{}]*\}|[})\]]/y;

/** The offset where a formula's nesting first goes deeper than `max`, if it does. Escaped braces count too: they nest as well. */
export function nestingOverflow(latex: string, max: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < latex.length; ) {
    OPENER.lastIndex = i;
    CLOSER.lastIndex = i;
    if (OPENER.test(latex)) {
      if (++depth > max) return i;
      i = OPENER.lastIndex;
    } else if (CLOSER.test(latex)) {
      depth = Math.max(0, depth - 1);
      i = CLOSER.lastIndex;
    } else i++;
  }
  return undefined;
}

/** Formulas within the length and nesting limits; the others are reported where they cross the limit and left out. */
export function formulasWithinLimits(formulas: readonly Formula[], limits: CheckLimits, problems: Problem[]): Formula[] {
  return formulas.filter((f) => {
    if (f.latex.length > limits.formulaChars) {
      const start = f.toPosition(0);
      problems.push({
        range: { start, end: f.toPosition(limits.formulaChars) },
        severity: 'warning',
        code: 'limit-formula-length',
        message: `this formula has ${formatLimit(f.latex.length)} characters, more than the limit of ${formatLimit(limits.formulaChars)}; it is not checked`,
      });
      return false;
    }
    const deep = nestingOverflow(f.latex, limits.formulaNesting);
    if (deep !== undefined) {
      const at = f.toPosition(deep);
      problems.push({
        range: { start: at, end: f.toPosition(deep + 1) },
        severity: 'warning',
        code: 'limit-formula-nesting',
        message: `this formula nests deeper than ${limits.formulaNesting} levels here; it is not checked`,
      });
      return false;
    }
    return true;
  });
}
