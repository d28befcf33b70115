// One random instance of the network as claims see it: every quantity by
// layer, the loss, gradients from backprop or from finite differences, and
// perturbed copies for derivatives of anything by differences.
import {
  activate,
  backward,
  centralDifferences,
  createRng,
  directionalCheck,
  entryRelativeError,
  parameterCount,
  forward,
  forwardFrom,
  lossWith,
  matrix,
  type ForwardState,
  type Gradients,
  type Instance,
  type Label,
  type Matrix,
  type NetworkConfig,
  type Params,
  type Quantity,
  type Target,
} from '../engine';
import { column, filled, isMatrix, LabelValue, onehot, ShapeError, shapeOf, type Value } from './values';

/** How a claimed gradient is evaluated: the engine's backprop, or central differences. */
export type GradientSource = 'backprop' | 'differences';

/** Networks up to this many parameters get entrywise finite differences for every claim. */
export const SMALL_NETWORK_PARAMETERS = 5000;

/** What both views of one instance (backprop, differences) compute once and share. */
interface SharedCache {
  grads?: Gradients;
  readonly differences: Map<string, Float64Array>;
  readonly directional: Map<string, number>;
  readonly touched: Set<string>;
  small?: boolean;
  views: Partial<Record<GradientSource, InstanceContext>>;
}

/** What batch notation needs of an instance: how many examples, how they are laid out, and each one. */
export interface BatchView {
  readonly size: number;
  readonly layout: 'columns' | 'rows';
  example(i: number): InstanceContext;
}

export class InstanceContext {
  private readonly cache: SharedCache;
  private forwardState: ForwardState | (() => ForwardState);

  constructor(
    readonly net: NetworkConfig,
    readonly params: Params,
    readonly x: Float64Array,
    readonly label: Label,
    state: ForwardState | (() => ForwardState),
    /** A positive learning rate for update rules, random per instance. */
    readonly eta: number,
    readonly source: GradientSource = 'backprop',
    cache?: SharedCache,
  ) {
    this.forwardState = state;
    this.cache = cache ?? { differences: new Map(), directional: new Map(), touched: new Set(), views: {} };
    this.cache.views[source] ??= this;
  }

  static of(instance: Instance & { state: ForwardState }, eta: number): InstanceContext {
    return new InstanceContext(instance.net, instance.params, instance.x, instance.label, instance.state, eta);
  }

  /** The forward pass; a perturbed instance runs it only when something reads it (a penalty on W reads none). */
  get state(): ForwardState {
    if (typeof this.forwardState === 'function') this.forwardState = this.forwardState();
    return this.forwardState;
  }

  /** The same object for every view of this instance, another for any other instance (a perturbed one too). */
  get identity(): object {
    return this.cache;
  }

  get lastLayer(): number {
    return this.net.layers.length;
  }

  /** The same instance with gradients read from another source. */
  withSource(source: GradientSource): InstanceContext {
    return this.cache.views[source] ?? new InstanceContext(this.net, this.params, this.x, this.label, () => this.state, this.eta, source, this.cache);
  }

  get grads(): Gradients {
    this.cache.grads ??= backward(this.net, this.params, this.state, this.label);
    return this.cache.grads;
  }

  get loss(): number {
    return this.state.loss;
  }

  labelValue(): Value {
    const outputs = this.net.layers[this.lastLayer - 1].units;
    if (typeof this.label === 'number') return this.net.loss === 'bce' ? this.label : new LabelValue(this.label + 1, outputs);
    return column(this.label);
  }

  /** y_k: the label as a vector of entries (one-hot for a class; a one-unit output's label is its one entry). */
  labelEntries(_indexCount: number): Value {
    const y = this.labelValue();
    if (y instanceof LabelValue) return onehot(y);
    return isMatrix(y) ? y : filled(1, 1, () => y);
  }

  /** This instance as a batch (BatchContext), or a batch of one where a derivation's vectorised claims are applied per sample; none by default. */
  asBatch(): BatchView | undefined {
    return undefined;
  }

  /** softmax of one example's vector. */
  softmax(x: Matrix): Value {
    if (x.cols !== 1 && x.rows !== 1) throw new ShapeError(`softmax needs a vector, got a ${shapeOf(x)}`);
    return column(activate('softmax', x.data.slice()));
  }

  value(quantity: Quantity, layer: number): Value {
    switch (quantity) {
      case 'W':
        return this.params.W[layer];
      case 'b':
        return column(this.params.b[layer]);
      case 'z':
        return column(this.state.z[layer]);
      case 'o':
        return column(this.state.o[layer]);
    }
  }

