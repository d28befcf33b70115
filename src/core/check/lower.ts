// Expression tree → mathjs nodes. Symbols are resolved against the binding
// environment here; what cannot be resolved stops the claim with a located
// reason. Nothing from the document is ever evaluated as a string.
import type { MathNode } from 'mathjs';
import { type Derivative, type Expr, type Span, type Sym, printExpr } from '../math';
import type { Reading } from '../notation';
import { displayName, Environment, plainName, type Binding, type LayeredQuantity } from './conventions';
import { resolveSymbol, vectorOver, type ResolvedSymbol } from './bindings';
import { Uncheckable } from './errors';
import { DIFFERENTIABLE_ELEMENTARY, math, type FunctionName } from './functions';
import { helperDerivative, helperName, instantiate, nodeSite, sumTerms, type GraphFunctionName } from './graph';
import { hasBareFunction, isWidthName, POINT_FREE_ARGUMENT, type ClaimVariables } from './variables';
import type { BatchFunctionName } from './batchFunctions';
import { isBareSymbol, some, substitute } from './walk';

const { FunctionNode, SymbolNode, ConstantNode } = math as unknown as {
  FunctionNode: new (fn: MathNode, args: MathNode[]) => MathNode;
  SymbolNode: new (name: string) => MathNode;
  ConstantNode: new (value: unknown) => MathNode;
};

const call = (name: FunctionName | GraphFunctionName | BatchFunctionName, ...args: MathNode[]): MathNode => new FunctionNode(new SymbolNode(name), args);
const constant = (value: unknown): MathNode => new ConstantNode(value);
const variable = (name: string): MathNode => new SymbolNode(name);
const CTX = (): MathNode => variable('ctx');

/** Scope names of the claim's variables; prefixed so no LaTeX name can collide with a function. */
export const indexVariable = (name: string): string => `i_${name.replace(/\W/g, '_')}`;
export const layerVariable = (name: string): string => `l_${name.replace(/\W/g, '_')}`;
export const randomVariable = (name: string): string => `r_${name.replace(/\W/g, '_')}`;

/** A symbol use, for hovers and messages. */
export interface BindingUse {
  readonly symbol: string;
  readonly span: Span;
  readonly binding: Binding;
}

/** Optional rewrites: the diagnosis shifts every layer of one symbol; a reading renumbers or transposes quantities. */
export interface LowerOptions {
  readonly shiftLayerOf?: { readonly name: string; readonly by: number };
  /** The author's source text of a span of the claim, so messages echo what was written (not a printed tree). */
  readonly source?: (span: Span) => string;
  readonly reading?: Reading;
}

type GradientTarget =
  /** `transposed`: the symbol is bound to the quantity's transpose (`let W_1 = (W^{1})^\top`, CS231n's input-first weights). */
  | { quantity: 'W' | 'b' | 'z' | 'o'; layer: MathNode; indices: readonly Expr[]; describe: string; transposed?: boolean }
  /** A node the document defines (graph/nodes.ts): differentiated by moving it. */
  | { node: MathNode; indices: readonly Expr[]; describe: string };

type Template = Extract<Binding['meaning'], { kind: 'template' }>;

/** The index ranges of a definition by entries: one for a vector, two for a matrix. */
type EntryRanges = readonly { readonly index: string; readonly to: MathNode }[];

/** What a symbol means by convention alone, for layers a document's definition does not reach. */
const conventions = new Environment();

/** `W_2` where W needs a layer and has none: layer 2 (d2l, CS231n number layers by subscript). */
function layerFromSubscript(sym: Sym, quantity: LayeredQuantity, everyQuantity = false): Sym {
  if (sym.layer || (!everyQuantity && (quantity === 'z' || quantity === 'o')) || sym.indices.length !== 1 || sym.indices[0].kind !== 'num') return sym;
  return { ...sym, layer: sym.indices[0], indices: [] };
}

/** The value a template's layer parameter takes when the symbol is used at `used`: used − offset. */
/** `n_l` or `n_L`: the number of layers, in the notation where layers are counted 1 … n_l. */
function isLayerCount(e: Expr): boolean {
  return e.kind === 'sym' && e.name === 'n' && !e.layer && e.primes === 0 && e.indices.length === 1 && isBareSymbol(e.indices[0]) && (e.indices[0].name === 'l' || e.indices[0].name === 'L');
}

export function layerArgument(used: Expr, offset: number): Expr {
  if (offset === 0) return used;
  return { kind: 'binary', op: offset > 0 ? '-' : '+', left: used, right: { kind: 'num', value: Math.abs(offset), span: used.span }, span: used.span };
}

