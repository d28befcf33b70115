// The document's definitions as nodes of a computation graph. A use of a
// definition evaluates its body at a concrete layer, unless a derivative has
// moved that node: then the moved value is used, so ∂A/∂B is B perturbed and
// exactly what depends on B re-evaluated (DESIGN.md "The document is the model").
import type { MathNode } from 'mathjs';
import type { Matrix, Quantity } from '../../engine';
import { BatchContext } from '../batchContext';
import type { InstanceContext } from '../context';
import { NotApplicable, Uncheckable } from '../errors';
import { evaluateNode, math, registerExactDerivative, registerFunctions, registerImplicitSumInput, withVariable } from '../functions';
import * as V from '../values';
import type { Value } from '../values';

/** The scope variable holding the nodes a derivative has moved. */
const MOVED = 'gc_moved';
registerImplicitSumInput(MOVED);

/**
 * One use of a definition. Its body is lowered per concrete layer on demand,
 * so definitions that refer to each other across layers (a^{(k)} uses
 * h^{(k−1)}, h^{(k)} uses a^{(k)}) unfold only down to layers that exist.
 */
export interface NodeSite {
  /** The definition's identity: every use of the same node at the same layer and indices is the same node. */
  readonly id: number;
  /** As the reader writes it, for messages. */
  readonly name: string;
  readonly layered: boolean;
  /** Where the node is defined ("definition on line 14", "let on line 9"), for messages. */
  readonly definedBy: string;
  body(layer: number | undefined): MathNode;
  /** Whether the body at this layer reads nothing but the instance (no claim index, layer or random variable): its value can be kept per instance. */
  closed(layer: number | undefined): boolean;
  /** The symbol's conventional meaning at a layer where the definition does not apply (h^{(0)} = x). */
  conventional(layer: number): MathNode | undefined;
}

interface Moved {
  readonly values: Map<string, Value>;
  hits: number;
}

/** Errors that already passed through a node: only a node above the one that failed falls back to convention. */
const passedThroughNode = new WeakSet<Error>();

function scalar(v: Value): number {
  const s = V.scalarOf(v);
  if (s === undefined) throw new V.ShapeError(`expected a scalar, got a ${V.shapeOf(v)}`);
  return s;
}

interface Located {
  readonly site: NodeSite;
  readonly layer: number | undefined;
  readonly key: string;
}

/** gc_node(site, layer, ...indexArguments): which node a use names, at the layer and indices in scope. */
function locate(args: readonly MathNode[], scope: Map<string, unknown>): Located {
  const site = (args[0] as unknown as { value: NodeSite }).value;
  const layer = site.layered ? scalar(evaluateNode(args[1], scope)) : undefined;
  const indices = args.slice(2).map((n) => scalar(evaluateNode(n, scope)));
  if (layer !== undefined && !Number.isInteger(layer)) throw new NotApplicable(`${site.name} at layer ${layer} does not exist`);
  return { site, layer, key: `${site.id}@${layer ?? ''}|${indices.join(',')}` };
}

/** How deep node evaluation has recursed: a definition in terms of itself ends here, not in a stack overflow. */
let depth = 0;
const MAX_DEPTH = 200;

function evaluateBody(at: Located, scope: Map<string, unknown>): Value {
  if (depth >= MAX_DEPTH) throw new Uncheckable(`${at.site.name} is defined in terms of itself`);
  depth++;
  try {
    return evaluateNode(at.site.body(at.layer), scope);
  } catch (error) {
    // The document's own definition does not evaluate as GradCheck reads its symbols (X W with W as n_l × n_{l−1}): a misreading until shown otherwise, never a ✗ of the claim using it.
    if (error instanceof V.ShapeError) throw new Uncheckable(`${at.site.name} as the document defines it (${at.site.definedBy}) does not fit the network as GradCheck reads it: ${error.message}; if the document lays weights out input-first or uses row vectors, say so in the spec (\`convention weights-input-first\`, \`convention row-vectors\`)`);
    if (!(error instanceof NotApplicable) || at.layer === undefined) throw error;
    // The definition does not reach this layer through another node: the symbol keeps its conventional meaning here.
    const conventional = passedThroughNode.has(error) ? at.site.conventional(at.layer) : undefined;
    if (!conventional) {
      passedThroughNode.add(error);
      throw error;
    }
    return evaluateNode(conventional, scope);
  } finally {
    depth--;
  }
}

