// The playground's training: toy data, one network trained by backprop and,
// when a derivation is given, a second copy trained with the gradients the
// document states, on the same batches from the same initial weights. Pure
// TypeScript on the core engine: it runs in the page's Web Worker, in Node
// tests and in the benchmark alike.
import type { DerivationGradients, GradientSources } from '../../core/check';
import {
  batchLossAndGradients,
  cloneParams,
  createRng,
  forward,
  initParams,
  labelForClass,
  lossAndGradients,
  makeDataset,
  makeRegressionDataset,
  type Label,
  type Matrix,
  type NetworkConfig,
  type Params,
  type Rng,
} from '../../core/engine';
import type { PlaygroundSettings, RunSnapshot, TrainingSnapshot } from '../shared/protocol';

/** Inputs of the toy sets lie in [−RANGE, RANGE]; the heatmap covers that square. */
export const INPUT_RANGE = 6;
export const HEATMAP_SIZE = 40;
/** Two runs whose parameters differ by more than this have diverged. */
export const DIVERGENCE_TOLERANCE = 1e-9;

interface Split {
  readonly xs: Float64Array[];
  readonly labels: Label[];
  /** Class 0/1 of each point, or the regression target. */
  readonly targets: number[];
}

export interface ToyData {
  readonly train: Split;
  readonly test: Split;
  readonly regression: boolean;
}

export function makeToyData(settings: PlaygroundSettings, net: NetworkConfig): ToyData {
  const regression = settings.dataset === 'regression';
  const options = { noise: settings.noise, seed: settings.seed };
  const all = regression ? makeRegressionDataset(settings.points, options) : makeDataset(settings.dataset, settings.points, options);
  const targets = 'targets' in all ? all.targets : all.classes;
  const labels = targets.map((t) => (regression ? Float64Array.of(t) : labelForClass(net, t)));
  // Shuffle once with the seed, then split: the same settings give the same split.
  const order = shuffled(targets.length, createRng(settings.seed + 17));
  const trainCount = Math.max(1, Math.min(targets.length - 1, Math.round(targets.length * settings.trainFraction)));
  const pick = (indices: number[]): Split => ({ xs: indices.map((i) => all.points[i]), labels: indices.map((i) => labels[i]), targets: indices.map((i) => targets[i]) });
  return { train: pick(order.slice(0, trainCount)), test: pick(order.slice(trainCount)), regression };
}

function shuffled(n: number, rng: Rng): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** The network's score for class 1 (or its regression output) at one input. */
export function predict(net: NetworkConfig, params: Params, x: Float64Array): number {
  const placeholder: Label = net.loss === 'mse' ? new Float64Array(net.layers[net.layers.length - 1].units) : 0;
  const out = forward(net, params, x, placeholder).o[net.layers.length];
  if (net.loss === 'cross_entropy') return out.length > 1 ? out[1] : out[0];
  if (net.loss === 'mse' && out.length === 1 && net.inputSize === 2) return (out[0] + 1) / 2; // ±1 targets → [0, 1]
  return out[0];
}

interface Run {
  readonly params: Params;
  lossHistory: { train: number[]; test: number[] };
  gradientNorms: number[][];
}

export interface TrainerOptions {
  readonly derivation?: DerivationGradients;
}

export class Trainer {
  readonly data: ToyData;
  readonly backprop: Run;
  readonly derivation?: Run & { readonly gradients: DerivationGradients; sources: GradientSources; divergedAt?: { step: number; tensor: string }; firstDifference?: string };
  step = 0;
  /** The step of each point of the loss curves. */
  readonly lossSteps: number[] = [];
  private recordedStep = -1;
  private cursor = 0;
  private order: number[];
  private readonly rng: Rng;

  constructor(
    readonly settings: PlaygroundSettings,
    readonly net: NetworkConfig,
    options: TrainerOptions = {},
  ) {
    this.data = makeToyData(settings, net);
    const params = initParams(net, createRng(settings.seed));
    this.backprop = { params, lossHistory: { train: [], test: [] }, gradientNorms: [] };
    if (options.derivation) {
      this.derivation = { params: cloneParams(params), lossHistory: { train: [], test: [] }, gradientNorms: [], gradients: options.derivation, sources: {} };
      this.derivation.firstDifference = firstDifference(net, params, this.data.train, options.derivation, settings.learningRate);
    }
    this.rng = createRng(settings.seed + 101);
    this.order = shuffled(this.data.train.xs.length, this.rng);
    this.recordLosses();
  }