export class Lowerer {
  readonly uses: BindingUse[] = [];
  /** Bodies of definitions lowered while evaluating record no uses: the use of the defined symbol is recorded. */
  private quiet = 0;
  /** While a definition's body is lowered, its own name there means what it meant before (let z = z^{1}). */
  private readonly shadowed: string[] = [];

  constructor(
    private readonly env: Environment,
    private readonly vars: ClaimVariables,
    private readonly options: LowerOptions = {},
  ) {}

  lower(e: Expr, bound: ReadonlySet<string> = new Set()): MathNode {
    switch (e.kind) {
      case 'num':
        return constant(e.value);
      case 'sym':
        return this.symbol(e, bound);
      case 'binary': {
        const ops = { '+': 'gc_add', '-': 'gc_sub', juxt: 'gc_mul', cdot: 'gc_mul', star: 'gc_star', times: 'gc_mul', odot: 'gc_odot', '/': 'gc_div' } as const;
        return call(ops[e.op], this.lower(e.left, bound), this.lower(e.right, bound));
      }
      case 'neg':
        return call('gc_neg', this.lower(e.arg, bound));
      case 'pow':
        return call('gc_pow', this.lower(e.base, bound), this.lower(e.exponent, bound));
      case 'transpose':
        return call('gc_T', this.lower(e.arg, bound));
      case 'call':
        return this.application(e, bound);
      case 'sum': {
        const inner = new Set(bound).add(e.index);
        const from = e.from ? this.lower(e.from, bound) : constant(1);
        const to = e.to ? this.bound(e.to, bound) : this.rangeOf(e.index, e.body, inner, e.span);
        return call('gc_sum', constant(indexVariable(e.index)), from, to, this.lower(e.body, inner));
      }
      case 'derivative':
        return this.derivative(e, bound);
      case 'indicator':
        return this.lower(e.condition, bound);
      case 'entry':
        return call('gc_entry', this.lower(e.of, bound), constant(printExpr(e.of)), ...e.indices.map((i) => this.index(i, bound)));
      case 'relation': {
        if (e.op === 'in') throw new Uncheckable('set membership is not a claim that can be evaluated', e.span);
        return call('gc_rel', constant(e.op), this.lower(e.left, bound), this.lower(e.right, bound));
      }
      case 'norm':
        return call('gc_norm', this.lower(e.arg, bound), constant(e.bars));
      case 'unsupported':
        if (e.at) throw new Uncheckable(e.reason, e.at);
        throw new Uncheckable(`\`${e.construct.trim()}\`: ${e.reason}`, e.span);
    }
  }

  /** An upper bound of a sum: C is the number of classes there even when C is the loss elsewhere. */
  private bound(e: Expr, bound: ReadonlySet<string>): MathNode {
    if (isBareSymbol(e) && (e.name === 'C' || e.name === 'K')) return call('gc_classes', CTX());
    // Layer sizes as sum bounds: n_l, n_L, s_l, d_l, n^{[l]}, and n_x (the input's).
    if (e.kind === 'sym' && isWidthName(e.name, this.env)) {
      const which = e.layer ?? (e.indices.length === 1 ? e.indices[0] : undefined);
      if (which && isBareSymbol(which) && which.name === 'x') return call('gc_width', CTX(), constant(0));
      if (which && (e.layer ? e.indices.length === 0 : true)) return call('gc_width', CTX(), this.layer(which, bound));
    }
    return this.lower(e, bound);
  }

  /** A layer expression: L (or UFLDL's n_l) is the last layer, layer letters are variables. */
  layer(e: Expr, bound: ReadonlySet<string> = new Set()): MathNode {
    if (isBareSymbol(e) && e.name === 'L') return call('gc_last', CTX());
    // UFLDL's n_l, the number of layers, names the output layer where a layer is written (a^{(n_l)}), like L.
    if (isLayerCount(e) && !this.env.lookup('n')) return call('gc_last', CTX());
    // A sum over layers (\sum_{l=1}^{2} \|W^l\|^2 in a loss) binds its l, even where the claim has a layer variable l.
    if (isBareSymbol(e) && bound.has(e.name)) return variable(indexVariable(e.name));
    if (isBareSymbol(e) && this.vars.layerVars.includes(e.name)) return variable(layerVariable(e.name));
    if (e.kind === 'binary' && (e.op === '+' || e.op === '-')) return call(e.op === '+' ? 'gc_add' : 'gc_sub', this.layer(e.left, bound), this.layer(e.right, bound));
    if (e.kind === 'num') return constant(e.value);
    return this.lower(e, bound);
  }

  private shifted(name: string, layer: MathNode, quantity?: LayeredQuantity): MathNode {
    const shift = this.options.shiftLayerOf;
    const renumber = quantity && this.options.reading?.shift?.[quantity];
    const read = renumber ? call('gc_add', layer, constant(renumber)) : layer;
    return shift && shift.name === name ? call('gc_add', read, constant(shift.by)) : read;
  }

