// The functions lowered claims call. A slim mathjs instance evaluates the
// node trees (compiled closures, scoped variables); these functions give the
// nodes their meaning on the instance in scope under `ctx`.
import { ConstantNodeDependencies, create, FunctionNodeDependencies, SymbolNodeDependencies, type EvalFunction, type MathNode } from 'mathjs';
import { activate, isElementwise, scalarActivation, type Activation, type Matrix, type Quantity } from '../engine';
import type { InstanceContext } from './context';
import { NotApplicable, Uncheckable } from './errors';
import * as V from './values';
import type { Value } from './values';
import { DEFAULT_LIMITS, EvaluationBudget } from './limits';

/** The scope entry holding the claim's EvaluationBudget. */
export const BUDGET = 'budget';

export const math = create({ FunctionNodeDependencies, SymbolNodeDependencies, ConstantNodeDependencies });

type Scope = Map<string, unknown>;

const compiled = new WeakMap<MathNode, EvalFunction>();
export function compile(node: MathNode): EvalFunction {
  let fn = compiled.get(node);
  if (!fn) {
    fn = node.compile();
    compiled.set(node, fn);
  }
  return fn;
}

/**
 * mathjs hands every rawArgs function (gc_sum, gc_deriv, gc_node, …) its
 * scope wrapped in a sub-scope for the arguments of user-defined functions,
 * which lowered trees never have: unwrapped, a lookup nested n calls deep
 * costs one map access instead of n.
 */
function rootScope(scope: Scope): Scope {
  let root = scope as Scope & { a?: Scope; bKeys?: ReadonlySet<string> };
  while (root.bKeys instanceof Set && root.bKeys.size === 0 && root.a instanceof Object) root = root.a as typeof root;
  return root;
}

export function evaluateNode(node: MathNode, scope: Scope): Value {
  return compile(node).evaluate(rootScope(scope)) as Value;
}

/** Sets a scope variable while `body` runs and restores it after: sums shadow outer indices. */
export function withVariable<T>(scope: Scope, name: string, value: unknown, body: () => T): T {
  const had = scope.has(name);
  const previous = scope.get(name);
  scope.set(name, value);
  try {
    return body();
  } finally {
    if (had) scope.set(name, previous);
    else scope.delete(name);
  }
}

export function layerOf(ctx: InstanceContext, quantity: string, layer: number): number {
  const L = ctx.lastLayer;
  const lowest = quantity === 'o' ? 0 : 1;
  if (!Number.isInteger(layer) || layer < lowest || layer > L) throw new NotApplicable(`${quantity}^${layer} does not exist (layers ${lowest}..${L})`);
  return layer;
}

/** The activation of a layer, or (-1) the one the hidden layers share. */
function activationAt(ctx: InstanceContext, layer: number): Activation {
  if (layer >= 0) return ctx.net.layers[layerOf(ctx, 'z', layer) - 1].activation;
  const hidden = ctx.net.layers.length > 1 ? ctx.net.layers.slice(0, -1) : ctx.net.layers;
  return hidden[0].activation;
}

function scalar(v: Value): number {
  const s = V.scalarOf(v);
  if (s === undefined) throw new V.ShapeError(`expected a scalar, got a ${V.shapeOf(v)}`);
  return s;
}

function applyActivation(ctx: InstanceContext, activation: Activation, x: Value, order: number): Value {
  if (order > 1) throw new NotApplicable('second derivatives of activations are not supported', true);
  if (!isElementwise(activation)) {
    if (order === 1) throw new NotApplicable('σ′ of the softmax layer is not elementwise', true);
    // g(t) on a number where the only activation is softmax: the document's own function, not the layer's.
    if (!V.isMatrix(x)) throw new Uncheckable('a function applied to a number here cannot be the softmax layer; define it with := to check this line');
    return ctx.softmax(x);
  }
  const { value, derivative } = scalarActivation(activation);
  return V.map(x, order === 1 ? derivative : value);
}

/** The elementary functions a claim can apply by name, and their derivatives (\tanh', sigmoid'). */
const ELEMENTARY: Record<string, readonly [(x: number) => number, (x: number) => number]> = {
  log: [Math.log, (x) => 1 / x],
  exp: [Math.exp, Math.exp],
  tanh: [Math.tanh, (x) => 1 - Math.tanh(x) ** 2],
  sigmoid: [scalarActivation('sigmoid').value, scalarActivation('sigmoid').derivative],
  relu: [scalarActivation('relu').value, scalarActivation('relu').derivative],
  softplus: [scalarActivation('softplus').value, scalarActivation('softplus').derivative],
};

