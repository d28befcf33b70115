// The bounded space of small, typical edits of a claim's right side. Each
// candidate is a text edit of the author's source at the spans the parser
// recorded, with the advice a student reads. Nothing here decides whether
// a candidate is right: search.ts re-parses and re-evaluates every one.
import { constantFactors, negations, restrictions, termSigns } from './arithmetic';
import type { Candidate, CandidateSource } from './candidate';
import { activationDerivatives, gradientTargets, labelProbability } from './meaning';
import { factorOrders, indexSwaps, layerShifts, outerProducts, transposes } from './structure';

export type { Candidate, CandidateSource } from './candidate';

const GENERATORS = [negations, termSigns, constantFactors, transposes, outerProducts, indexSwaps, layerShifts, activationDerivatives, factorOrders, labelProbability, gradientTargets, restrictions];

/** Every candidate edit of the right side, unordered and unverified. */
export function candidates(src: CandidateSource): Candidate[] {
  return GENERATORS.flatMap((generate) => generate(src));
}