  /** W under a reading that lays weights out input-first is the transpose of the network's W; under row vectors (CS231n) every vector is a row. */
  private laidOut(quantity: LayeredQuantity | 'o', value: MathNode): MathNode {
    const reading = this.options.reading;
    const transposed = quantity === 'W' ? reading?.transposeWeights : reading?.rowVectors;
    return transposed ? call('gc_T', value) : value;
  }

  private use(sym: Sym, binding: Binding): void {
    if (this.quiet > 0) return;
    this.uses.push({ symbol: sym.name, span: sym.span, binding });
  }

  private indexInto(value: MathNode, sym: Sym, bound: ReadonlySet<string>, describe: string): MathNode {
    if (sym.indices.length === 0) return value;
    return call('gc_entry', value, constant(describe), ...sym.indices.map((i) => this.index(i, bound)));
  }

  /** A subscript: an index variable, a number, y (the label's class), or arithmetic of them. */
  private index(e: Expr, bound: ReadonlySet<string>): MathNode {
    if (isBareSymbol(e) && (bound.has(e.name) || this.vars.indexVars.has(e.name))) return variable(indexVariable(e.name));
    if (isBareSymbol(e) && e.name === 'L') return call('gc_last', CTX());
    // UFLDL's n_l, the number of layers, names the output layer where a layer is written (a^{(n_l)}), like L.
    if (isLayerCount(e) && !this.env.lookup('n')) return call('gc_last', CTX());
    if (isBareSymbol(e) && this.vars.layerVars.includes(e.name)) return variable(layerVariable(e.name));
    return this.lower(e, bound);
  }

  private describe(sym: Sym): string {
    if (!sym.layer) return displayName(sym);
    // Inside a let or definition body, spans refer to that body's text, not the claim's: print the tree there.
    const written = this.quiet === 0 ? this.options.source?.(sym.layer.span) : undefined;
    return `${displayName(sym)}^{${written ?? printExpr(sym.layer)}}`;
  }

  /**
   * What a symbol means here: inside a definition's own body, its earlier
   * (conventional) meaning; else its written form (bindings.ts), which also
   * finds a definition made at one concrete layer (z_2 := …).
   */
  private resolve(sym: Sym): ResolvedSymbol | undefined {
    if (this.shadowed.includes(plainName(sym.name))) {
      const convention = conventions.lookup(sym.name);
      return convention && { binding: convention, use: sym };
    }
    const resolved = resolveSymbol(this.env, sym);
    // A reading (readings.ts) may read a conventional symbol as another quantity (a as the pre-activation).
    const renamed = this.options.reading?.rename?.[plainName(sym.name)];
    if (!resolved || !renamed || resolved.binding.boundBy !== 'default convention') return resolved;
    const description = `${displayName(sym)} read as ${renamed === 'z' ? 'the pre-activation' : 'the activation'} (${this.options.reading!.description})`;
    return { ...resolved, binding: { meaning: { kind: 'layered', quantity: renamed }, description, boundBy: 'reading' } };
  }

  private symbol(written: Sym, bound: ReadonlySet<string>, convention?: Binding): MathNode {
    // a^{[2](i)}: the symbol on example i of the batch (batchFunctions.ts).
    if (written.example) return call('gc_example', this.index(written.example, bound), this.symbol({ ...written, example: undefined }, bound, convention));
    if (plainName(written.name) === '1' && written.indices.length === 0 && !written.layer) return call('gc_ones', CTX());
    if (isBareSymbol(written) && (bound.has(written.name) || this.vars.indexVars.has(written.name))) return variable(indexVariable(written.name));
    if (isBareSymbol(written) && this.vars.layerVars.includes(written.name)) return variable(layerVariable(written.name));
    if (isBareSymbol(written) && this.vars.randomScalars.has(written.name)) return variable(randomVariable(written.name));
    const resolved = convention ? { binding: convention, use: written } : this.resolve(written);
    if (!resolved) throw this.unknown(written);
    const { binding, use: sym } = resolved;
    this.use(written, binding);
    const meaning = binding.meaning;
    switch (meaning.kind) {
      case 'layered':
        return this.indexInto(this.layered(meaning.quantity, sym, bound), layerFromSubscript(sym, meaning.quantity, this.options.reading?.subscriptLayers), bound, this.describe(sym));
      case 'input':
        return this.indexInto(this.laidOut('o', call('gc_q', CTX(), constant('o'), constant(0))), sym, bound, 'x');
      case 'output':
        return this.indexInto(this.laidOut('o', call('gc_q', CTX(), constant('o'), call('gc_last', CTX()))), sym, bound, displayName(sym));
      case 'label':
        return sym.indices.length > 0 ? this.indexInto(this.laidOut('o', call('gc_labels', CTX(), constant(sym.indices.length))), sym, bound, 'y') : call('gc_label', CTX());
      case 'loss':
        return call('gc_loss', CTX());
      case 'learningRate':
        return call('gc_eta', CTX());
      case 'classes':
        return call('gc_classes', CTX());
      case 'constant':
        return constant(meaning.value);
      case 'template':
        if (meaning.parameters) throw new Uncheckable(`${displayName(sym)} is a function the document defines; apply it to an argument`, sym.span);
        return this.template(sym, binding as Binding & { meaning: Template }, bound);
      case 'activation':
      case 'function':
        if (this.vars.pointFree) return this.applyTo(sym, meaning, variable(randomVariable(POINT_FREE_ARGUMENT)));
        throw new Uncheckable(`${displayName(sym)} is a function here but has no argument`, sym.span);
    }
  }

