// The values claims evaluate to: scalars, and matrices on Float64Array with
// vectors as n×1 columns so that δ (o)ᵀ is an outer product. Every operation
// checks shapes itself and names both in its error: a dimension error in a
// derivation is a finding, never silently broadcast.
import type { Matrix } from '../engine';

/** The label y: a class index that becomes one-hot when it meets a vector. */
export class LabelValue {
  constructor(
    /** One-based, as in the math. */
    readonly classNumber: number,
    readonly classes: number,
  ) {}
}

export type Value = number | Matrix | LabelValue;

export class ShapeError extends Error {}

export function isMatrix(v: Value): v is Matrix {
  return typeof v === 'object' && !(v instanceof LabelValue);
}

export function column(data: Float64Array): Matrix {
  return { rows: data.length, cols: 1, data };
}

export function filled(rows: number, cols: number, f: (i: number) => number): Matrix {
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = f(i);
  return { rows, cols, data };
}

export function shapeOf(v: Value): string {
  if (isMatrix(v)) return v.cols === 1 ? `vector of ${v.rows}` : v.rows === 1 ? `row vector of ${v.cols}` : `${v.rows}×${v.cols} matrix`;
  return 'scalar';
}

export function onehot(label: LabelValue): Matrix {
  return filled(label.classes, 1, (i) => (i === label.classNumber - 1 ? 1 : 0));
}

/** A scalar: numbers, 1×1 matrices, and the label as its class number. */
export function scalarOf(v: Value): number | undefined {
  if (typeof v === 'number') return v;
  if (v instanceof LabelValue) return v.classNumber;
  return v.rows === 1 && v.cols === 1 ? v.data[0] : undefined;
}

/** A matrix: the label becomes one-hot (DESIGN.md: y promoted when added to a vector). */
function asMatrix(v: Value, like: Matrix): Matrix | number {
  if (v instanceof LabelValue) return like.rows === v.classes && like.cols === 1 ? onehot(v) : v.classNumber;
  return v;
}

/**
 * Matrices that hold a batch (examples side by side, check/batchContext.ts),
 * and every value computed from one. Only they broadcast a vector the way
 * NumPy does (Z = W X + b adds b to every column): anywhere else a vector
 * meeting a matrix is a dimension error in the derivation, reported as such.
 */
const BATCH = new WeakSet<Matrix>();

export function asBatch(m: Matrix): Matrix {
  BATCH.add(m);
  return m;
}

export function isBatch(v: Value): boolean {
  return isMatrix(v) && BATCH.has(v);
}

/** The result of an operation on a batch is a batch. (Two fixed operands, no rest array: this runs for every scalar operation of a sum.) */
function carryBatch(result: Value, a: Value, b?: Value): Value {
  if (typeof result === 'object' && isMatrix(result) && (isBatch(a) || (b !== undefined && isBatch(b)))) BATCH.add(result);
  return result;
}

/** A vector stretched over the examples of a batch matrix: a column across its columns, a row across its rows. */
function broadcastTo(vector: Matrix, like: Matrix): Matrix | undefined {
  const n = vector.rows * vector.cols;
  if (vector.cols !== 1 && vector.rows !== 1) return undefined;
  // A bias is a vector whatever way it is written: it fits the side of the batch matrix its length matches.
  if (n === like.rows && (vector.cols === 1 || like.cols !== n)) return filled(like.rows, like.cols, (i) => vector.data[Math.floor(i / like.cols)]);
  if (n === like.cols) return filled(like.rows, like.cols, (i) => vector.data[i % like.cols]);
  return undefined;
}

function elementwise(a: Value, b: Value, op: (x: number, y: number) => number, name: string): Value {
  if (typeof a === 'number' && typeof b === 'number') return op(a, b);
  return carryBatch(elementwiseOf(a, b, op, name), a, b);
}

function elementwiseOf(a: Value, b: Value, op: (x: number, y: number) => number, name: string): Value {
  const sa = scalarOf(a);
  const sb = scalarOf(b);
  if (!isMatrix(a) && !isMatrix(b)) return op(sa!, sb!);
  const ma = isMatrix(a) ? a : asMatrix(a, b as Matrix);
  const mb = isMatrix(b) ? b : asMatrix(b, a as Matrix);
  // A scalar meets every entry: 1 − σ(z) on a vector means the vector of 1 − σ(z_i), as everyone writes it.
  if (typeof ma === 'number') {
    const m = mb as Matrix;
    return filled(m.rows, m.cols, (i) => op(ma, m.data[i]));
  }
  if (typeof mb === 'number') return filled(ma.rows, ma.cols, (i) => op(ma.data[i], mb));
  if (ma.rows !== mb.rows || ma.cols !== mb.cols) {
    // A 1×1 matrix is a scalar in disguise (a dot product); let it scale.
    if (ma.rows * ma.cols === 1) return filled(mb.rows, mb.cols, (i) => op(ma.data[0], mb.data[i]));
    if (mb.rows * mb.cols === 1) return filled(ma.rows, ma.cols, (i) => op(ma.data[i], mb.data[0]));
    const stretchedB = isBatch(ma) && !isBatch(mb) ? broadcastTo(mb, ma) : undefined;
    if (stretchedB) return filled(ma.rows, ma.cols, (i) => op(ma.data[i], stretchedB.data[i]));
    const stretchedA = isBatch(mb) && !isBatch(ma) ? broadcastTo(ma, mb) : undefined;
    if (stretchedA) return filled(mb.rows, mb.cols, (i) => op(stretchedA.data[i], mb.data[i]));
    throw new ShapeError(`shapes do not fit for ${name}: ${shapeOf(ma)} and ${shapeOf(mb)}`);
  }
  return filled(ma.rows, ma.cols, (i) => op(ma.data[i], mb.data[i]));
}

