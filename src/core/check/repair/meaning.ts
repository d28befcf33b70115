// Edits of meaning: σ′ missing or extra, the label for the probability,
// ∂L/∂o for ∂L/∂z.
import type { Expr } from '../../math';
import { walk } from '../walk';
import { terms, text, type Candidate, type CandidateSource } from './candidate';
import { replace, unwrapParens } from './textEdit';

const isPrimeFactor = (e: Expr) => (e.kind === 'call' && e.fn.primes > 0) || e.kind === 'indicator';

export function activationDerivatives(src: CandidateSource): Candidate[] {
  const out: Candidate[] = [];
  walk(src.rhs, (node) => {
    // σ′ multiplies elementwise (⊙) in vector form and by juxtaposition entrywise.
    if (node.kind !== 'binary' || !(node.op === 'odot' || node.op === 'juxt' || node.op === 'cdot')) return;
    for (const [factor, other] of [
      [node.right, node.left],
      [node.left, node.right],
    ] as const) {
      if (!isPrimeFactor(factor)) continue;
      const rest = text(src, other);
      out.push({ kind: 'activation-derivative-extra', edits: [replace(node.span, node === src.rhs ? (unwrapParens(rest) ?? rest) : rest)], advice: `drop the factor ${text(src, factor)}`, screen: true });
    }
  });
  let prime = "\\sigma'";
  walk(src.rhs, (node) => {
    if (node.kind === 'call' && node.fn.primes > 0) prime = text(src, node.fn);
  });
  const parenthesised = /\^\{?\(/.test(src.source);
  const whole = text(src, src.rhs);
  const body = terms(src, src.rhs).length > 1 ? `\\left(${whole}\\right)` : whole;
  for (const k of [...new Set([...src.missingPrimeLayers, ...src.layerTexts])]) {
    const layer = parenthesised ? `{(${k})}` : k.length > 1 ? `{${k}}` : k;
    out.push({ kind: 'activation-derivative-missing', edits: [replace(src.rhs.span, `${body} \\odot ${prime}(z^${layer})`)], advice: `multiply by ${prime}(z^${layer}) elementwise`, screen: true });
    // The entrywise form (δ^L_j = ∂C/∂a^L_j σ′(z^L_j)): the factor carries the claim's index.
    for (const index of src.freeIndices) {
      const factor = `${prime}(z^${layer}_${index})`;
      out.push({ kind: 'activation-derivative-missing', edits: [replace(src.rhs.span, `${body} ${factor}`)], advice: `multiply by ${factor}`, screen: true });
    }
  }
  return out;
}

const PROBABILITIES = ['p', '\\hat{y}'];

export function labelProbability(src: CandidateSource): Candidate[] {
  const out: Candidate[] = [];
  const probabilities = PROBABILITIES.filter((p) => src.knows(p));
  walk(src.rhs, (node) => {
    const original = text(src, node);
    if ((node.kind === 'sym' && node.name === 'y' && !node.layer) || (node.kind === 'call' && /onehot/.test(node.fn.name))) {
      const indices = node.kind === 'sym' && node.indices.length > 0 ? original.slice(original.indexOf('_')) : '';
      for (const p of probabilities) out.push({ kind: 'label-probability', edits: [replace(node.span, `${p}${indices}`)], advice: `write the probability ${p}${indices} where the label ${original} stands`, screen: true });
      return false;
    }
    if (node.kind === 'sym' && PROBABILITIES.includes(node.name) && !node.layer) {
      const indices = node.indices.length > 0 ? original.slice(original.indexOf('_')) : '';
      out.push({ kind: 'label-probability', edits: [replace(node.span, indices ? `y${indices}` : '\\mathrm{onehot}(y)')], advice: `write the one-hot label where the probability ${original} stands`, screen: true });
    }
  });
  return out;
}

const ACTIVATIONS = ['o', 'a', 'h'];

export function gradientTargets(src: CandidateSource): Candidate[] {
  const out: Candidate[] = [];
  walk(src.rhs, (node) => {
    if (node.kind !== 'derivative' || node.wrt.kind !== 'sym' || !node.wrt.layer) return;
    const wrt = node.wrt;
    const written = text(src, wrt);
    if (!written.startsWith(wrt.name)) return;
    const alternatives = wrt.name === 'z' ? ACTIVATIONS.filter((a) => src.knows(a)) : ACTIVATIONS.includes(wrt.name) ? ['z'] : [];
    for (const other of alternatives) {
      out.push({
        kind: 'gradient-wrt',
        edits: [{ start: wrt.span.start, end: wrt.span.start + wrt.name.length, text: other }],
        advice: `differentiate with respect to ${other}, not ${wrt.name}${other === 'z' ? ' (δ is the gradient with respect to z)' : ''}`,
        screen: true,
      });
    }
  });
  return out;
}
