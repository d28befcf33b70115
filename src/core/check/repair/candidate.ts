// What a candidate edit is, and the reading helpers its generators share:
// the source text of a node, the top-level terms of a sum, constants.
import type { Expr } from '../../math';
import type { RepairKind } from '../report';
import { insert, type TextEdit } from './textEdit';

export interface Candidate {
  readonly kind: RepairKind;
  readonly edits: readonly TextEdit[];
  /** What to change, in words: "transpose W^2", "drop the 2". */
  readonly advice: string;
  /** False when the edit restricts the claim (an added condition): the worst case may then drop out, so it is not screened there. */
  readonly screen: boolean;
}

/** What the generators read besides the tree: the formula's source and hints from the numbers. */
export interface CandidateSource {
  /** The formula's LaTeX; every span of `rhs` indexes it. */
  readonly source: string;
  readonly rhs: Expr;
  /** Layer texts the claim uses (`l`, `l+1`, `2`), both sides, for a σ′ that is missing. */
  readonly layerTexts: readonly string[];
  readonly freeIndices: readonly string[];
  /** The numbers say: left = k × right (k not 1). */
  readonly ratio?: number;
  /** Layers k (as text) where left = right ⊙ σ′(z^k) at the worst case. */
  readonly missingPrimeLayers: readonly string[];
  /** Names the environment knows, to try the label against the probability. */
  readonly knows: (name: string) => boolean;
  /** The name a whole number has in this document (the batch size m), for a factor written as the author would. */
  readonly nameOf?: (value: number) => string | undefined;
  /** Clean splits of the index space where the claim holds: LaTeX conditions with their wording. */
  readonly splits: readonly { readonly latex: string; readonly describe: string }[];
}

export const text = (src: CandidateSource, e: Expr) => src.source.slice(e.span.start, e.span.end);
export const isProduct = (e: Expr): e is Extract<Expr, { kind: 'binary' }> => e.kind === 'binary' && (e.op === 'juxt' || e.op === 'cdot' || e.op === 'times');

/** The author's transpose spelling in this formula: `T`, `{T}`, `\top`, `{\top}`. */
export function transposeMark(source: string): string {
  const m = /\^\s*(\{\s*\\top\s*\}|\{\s*T\s*\}|\\top|T)(?![A-Za-z])/.exec(source);
  return m ? m[1].replace(/\s+/g, '') : 'T';
}

/** Top-level terms of a sum: each with the span of the `+`/`-` before it (none for the first). */
export interface Term {
  readonly expr: Expr;
  readonly op?: { readonly start: number; readonly char: '+' | '-' };
}

export function terms(src: CandidateSource, e: Expr): Term[] {
  if (e.kind === 'binary' && (e.op === '+' || e.op === '-')) {
    const left = terms(src, e.left);
    const gap = src.source.slice(e.left.span.end, e.right.span.start);
    const at = Math.max(gap.lastIndexOf('+'), gap.lastIndexOf('-'));
    if (at < 0) return [...left, { expr: e.right }];
    return [...left, { expr: e.right, op: { start: e.left.span.end + at, char: gap[at] as '+' | '-' } }];
  }
  return [{ expr: e }];
}

/** The edit that flips the sign of one term. */
export function flipTerm(src: CandidateSource, term: Term): TextEdit | undefined {
  if (term.op) return { start: term.op.start, end: term.op.start + 1, text: term.op.char === '+' ? '-' : '+' };
  const e = term.expr;
  if (e.kind === 'neg') return { start: e.span.start, end: e.arg.span.start, text: '' };
  return insert(e.span.start, '-');
}
/** A number, or \frac{p}{q} of numbers. */
export function constantOf(e: Expr): number | undefined {
  if (e.kind === 'num') return e.value;
  if (e.kind === 'neg') {
    const c = constantOf(e.arg);
    return c === undefined ? undefined : -c;
  }
  if (e.kind === 'binary' && e.op === '/' && e.left.kind === 'num' && e.right.kind === 'num') return e.left.value / e.right.value;
  return undefined;
}

export function times(k: number): string {
  if (k === 2) return 'twice';
  if (k === 0.5) return 'half';
  const r = rational(k);
  return r ? `${r[1] === 1 ? r[0] : `${r[0]}/${r[1]}`} times` : `${k.toPrecision(3)} times`;
}

/** k as p/q with small p, q; undefined when it is not one. */
export function rational(k: number): [number, number] | undefined {
  for (let q = 1; q <= 12; q++) {
    const p = Math.round(k * q);
    if (p !== 0 && Math.abs(p) <= 24 && Math.abs(k * q - p) < 1e-6 * q) return [p, q];
  }
  return undefined;
}