  /**
   * Small networks compare claims with entrywise differences of every
   * target. Larger ones would need a forward pass per entry, so there each
   * gradient target is verified once per instance along a random direction
   * (two passes) and claims are compared against backprop (DESIGN.md).
   */
  /** Large networks verify each gradient along a direction on one instance only: the engine is the same code on every instance. */
  verifies = true;

  get entrywiseDifferences(): boolean {
    this.cache.small ??= parameterCount(this.net) <= SMALL_NETWORK_PARAMETERS;
    return this.cache.small;
  }

  /** ∂L/∂target from the engine or from central differences, shaped like the target. */
  gradient(target: Target): Value {
    const shaped = (data: Float64Array): Value => (target.quantity === 'W' ? matrix(this.params.W[target.layer].rows, this.params.W[target.layer].cols, data) : column(data));
    if (this.source === 'differences' && this.entrywiseDifferences) return shaped(this.differenceGradient(target));
    const g = this.grads;
    const data = target.quantity === 'W' ? g.dW[target.layer].data : target.quantity === 'b' ? g.db[target.layer] : target.quantity === 'z' ? g.dZ[target.layer] : g.dO[target.layer];
    if (!this.entrywiseDifferences && this.verifies) this.verifyAlongDirection(target, data);
    return shaped(data);
  }

  private verifyAlongDirection(target: Target, analytic: Float64Array): void {
    const key = `${target.quantity}${target.layer}`;
    this.cache.touched.add(key);
    if (this.cache.directional.has(key)) return;
    const instance: Instance = { net: this.net, params: this.params, x: this.x, label: this.label };
    const r = directionalCheck(instance, target, analytic, createRng(target.layer * 131 + key.charCodeAt(0)));
    this.cache.directional.set(key, entryRelativeError(r.analytic, r.numeric));
  }

  /** Starts recording which gradients a claim reads. */
  beginClaim(): void {
    this.cache.touched.clear();
  }

  /** The worst directional-difference error of the gradients read since beginClaim (large networks only). */
  directionalErrorOfClaim(): number | undefined {
    const errors = [...this.cache.touched].map((key) => this.cache.directional.get(key)!);
    return errors.length > 0 ? Math.max(...errors) : undefined;
  }

  private differenceGradient(target: Target): Float64Array {
    const key = `${target.quantity}${target.layer}`;
    const cached = this.cache.differences.get(key);
    if (cached) return cached;
    const instance: Instance = { net: this.net, params: this.params, x: this.x, label: this.label };
    const data = (this.value(target.quantity, target.layer) as Matrix).data;
    const upstream = this.state;
    const result = centralDifferences(data, (value) => lossWith(instance, target, value, upstream));
    this.cache.differences.set(key, result);
    return result;
  }

  /**
   * This instance with one entry of a quantity moved to `value` and
   * everything downstream recomputed: the basis of derivatives of any
   * expression by differences.
   */
  perturbed(target: Target, flatIndex: number, value: number): InstanceContext {
    const { net, params, x, label } = this;
    const moved = (array: Float64Array): Float64Array => {
      const copy = array.slice();
      copy[flatIndex] = value;
      return copy;
    };
    let nextParams: Params = params;
    let nextX = x;
    let state: ForwardState | (() => ForwardState);
    switch (target.quantity) {
      case 'W': {
        const w = params.W[target.layer];
        const movedParams = { W: params.W.map((m, l) => (l === target.layer ? matrix(w.rows, w.cols, moved(w.data)) : m)), b: params.b };
        nextParams = movedParams;
        state = () => forward(net, movedParams, x, label);
        break;
      }
      case 'b': {
        const movedParams = { W: params.W, b: params.b.map((bias, l) => (l === target.layer ? moved(bias) : bias)) };
        nextParams = movedParams;
        state = () => forward(net, movedParams, x, label);
        break;
      }
      case 'z':
      case 'o': {
        const entryValue = moved((this.value(target.quantity, target.layer) as Matrix).data);
        const upstream = this.state;
        const quantity = target.quantity;
        state = () => {
          const downstream = forwardFrom(net, params, { quantity, layer: target.layer, value: entryValue }, label);
          // Upstream layers keep their values; only the target layer and above move.
          const z = upstream.z.map((v, l) => (l >= target.layer ? (downstream.z[l] ?? v) : v));
          const o = upstream.o.map((v, l) => (l >= target.layer ? (downstream.o[l] ?? v) : v));
          return { z, o, loss: downstream.loss };
        };
        if (target.quantity === 'o' && target.layer === 0) nextX = entryValue;
        break;
      }
    }
    return new InstanceContext(net, nextParams, nextX, label, state, this.eta, this.source);
  }
}
