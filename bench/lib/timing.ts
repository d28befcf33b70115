// Shared timing helpers for the benchmarks: calibrate a batch of iterations
// that lasts at least `minMs`, then time `runs` such batches and keep every
// run's time per iteration (report the median, which shrugs off the odd GC
// pause or a noisy neighbour).
import { performance } from 'node:perf_hooks';

export interface MeasureOptions {
  /** Each timed run lasts at least this long (ms). */
  readonly minMs?: number;
  /** Number of timed runs (the median is taken over these). */
  readonly runs?: number;
  /** Untimed calls before calibration, for the JIT (ms). */
  readonly warmupMs?: number;
}

export interface Measurement {
  /** Median time per call, in ms. */
  readonly medianMs: number;
  /** Time per call of every run, in ms. */
  readonly perCallMs: number[];
  /** Calls per run. */
  readonly iterations: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// Results land here so the optimiser cannot drop the work as dead code.
let sink: unknown;

function timeCalls(fn: () => unknown, iterations: number): number {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) sink = fn();
  return performance.now() - start;
}

export function measure(fn: () => unknown, { minMs = 200, runs = 7, warmupMs = 300 }: MeasureOptions = {}): Measurement {
  const warmupEnd = performance.now() + warmupMs;
  do sink = fn();
  while (performance.now() < warmupEnd);
  // Grow the iteration count (at most ×100 a step) until one run lasts minMs.
  let iterations = 1;
  for (let elapsed = timeCalls(fn, iterations); elapsed < minMs; elapsed = timeCalls(fn, iterations)) {
    iterations = Math.max(iterations + 1, Math.ceil((iterations * 1.2 * minMs) / Math.max(elapsed, minMs / 100)));
  }
  const perCallMs = Array.from({ length: runs }, () => timeCalls(fn, iterations) / iterations);
  return { medianMs: median(perCallMs), perCallMs, iterations };
}

