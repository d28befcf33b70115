// Limits that keep a typo (`dense 1000000 relu`) from exhausting memory in
// the engine, which allocates Float64Arrays for every parameter and gradient.

export const SPEC_LIMITS = {
  maxParameters: 10_000_000,
  maxLayers: 64,
  maxWidth: 100_000,
  maxSamples: 1000,
  /** Examples in one batch: each is a forward and backward pass per perturbation. */
  maxBatch: 4096,
  /** The engine's RNG takes a 32-bit seed. */
  maxSeed: 0xffffffff,
} as const;

/** Σ n_l (n_{l-1} + 1) over the dense layers, by arithmetic only (nothing is allocated). */
export function countParameters(inputSize: number, units: readonly number[]): number {
  let count = 0;
  let previous = inputSize;
  for (const n of units) {
    count += n * (previous + 1);
    previous = n;
  }
  return count;
}

/** 12345678 -> "12,345,678", independent of the host's locale. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
