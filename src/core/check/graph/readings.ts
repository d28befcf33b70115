// A layered symbol the document uses for the other quantity of a layer:
// Goodfellow's a^{(k)} = b^{(k)} + W^{(k)} h^{(k-1)} is a pre-activation,
// where the convention reads a as an activation. When a forward equation
// fails under the convention and holds, at every layer, with the symbol
// read as the other quantity, that reading is unambiguous: the document
// uses it from that line on, and the report lists it.
import type { Claim, Sym } from '../../math';
import { displayName, plainName, type Binding, type Environment } from '../conventions';
import type { ClaimEvaluation } from '../evaluate';
import { some, walk } from '../walk';

const OTHER: Readonly<Record<string, { quantity: 'z' | 'o'; description: string }>> = {
  o: { quantity: 'z', description: 'the pre-activation z^l of layer l' },
  z: { quantity: 'o', description: 'the activation o^l of layer l' },
};

export interface AlternativeReading {
  readonly evaluation: ClaimEvaluation;
  readonly name: string;
  readonly binding: Binding;
  readonly convention: string;
}

/** Layered symbols of a claim with a layer written, left side first, once each. */
function layeredSymbols(claim: Claim): Sym[] {
  const found: Sym[] = [];
  for (const side of [claim.lhs, claim.rhs]) {
    walk(side, (node) => {
      if (node.kind === 'sym' && node.layer && !found.some((s) => plainName(s.name) === plainName(node.name))) found.push(node);
    });
  }
  return found;
}

/** The one symbol whose other reading makes a failed forward equation hold, if exactly one does. */
export function alternativeReading(claim: Claim, env: Environment, line: number, evaluate: (env: Environment) => ClaimEvaluation): AlternativeReading | undefined {
  if (claim.kind !== 'claim' || claim.relation !== '=' || claim.lhs.kind !== 'sym' || !claim.lhs.layer || claim.lhs.primes > 0) return undefined;
  // Only forward equations: δ^{l} = ∂L/∂o^{l} is a definition that conflicts with the convention, not another reading of o.
  const backward = [claim.lhs, claim.rhs].some((side) => some(side, (n) => n.kind === 'derivative' || (n.kind === 'sym' && plainName(n.name) === '\\delta')));
  if (backward) return undefined;
  const readings: AlternativeReading[] = [];
  for (const sym of layeredSymbols(claim)) {
    const current = env.lookup(sym.name);
    if (current?.meaning.kind !== 'layered' || current.boundBy !== 'default convention') continue;
    const other = OTHER[current.meaning.quantity];
    if (!other) continue;
    const name = displayName(sym);
    const binding: Binding = { meaning: { kind: 'layered', quantity: other.quantity }, description: `${name}^l is ${other.description} in this document (detected on line ${line})`, boundBy: `detected on line ${line}` };
    const trial = env.child();
    trial.bind(sym.name, binding);
    const evaluation = evaluate(trial);
    if (evaluation.status === 'ok') readings.push({ evaluation, name: plainName(sym.name), binding, convention: `${name} is ${other.description} (detected: line ${line} holds only so)` });
  }
  return readings.length === 1 ? readings[0] : undefined;
}