/** Elementary functions whose derivative a claim may write (\tanh', \text{sigmoid}'): exactly those gc_fn can differentiate. */
export const DIFFERENTIABLE_ELEMENTARY: ReadonlySet<string> = new Set(Object.keys(ELEMENTARY));

const RELATIONS: Record<string, (a: number, b: number) => boolean> = {
  '=': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '<': (a, b) => a < b,
  '>': (a, b) => a > b,
  '<=': (a, b) => a <= b,
  '>=': (a, b) => a >= b,
};

/** The scope variables a sum reads besides its own index (found once per node). */
const sumInputs = new WeakMap<MathNode, readonly string[]>();
/** The last value of each sum, with the inputs it was computed from. */
const lastSum = new WeakMap<MathNode, { readonly inputs: readonly unknown[]; readonly value: Value }>();

/**
 * Scope entries every sum depends on without naming them: the instance (the
 * document's graph nodes read it inside gc_node), and whatever other modules
 * register (graph/nodes.ts: the perturbation being differentiated through).
 */
const IMPLICIT_SUM_INPUTS = new Set<string>(['ctx']);
export function registerImplicitSumInput(name: string): void {
  IMPLICIT_SUM_INPUTS.add(name);
}

function inputsOfSum(body: MathNode, bounds: readonly MathNode[], index: string): readonly string[] {
  let names = sumInputs.get(body);
  if (!names) {
    const found = variablesRead([body, ...bounds]);
    found.delete(index);
    names = [...found];
    sumInputs.set(body, names);
  }
  return names;
}

/** The scope variables these trees read, and those every evaluation reads implicitly. */
function variablesRead(nodes: readonly MathNode[]): Set<string> {
  const found = new Set<string>(IMPLICIT_SUM_INPUTS);
  for (const node of nodes) {
    node.traverse((n, path) => {
      if (n.type === 'SymbolNode' && path !== 'fn') found.add((n as unknown as { name: string }).name);
    });
  }
  return found;
}

/** The budget of the claim being evaluated; a scope without one (a diagnosis probe) gets the default. */
function budgetOf(scope: Scope): EvaluationBudget {
  let budget = scope.get(BUDGET) as EvaluationBudget | undefined;
  if (!budget) {
    budget = new EvaluationBudget(DEFAULT_LIMITS);
    scope.set(BUDGET, budget);
  }
  return budget;
}

/**
 * Σ over an index. A sum that does not read an enclosing sum's index (the
 * inner sum of `Σ_c I(y=c) log Σ_c …` shadows c) has the same value on every
 * outer term: it is computed once, not once per term (×C per nesting level).
 */
function sumOver(args: MathNode[], _math: unknown, scope: Scope): Value {
  const [nameNode, fromNode, toNode, body] = args;
  const name = (nameNode as unknown as { value: string }).value;
  const inputs = inputsOfSum(body, [fromNode, toNode], name).map((n) => scope.get(n));
  const last = lastSum.get(body);
  if (last && last.inputs.length === inputs.length && last.inputs.every((v, k) => v === inputs[k])) return last.value;
  const from = scalar(evaluateNode(fromNode, scope));
  const to = scalar(evaluateNode(toNode, scope));
  if (!Number.isInteger(from) || !Number.isInteger(to)) throw new V.ShapeError(`the bounds of a sum over ${name} must be whole numbers (got ${from} to ${to})`);
  const budget = budgetOf(scope);
  budget.range(`the sum over ${name.replace(/^i_/, '')}`, to - from + 1);
  let total: Value = 0;
  for (let i = from; i <= to; i++) {
    budget.spend();
    total = V.add(total, withVariable(scope, name, i, () => evaluateNode(body, scope)));
  }
  lastSum.set(body, { inputs, value: total });
  return total;
}
sumOver.rawArgs = true;

/**
 * Whether the slopes on either side of the point disagree: the step crosses
 * a kink, and the central difference is an average of two slopes that
 * neither side of the claim means (a false ✗ by accident of sampling).
 * Smooth functions differ by about f''·h, far below the threshold.
 */