export const add = (a: Value, b: Value): Value => elementwise(a, b, (x, y) => x + y, '+');
export const subtract = (a: Value, b: Value): Value => elementwise(a, b, (x, y) => x - y, '−');
export const hadamard = (a: Value, b: Value): Value => elementwise(a, b, (x, y) => x * y, '⊙');
export const divide = (a: Value, b: Value): Value => elementwise(a, b, (x, y) => x / y, '/');
export const power = (a: Value, b: Value): Value => {
  if (isMatrix(b)) throw new ShapeError(`an exponent must be a scalar, not a ${shapeOf(b)}`);
  return elementwise(a, b, (x, y) => x ** y, '^');
};

export function negate(a: Value): Value {
  if (!isMatrix(a)) return -scalarOf(a)!;
  return carryBatch(filled(a.rows, a.cols, (i) => -a.data[i]), a);
}

export function map(a: Value, f: (x: number) => number): Value {
  if (!isMatrix(a)) return f(scalarOf(a)!);
  return carryBatch(filled(a.rows, a.cols, (i) => f(a.data[i])), a);
}

export function transpose(a: Value): Value {
  if (!isMatrix(a)) return a;
  const out = new Float64Array(a.data.length);
  for (let r = 0; r < a.rows; r++) for (let c = 0; c < a.cols; c++) out[c * a.rows + r] = a.data[r * a.cols + c];
  return carryBatch({ rows: a.cols, cols: a.rows, data: out }, a);
}

/** Juxtaposition and \cdot: a matrix product when both are matrices, else scaling. */
/** Jacobians of elementwise maps (∂a^l/∂z^l), kept as the vector of their diagonal. */
const DIAGONAL = new WeakSet<Matrix>();

export function diagonal(entries: Float64Array): Matrix {
  const m = column(entries);
  DIAGONAL.add(m);
  return m;
}

export function isDiagonal(v: Value): boolean {
  return isMatrix(v) && DIAGONAL.has(v);
}

export function multiply(a: Value, b: Value): Value {
  return carryBatch(product(a, b), a, b);
}

function product(a: Value, b: Value): Value {
  if (!isMatrix(a) || !isMatrix(b)) return elementwise(a, b, (x, y) => x * y, '·');
  // ∂L/∂a^l ∂a^l/∂z^l with a diagonal Jacobian: the chain rule the author means is elementwise.
  if ((isDiagonal(a) || isDiagonal(b)) && sameShape(a, b)) return hadamard(a, b);
  if (a.cols !== b.rows) {
    if (a.rows * a.cols === 1 || b.rows * b.cols === 1) return elementwise(a, b, (x, y) => x * y, '·');
    throw new ShapeError(`cannot multiply a ${shapeOf(a)} by a ${shapeOf(b)}: ${a.cols} columns against ${b.rows} rows`);
  }
  const out = new Float64Array(a.rows * b.cols);
  for (let r = 0; r < a.rows; r++) {
    for (let k = 0; k < a.cols; k++) {
      const ark = a.data[r * a.cols + k];
      if (ark === 0) continue;
      const rowB = k * b.cols;
      const rowOut = r * b.cols;
      for (let c = 0; c < b.cols; c++) out[rowOut + c] += ark * b.data[rowB + c];
    }
  }
  return { rows: a.rows, cols: b.cols, data: out };
}

/** Entry (i, j), one-based as in the math; a vector takes one index. */
export function entry(v: Value, indices: readonly number[], describe: () => string): number {
  if (!isMatrix(v)) {
    if (indices.length === 0) return scalarOf(v)!;
    throw new ShapeError(`${describe()} is a scalar and takes no index`);
  }
  const [i, j] = indices.length === 1 && v.cols === 1 ? [indices[0], 1] : indices.length === 1 && v.rows === 1 ? [1, indices[0]] : indices;
  if (indices.length > 2 || (indices.length === 1 && v.cols !== 1 && v.rows !== 1)) {
    throw new ShapeError(`${describe()} is a ${shapeOf(v)} and needs ${v.cols === 1 ? 'one index' : 'two indices'}, got ${indices.length}`);
  }
  if (!Number.isInteger(i) || !Number.isInteger(j) || i < 1 || i > v.rows || j < 1 || j > v.cols) {
    throw new ShapeError(`index ${indices.join(',')} is out of range for ${describe()} (${shapeOf(v)})`);
  }
  return v.data[(i - 1) * v.cols + (j - 1)];
}

/** Flat entries for comparison; the label compares as its class number. */
export function entries(v: Value): Float64Array {
  return isMatrix(v) ? v.data : Float64Array.of(scalarOf(v)!);
}

/** Whether two values can be compared entry by entry; a 1×1 matrix equals a scalar. */
export function sameShape(a: Value, b: Value): boolean {
  if (!isMatrix(a) || !isMatrix(b)) return entries(a).length === 1 && entries(b).length === 1;
  return a.rows === b.rows && a.cols === b.cols;
}
