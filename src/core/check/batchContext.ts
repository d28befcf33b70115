// A batch of examples sharing one set of weights, as a vectorised derivation
// sees it (docs/spec-language.md, `batch`): X, Y, Z^{[l]}, A^{[l]} are the examples'
// vectors side by side (as columns or as rows), the loss J is their mean,
// dW and db are gradients of J, and x^{(i)}, a^{[l](i)} are one example.
import { activate, type Matrix } from '../engine';
import type { BatchLayout } from '../netspec';
import { InstanceContext, type BatchView, type GradientSource } from './context';
import * as V from './values';
import type { Value } from './values';
import type { Target } from '../engine';

export class BatchContext extends InstanceContext implements BatchView {
  private readonly stacks = new Map<string, Matrix>();

  constructor(
    /** One context per example; they share the batch's params. */
    readonly examples: readonly InstanceContext[],
    readonly layout: BatchLayout,
    eta: number,
    source: GradientSource = 'backprop',
    private readonly views: Partial<Record<GradientSource, BatchContext>> = {},
  ) {
    const first = examples[0];
    super(first.net, first.params, first.x, first.label, first.state, eta, source);
    views[source] ??= this;
  }

  get size(): number {
    return this.examples.length;
  }

  override asBatch(): BatchView {
    return this;
  }

  /** Shared by the batch's views (backprop, differences), as an instance's are: a derivative taken in one is reused in the other. */
  override get identity(): object {
    return this.views;
  }

  override withSource(source: GradientSource): InstanceContext {
    return this.views[source] ?? new BatchContext(this.examples.map((e) => e.withSource(source)), this.layout, this.eta, source, this.views);
  }

  /** The examples' vectors side by side: n × m with examples as columns, m × n as rows. */
  stack(vectors: readonly Float64Array[]): Matrix {
    const n = vectors[0]?.length ?? 0;
    const m = vectors.length;
    const data = new Float64Array(n * m);
    for (let e = 0; e < m; e++) {
      for (let k = 0; k < n; k++) data[this.layout === 'columns' ? k * m + e : e * n + k] = vectors[e][k];
    }
    return V.asBatch(this.layout === 'columns' ? { rows: n, cols: m, data } : { rows: m, cols: n, data });
  }

  /** Example i (one-based, as in x^{(i)}). */
  example(i: number): InstanceContext {
    if (!Number.isInteger(i) || i < 1 || i > this.size) throw new V.ShapeError(`example ${i} is out of range for a batch of ${this.size}`);
    return this.examples[i - 1];
  }

  override value(quantity: Target['quantity'], layer: number): Value {
    if (quantity === 'W' || quantity === 'b') return super.value(quantity, layer);
    const key = `${quantity}${layer}`;
    let stacked = this.stacks.get(key);
    if (!stacked) this.stacks.set(key, (stacked = this.stack(this.examples.map((e) => (e.value(quantity, layer) as Matrix).data))));
    return stacked;
  }

  /** J: the mean of the examples' losses. */
  override get loss(): number {
    return this.examples.reduce((sum, e) => sum + e.loss, 0) / this.size;
  }

  /** Y: every example's label as a vector (one-hot for classes), side by side. */
  override labelValue(): Value {
    return this.stack(this.examples.map((e) => V.entries(e.labelEntries(1))));
  }

  /** y_i: example i's label itself (its class number under cross-entropy). */
  exampleLabels(): Value {
    return V.asBatch(V.column(Float64Array.from(this.examples, (e) => {
      const y = e.labelValue();
      const s = V.scalarOf(y);
      if (s === undefined) throw new V.ShapeError('each example\'s label is a vector here: index Y by example and entry');
      return s;
    })));
  }

  /** Y_{ic} takes the one-hot matrix; y_i is example i's label (P_{i y_i}). */
  override labelEntries(indexCount: number): Value {
    return indexCount === 1 ? this.exampleLabels() : this.labelValue();
  }

  /** softmax of every example: down each column, or along each row. */
  override softmax(x: Matrix): Value {
    if (!V.isBatch(x) || x.cols === 1 || x.rows === 1) return super.softmax(x);
    const examples = this.layout === 'columns' ? V.transpose(x) as Matrix : x;
    const out = new Float64Array(examples.data.length);
    for (let e = 0; e < examples.rows; e++) {
      const row = examples.data.subarray(e * examples.cols, (e + 1) * examples.cols);
      out.set(activate('softmax', row.slice()), e * examples.cols);
    }
    const result = V.asBatch({ rows: examples.rows, cols: examples.cols, data: out });
    return this.layout === 'columns' ? V.transpose(result) : result;
  }

  /** ∂J/∂target: the mean of the examples' gradients; for Z and A, each example's column scaled by 1/m. */
  override gradient(target: Target): Value {
    if (target.quantity === 'W' || target.quantity === 'b') {
      const parts = this.examples.map((e) => e.gradient(target) as Matrix);
      const mean = new Float64Array(parts[0].data.length);
      for (const part of parts) for (let k = 0; k < mean.length; k++) mean[k] += part.data[k] / this.size;
      return target.quantity === 'W' ? { rows: parts[0].rows, cols: parts[0].cols, data: mean } : V.column(mean);
    }
    return V.map(this.stackedGradient(target), (g) => g / this.size);
  }

  /** Each example's own ∂L^{(i)}/∂target side by side: deeplearning.ai's dZ^{[l]}. */
  stackedGradient(target: Target): Matrix {
    return this.stack(this.examples.map((e) => (e.gradient(target) as Matrix).data));
  }

  override beginClaim(): void {
    for (const e of this.examples) e.beginClaim();
  }

  override directionalErrorOfClaim(): number | undefined {
    const errors = this.examples.flatMap((e) => e.directionalErrorOfClaim() ?? []);
    return errors.length > 0 ? Math.max(...errors) : undefined;
  }

  /** The batch with one entry moved: a weight moves for every example, an entry of Z or A for its own example only. */
  override perturbed(target: Target, flatIndex: number, value: number): InstanceContext {
    if (target.quantity === 'W' || target.quantity === 'b') {
      return new BatchContext(this.examples.map((e) => e.perturbed(target, flatIndex, value)), this.layout, this.eta, this.source);
    }
    const m = this.size;
    const n = (this.examples[0].value(target.quantity, target.layer) as Matrix).data.length;
    const [example, entry] = this.layout === 'columns' ? [flatIndex % m, Math.floor(flatIndex / m)] : [Math.floor(flatIndex / n), flatIndex % n];
    const examples = this.examples.map((e, k) => (k === example ? e.perturbed(target, entry, value) : e));
    return new BatchContext(examples, this.layout, this.eta, this.source);
  }
}