function straddlesKink(up: Value, centre: Value, down: Value, h: number): boolean {
  const u = V.entries(up);
  const c = V.entries(centre);
  const d = V.entries(down);
  if (u.length !== c.length || d.length !== c.length) return false;
  for (let i = 0; i < c.length; i++) {
    const forward = (u[i] - c[i]) / h;
    const backward = (c[i] - d[i]) / h;
    if (Math.abs(forward - backward) > 1e-3 * Math.max(Math.abs(forward), Math.abs(backward)) + 1e-5 * Math.max(1, Math.abs(c[i]))) return true;
  }
  return false;
}

/** A derivative another module knows exactly (graph/nodes.ts: a node that is the built-in loss), shaped like the target; else undefined. */
export type ExactDerivative = (of: MathNode, target: { readonly quantity: Quantity; readonly layer: number }, scope: Scope) => Matrix | undefined;
let exactDerivative: ExactDerivative = () => undefined;
export function registerExactDerivative(known: ExactDerivative): void {
  exactDerivative = known;
}

/** Calls whose value depends on which view (backprop or differences) the instance is read through. */
const VIEW_DEPENDENT = new Set(['gc_grad', 'gc_deriv', 'gc_dnode', 'gc_node', 'gc_dscalar']);
const readsGradients = new WeakMap<MathNode, boolean>();
function readsAnyGradient(of: MathNode): boolean {
  let reads = readsGradients.get(of);
  if (reads === undefined) {
    reads = false;
    of.traverse((n) => {
      if (n.type !== 'FunctionNode') return;
      const { fn, args } = n as unknown as { fn: { name: string }; args: MathNode[] };
      if (VIEW_DEPENDENT.has(fn.name) || (fn.name === 'gc_q' && (args[1] as unknown as { value?: unknown }).value === 'delta')) reads = true;
    });
    readsGradients.set(of, reads);
  }
  return reads;
}

/**
 * The last derivative by differences of each expression, with what it read:
 * the differences view of a claim asks again for the same derivative of an
 * expression that reads no gradient, which is the same number.
 */
const lastDerivative = new WeakMap<MathNode, { readonly inputs: readonly unknown[]; readonly value: Value }>();
/** The scope variables each differentiated expression reads, but the instance (a view of it is the key's first input). */
const derivativeInputs = new WeakMap<MathNode, readonly string[]>();
function inputsOfDerivative(of: MathNode): readonly string[] {
  let names = derivativeInputs.get(of);
  if (!names) {
    const found = variablesRead([of]);
    found.delete('ctx');
    names = [...found];
    derivativeInputs.set(of, names);
  }
  return names;
}
function sameDerivativeAsLast(of: MathNode, inputs: readonly unknown[]): Value | undefined {
  const last = lastDerivative.get(of);
  return last && last.inputs.length === inputs.length && last.inputs.every((v, k) => v === inputs[k]) ? last.value : undefined;
}

/**
 * d(of)/d(target entry) by central differences on perturbed instances: the
 * derivative of anything (not only the loss) with respect to one entry, or
 * to every entry of a quantity when no index is given.
 */
function differentiate(args: MathNode[], _math: unknown, scope: Scope): Value {
  const [ofNode, quantityNode, layerNode, ...indexNodes] = args;
  const ctx = scope.get('ctx') as InstanceContext;
  const quantity = (quantityNode as unknown as { value: Quantity }).value;
  const layer = layerOf(ctx, quantity, scalar(evaluateNode(layerNode, scope)));
  const base = ctx.value(quantity, layer) as Matrix;
  const indices = indexNodes.map((n) => scalar(evaluateNode(n, scope)));
  const at = (flat: number): Value => {
    const v = base.data[flat];
    const h = 1e-6 * Math.max(Math.abs(v), 0.1);
    budgetOf(scope).spend(2);
    const up = withVariable(scope, 'ctx', ctx.perturbed({ quantity, layer }, flat, v + h), () => evaluateNode(ofNode, scope));
    const down = withVariable(scope, 'ctx', ctx.perturbed({ quantity, layer }, flat, v - h), () => evaluateNode(ofNode, scope));
    centre ??= evaluateNode(ofNode, scope);
    if (straddlesKink(up, centre, down, h)) {
      throw new NotApplicable('a derivative is taken within the finite-difference step of a kink (a ReLU at 0, say), where it has no single value', true);
    }
    return V.divide(V.subtract(up, down), 2 * h);
  };
  let centre: Value | undefined;
  const exact = exactDerivative(ofNode, { quantity, layer }, scope);
  if (exact) return indices.length > 0 ? exact.data[flatIndex(base, indices, quantity, layer)] : exact;
  const inputs = readsAnyGradient(ofNode)
    ? undefined
    : [ctx.identity, quantity, layer, ...indices, ...inputsOfDerivative(ofNode).map((n) => scope.get(n))];
  const known = inputs && sameDerivativeAsLast(ofNode, inputs);
  if (known !== undefined) return known;
  const value = indices.length > 0 ? at(flatIndex(base, indices, quantity, layer)) : wholeDerivative(Array.from(base.data, (_, flat) => at(flat)), base);
  if (inputs) lastDerivative.set(ofNode, { inputs, value });
  return value;
}
differentiate.rawArgs = true;