  /** σ, σ', tanh written without an argument in a point-free identity: applied to the identity's shared argument. */
  private applyTo(fn: Sym, meaning: Extract<Binding['meaning'], { kind: 'activation' | 'function' }>, argument: MathNode): MathNode {
    if (meaning.kind === 'activation') return call('gc_act', CTX(), constant(-1), argument, constant(fn.primes));
    if (!DIFFERENTIABLE_ELEMENTARY.has(meaning.fn)) throw new Uncheckable(`${displayName(fn)} is a function here but has no argument`, fn.span);
    return call('gc_fn', constant(meaning.fn), argument, constant(fn.primes));
  }

  private layered(quantity: LayeredQuantity, written: Sym, bound: ReadonlySet<string>): MathNode {
    let layer: MathNode;
    // W_2, b_1 with no layer: the number is the layer (CS231n, d2l); z_2, a_2 stay entries of the output layer.
    const sym = layerFromSubscript(written, quantity, this.options.reading?.subscriptLayers);
    if (sym.layer) layer = this.layer(sym.layer, bound);
    else if (quantity === 'z' || quantity === 'o') layer = call('gc_last', CTX()); // Nielsen's bare a, z: the output layer
    else throw new Uncheckable(`${displayName(sym)} needs a layer: write ${displayName(sym)}^{l}`, sym.span, sym.name, 'no-layer');
    return this.laidOut(quantity, call('gc_q', CTX(), constant(quantity), this.shifted(sym.name, layer, sym.layer ? quantity : undefined)));
  }

  /** A symbol bound to an expression: a node of the document's graph (graph/nodes.ts), indexed by what its parameters leave. */
  private template(sym: Sym, binding: Binding & { meaning: Template }, bound: ReadonlySet<string>): MathNode {
    const { node, rest } = this.nodeOf(sym, binding, bound);
    return rest.length === 0 ? node : this.indexInto(node, { ...sym, indices: rest }, bound, displayName(sym));
  }

  /**
   * The node a use names and the indices left to apply to it. A definition by
   * entries (u_k := e^{z_k}) whose range can be read off its body is one
   * vector node, so u_k and u are the same node.
   */
  private nodeOf(sym: Sym, binding: Binding & { meaning: Template }, bound: ReadonlySet<string>): { node: MathNode; rest: readonly Expr[] } {
    const vector = this.layerVector(sym, binding.meaning, bound);
    if (vector) return { node: vector, rest: [] };
    const entries = this.entryRange(sym, binding.meaning, bound);
    if (entries) return { node: this.nodeReference({ ...sym, indices: [] }, binding, bound, entries), rest: sym.indices };
    return { node: this.nodeReference(sym, binding, bound), rest: sym.indices.slice(binding.meaning.indices.length) };
  }

  /**
   * Nielsen's δ^l_j ≡ ∂C/∂z^l_j used as δ^L: a definition by entries at a
   * layer, used without its index, is the vector of its entries (elementwise
   * bodies only, lowered in place: the entries' own quantities carry the graph).
   */
  private layerVector(sym: Sym, meaning: Template, bound: ReadonlySet<string>): MathNode | undefined {
    if (!meaning.layer || meaning.indices.length !== 1 || meaning.parameters || !sym.layer || sym.indices.length > 0) return undefined;
    const body = vectorOver(substitute(meaning.body, meaning.layer, layerArgument(sym.layer, meaning.layerOffset ?? 0)), meaning.indices[0]);
    if (!body) return undefined;
    this.shadowed.push(plainName(sym.name));
    this.quiet++;
    try {
      return this.lower(body, bound);
    } finally {
      this.quiet--;
      this.shadowed.pop();
    }
  }