/** Node values per instance (each view of an instance is its own object), for bodies that read nothing else. */
const memo = new WeakMap<object, Map<string, Value>>();

function nodeValue(args: MathNode[], _math: unknown, scope: Map<string, unknown>): Value {
  const at = locate(args, scope);
  const moved = scope.get(MOVED) as Moved | undefined;
  if (moved) {
    const value = moved.values.get(at.key);
    if (value !== undefined) {
      moved.hits++;
      return value;
    }
    return evaluateBody(at, scope);
  }
  if (!at.site.closed(at.layer)) return evaluateBody(at, scope);
  const ctx = scope.get('ctx') as object;
  let values = memo.get(ctx);
  if (!values) memo.set(ctx, (values = new Map()));
  let value = values.get(at.key);
  if (value === undefined) values.set(at.key, (value = evaluateBody(at, scope)));
  return value;
}
nodeValue.rawArgs = true;

/** Network quantities a node may coincide with, in the order they are preferred (z before o: identity layers make them equal). */
const QUANTITIES: readonly Quantity[] = ['z', 'o', 'W', 'b'];

/** A network quantity a node coincides with; `transposed` for a transposed weight alias (CS231n's W_2 = (W^{2})^\top). */
export interface Twin {
  readonly quantity: Quantity;
  readonly layer: number;
  readonly transposed?: boolean;
}

/** The network quantity whose value this node has on this instance, if any: then the engine's downstream moves with it. */
export function coincidence(ctx: InstanceContext, value: V.Value): Twin | undefined {
  if (!V.isMatrix(value)) return undefined;
  for (const quantity of QUANTITIES) {
    for (let layer = quantity === 'o' ? 0 : 1; layer <= ctx.lastLayer; layer++) {
      const candidate = ctx.value(quantity, layer);
      if (V.isMatrix(candidate) && candidate.rows === value.rows && candidate.cols === value.cols && sameEntries(candidate.data, value.data)) return { quantity, layer };
    }
  }
  // A matrix (not a vector: a row of b is no alias of W) that is a weight matrix transposed.
  if (value.rows > 1 && value.cols > 1) {
    for (let layer = 1; layer <= ctx.lastLayer; layer++) {
      const weights = ctx.value('W', layer);
      const flipped = V.isMatrix(weights) && weights.rows === value.cols && weights.cols === value.rows ? V.transpose(weights) : undefined;
      if (flipped && V.isMatrix(flipped) && sameEntries(flipped.data, value.data)) return { quantity: 'W', layer, transposed: true };
    }
  }
  return undefined;
}

/** Entry `flat` of a node as the entry of its twin it moves: the same, or (r, c) → (c, r) for a transposed alias. */
function twinEntry(twin: Twin, node: { rows: number; cols: number }, flat: number): number {
  if (!twin.transposed) return flat;
  const [r, c] = [Math.floor(flat / node.cols), flat % node.cols];
  return c * node.rows + r;
}

function sameEntries(u: Float64Array, v: Float64Array): boolean {
  for (let i = 0; i < u.length; i++) if (!(Math.abs(u[i] - v[i]) <= 1e-12 * Math.max(1, Math.abs(u[i])))) return false;
  return true;
}

/** Entries beyond which a whole node is not differentiated entry by entry (each entry re-evaluates its dependents twice). */
export const MAX_NODE_ENTRIES = 4096;

interface DerivativeOptions {
  /** The derivative is of the built-in loss, whose backprop gradient is exact where the node is a network quantity. */
  readonly ofEngineLoss: boolean;
  readonly describe: string;
}

/**
 * gc_dnode(of, node, options, ...entry): ∂of/∂node by central differences,
 * moving one entry of the node (and the network quantity it coincides with)
 * at a time. With the built-in loss and a coinciding node, the backprop view
 * reads the engine's exact gradient instead: a second column.
 */
