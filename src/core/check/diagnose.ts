// When a claim fails, name the mistake in a sentence a student understands
// and show the corrected formula, but only a correction that the repair
// search verified (repair/): the corrected LaTeX was re-parsed and
// re-evaluated on every sample and index. When no small edit repairs the
// claim, say so and show what the left side really is.
import type { DiagnosisKind, RepairKind } from './report';
import { findRepair, leftSideAtWorst, type Repair, type RepairCost, type RepairInput } from './repair';
import { entries, shapeOf } from './values';

export interface Diagnosis {
  readonly kind: DiagnosisKind;
  /** The sentence shown with the verdict. */
  readonly text: string;
  readonly repair?: Repair;
  readonly cost: RepairCost;
}

const LABEL: Readonly<Record<RepairKind, string>> = {
  sign: 'sign flipped',
  'term-sign': 'sign flipped in one term',
  'constant-factor': 'off by a constant factor',
  'transpose-missing': 'transpose missing',
  'transpose-extra': 'transpose not wanted',
  transposed: 'transposed',
  'outer-product-order': 'outer product in the wrong order',
  'factor-order': 'factors in the wrong order',
  'indices-swapped': 'indices swapped',
  'layer-index': 'wrong layer index',
  'activation-derivative-layer': 'σ′ at the wrong layer',
  'activation-derivative-missing': 'missing σ′ factor',
  'activation-derivative-extra': 'σ′ factor not wanted',
  'label-probability': 'label and probability confused',
  'gradient-wrt': 'derivative with respect to the wrong quantity',
  'partial-range': 'holds only on part of its range',
};

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toPrecision(4));

/** "no small edit …; the left side is a vector of 3: 0.1203, -0.3112, 0.1909". */
function noRepair(input: RepairInput, where: string | undefined): string {
  const lhs = leftSideAtWorst(input);
  const values = lhs === undefined ? undefined : entries(lhs);
  const shown = values && values.length > 0 && !values.some(Number.isNaN) ? `; the left side is a ${shapeOf(lhs!)}: ${Array.from(values.slice(0, 4), fmt).join(', ')}${values.length > 4 ? ', …' : ''}` : '';
  return `${where ? `${where}; ` : ''}no small edit of the right side makes it hold${shown}`;
}

export function diagnose(input: RepairInput): Diagnosis {
  let result: ReturnType<typeof findRepair>;
  try {
    result = findRepair(input);
  } catch (error) {
    // A diagnosis is help, never a reason to lose the verdict: an unforeseen failure of the search is reported as no repair.
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'no-repair', text: `${noRepair(input, undefined)} (the search for a correction stopped: ${message})`, cost: { candidates: 0, screened: 0, verified: 0, milliseconds: 0 } };
  }
  const { repair, hints, cost } = result;
  if (!repair) {
    const split = hints.splits[0];
    return { kind: 'no-repair', text: noRepair(input, split ? `holds only where ${split.describe}` : hints.partly), cost };
  }
  const label = repair.kind === 'partial-range' ? `holds only where ${hints.splits.find((s) => repair.advice.endsWith(s.latex))?.describe ?? 'part of its range'}` : LABEL[repair.kind];
  return { kind: repair.kind, text: `${label}: ${repair.advice} — ${repair.rhs} holds`, repair, cost };
}
