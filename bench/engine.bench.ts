// The engine's forward + backward pass against TensorFlow.js on its pure-JS
// CPU backend, per sample, on three workloads. Run: npm run bench:engine
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import {
  backward,
  batchLossAndGradients,
  createRng,
  forward,
  initParams,
  randomInput,
  randomLabel,
  type Activation,
  type Label,
  type NetworkConfig,
  type Params,
} from '../src/core/engine';
import { measure, type MeasureOptions } from './lib/timing';

const TIMING: MeasureOptions = { minMs: 200, runs: 7, warmupMs: 500 };
const RESULTS = fileURLToPath(new URL('./results/engine.json', import.meta.url));

interface Workload {
  readonly name: string;
  readonly net: NetworkConfig;
  readonly batch: number;
}

/** A softmax + cross-entropy classifier: sizes n_0..n_L, one hidden activation. */
function classifier(sizes: number[], hidden: Activation): NetworkConfig {
  const layers = sizes.slice(1).map((units, i) => ({ units, activation: i === sizes.length - 2 ? ('softmax' as const) : hidden }));
  return { inputSize: sizes[0], layers, loss: 'cross_entropy' };
}

const WORKLOADS: Workload[] = [
  { name: '4-5-4-3 sigmoid, batch 1', net: classifier([4, 5, 4, 3], 'sigmoid'), batch: 1 },
  { name: '784-256-128-10 relu, batch 1', net: classifier([784, 256, 128, 10], 'relu'), batch: 1 },
  { name: '784-256-128-10 relu, batch 32', net: classifier([784, 256, 128, 10], 'relu'), batch: 32 },
];

const TF_ACTIVATIONS: Partial<Record<Activation, (z: tf.Tensor2D) => tf.Tensor2D>> = {
  identity: (z) => z,
  sigmoid: tf.sigmoid,
  tanh: tf.tanh,
  relu: tf.relu,
};

/** The same network in tfjs, with the engine's weights (as float32): z = h K + b with K = Wᵀ, the Dense-layer layout. */
class TfClassifier {
  private readonly kernels: tf.Variable[];
  private readonly biases: tf.Variable[];

  constructor(
    private readonly net: NetworkConfig,
    params: Params,
  ) {
    this.kernels = params.W.slice(1).map((W, i) => tf.variable(tf.tidy(() => tf.tensor2d(Float32Array.from(W.data), [W.rows, W.cols]).transpose()), true, `W${i + 1}`));
    this.biases = params.b.slice(1).map((b, i) => tf.variable(tf.tensor1d(Float32Array.from(b)), true, `b${i + 1}`));
  }

  private logits(x: tf.Tensor2D): tf.Tensor2D {
    let h = x;
    this.kernels.forEach((K, i) => {
      const z = tf.add<tf.Tensor2D>(tf.matMul(h, K), this.biases[i]);
      // The last layer's softmax lives inside the loss.
      h = i === this.kernels.length - 1 ? z : TF_ACTIVATIONS[this.net.layers[i].activation]!(z);
    });
    return h;
  }

  /** Mean cross-entropy over the batch and its gradients wrt every weight and bias, read back to JS. */
  lossAndGradients(x: tf.Tensor2D, onehot: tf.Tensor2D): { loss: number; grads: Record<string, Float32Array> } {
    const read: Record<string, Float32Array> = {};
    let loss = NaN;
    // Return nothing from tidy: it walks a returned container entry by entry, typed arrays included.
    tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(onehot, this.logits(x)) as tf.Scalar, [...this.kernels, ...this.biases]);
      for (const [name, grad] of Object.entries(grads)) read[name] = grad.dataSync() as Float32Array;
      loss = value.dataSync()[0];
    });
    return { loss, grads: read };
  }

  dispose(): void {
    for (const v of [...this.kernels, ...this.biases]) v.dispose();
  }
}

interface Row {
  readonly workload: string;
  readonly batch: number;
  readonly engineUsPerSample: number;
  readonly tfjsUsPerSample: number;
  readonly ratio: number;
  readonly engineRunsUs: number[];
  readonly tfjsRunsUs: number[];
  readonly check: { readonly engineLoss: number; readonly tfjsLoss: number; readonly lossRelDiff: number; readonly gradMaxRelDiff: number };
}

