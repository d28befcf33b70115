// Plain number[] linear algebra for the corpus reference. Deliberately
// independent of src/core: the corpus's expectations must not inherit the
// checker's bugs. Vectors are number[] (columns), matrices number[][] (rows).
export type Vec = number[];
export type Mat = number[][];

/** Thrown when a formula's shapes do not fit: for a planted mistake that is a real difference. */
export class ShapeError extends Error {}

function sameLength(u: Vec, v: Vec, what: string): void {
  if (u.length !== v.length) throw new ShapeError(`${what}: ${u.length} vs ${v.length}`);
}

export const add = (u: Vec, v: Vec): Vec => (sameLength(u, v, 'add'), u.map((x, i) => x + v[i]));
export const sub = (u: Vec, v: Vec): Vec => (sameLength(u, v, 'sub'), u.map((x, i) => x - v[i]));
/** Elementwise (Hadamard) product. */
export const had = (u: Vec, v: Vec): Vec => (sameLength(u, v, 'hadamard'), u.map((x, i) => x * v[i]));
export const scale = (c: number, u: Vec): Vec => u.map((x) => c * x);
export const map = (u: Vec, f: (x: number) => number): Vec => u.map(f);
export const sum = (u: Vec): number => u.reduce((s, x) => s + x, 0);
export const dot = (u: Vec, v: Vec): number => sum(had(u, v));

export const T = (A: Mat): Mat => A[0].map((_, j) => A.map((row) => row[j]));
export function matvec(A: Mat, v: Vec): Vec {
  if (A[0].length !== v.length) throw new ShapeError(`matvec: ${A.length}x${A[0].length} times ${v.length}`);
  return A.map((row) => dot(row, v));
}
export function matmul(A: Mat, B: Mat): Mat {
  if (A[0].length !== B.length) throw new ShapeError(`matmul: ${A.length}x${A[0].length} times ${B.length}x${B[0].length}`);
  const Bt = T(B);
  return A.map((row) => Bt.map((col) => dot(row, col)));
}
/** u v^T */
export const outer = (u: Vec, v: Vec): Mat => u.map((x) => v.map((y) => x * y));
export const flat = (A: Mat): Vec => A.flat();
export const addM = (A: Mat, B: Mat): Mat => (sameLength(A.map(() => 0), B.map(() => 0), 'add rows'), A.map((row, i) => add(row, B[i])));
export const subM = (A: Mat, B: Mat): Mat => (sameLength(A.map(() => 0), B.map(() => 0), 'sub rows'), A.map((row, i) => sub(row, B[i])));
export const scaleM = (c: number, A: Mat): Mat => A.map((row) => scale(c, row));
export const hadM = (A: Mat, B: Mat): Mat => (sameLength(A.map(() => 0), B.map(() => 0), 'hadamard rows'), A.map((row, i) => had(row, B[i])));
export const mapM = (A: Mat, f: (x: number) => number): Mat => A.map((row) => row.map(f));
/** Columns [c_1 … c_m] → matrix. */
export const fromColumns = (cols: Vec[]): Mat => T(cols);
export const fromRows = (rows: Vec[]): Mat => rows.map((r) => [...r]);
/** Sum over columns: the column vector of row sums (np.sum(axis=1)). */
export const rowSums = (A: Mat): Vec => A.map(sum);
/** Sum over rows: the row of column sums (np.sum(axis=0)). */
export const colSums = (A: Mat): Vec => T(A).map(sum);
export const frob2 = (A: Mat): number => sum(flat(A).map((x) => x * x));
export const col = (v: Vec): Mat => v.map((x) => [x]);
export const row = (v: Vec): Mat => [v];
export const oneHot = (k: number, n: number): Vec => Array.from({ length: n }, (_, i) => (i === k ? 1 : 0));

/** Seeded xorshift32: expectations are reproducible, and drawn differently from the engine's own generator. */
export function rng(seed: number): () => number {
  let state = (seed * 2654435761) >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}

/** The gradient-check measure: max |u−v| / max(|u|,|v|,1e-12); Infinity when the shapes differ. */
export function relError(u: Vec, v: Vec): number {
  if (u.length !== v.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < u.length; i++) worst = Math.max(worst, Math.abs(u[i] - v[i]) / Math.max(Math.abs(u[i]), Math.abs(v[i]), 1e-12));
  return worst;
}

/** ∂f_i/∂x_j by central differences: local derivatives checked without trusting any formula. */
export function numericJacobian(f: (x: Vec) => Vec, x: Vec, h = 1e-5): Mat {
  const columns = x.map((_, j) => {
    const up = f(x.map((t, k) => (k === j ? t + h : t)));
    const down = f(x.map((t, k) => (k === j ? t - h : t)));
    return up.map((u, i) => (u - down[i]) / (2 * h));
  });
  return T(columns);
}

/** df/dt at t by central differences, with a step relative to t (accurate near 0 for −log t too). */
export function slope(f: (t: number) => number, t: number): number {
  const h = 1e-4 * Math.max(Math.abs(t), 1e-2);
  return (f(t + h) - f(t - h)) / (2 * h);
}