  /** The ranges of the indices of a definition by entries, when its body tells them (u_k := e^{z_k}: the entries of z; P_{ic} over scores_{ic}). */
  private entryRange(sym: Sym, meaning: Template, bound: ReadonlySet<string>): EntryRanges | undefined {
    if (meaning.indices.length === 0 || meaning.indices.length > 2 || meaning.layer || meaning.parameters) return undefined;
    this.shadowed.push(plainName(sym.name));
    this.quiet++;
    try {
      const inner = new Set([...bound, ...meaning.indices]);
      return meaning.indices.map((index) => ({ index, to: this.rangeOf(index, meaning.body, inner, sym.span) }));
    } catch {
      return undefined;
    } finally {
      this.quiet--;
      this.shadowed.pop();
    }
  }

  /** gc_node(site, layer, ...index arguments): the node this use names; its body is lowered per concrete layer when evaluated. */
  private nodeReference(sym: Sym, binding: Binding & { meaning: Template }, bound: ReadonlySet<string>, entries?: EntryRanges): MathNode {
    const meaning = binding.meaning;
    if (meaning.layer && !sym.layer) throw new Uncheckable(`${displayName(sym)} was defined with a layer ${meaning.layer}; write ${displayName(sym)}^{…}`, sym.span, sym.name, 'no-layer');
    const offset = meaning.layerOffset ?? 0;
    const args = sym.indices.slice(0, meaning.indices.length);
    const quietly = <T>(body: () => T): T => {
      this.quiet++;
      try {
        return body();
      } finally {
        this.quiet--;
      }
    };
    const conventional = (layer: number): MathNode | undefined => {
      const convention = conventions.lookup(sym.name);
      if (!convention || convention.meaning.kind !== 'layered') return undefined;
      const at: Sym = { ...sym, indices: args, layer: { kind: 'num', value: layer + offset, span: sym.span } };
      return quietly(() => this.symbol(at, bound, convention));
    };
    const lowerBody = (layer: number | undefined): MathNode => {
      this.shadowed.push(plainName(sym.name));
      try {
        if (!entries) return quietly(() => this.lower(instantiate(meaning, layer, args), bound));
        const body = quietly(() => this.lower(meaning.body, new Set([...bound, ...entries.map((e) => e.index)])));
        return call('gc_vector', body, ...entries.flatMap((e) => [constant(indexVariable(e.index)), e.to]));
      } finally {
        this.shadowed.pop();
      }
    };
    const site = nodeSite(binding, this.describe(sym), meaning.layer !== undefined, lowerBody, conventional);
    const layer = meaning.layer && sym.layer ? this.layer(layerArgument(sym.layer, offset), bound) : constant(null);
    return call('gc_node', constant(site), layer, ...args.map((a) => this.index(a, bound)));
  }

