// Limits that keep one hostile or mistyped document from hanging or bloating
// whatever runs the check (the editor's worker, the CLI). Each limit, when
// hit, becomes a located message on the construct that exceeds it; nothing
// is cut silently. CheckOptions.limits overrides any of them.
import { formatCount as formatLimit, SPEC_LIMITS } from '../netspec';
import { Uncheckable } from './errors';

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
  documentChars: 5_000_000,
  formulaChars: 20_000,
  formulaNesting: 100,
  claims: 5_000,
  indexRange: 100_000,
  evaluationsPerClaim: 2_000_000,
  millisecondsPerClaim: 5_000,
  millisecondsPerDocument: 60_000,
  parameters: SPEC_LIMITS.maxParameters,
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
      throw new Uncheckable(
        this.deadline === this.documentDeadline
          ? 'the time for checking this document ran out before this claim'
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
