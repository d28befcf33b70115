// How two arrays of numbers are compared, exactly as DESIGN.md defines it.

export const DEFAULT_TOLERANCE = { atol: 1e-6, rtol: 1e-5 } as const;

export interface Tolerance {
  readonly atol: number;
  readonly rtol: number;
}

/** max over entries of |u − v| / max(|u|, |v|, 1e-12); NaN anywhere gives NaN, a length mismatch throws. */
export function relativeError(u: ArrayLike<number>, v: ArrayLike<number>): number {
  return worstEntry(u, v).error;
}

/** The worst entry: its index and relative error (index −1 for empty arrays). */
export function worstEntry(u: ArrayLike<number>, v: ArrayLike<number>): { index: number; error: number } {
  if (u.length !== v.length) throw new Error(`cannot compare arrays of ${u.length} and ${v.length} entries`);
  let worst = { index: u.length > 0 ? 0 : -1, error: 0 };
  for (let i = 0; i < u.length; i++) {
    const error = entryRelativeError(u[i], v[i]);
    if (Number.isNaN(error)) return { index: i, error: NaN };
    if (error > worst.error) worst = { index: i, error };
  }
  return worst;
}

export function entryRelativeError(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  if (a === b) return 0; // also equal infinities
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-12);
}

/** Every entry passes |u − v| ≤ atol + rtol·|v| (v is the reference); NaN never passes. */
export function allClose(u: ArrayLike<number>, v: ArrayLike<number>, tolerance: Tolerance = DEFAULT_TOLERANCE): boolean {
  if (u.length !== v.length) return false;
  for (let i = 0; i < u.length; i++) {
    if (!(Math.abs(u[i] - v[i]) <= tolerance.atol + tolerance.rtol * Math.abs(v[i])) && u[i] !== v[i]) return false;
  }
  return true;
}