function flatIndex(base: Matrix, indices: readonly number[], quantity: Quantity, layer: number): number {
  V.entry(base, indices, () => `${quantity}^${layer}`); // range check with a readable message
  const [i, j] = indices.length === 1 ? [indices[0], 1] : indices;
  return (i - 1) * base.cols + (j - 1);
}

/** The derivative with respect to every entry: the matrix of scalar derivatives, or the diagonal of an elementwise map's Jacobian. */
function wholeDerivative(columns: readonly Value[], base: Matrix): Value {
  if (columns.every((d) => V.scalarOf(d) !== undefined)) {
    return { rows: base.rows, cols: base.cols, data: Float64Array.from(columns, (d) => V.scalarOf(d)!) };
  }
  // ∂a^l/∂z^l of an elementwise map: a diagonal Jacobian, read as diag of its diagonal (the one sensible reading).
  const diagonal = diagonalOf(columns, base);
  if (diagonal) return diagonal;
  throw new Uncheckable(`the derivative of a ${V.shapeOf(columns[0])} with respect to a whole ${V.shapeOf(base)} is a Jacobian whose layout conventions differ; write it entry by entry (∂z_a/∂o_b)`);
}

/** The diagonal of a square Jacobian whose off-diagonal entries vanish, as a vector marked diagonal (values.ts). */
function diagonalOf(columns: readonly Value[], base: Matrix): Value | undefined {
  const n = base.rows * base.cols;
  if (base.cols !== 1 || columns.some((c) => !V.isMatrix(c) || c.rows !== n || c.cols !== 1)) return undefined;
  let scale = 1e-12;
  for (const c of columns) for (const x of V.entries(c)) scale = Math.max(scale, Math.abs(x));
  const entries = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const column = V.entries(columns[j]);
    for (let i = 0; i < n; i++) if (i !== j && Math.abs(column[i]) > 1e-7 * scale) return undefined;
    entries[j] = column[j];
  }
  return V.diagonal(entries);
}

/** d/dt of an identity's body with respect to one of its random scalar arguments (\frac{d}{dt} \log(1 + e^t)), by central differences. */
function differentiateScalar(args: MathNode[], _math: unknown, scope: Scope): Value {
  const [nameNode, body] = args;
  const name = (nameNode as unknown as { value: string }).value;
  const t = scalar(scope.get(name) as Value);
  const h = 1e-6 * Math.max(Math.abs(t), 0.1);
  const at = (v: number) => withVariable(scope, name, v, () => evaluateNode(body, scope));
  return V.divide(V.subtract(at(t + h), at(t - h)), 2 * h);
}
differentiateScalar.rawArgs = true;

