// Reads the whole numbers of the spec (widths, seed, samples) and says in
// plain words what is wrong with anything else.

export interface WholeNumber {
  readonly ok: true;
  readonly value: number;
}

export interface NumberError {
  readonly ok: false;
  /** Completes "… must be …": the caller names the quantity. */
  readonly message: string;
  readonly code: 'not-a-number' | 'not-whole' | 'too-small' | 'too-large';
  /** A corrected spelling when one is obvious (`1e3` -> `1000`). */
  readonly replacement?: string;
}

export interface Bounds {
  readonly min: number;
  readonly max: number;
}

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function readWholeNumber(text: string, bounds: Bounds): WholeNumber | NumberError {
  if (!INTEGER.test(text)) {
    if (!DECIMAL.test(text)) return { ok: false, code: 'not-a-number', message: `a whole number, got '${text}'` };
    const value = Number(text);
    if (!Number.isInteger(value)) return { ok: false, code: 'not-whole', message: `a whole number, got '${text}'` };
    // `4.0` or `1e3`: the intent is clear, but the spec wants plain digits.
    return { ok: false, code: 'not-whole', message: `written with plain digits, as ${value}, not '${text}'`, replacement: String(value) };
  }
  const value = Number(text);
  if (value < bounds.min) {
    const what = bounds.min === 1 ? 'positive (at least 1)' : `at least ${bounds.min}`;
    return { ok: false, code: 'too-small', message: `${what}, got ${value}` };
  }
  if (value > bounds.max) return { ok: false, code: 'too-large', message: `at most ${bounds.max}, got ${text}` };
  return { ok: true, value };
}
