// Trust first: a claim that fails for a reason a reading choice could explain
// (a layer that does not exist, a shape clash, an index out of range) is
// re-read under the other ways documents number and lay out their
// quantities. The evidence decides, never a list of special cases:
//  - a reading under which every claim that held still holds, and at least
//    two more hold, is how the document is written: it is adopted for the
//    whole document and the report says so (UFLDL's a^{(1)} = x);
//  - otherwise, a failing claim that holds under a reading which breaks no
//    other claim is `unchecked`, "holds if the document means …";
//  - a failure no reading explains stays what it is, so a real mistake (a
//    dropped transpose among correct forward equations) is still ✗.
import { A_PRE_ACTIVATION, combineReadings, READINGS, type Reading } from '../notation';
import { placedAt, placesByGuess } from './graph';
import type { Problem } from '../source';
import { claimReport, guessedLayerDefinition, uncheckedReport, type DiagnosisEntry } from './claimReport';
import { displayName, type Environment } from './conventions';
import type { InstanceContext } from './context';
import { evaluateClaim, type ClaimEvaluation, type EvaluateOptions } from './evaluate';
import type { LocatedClaim } from './located';
import type { LowerOptions } from './lower';
import type { ClaimReport, DiagnosisKind } from './report';
import { some } from './walk';

/**
 * Failures a reading could explain: any mismatch (a reading must then keep
 * every other claim holding, which a real mistake among correct lines never
 * passes), a quantity that does not exist at that layer, an index, an arity.
 */
export function isReadingFailure(evaluation: ClaimEvaluation): boolean {
  if (evaluation.status === 'mismatch') return true;
  if (evaluation.status !== 'unchecked') return false;
  return /does not exist|out of range|takes one argument|needs one index|no index value|does not fit the network as GradCheck reads it/.test(evaluation.reason.message);
}

/**
 * An index a symbol cannot take: a number it has no entry for (x_0, w^{(1)}_{j0}),
 * or a count of indices it cannot take ("needs two indices, got 1"): the
 * document uses the symbol for something else. A free index running past a
 * symbol (δ^{l+1}_j with j over layer l) is a real mistake and stays ✗.
 */