  /** `count` SGD steps on both runs, each on the same mini-batch. */
  train(count: number): void {
    for (let k = 0; k < count; k++) {
      const { xs, labels } = this.nextBatch();
      const { loss: _loss, dW, db } = batchLossAndGradients(this.net, this.backprop.params, xs, labels);
      this.apply(this.backprop, dW, db);
      const run = this.derivation;
      if (run) {
        let gradients: { dW: Matrix[]; db: Float64Array[]; sources: GradientSources };
        try {
          gradients = run.gradients.batch(run.params, xs, labels, this.settings.learningRate);
        } catch {
          gradients = { dW: dW.map((m) => ({ ...m, data: new Float64Array(m.data.length).fill(NaN) })), db: db.map((b) => new Float64Array(b.length).fill(NaN)), sources: run.sources };
        }
        run.sources = gradients.sources;
        this.apply(run, gradients.dW, gradients.db);
        if (!run.divergedAt) {
          const tensor = divergingTensor(this.backprop.params, run.params);
          if (tensor) run.divergedAt = { step: this.step + 1, tensor };
        }
      }
      this.step++;
    }
  }

  private nextBatch(): { xs: Float64Array[]; labels: Label[] } {
    const size = Math.max(1, Math.min(this.settings.batchSize, this.order.length));
    const xs: Float64Array[] = [];
    const labels: Label[] = [];
    for (let i = 0; i < size; i++) {
      if (this.cursor >= this.order.length) {
        this.order = shuffled(this.order.length, this.rng);
        this.cursor = 0;
      }
      const index = this.order[this.cursor++];
      xs.push(this.data.train.xs[index]);
      labels.push(this.data.train.labels[index]);
    }
    return { xs, labels };
  }

  /** θ ← θ − η (∇θ L + regularisation), and the step's gradient norms. */
  private apply(run: Run, dW: Matrix[], db: Float64Array[]): void {
    const { learningRate: eta, regularisation, regularisationRate: lambda } = this.settings;
    const norms: number[] = [0];
    for (let l = 1; l < run.params.W.length; l++) {
      const w = run.params.W[l].data;
      let squares = 0;
      for (let i = 0; i < w.length; i++) {
        const penalty = regularisation === 'l2' ? lambda * w[i] : regularisation === 'l1' ? lambda * Math.sign(w[i]) : 0;
        squares += dW[l].data[i] * dW[l].data[i];
        w[i] -= eta * (dW[l].data[i] + penalty);
      }
      const b = run.params.b[l];
      for (let i = 0; i < b.length; i++) b[i] -= eta * db[l][i];
      norms.push(Math.sqrt(squares));
    }
    run.gradientNorms.push(norms);
    if (run.gradientNorms.length > 400) run.gradientNorms.splice(0, run.gradientNorms.length - 400);
  }

  /** One point of the loss curves per snapshot (not per step: a loss over the whole data costs more than a step). */
  private recordLosses(): void {
    if (this.recordedStep === this.step) return;
    this.recordedStep = this.step;
    this.lossSteps.push(this.step);
    if (this.lossSteps.length > 400) this.lossSteps.shift();
    for (const run of this.runs()) {
      run.lossHistory.train.push(meanLoss(this.net, run.params, this.data.train));
      run.lossHistory.test.push(meanLoss(this.net, run.params, this.data.test));
      if (run.lossHistory.train.length > 400) {
        run.lossHistory.train.shift();
        run.lossHistory.test.shift();
      }
    }
  }

  private runs(): Run[] {
    return this.derivation ? [this.backprop, this.derivation] : [this.backprop];
  }

  /** Accuracy (classification) of a run on a split; for regression, the share within 0.25 of the target. */
  accuracy(params: Params, split: Split): number {
    if (split.xs.length === 0) return NaN;
    let right = 0;
    split.xs.forEach((x, i) => {
      const score = predict(this.net, params, x);
      if (this.data.regression ? Math.abs(score - split.targets[i]) < 0.25 : (score >= 0.5 ? 1 : 0) === split.targets[i]) right++;
    });
    return right / split.xs.length;
  }