function differentiateNode(args: MathNode[], _math: unknown, scope: Map<string, unknown>): Value {
  const [ofNode, nodeRef, optionsNode, ...entryNodes] = args;
  const options = (optionsNode as unknown as { value: DerivativeOptions }).value;
  const ctx = scope.get('ctx') as InstanceContext;
  const at = locate((nodeRef as unknown as { args: MathNode[] }).args, scope);
  const outer = scope.get(MOVED) as Moved | undefined;
  const value = outer?.values.get(at.key) ?? evaluateBody(at, scope);
  const base: V.Value = V.isMatrix(value) ? value : V.filled(1, 1, () => scalar(value));
  if (!V.isMatrix(base)) throw new V.ShapeError('unreachable');
  const twin = coincidence(ctx, base);
  const indices = entryNodes.map((n) => scalar(evaluateNode(n, scope)));
  if (indices.length > 0) V.entry(base, indices, () => at.site.name);
  if (options.ofEngineLoss && !twin) {
    throw new Uncheckable(`the built-in loss does not depend on ${at.site.name}: it is none of the network's quantities here (define the loss in the document to differentiate through ${at.site.name})`);
  }
  if (options.ofEngineLoss && twin && ctx.source === 'backprop') {
    const gradient = twin.transposed ? V.transpose(ctx.gradient(twin)) : ctx.gradient(twin);
    return indices.length > 0 ? V.entry(gradient, indices, () => `∂L/∂${at.site.name}`) : gradient;
  }
  const at1 = (flat: number): Value => {
    const v = base.data[flat];
    const h = 1e-6 * Math.max(Math.abs(v), 0.1);
    const evaluateMoved = (x: number): { value: Value; hits: number } => {
      const data = base.data.slice();
      data[flat] = x;
      const moved: Moved = { values: new Map(outer?.values), hits: 0 };
      const shifted: Matrix = { rows: base.rows, cols: base.cols, data };
      // A moved batch is still a batch (softmax per example, a bias broadcast over it).
      moved.values.set(at.key, V.isBatch(base) ? V.asBatch(shifted) : shifted);
      const movedCtx = twin ? ctx.perturbed(twin, twinEntry(twin, base, flat), x) : ctx;
      const result = withVariable(scope, MOVED, moved, () => withVariable(scope, 'ctx', movedCtx, () => evaluateNode(ofNode, scope)));
      return { value: result, hits: moved.hits };
    };
    const up = evaluateMoved(v + h);
    const down = evaluateMoved(v - h);
    if (!twin && up.hits === 0) throw new Uncheckable(`${options.describe} does not depend on ${at.site.name} through the document's definitions`);
    return V.divide(V.subtract(up.value, down.value), 2 * h);
  };
  if (indices.length > 0) {
    const [i, j] = indices.length === 1 && base.cols === 1 ? [indices[0], 1] : indices.length === 1 ? [1, indices[0]] : indices;
    return at1((i - 1) * base.cols + (j - 1));
  }
  if (base.data.length > MAX_NODE_ENTRIES) throw new Uncheckable(`${at.site.name} has ${base.data.length} entries, too many to differentiate entry by entry; write the derivative of one entry`);
  if (base.data.length === 1) return at1(0);
  const parts = Array.from(base.data, (_, flat) => {
    const d = at1(flat);
    const s = V.scalarOf(d);
    if (s === undefined) throw new Uncheckable(`the derivative of a ${V.shapeOf(d)} with respect to the whole of ${at.site.name} is a Jacobian, whose layout conventions differ; write it entry by entry`);
    return s;
  });
  return { rows: base.rows, cols: base.cols, data: Float64Array.from(parts) };
}
differentiateNode.rawArgs = true;

/** gc_vector(body, index, to[, index2, to2]): the column (or matrix) of body's entries, a definition by entries as one node. */
function vectorOf(args: MathNode[], _math: unknown, scope: Map<string, unknown>): Value {
  const [body, rowIndex, rowsNode, colIndex, colsNode] = args;
  const name = (n: MathNode) => (n as unknown as { value: string }).value;
  const rows = scalar(evaluateNode(rowsNode, scope));
  const cols = colsNode ? scalar(evaluateNode(colsNode, scope)) : 1;
  const data = new Float64Array(rows * cols);
  const at = (i: number, j: number) => scalar(withVariable(scope, name(rowIndex), i, () => (colIndex ? withVariable(scope, name(colIndex), j, () => evaluateNode(body, scope)) : evaluateNode(body, scope))));
  for (let i = 1; i <= rows; i++) for (let j = 1; j <= cols; j++) data[(i - 1) * cols + (j - 1)] = at(i, j);
  const result: Matrix = { rows, cols, data };
  // A matrix by entries in a batch document (P_{ic} over the examples i) is a batch itself.
  return colIndex && scope.get('ctx') instanceof BatchContext ? V.asBatch(result) : result;
}
vectorOf.rawArgs = true;