  private unknown(sym: Sym, appliedTo?: readonly Expr[]): Uncheckable {
    const name = displayName(sym);
    const indicator = appliedTo?.length === 1 && appliedTo[0].kind === 'relation' ? ' (an indicator is written I(y=a) or \\mathbb{1}(y=a))' : '';
    const written = this.options.source?.(sym.span) ?? '';
    // \text{vec} after a quantity: a word of prose (or OCR noise) inside the formula, not a name the author gave.
    const prose = /^\\text(rm)?\{/.test(written) ? ` (written as text, ${written}: a word inside the formula, perhaps prose or OCR noise)` : '';
    // Δw: Δ times w here; authors (and OCR, for ∇) mean a gradient or an update by it.
    const change = sym.name === '\\Delta' ? ' (Δw reads as Δ times w: a gradient is written \\nabla_w L or \\frac{\\partial L}{\\partial w}, an update w \\leftarrow …)' : '';
    // m, N of \frac{1}{m}\sum_{i=1}^{m}: a vectorised derivation whose spec has no batch yet.
    const batchSize = isBareSymbol(sym) && ['m', 'N'].includes(sym.name) ? ` (if ${name} is the number of examples, add \`batch 8\` and \`layout columns\` or \`layout rows\` to the spec: X, Y, Z^{[l]} are then a batch and ${name} its size)` : '';
    return new Uncheckable(
      `unknown symbol ${name}${indicator}${prose}${change}${batchSize}: say what it means in the network spec (\`let ${plainName(sym.name)} = …\` with a network quantity such as z^{L} on the right) or define it with :=`,
      sym.span,
      sym.name,
      'unknown-symbol',
    );
  }

  /** σ(z^k), f'(z), log, exp, softmax, p(a|x), L(α, y), I(..), quantities with documenting arguments. */
  private application(e: Extract<Expr, { kind: 'call' }>, bound: ReadonlySet<string>): MathNode {
    const fn = e.fn;
    const binding = (fn.indices.length > 0 ? this.env.lookup(helperName(fn)) : undefined) ?? this.env.lookup(fn.name);
    if (!binding) throw this.unknown(fn, e.args);
    this.use(fn, binding);
    const args = () => e.args.map((a) => this.lower(a, bound));
    const one = (): MathNode => {
      if (e.args.length !== 1) throw new Uncheckable(`${displayName(fn)} takes one argument here, got ${e.args.length}`, e.span);
      return this.lower(e.args[0], bound);
    };
    const meaning = binding.meaning;
    // σ(1 − σ) in a point-free identity: σ times (1 − σ), not σ of (1 − σ).
    if ((meaning.kind === 'activation' || meaning.kind === 'function') && this.vars.pointFree && e.args.length === 1 && hasBareFunction(e.args[0], this.env)) {
      return call('gc_mul', this.applyTo(fn, meaning, variable(randomVariable(POINT_FREE_ARGUMENT))), this.lower(e.args[0], bound));
    }
    switch (meaning.kind) {
      case 'activation':
        return call('gc_act', CTX(), this.activationLayer(fn, e.args[0], bound), one(), constant(fn.primes));
      case 'function':
        if (fn.primes > 0 && !DIFFERENTIABLE_ELEMENTARY.has(meaning.fn)) throw new Uncheckable(`derivatives of ${displayName(fn)} are not supported`, fn.span);
        if (meaning.fn === 'softmax') return call('gc_softmax', CTX(), one());
        if (meaning.fn === 'onehot') return this.laidOut('o', call('gc_onehot', CTX(), one()));
        if (meaning.fn === 'max') return call('gc_max', ...args());
        return call('gc_fn', constant(meaning.fn), one(), constant(fn.primes));
      case 'output': {
        // p(a|x), P(c|x): an entry of the output; p(x) or p alone: the vector.
        const output = call('gc_q', CTX(), constant('o'), call('gc_last', CTX()));
        const entryArgs = e.given.length > 0 ? e.args : e.args.filter((a) => !(isBareSymbol(a) && a.name === 'x'));
        if (entryArgs.length === 0) return output;
        return call('gc_entry', output, constant(displayName(fn)), ...entryArgs.map((a) => this.index(a, bound)));
      }
      case 'loss':
        return call('gc_loss', CTX()); // L(α, y): the arguments document what L depends on
      case 'layered':
      case 'input':
      case 'label':
        // o^l(z^l), UFLDL's h_{W,b}(x): the arguments and parameter subscripts document what it depends on.
        return this.symbol(fn.indices.length > 0 && fn.indices.every((i) => this.namesQuantity(i)) ? { ...fn, indices: [] } : fn, bound);
      case 'template':
        if (meaning.parameters) return this.lower(helperDerivative(meaning, e.args, fn.primes, e.span), bound);
        // UFLDL's J(W,b;x,y) after J(W,b;x,y) := …: arguments naming network quantities say what it depends on.
        if (e.args.length === 0 || e.args.every((a) => this.namesNetworkQuantity(a))) return this.symbol(fn, bound);
        throw new Uncheckable(`${displayName(fn)} is defined as a value, not a function`, e.span);
      default:
        return call('gc_mul', this.symbol(fn, bound), one());
    }
  }

  /** Which layer's activation σ(arg) means: σ's own superscript, else the layer of z^k/W^k/b^k in the argument, else the hidden layers'. */
  private activationLayer(fn: Sym, arg: Expr | undefined, bound: ReadonlySet<string>): MathNode {
    if (fn.layer) return this.layer(fn.layer, bound);
    let found: Expr | undefined;
    let foundQuantity: LayeredQuantity | undefined;
    if (arg) {
      some(arg, (node) => {
        if (node.kind !== 'sym' || !node.layer) return false;
        const meaning = this.env.lookup(node.name)?.meaning;
        if (meaning?.kind === 'layered' && (meaning.quantity === 'z' || meaning.quantity === 'W' || meaning.quantity === 'b')) {
          found = node.layer;
          foundQuantity = meaning.quantity;
          return true;
        }
        if (meaning?.kind === 'template' && node.layer) {
          found = node.layer;
          return true;
        }
        return false;
      });
    }
    return found ? this.shifted(fn.name, this.layer(found, bound), foundQuantity) : constant(-1);
  }

  /** The quantity a derivative is taken with respect to, through bindings (α_a with α := z^L is z^L_a). */
  private target(written: Expr, bound: ReadonlySet<string>, depth = 0): GradientTarget {
    if (written.kind !== 'sym') throw new Uncheckable('derivatives are supported with respect to a weight, bias, pre-activation, activation or input (or one entry)', written.span);
    const resolved = this.resolve(written);
    if (!resolved) throw this.unknown(written);
    if (depth > 20) throw new Uncheckable(`${displayName(written)} is defined in terms of itself`, written.span);
    const binding = resolved.binding;
    let wrt = resolved.use;
    this.use(written, binding);
    const meaning = binding.meaning;
    const describe = this.describe(written);
    if (meaning.kind === 'layered' && meaning.quantity !== 'delta') {
      wrt = layerFromSubscript(wrt, meaning.quantity, this.options.reading?.subscriptLayers);
      const layer = wrt.layer ? this.layer(wrt.layer, bound) : meaning.quantity === 'z' || meaning.quantity === 'o' ? call('gc_last', CTX()) : undefined;
      if (!layer) throw new Uncheckable(`${displayName(wrt)} needs a layer: write ${displayName(wrt)}^{l}`, wrt.span, wrt.name, 'no-layer');
      return { quantity: meaning.quantity, layer: this.shifted(wrt.name, layer, wrt.layer ? meaning.quantity : undefined), indices: wrt.indices, describe };
    }
    if (meaning.kind === 'input') return { quantity: 'o', layer: constant(0), indices: wrt.indices, describe };
    if (meaning.kind === 'layered' && meaning.quantity === 'delta') throw new Uncheckable('derivatives with respect to δ are not supported', wrt.span);
    if (meaning.kind === 'output') return { quantity: 'o', layer: call('gc_last', CTX()), indices: wrt.indices, describe };
    if (meaning.kind === 'template' && meaning.body.kind === 'sym' && !meaning.parameters) {
      let body: Expr = meaning.body;
      if (meaning.layer && wrt.layer) body = substitute(body, meaning.layer, layerArgument(wrt.layer, meaning.layerOffset ?? 0));
      const inner = this.shadowing(wrt, () => this.target(body, bound, depth + 1));
      return { ...inner, indices: [...inner.indices, ...wrt.indices], describe };
    }
    // W_1 := (W^{1})^T: a derivative with respect to it is the transpose of the one with respect to W^{1}.
    if (meaning.kind === 'template' && !meaning.parameters && !meaning.layer && meaning.indices.length === 0 && meaning.body.kind === 'transpose' && meaning.body.arg.kind === 'sym') {
      const inner = this.shadowing(wrt, () => this.target((meaning.body as Extract<Expr, { kind: 'transpose' }>).arg, bound, depth + 1));
      if (!('node' in inner) && inner.indices.length === 0) return { ...inner, indices: wrt.indices, describe, transposed: !inner.transposed };
    }
    if (meaning.kind === 'template' && !meaning.parameters) {
      const { node, rest } = this.nodeOf(wrt, binding as Binding & { meaning: Template }, bound);
      return { node, indices: rest, describe };
    }
    throw new Uncheckable(`cannot differentiate with respect to ${displayName(wrt)} (${binding.description})`, wrt.span);
  }

  /** While a binding's body is read, the bound name there means what it meant before (let z = z^{1}). */
  private shadowing<T>(sym: Sym, body: () => T): T {
    this.shadowed.push(plainName(sym.name));
    try {
      return body();
    } finally {
      this.shadowed.pop();
    }
  }

  private derivative(e: Derivative, bound: ReadonlySet<string>): MathNode {
    // dZ^{[2](i)}: example i's own gradient ∂L^{(i)}/∂z^{(i)}, whatever loss the document defines for the whole batch.
    if (e.wrt.kind === 'sym' && e.wrt.example) {
      const wrt = { ...e.wrt, example: undefined };
      const target = e.notation === 'd' ? this.target(wrt, bound) : undefined;
      const own = target && !('node' in target) && !target.transposed && target.indices.length === 0 ? call('gc_grad', CTX(), constant(target.quantity), target.layer) : undefined;
      return call('gc_example', this.index(e.wrt.example, bound), own ?? this.derivative({ ...e, wrt }, bound));
    }
    if (isBareSymbol(e.wrt) && this.vars.randomScalars.has(e.wrt.name)) return call('gc_dscalar', constant(randomVariable(e.wrt.name)), this.lower(e.of, bound));
    const target = this.target(e.wrt, bound);
    if (!('node' in target) && target.transposed) {
      // Entry (j, k) of a transposed alias is entry (k, j) of the quantity; the whole is the quantity's derivative transposed.
      const plain = this.derivativeOf(e, { ...target, transposed: false, indices: [...target.indices].reverse() }, bound);
      return target.indices.length === 0 ? call('gc_T', plain) : plain;
    }
    return this.derivativeOf(e, target, bound);
  }

  private derivativeOf(e: Derivative, target: GradientTarget, bound: ReadonlySet<string>): MathNode {
    const indices = target.indices.map((i) => this.index(i, bound));
    if ('node' in target) {
      const options = { ofEngineLoss: this.isLoss(e.of), describe: printExpr(e.of) };
      return call('gc_dnode', this.lower(e.of, bound), target.node, constant(options), ...indices);
    }
    if (this.isLoss(e.of)) {
      // dZ^{[l]} in a batch of columns stacks the examples' own gradients (batchFunctions.ts); ∂J/∂Z^{[l]} does not.
      const gradient = this.laidOut(target.quantity, call(e.notation === 'd' ? 'gc_dgrad' : 'gc_grad', CTX(), constant(target.quantity), target.layer));
      return indices.length === 0 ? gradient : call('gc_entry', gradient, constant(`∂L/∂${target.describe}`), ...indices);
    }
    // J = L + λ/2‖W‖²: a sum is differentiated term by term, so the built-in loss's term keeps its exact gradient (graph/sums.ts).
    const terms = sumTerms(e.of, (sym) => this.env.lookup(sym.name));
    if (terms) return call(terms.op === '+' ? 'gc_add' : 'gc_sub', this.derivativeOf({ ...e, of: terms.left }, target, bound), this.derivativeOf({ ...e, of: terms.right }, target, bound));
    // Anything else is differentiated by central differences on perturbed instances.
    const entry = target.quantity === 'W' && this.options.reading?.transposeWeights ? [...indices].reverse() : indices;
    const derivative = call('gc_deriv', this.lower(e.of, bound), constant(target.quantity), target.layer, ...entry);
    return entry.length === 0 ? this.laidOut(target.quantity, derivative) : derivative;
  }

  /** An argument that names a network quantity as a whole (W, b, x, y): documentation of dependence. */
  private namesNetworkQuantity(e: Expr): boolean {
    const kind = isBareSymbol(e) && !this.vars.indexVars.has(e.name) ? this.env.lookup(e.name)?.meaning.kind : undefined;
    return kind === 'layered' || kind === 'input' || kind === 'label' || kind === 'output';
  }

  /** A subscript that names a network quantity (h_{W,b}: W and b), not an index. */
  private namesQuantity(e: Expr): boolean {
    const meaning = isBareSymbol(e) && !this.vars.indexVars.has(e.name) ? this.env.lookup(e.name)?.meaning : undefined;
    return meaning?.kind === 'layered' && (meaning.quantity === 'W' || meaning.quantity === 'b');
  }

  isLoss(e: Expr): boolean {
    const sym = e.kind === 'call' ? e.fn : e;
    return sym.kind === 'sym' && sym.indices.length === 0 && this.env.lookup(sym.name)?.meaning.kind === 'loss';
  }

  /**
   * The range of an index whose bounds are not written: the size of what it
   * indexes (α_c → the entries of α), or the classes when it meets y or p(c|x).
   */
  rangeOf(index: string, body: Expr, bound: ReadonlySet<string>, span: Span): MathNode {
    let hint: MathNode | undefined;
    const visit = (node: Expr): boolean => {
      if (hint) return true;
      if (node.kind === 'sym') {
        if (node.example && isBareSymbol(node.example) && node.example.name === index) {
          hint = call('gc_batchsize', CTX());
          return true;
        }
        // \sum_k \|W^{(k)}\|^2: an index used as a layer ranges over the layers.
        if (node.layer && isBareSymbol(node.layer) && node.layer.name === index) {
          hint = call('gc_last', CTX());
          return true;
        }
        const position = node.indices.findIndex((i) => isBareSymbol(i) && i.name === index);
        if (position >= 0) {
          const whole: Sym = { ...node, indices: [] };
          if (this.env.lookup(node.name)?.meaning.kind === 'label') {
            hint = call('gc_size', call('gc_labels', CTX()), constant(0), constant(1));
            return true;
          }
          hint = call('gc_size', this.lower(whole, bound), constant(position), constant(node.indices.length));
          return true;
        }
      }
      if (node.kind === 'entry') {
        const position = node.indices.findIndex((i) => isBareSymbol(i) && i.name === index);
        if (position >= 0) {
          hint = call('gc_size', this.lower(node.of, bound), constant(position), constant(node.indices.length));
          return true;
        }
      }
      if (node.kind === 'call' && node.args.some((a) => isBareSymbol(a) && a.name === index)) {
        const meaning = this.env.lookup(node.fn.name)?.meaning.kind;
        if (meaning === 'output') {
          hint = call('gc_classes', CTX());
          return true;
        }
      }
      if (node.kind === 'relation' && [node.left, node.right].some((s) => isBareSymbol(s) && s.name === index) && [node.left, node.right].some((s) => isBareSymbol(s) && s.name === 'y')) {
        hint = call('gc_classes', CTX());
        return true;
      }
      return false;
    };
    some(body, visit);
    if (!hint) throw new Uncheckable(`cannot tell the range of ${index}: write its bounds, e.g. \\sum_{${index}=1}^{n}`, span);
    return hint;
  }
}