  /** What the page draws: curves, heatmap, norms, weights; cheap enough for every frame. */
  snapshot(withPicture = true): TrainingSnapshot {
    this.recordLosses();
    const runSnapshot = (run: Run): RunSnapshot => ({
      trainLoss: run.lossHistory.train.slice(),
      testLoss: run.lossHistory.test.slice(),
      trainAccuracy: this.accuracy(run.params, this.data.train),
      testAccuracy: this.accuracy(run.params, this.data.test),
      gradientNorms: run.gradientNorms.slice(-200),
      weights: run.params.W.slice(1).map((w) => Array.from(w.data)),
      biases: run.params.b.slice(1).map((b) => Array.from(b)),
      picture: withPicture ? this.picture(run.params) : [],
    });
    const d = this.derivation;
    return {
      step: this.step,
      lossSteps: this.lossSteps.slice(),
      backprop: runSnapshot(this.backprop),
      derivation: d ? { ...runSnapshot(d), sources: d.sources, divergedAt: d.divergedAt, firstDifference: d.firstDifference } : undefined,
    };
  }

  /** A HEATMAP_SIZE² grid of scores for 2-D inputs, or the regression curve at HEATMAP_SIZE·4 inputs. */
  private picture(params: Params): number[] {
    const out: number[] = [];
    if (this.net.inputSize === 1) {
      const n = HEATMAP_SIZE * 4;
      for (let i = 0; i < n; i++) out.push(predict(this.net, params, Float64Array.of(-INPUT_RANGE + (2 * INPUT_RANGE * i) / (n - 1))));
      return out;
    }
    const point = new Float64Array(this.net.inputSize);
    for (let r = 0; r < HEATMAP_SIZE; r++) {
      for (let c = 0; c < HEATMAP_SIZE; c++) {
        point[0] = -INPUT_RANGE + (2 * INPUT_RANGE * (c + 0.5)) / HEATMAP_SIZE;
        point[1] = INPUT_RANGE - (2 * INPUT_RANGE * (r + 0.5)) / HEATMAP_SIZE;
        out.push(predict(this.net, params, point));
      }
    }
    return out;
  }
}

function meanLoss(net: NetworkConfig, params: Params, split: Split): number {
  if (split.xs.length === 0) return NaN;
  let sum = 0;
  split.xs.forEach((x, i) => (sum += forward(net, params, x, split.labels[i]).loss));
  return sum / split.xs.length;
}

/** The first weight or bias tensor (from the output down) where two runs differ beyond the tolerance. */
function divergingTensor(a: Params, b: Params): string | undefined {
  for (let l = a.W.length - 1; l >= 1; l--) {
    if (differs(a.W[l].data, b.W[l].data)) return `W${l}`;
    if (differs(a.b[l], b.b[l])) return `b${l}`;
  }
  return undefined;
}

function differs(u: Float64Array, v: Float64Array): boolean {
  for (let i = 0; i < u.length; i++) {
    const scale = Math.max(Math.abs(u[i]), Math.abs(v[i]), 1e-12);
    if (!(Math.abs(u[i] - v[i]) / scale <= DIVERGENCE_TOLERANCE) && !(Math.abs(u[i] - v[i]) <= 1e-15)) return true;
  }
  return false;
}

/** On the first training sample and the initial weights: the first gradient (from the loss down) where the document and backprop differ. */
function firstDifference(net: NetworkConfig, params: Params, train: Split, derivation: DerivationGradients, learningRate: number): string | undefined {
  if (train.xs.length === 0) return undefined;
  const claimed = derivation.sample(params, train.xs[0], train.labels[0], learningRate);
  const truth = lossAndGradients(net, params, train.xs[0], train.labels[0]).grads;
  for (let l = net.layers.length; l >= 1; l--) {
    if (differs(claimed.dZ[l], truth.dZ[l])) return `δ^${l}`;
    if (differs(claimed.dW[l].data, truth.dW[l].data)) return `∂L/∂W^${l}`;
    if (differs(claimed.db[l], truth.db[l])) return `∂L/∂b^${l}`;
  }
  return undefined;
}
