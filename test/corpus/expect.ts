// How a corpus document's sidecar (`name.expect.ts`) pins every claim:
// its line, a distinctive piece of its LaTeX, its intended verdict, and
// for ok/mismatch a reference computation of both sides.
import { ShapeError, type Mat, type Vec } from './reference/linalg';
import type { Instance, Net } from './reference/mlp';

export type Intended = 'ok' | 'mismatch' | 'definition' | 'not-a-claim';
export type Value = number | Vec | Mat;

/** One random instance of the document's network: `e` is the first example, `batch` all of them. */
export interface Case {
  readonly net: Net;
  readonly e: Instance;
  readonly batch: readonly Instance[];
  /** number of layers */
  readonly L: number;
}

export interface Expectation {
  /** 1-based line of the claim's right-hand side */
  readonly line: number;
  /** a piece of the claim's LaTeX (as written on that line; whitespace is ignored when matching) */
  readonly has: string;
  readonly verdict: Intended;
  /** for a planted mistake: what the student got wrong */
  readonly planted?: string;
  /** other verdicts that also count as intended (used only where two readings are equally right, see the helpers) */
  readonly accept?: readonly Intended[];
  /** both sides on one instance, for ok and mismatch */
  readonly ref?: (c: Case) => readonly [Value, Value];
}

export type Ref = NonNullable<Expectation['ref']>;

export const ok = (line: number, has: string, ref: Ref): Expectation => ({ line, has, verdict: 'ok', ref });
export const planted = (line: number, has: string, planted: string, ref: Ref): Expectation => ({ line, has, verdict: 'mismatch', planted, ref });
export const definition = (line: number, has: string): Expectation => ({ line, has, verdict: 'definition' });
/** prose conditions, dimension notes, example numbers: must not be reported as a claim at all */
export const notAClaim = (line: number, has: string): Expectation => ({ line, has, verdict: 'not-a-claim' });

/**
 * A size or constant stated in prose math (`L = 2`, `n = 2`, `\lambda = 0.1`): never a
 * claim about values; it may bind the symbol (issue 8) or be left alone (issue 7).
 */
export const aside = (line: number, has: string): Expectation => ({ line, has, verdict: 'not-a-claim', accept: ['definition'] });
/**
 * An algorithm's running variable (`g \leftarrow \nabla_{a} J`): binding it and confirming
 * it against the gradient it stands for are both right.
 */
export const running = (line: number, has: string, ref: Ref): Expectation => ({ line, has, verdict: 'ok', accept: ['definition'], ref });

/** The document's own loss, agreeing with the spec's: checking it and taking it as the loss's definition are both right. */
export const loss = (line: number, has: string, ref: Ref): Expectation => ({ line, has, verdict: 'ok', accept: ['definition'], ref });

/** A forward equation naming a fresh symbol (`H = …`, `a_j = …`): confirming it and taking it as the node's definition are both right. */
export const forward = (line: number, has: string, ref: Ref): Expectation => ({ line, has, verdict: 'ok', accept: ['definition'], ref });

export function flatten(v: Value): Vec {
  if (typeof v === 'number') return [v];
  return (v as (number | Vec)[]).flatMap((x) => (typeof x === 'number' ? [x] : x));
}

/** A claim that holds for every layer l in [from, to]: both sides concatenated over the layers. */
export function layers(from: number, to: number, side: (l: number) => readonly [Value, Value]): readonly [Vec, Vec] {
  const left: number[] = [];
  const right: number[] = [];
  for (let l = from; l <= to; l++) {
    const [u, v] = side(l);
    const fu = flatten(u);
    const fv = flatten(v);
    if (fu.length !== fv.length) throw new ShapeError(`layer ${l}: ${fu.length} vs ${fv.length} entries`);
    left.push(...fu);
    right.push(...fv);
  }
  return [left, right];
}

/** An entrywise formula over rows × cols (an index out of range is a shape error, as a reader would see it). */
export function entries(rows: number, cols: number, f: (j: number, k: number) => number | undefined): Mat {
  return Array.from({ length: rows }, (_, j) =>
    Array.from({ length: cols }, (_, k) => {
      const v = f(j, k);
      if (v === undefined || Number.isNaN(v)) throw new ShapeError(`index (${j}, ${k}) out of range`);
      return v;
    }),
  );
}

/** The learning rate used by reference update rules (any positive value: both sides are linear in it). */
export const ETA = 0.37;
/** One gradient-descent step on a vector or matrix parameter: what an update rule must equal. */
export function step<P extends Value>(param: P, gradient: P, eta = ETA): Vec {
  const p = flatten(param);
  const g = flatten(gradient);
  if (p.length !== g.length) throw new ShapeError(`update: ${p.length} vs ${g.length} entries`);
  return p.map((x, i) => x - eta * g[i]);
}
