// Seeded 2-D toy datasets for the playground (the classic four).
import { createRng, type Rng } from './rng';

export const DATASETS = ['xor', 'circle', 'gauss', 'spiral'] as const;
export type DatasetName = (typeof DATASETS)[number];

export interface Dataset {
  readonly points: Float64Array[];
  /** Class 0 or 1 of each point. */
  readonly classes: number[];
}

type Generator = (count: number, noise: number, rng: Rng) => Dataset;

function collect(count: number, make: (i: number) => { x: number; y: number; cls: number }): Dataset {
  const points: Float64Array[] = [];
  const classes: number[] = [];
  for (let i = 0; i < count; i++) {
    const p = make(i);
    points.push(Float64Array.of(p.x, p.y));
    classes.push(p.cls);
  }
  return { points, classes };
}

const GENERATORS: Record<DatasetName, Generator> = {
  xor: (count, noise, rng) =>
    collect(count, () => {
      const pad = 0.3; // keep points off the axes so the classes are separable
      const pick = () => { const v = rng.uniform(-5, 5); return v + (v > 0 ? pad : -pad); };
      const x = pick();
      const y = pick();
      return { x: x + noise * rng.normal(), y: y + noise * rng.normal(), cls: x * y >= 0 ? 1 : 0 };
    }),
  circle: (count, noise, rng) =>
    collect(count, (i) => {
      const inner = i % 2 === 0;
      const radius = inner ? rng.uniform(0, 2.5) : rng.uniform(3.5, 5);
      const angle = rng.uniform(0, 2 * Math.PI);
      return { x: radius * Math.cos(angle) + noise * rng.normal(), y: radius * Math.sin(angle) + noise * rng.normal(), cls: inner ? 1 : 0 };
    }),
  gauss: (count, noise, rng) =>
    collect(count, (i) => {
      const cls = i % 2;
      const centre = cls === 1 ? 2 : -2;
      const spread = 1 + noise;
      return { x: centre + spread * rng.normal(), y: centre + spread * rng.normal(), cls };
    }),
  spiral: (count, noise, rng) =>
    collect(count, (i) => {
      const cls = i % 2;
      const t = (Math.floor(i / 2) / Math.ceil(count / 2)) * 1.75 * 2 * Math.PI;
      const radius = (t / (1.75 * 2 * Math.PI)) * 5;
      const angle = t + cls * Math.PI;
      return { x: radius * Math.sin(angle) + noise * rng.normal(), y: radius * Math.cos(angle) + noise * rng.normal(), cls };
    }),
};

/** `count` points of the named dataset; the same seed gives the same points. */
export function makeDataset(name: DatasetName, count: number, options: { noise?: number; seed?: number } = {}): Dataset {
  if (!Number.isInteger(count) || count < 1) throw new Error(`a dataset needs a positive whole number of points (got ${count})`);
  return GENERATORS[name](count, options.noise ?? 0, createRng(options.seed ?? 1));
}

/** A 1-D regression set: inputs x and real targets t. */
export interface RegressionDataset {
  readonly points: Float64Array[];
  readonly targets: number[];
}

/** The curve the 1-D regression set samples: smooth, with two bends a small net must learn. */
export function regressionCurve(x: number): number {
  return Math.sin(0.9 * x) * 0.8 + 0.1 * x;
}

/** `count` points x ∈ [−5, 5] with targets on regressionCurve plus noise; the same seed gives the same points. */
export function makeRegressionDataset(count: number, options: { noise?: number; seed?: number } = {}): RegressionDataset {
  if (!Number.isInteger(count) || count < 1) throw new Error(`a dataset needs a positive whole number of points (got ${count})`);
  const rng = createRng(options.seed ?? 1);
  const noise = options.noise ?? 0;
  const points: Float64Array[] = [];
  const targets: number[] = [];
  for (let i = 0; i < count; i++) {
    const x = rng.uniform(-5, 5);
    points.push(Float64Array.of(x));
    targets.push(regressionCurve(x) + 0.25 * noise * rng.normal());
  }
  return { points, targets };
}