const FUNCTIONS = {
  gc_q: (ctx: InstanceContext, quantity: string, layer: number): Value => {
    if (quantity === 'delta') return ctx.gradient({ quantity: 'z', layer: layerOf(ctx, 'z', layer) });
    return ctx.value(quantity as Quantity, layerOf(ctx, quantity, layer));
  },
  gc_grad: (ctx: InstanceContext, quantity: Quantity, layer: number): Value => ctx.gradient({ quantity, layer: layerOf(ctx, quantity, layer) }),
  gc_entry: (v: Value, describe: string, ...indices: Value[]): Value => V.entry(v, indices.map(scalar), () => describe),
  gc_label: (ctx: InstanceContext): Value => ctx.labelValue(),
  // y_k, y_i: a class label read as its one-hot vector; a one-unit output's label y_j is that one entry.
  gc_labels: (ctx: InstanceContext, indexCount = 1): Value => ctx.labelEntries(indexCount),
  gc_loss: (ctx: InstanceContext): Value => ctx.loss,
  gc_eta: (ctx: InstanceContext): Value => ctx.eta,
  gc_last: (ctx: InstanceContext): Value => ctx.lastLayer,
  gc_classes: (ctx: InstanceContext): Value => ctx.net.layers[ctx.lastLayer - 1].units,
  gc_width: (ctx: InstanceContext, layer: number): Value => (layer === 0 ? ctx.net.inputSize : ctx.net.layers[layerOf(ctx, 'z', layer) - 1].units),
  gc_add: V.add,
  gc_sub: V.subtract,
  gc_mul: V.multiply,
  gc_odot: V.hadamard,
  gc_star: (a: Value, b: Value): Value => (V.sameShape(a, b) ? V.hadamard(a, b) : V.multiply(a, b)),
  gc_div: V.divide,
  gc_pow: V.power,
  gc_neg: V.negate,
  gc_T: V.transpose,
  gc_act: (ctx: InstanceContext, layer: number, x: Value, order: number): Value => applyActivation(ctx, activationAt(ctx, layer), x, order),
  gc_fn: (name: string, x: Value, order = 0): Value => {
    if (order > 1) throw new NotApplicable('second derivatives are not supported', true);
    return V.map(x, ELEMENTARY[name][order]);
  },
  gc_softmax: (ctx: InstanceContext, x: Value): Value => {
    if (!V.isMatrix(x)) throw new V.ShapeError('softmax needs a vector');
    return ctx.softmax(x);
  },
  // max(v): the largest entry; max(a, b, …): elementwise (ReLU is max(0, z)).
  gc_max: (...xs: Value[]): Value => (xs.length === 1 ? Math.max(...V.entries(xs[0])) : xs.reduce((a, b) => V.add(b, V.map(V.subtract(a, b), (d) => Math.max(d, 0))))),
  gc_onehot: (ctx: InstanceContext, y: Value): Value => {
    const classes = ctx.net.layers[ctx.lastLayer - 1].units;
    const k = scalar(y);
    return V.filled(classes, 1, (i) => (i === k - 1 ? 1 : 0));
  },
  gc_rel: (op: string, a: Value, b: Value): Value => {
    const test = RELATIONS[op];
    if (!V.isMatrix(a) && !V.isMatrix(b)) return test(scalar(a), scalar(b)) ? 1 : 0;
    return V.map(V.subtract(a, b), (d) => (test(d, 0) ? 1 : 0));
  },
  gc_norm: (x: Value, bars: number): Value => {
    const e = V.entries(x);
    if (bars === 1 && e.length === 1) return Math.abs(e[0]);
    let squares = 0;
    for (let i = 0; i < e.length; i++) squares += e[i] * e[i];
    return Math.sqrt(squares);
  },
  gc_size: (v: Value, position: number, count: number): Value => {
    if (!V.isMatrix(v)) throw new V.ShapeError('a scalar has no index range');
    if (count === 1) return v.cols === 1 ? v.rows : v.rows === 1 ? v.cols : v.rows;
    return position === 0 ? v.rows : v.cols;
  },
  gc_sum: sumOver,
  gc_deriv: differentiate,
  gc_dscalar: differentiateScalar,
};

math.import(FUNCTIONS, { override: true });

/** The product's own functions from other modules (graph/nodes.ts) register through this, before `import` itself is disabled below. */
const importProductFunctions = math.import.bind(math);
export function registerFunctions(functions: Record<string, unknown>): void {
  importProductFunctions(functions, { override: true });
}

/**
 * Defence in depth (SECURITY.md): lowered trees only ever name FUNCTIONS, but
 * should a name from a document ever reach mathjs, nothing that parses,
 * evaluates strings or changes the instance is there to be called.
 */
const DISABLED = ['import', 'createUnit', 'evaluate', 'parse', 'compile', 'simplify', 'derivative', 'resolve', 'reviver', 'config', 'create', 'chain'] as const;
math.import(
  Object.fromEntries(
    DISABLED.map((name) => [
      name,
      () => {
        throw new Error(`${name} is disabled`);
      },
    ]),
  ),
  { override: true },
);

export type FunctionName = keyof typeof FUNCTIONS;