function isIndexFailure(o: Observed): boolean {
  const problem = o.evaluation.status === 'mismatch' ? (o.evaluation.shapeError ?? '') : '';
  if (/needs (one|two) ind|takes no index|no index range/.test(problem)) return true;
  // Out of range for a symbol written without a layer (Bishop's z_j): its layer was GradCheck's guess, not the author's.
  const symbol = /out of range for ([^\s^(]+) \(/.exec(problem)?.[1];
  if (symbol && GUESSED_LAYER.has(symbol)) return true;
  const { lhs, rhs } = o.located.claim;
  return /out of range/.test(problem) && [lhs, rhs].some((side) => some(side, (n) => n.kind === 'sym' && n.indices.some((i) => i.kind === 'num')));
}

function indexProblem(evaluation: ClaimEvaluation): string {
  const problem = evaluation.status === 'mismatch' ? evaluation.shapeError : '';
  return `${problem}: the document seems to use this symbol for something else than GradCheck reads (hover it); say what it means with let in the spec or define it with :=`;
}

/** Quantities that, written without a layer, are read at the last layer: an index past them is a guess gone wrong. */
const GUESSED_LAYER: ReadonlySet<string> = new Set(['z', 'o', 'a', 'h', 'Z', 'A']);

const TRIAL_ASSIGNMENTS = 24;

/** Diagnoses of mistakes no reading in READINGS can cause (diagnose.ts's kinds). */
const NOT_A_READING: ReadonlySet<DiagnosisKind> = new Set(['sign', 'term-sign', 'constant-factor', 'activation-derivative-missing', 'activation-derivative-extra']);

/** Verified mistakes that look like a weight-layout or row-vector reading: only other claims can tell them apart. */
const LAYOUT_MISTAKES: ReadonlySet<DiagnosisKind> = new Set(['transpose-missing', 'transpose-extra', 'transposed', 'indices-swapped', 'outer-product-order', 'factor-order']);

interface Observed {
  /** Position of the claim's report in the reports `revise` is given. */
  index: number;
  readonly report: ClaimReport;
  readonly located: LocatedClaim;
  readonly env: Environment;
  readonly evaluation: ClaimEvaluation;
  /** How the claim was evaluated (tolerance, limits, the document's loss), for re-reading it the same way. */
  readonly options: EvaluateOptions;
}

export class ReadingJudge {
  private observed: Observed[] = [];

  /**
   * `instances` draws the document's random instances when first needed;
   * `diagnoseUnder` diagnoses a claim that still fails under an adopted
   * reading, the repair search reading its candidates the same way.
   */
  constructor(
    private readonly instances: () => readonly InstanceContext[],
    private readonly diagnoseUnder?: (located: LocatedClaim, evaluation: Extract<ClaimEvaluation, { status: 'ok' | 'mismatch' }>, env: Environment, lower: LowerOptions) => DiagnosisEntry,
  ) {}

  private get contexts(): readonly InstanceContext[] {
    return this.instances();
  }

  /**
   * A = B = C where B is shorthand GradCheck cannot evaluate (both links
   * unchecked): the two ends are checked against each other, and the last
   * link says so, naming the middle that was not evaluated.
   */
  private chainEnds(out: ClaimReport[]): ClaimReport[] {
    for (let k = 1; k < this.observed.length; k++) {
      const first = this.observed[k - 1];
      const second = this.observed[k];
      if (first.located.claim.rhs !== second.located.claim.lhs || first.evaluation.status !== 'unchecked' || second.evaluation.status !== 'unchecked') continue;
      const ends: LocatedClaim = {
        ...second.located,
        claim: { ...second.located.claim, lhs: first.located.claim.lhs, lhsSpan: first.located.claim.lhsSpan },
        lhsFormula: first.located.lhsFormula,
      };
      const evaluation = evaluateClaim(ends.claim, second.env, this.contexts, second.options);
      if (evaluation.status === 'unchecked') continue;
      const middle = `the middle step was not evaluated (${first.evaluation.reason.message})`;
      const report = claimReport(ends, evaluation, undefined, second.env);
      out[second.index] =
        evaluation.status === 'ok'
          ? { ...out[second.index], message: `not checked as a step: ${middle}; the chain's two ends agree (${report.message})` }
          : { ...report, latex: second.located.latex, message: `the chain's two ends differ: ${report.message.replace(/^does not hold: /, '')}; ${middle}` };
    }
    return out;
  }

  /**
   * Once a line defines a bare z, h, o (d2l's z = W^{(1)} x), later lines
   * using the bare name mean the document's quantity, not GradCheck's
   * last-layer guess: their mismatches are that reading's doing.
   */
  private ownBareQuantities(out: ClaimReport[]): void {
    const own = new Map<string, number>();
    for (const o of this.observed) {
      const name = o.evaluation.status === 'mismatch' ? guessedLayerDefinition(o.located, o.env) : undefined;
      if (name && !own.has(name)) own.set(name, o.located.lhsFormula.toPosition(o.located.claim.lhsSpan.start).line + 1);
      if (name || o.evaluation.status !== 'mismatch' || own.size === 0) continue;
      const { lhs, rhs } = o.located.claim;
      const bare = [...own.keys()].find((n) => [lhs, rhs].some((side) => some(side, (e) => e.kind === 'sym' && !e.layer && displayName(e) === n)));
      if (bare) {
        out[o.index] = uncheckedReport(o.located, `not checked: ${bare} is the document's own quantity (line ${own.get(bare)}), not the last layer's ${bare} that GradCheck reads for a bare ${bare}; write its layer or define it with :=`, 'reading', undefined, undefined, o.evaluation.uses);
      }
    }
  }

  /**
   * A forward equation on units written with a letter and no layer (Bishop's
   * z_j = h(a_j)) is read at the last layer: GradCheck's guess. When it holds
   * with those units at another layer (a as the pre-activation or not), the
   * guess failed, not the mathematics; the message says how to say the layer.
   */
  private guessedLayer(o: Observed): string | undefined {
    const claim = o.located.claim;
    if (o.evaluation.status !== 'mismatch' || !placesByGuess(claim) || some(claim.lhs, (n) => n.kind === 'derivative') || some(claim.rhs, (n) => n.kind === 'derivative')) return undefined;
    const lastLayer = this.contexts[0]?.lastLayer ?? 0;
    const declared = o.options.lower?.reading;
    const renaming = combineReadings(declared, A_PRE_ACTIVATION);
    for (let layer = 1; layer < lastLayer; layer++) {
      for (const reading of renaming ? [declared, renaming] : [declared]) {
        const trial = evaluateClaim(placedAt(claim, layer), o.env, this.contexts.slice(-1), { ...o.options, maxAssignments: TRIAL_ASSIGNMENTS, lower: { ...o.options.lower, reading } });
        if (trial.status !== 'ok') continue;
        const renamed = reading === renaming && renaming ? ` with ${renaming.description}` : '';
        return `its units carry no layer, so GradCheck reads them at the last layer, where it fails; it holds at layer ${layer}${renamed}. Write the layer (a^{(${layer})}_j), or declare the index letters in the spec, input layer first (\`convention layer-letters i j k\`)`;
      }
    }
    return undefined;
  }

  /** Remembers a claim's evaluation under the default reading, and the report made of it, for `revise`. */
  observe(report: ClaimReport, located: LocatedClaim, env: Environment, evaluation: ClaimEvaluation, options: EvaluateOptions): void {
    this.observed.push({ index: -1, report, located, env: env.snapshot(), evaluation, options });
  }

  /** The reports, revised by the evidence for another reading; `problems` gets a note and `conventions` the reading when the document is re-read. */
  revise(reports: readonly ClaimReport[], problems: Problem[], conventions: string[] = []): ClaimReport[] {
    for (const o of this.observed) o.index = reports.indexOf(o.report);
    this.observed = this.observed.filter((o) => o.index >= 0);
    if (this.observed.length === 0) return [...reports];
    // A mismatch a usual mistake explains that no renumbering or layout can produce (a flipped sign, a factor) is not tried.
    const failing = this.observed.filter((o) => isReadingFailure(o.evaluation) && !NOT_A_READING.has(reports[o.index].diagnosisKind ?? 'no-repair'));
    if (failing.length === 0) return this.chainEnds([...reports]);
    const heldByDefault = this.observed.filter((o) => o.evaluation.status === 'ok');
    // Cheapest evidence first: a reading that explains none of the failures is never tried on the rest.
    // A reading the document declares stays; the others are tried on top of it, never instead (readings.ts in notation).
    const declared = this.observed[0].options.lower?.reading;
    const candidates = READINGS.flatMap((r) => combineReadings(declared, r) ?? []);
    const trials = candidates.map((reading: Reading) => {
      const evaluations = new Map<number, ClaimEvaluation>();
      const under = (o: Observed) => {
        let e = evaluations.get(o.index);
        // Trials look at one instance (the last: the first also runs finite differences) and a sample of index values: evidence, not the verdict.
        if (!e) evaluations.set(o.index, (e = evaluateClaim(o.located.claim, o.env, this.contexts.slice(-1), { ...o.options, maxAssignments: TRIAL_ASSIGNMENTS, lower: { ...o.options.lower, reading } })));
        return e;
      };
      const holds = (o: Observed) => under(o).status === 'ok';
      const explains = failing.some(holds);
      const consistent = explains && heldByDefault.every(holds);
      return { reading, evaluations, under, consistent, held: consistent ? this.observed.filter(holds).length : 0 };
    });
    const out = this.chainEnds([...reports]);
    this.ownBareQuantities(out);
    const adopted = trials.filter((t) => t.consistent && t.held >= heldByDefault.length + 2).sort((a, b) => b.held - a.held)[0];
    if (adopted) {
      for (const o of this.observed) {
        const lower = { ...o.options.lower, reading: adopted.reading };
        const full = evaluateClaim(o.located.claim, o.env, this.contexts, { ...o.options, lower });
        const report = claimReport(o.located, full, full.status === 'mismatch' ? this.diagnoseUnder?.(o.located, full, o.env, lower) : undefined, o.env);
        out[o.index] = report.status === 'unchecked' ? report : { ...report, message: `${report.message} (read with ${adopted.reading.short})` };
      }
      const first = this.observed[0].located;
      problems.push({
        range: { start: first.lhsFormula.toPosition(0), end: first.lhsFormula.toPosition(0) },
        severity: 'information',
        message: `checked with ${adopted.reading.description}: the document's equations hold under that reading and not under GradCheck's default`,
        code: 'reading',
      });
      conventions.push(`${adopted.reading.description} (detected: the document's equations hold under it and not under GradCheck's default)`);
      return out;
    }
    for (const o of failing) {
      // With no other claim holding, nothing tells a layout reading from the layout mistake the diagnosis verified (a lone missing transpose): the mistake stands.
      const lone = heldByDefault.length === 0 && LAYOUT_MISTAKES.has(reports[o.index].diagnosisKind ?? 'no-repair');
      const explaining = lone ? undefined : trials.find((t) => t.consistent && t.under(o).status === 'ok');
      const guess = explaining ? undefined : this.guessedLayer(o);
      if (guess) {
        out[o.index] = uncheckedReport(o.located, `not checked: ${guess}`, 'reading');
        continue;
      }
      if (!explaining) {
        if (isIndexFailure(o)) out[o.index] = uncheckedReport(o.located, `not checked: ${indexProblem(o.evaluation)}`, 'reading');
        continue;
      }
      const reason = o.evaluation.status === 'unchecked' ? o.evaluation.reason.message : (o.evaluation.status === 'mismatch' && o.evaluation.shapeError) || 'it fails as written';
      out[o.index] = uncheckedReport(
        o.located,
        `not checked: as written, ${reason}; it holds if the document means ${explaining.reading.description}. GradCheck reads the input as layer 0 and W^l as n_l × n_{l−1}: write the claim that way, or define its symbols with :=`,
        'reading',
      );
    }
    return out;
  }
}