/**
 * ∂N/∂(network quantity) for a node N whose value is the built-in loss on
 * this instance (the document's own `L = -\log \frac{u_y}{S}`, checked
 * numerically, not by name): the instance's own gradient, exact in the
 * backprop view and the engine's differences in the other, instead of
 * moving every entry through the document's graph.
 */
function lossNodeGradient(of: MathNode, target: { readonly quantity: Quantity; readonly layer: number }, scope: Map<string, unknown>): Matrix | undefined {
  if (of.type !== 'FunctionNode' || (of as unknown as { fn: { name: string } }).fn.name !== 'gc_node') return undefined;
  const ctx = scope.get('ctx') as InstanceContext;
  const value = V.scalarOf(evaluateNode(of, scope));
  // Relative only: a node and a loss both near 0 are not the same function for being within an absolute 1e-12.
  if (value === undefined || !(Math.abs(value - ctx.loss) <= 1e-12 * Math.max(Math.abs(value), Math.abs(ctx.loss)))) return undefined;
  const gradient = ctx.gradient(target);
  return V.isMatrix(gradient) ? gradient : undefined;
}
registerExactDerivative(lossNodeGradient);

const GRAPH_FUNCTIONS = { gc_node: nodeValue, gc_dnode: differentiateNode, gc_vector: vectorOf };
registerFunctions(GRAPH_FUNCTIONS);

export type GraphFunctionName = keyof typeof GRAPH_FUNCTIONS;

export type { DerivativeOptions };

const nodeIds = new WeakMap<object, number>();
let nextNodeId = 1;

/** A use site whose bodies are lowered once per layer; `definition` is the binding that makes the node (its identity). */
export function nodeSite(
  definition: { readonly boundBy: string },
  name: string,
  layered: boolean,
  lowerAt: (layer: number | undefined) => MathNode,
  conventionalAt: (layer: number) => MathNode | undefined,
): NodeSite {
  let id = nodeIds.get(definition);
  if (id === undefined) nodeIds.set(definition, (id = nextNodeId++));
  const bodies = new Map<number | undefined, MathNode>();
  const closed = new Map<number | undefined, boolean>();
  const conventional = new Map<number, MathNode | undefined>();
  const body = (layer: number | undefined): MathNode => {
    if (!bodies.has(layer)) bodies.set(layer, lowerAt(layer));
    return bodies.get(layer)!;
  };
  return {
    id,
    name,
    layered,
    definedBy: definition.boundBy,
    body,
    closed(layer) {
      if (!closed.has(layer)) closed.set(layer, readsOnlyTheInstance(body(layer)));
      return closed.get(layer)!;
    },
    conventional(layer) {
      if (!conventional.has(layer)) conventional.set(layer, conventionalAt(layer));
      return conventional.get(layer);
    },
  };
}

/** No variable but the instance and the indices of sums inside the body itself. */
function readsOnlyTheInstance(node: MathNode): boolean {
  const summed = new Set<string>();
  node.traverse((n) => {
    const fn = n.type === 'FunctionNode' ? (n as unknown as { fn: { name: string } }).fn.name : '';
    const args = (n as unknown as { args: MathNode[] }).args;
    const name = (k: number) => (args[k] as unknown as { value: string }).value;
    if (fn === 'gc_sum') summed.add(name(0));
    if (fn === 'gc_vector') [1, 3].filter((k) => k < args.length).forEach((k) => summed.add(name(k)));
  });
  let open = false;
  node.traverse((n, path) => {
    if (n.type === 'SymbolNode' && path !== 'fn') {
      const name = (n as unknown as { name: string }).name;
      if (name !== 'ctx' && !summed.has(name)) open = true;
    }
  });
  return !open;
}