function runWorkload({ name, net, batch }: Workload, seed: number): Row {
  const rng = createRng(seed);
  const params = initParams(net, rng);
  const xs = Array.from({ length: batch }, () => randomInput(net, rng));
  const labels: Label[] = xs.map(() => randomLabel(net, rng));
  const classes = net.layers[net.layers.length - 1].units;

  const engineStep =
    batch === 1
      ? () => {
          const state = forward(net, params, xs[0], labels[0]);
          return { loss: state.loss, grads: backward(net, params, state, labels[0]) };
        }
      : () => batchLossAndGradients(net, params, xs, labels);

  const model = new TfClassifier(net, params);
  const x = tf.tensor2d(Float32Array.from(xs.flatMap((v) => [...v])), [batch, net.inputSize]);
  const onehot = tf.oneHot(tf.tensor1d(labels as number[], 'int32'), classes).toFloat() as tf.Tensor2D;
  const tfStep = () => model.lossAndGradients(x, onehot);

  // Same weights, same inputs: the losses (and gradients) must agree up to float32 rounding.
  const engine = batchLossAndGradients(net, params, xs, labels);
  const theirs = tfStep();
  let gradMaxRelDiff = 0;
  for (let l = 1; l <= net.layers.length; l++) {
    const { rows, cols, data } = engine.dW[l];
    const K = theirs.grads[`W${l}`]; // cols × rows: the transpose
    const bias = theirs.grads[`b${l}`];
    const scale = [...data, ...engine.db[l]].reduce((max, v) => Math.max(max, Math.abs(v)), 0);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) gradMaxRelDiff = Math.max(gradMaxRelDiff, Math.abs(data[r * cols + c] - K[c * rows + r]) / scale);
      gradMaxRelDiff = Math.max(gradMaxRelDiff, Math.abs(engine.db[l][r] - bias[r]) / scale);
    }
  }
  const check = { engineLoss: engine.loss, tfjsLoss: theirs.loss, lossRelDiff: Math.abs(engine.loss - theirs.loss) / Math.abs(engine.loss), gradMaxRelDiff };

  const tensorsBefore = tf.memory().numTensors;
  const engineTime = measure(engineStep, TIMING);
  const tfTime = measure(tfStep, TIMING);
  if (tf.memory().numTensors !== tensorsBefore) throw new Error(`tfjs leaked ${tf.memory().numTensors - tensorsBefore} tensors`);
  tf.dispose([x, onehot]);
  model.dispose();

  const perSampleUs = (ms: number) => (ms * 1000) / batch;
  const engineUsPerSample = perSampleUs(engineTime.medianMs);
  const tfjsUsPerSample = perSampleUs(tfTime.medianMs);
  return {
    workload: name,
    batch,
    engineUsPerSample,
    tfjsUsPerSample,
    ratio: engineUsPerSample / tfjsUsPerSample,
    engineRunsUs: engineTime.perCallMs.map(perSampleUs),
    tfjsRunsUs: tfTime.perCallMs.map(perSampleUs),
    check,
  };
}

async function main(): Promise<void> {
  tf.enableProdMode(); // silences the "install tfjs-node" banner; skips debug-only checks
  await tf.setBackend('cpu');
  await tf.ready();
  if (tf.getBackend() !== 'cpu') throw new Error(`expected the cpu backend, got ${tf.getBackend()}`);

  const rows: Row[] = [];
  for (const [i, workload] of WORKLOADS.entries()) {
    const row = runWorkload(workload, 1000 + i);
    const { engineLoss, tfjsLoss, lossRelDiff, gradMaxRelDiff } = row.check;
    console.log(
      `check ${workload.name}: loss engine ${engineLoss.toPrecision(10)}, tfjs ${tfjsLoss.toPrecision(10)}, ` +
        `rel diff ${lossRelDiff.toExponential(1)}; gradients max rel diff ${gradMaxRelDiff.toExponential(1)}`,
    );
    if (!(lossRelDiff < 1e-5)) throw new Error(`${workload.name}: engine and tfjs disagree on the loss`);
    rows.push(row);
  }

  const fmt = (us: number) => (us < 10 ? us.toFixed(2) : us < 100 ? us.toFixed(1) : us.toFixed(0));
  const environment = { node: process.version, tfjs: tf.version.tfjs, backend: tf.getBackend(), cpu: cpus()[0]?.model ?? 'unknown' };
  console.log('| workload | engine (µs/sample) | tfjs-cpu (µs/sample) | engine ÷ tfjs |');
  console.log('|---|---:|---:|---:|');
  for (const row of rows) console.log(`| ${row.workload} | ${fmt(row.engineUsPerSample)} | ${fmt(row.tfjsUsPerSample)} | ${row.ratio.toFixed(2)} |`);
  console.log();
  console.log(
    `Forward + backward (loss and gradients wrt all weights and biases), median of ${TIMING.runs} runs of ≥${TIMING.minMs} ms each, ` +
      `per sample = run time / (iterations × batch). The engine computes in float64; tfjs in float32, its only float type on the CPU backend ` +
      `(prod mode, tf.variableGrads of tf.losses.softmaxCrossEntropy, gradients read back with dataSync). ` +
      `Batch 1 is the engine's forward + backward (which also returns ∂L/∂x); batch 32 is batchLossAndGradients vs one batched tfjs step.`,
  );
  console.log(`node ${environment.node}, @tensorflow/tfjs ${environment.tfjs}, backend '${environment.backend}', ${environment.cpu}`);

  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, JSON.stringify({ date: new Date().toISOString(), environment, timing: TIMING, rows }, null, 2) + '\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
