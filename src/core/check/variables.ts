// Which letters of a claim are variables: indices (subscripts, sum indices,
// the a in I(y=a) and p(a|x)), layer variables (the l in W^{l+1}), and, in
// identities that mention no network quantity (σ'(z) = σ(z)(1 − σ(z))),
// random scalar arguments.
import type { Expr } from '../math';
import { LOSS_CANDIDATES, plainName, type Environment } from './conventions';
import { isBatchSize } from './batch';
import { Uncheckable } from './errors';
import { isBareSymbol, walk } from './walk';

export interface ClaimVariables {
  readonly indexVars: ReadonlySet<string>;
  /** Index variables not bound by an enclosing sum, in order of first use (left side first). */
  readonly freeIndices: readonly string[];
  readonly layerVars: readonly string[];
  readonly randomScalars: ReadonlySet<string>;
  /** An identity between functions written without arguments (Nielsen's σ' = σ(1 − σ)): they share one random argument. */
  readonly pointFree: boolean;
}

/** The random argument of a point-free identity. */
export const POINT_FREE_ARGUMENT = 'pointfree';

/** A function symbol written without its argument somewhere in e (calls' own names aside): σ in σ(1 − σ). */
export function hasBareFunction(e: Expr, env: Environment): boolean {
  let found = false;
  walk(e, (node) => {
    if (found) return false;
    if (node.kind === 'call') {
      found = node.args.some((a) => hasBareFunction(a, env));
      return false;
    }
    const kind = node.kind === 'sym' ? env.lookup(node.name)?.meaning.kind : undefined;
    if (kind === 'activation' || kind === 'function') found = true;
    return !found;
  });
  return found;
}

const LETTER = /^(?:[a-zA-Z]|\\[a-zA-Z]+)$/;

/** Names that are never index or layer variables: the label, the last layer, constants. */
function isReserved(name: string, env: Environment): boolean {
  if (name === 'L') return true;
  const kind = env.lookup(name)?.meaning.kind;
  return kind === 'label' || kind === 'constant' || kind === 'loss' || kind === 'learningRate' || kind === 'classes';
}

function isParameter(e: Expr, env: Environment): boolean {
  const meaning = e.kind === 'sym' && e.indices.length === 0 && !e.layer ? env.lookup(e.name)?.meaning : undefined;
  return meaning?.kind === 'layered' && (meaning.quantity === 'W' || meaning.quantity === 'b');
}

function isQuantity(e: Expr, env: Environment): boolean {
  const kind = e.kind === 'sym' ? env.lookup(e.name)?.meaning.kind : undefined;
  return kind === 'layered' || kind === 'input' || kind === 'output' || kind === 'template';
}

/** n_l, s_l, d_l, n^{[l]}: a layer's width where the name means nothing else (n bound to d2l's batch size still does with a layer). */
export function isWidthName(name: string, env: Environment): boolean {
  const binding = env.lookup(name);
  return /^[nsd]$/.test(name) && (!binding || isBatchSize(binding));
}

export function analyzeVariables(sides: readonly Expr[], env: Environment): ClaimVariables {
  const indexVars = new Set<string>();
  const layerVars: string[] = [];
  const addIndex = (e: Expr) => {
    if (isBareSymbol(e) && LETTER.test(e.name) && !isReserved(e.name, env)) indexVars.add(e.name);
  };
  // Any letter but L in a layer position is a layer variable, even e (OCR turns ℓ into e; e^l is never Euler's number).
  const addLayers = (e: Expr) => {
    const letters = new Set<string>();
    walk(e, (node) => {
      if (isBareSymbol(node) && LETTER.test(node.name) && node.name !== 'L') letters.add(node.name);
    });
    // A layer is a number, L, a letter, or a letter ± a number (L − l at most): more letters are text read as a layer (OCR's a^{l-Infinity}), not layers to try.
    if (letters.size > 2) throw new Uncheckable(`cannot read this layer: it names ${letters.size} letters (${[...letters].join(', ')}), where a layer is a number, L, or one letter ± a number`, e.span);
    for (const letter of letters) if (!layerVars.includes(letter)) layerVars.push(letter);
  };
  let mentionsNetwork = false;
  // h_{W,b}(x): subscripts naming parameters document dependence; they are not indices.
  const parameterised = new Set<Expr>();
  for (const side of sides) {
    walk(side, (node) => {
      if (node.kind === 'call' && node.fn.indices.length > 0 && node.fn.indices.every((i) => isParameter(i, env))) parameterised.add(node.fn);
      if (node.kind === 'sym') {
        // E_n, L_i: the loss of example n; its subscript is not an index of the network.
        // n_x, n_l, s_l: a layer size's subscript names a layer, not an index.
        const width = isWidthName(node.name, env);
        if (width) node.indices.filter((i) => !(isBareSymbol(i) && i.name === 'x')).forEach(addLayers);
        // A loss the document defines by entries (E_n := …, graph/definitions.ts) takes its index like any definition.
        const lossKind = env.lookup(node.name)?.meaning.kind;
        const lossLike = lossKind === 'loss' || (LOSS_CANDIDATES.has(plainName(node.name)) && lossKind !== 'template');
        if (!width && !parameterised.has(node) && !lossLike) node.indices.forEach(addIndex);
        if (node.layer) {
          addLayers(node.layer);
          mentionsNetwork = true;
        }
        const meaning = env.lookup(node.name)?.meaning;
        const kind = meaning?.kind;
        // A function the document defines (g(t) = −log t) is no network quantity: g'(t) = −1/t is an identity in t.
        const helper = meaning?.kind === 'template' && meaning.parameters !== undefined;
        // u bound by `let u^{l} = z^{l}` but written without a layer (\tanh'(u)) is a plain argument, like a bare z.
        const layerless = meaning?.kind === 'template' && meaning.layer !== undefined && !node.layer;
        if (kind === 'loss' || kind === 'label' || kind === 'output' || kind === 'input' || (kind === 'template' && !helper && !layerless)) mentionsNetwork = true;
      }
      if (node.kind === 'sum') indexVars.add(node.index);
      if (node.kind === 'entry') node.indices.forEach(addIndex);
      // d/dt of an identity in a plain argument t (no binding) is not about the network.
      if (node.kind === 'derivative' && !(isBareSymbol(node.wrt) && !env.lookup(node.wrt.name))) mentionsNetwork = true;
      // I(y = a): a is an index; 1(h > 0), 1(z > 0): a quantity compared entry by entry is not.
      if (node.kind === 'relation') [node.left, node.right].filter((s) => !isQuantity(s, env)).forEach(addIndex);
      if (node.kind === 'call') {
        if (node.fn.layer) addLayers(node.fn.layer);
        if (env.lookup(node.fn.name)?.meaning.kind === 'output') node.args.forEach(addIndex);
      }
    });
  }
  // Layer letters are not index letters (l in W^l_{jk} is a layer even though j, k are indices).
  for (const l of layerVars) indexVars.delete(l);

  const freeIndices: string[] = [];
  const collectFree = (e: Expr, boundBySums: ReadonlySet<string>) => {
    if (e.kind === 'sum') {
      if (e.from) collectFree(e.from, boundBySums);
      if (e.to) collectFree(e.to, boundBySums);
      collectFree(e.body, new Set(boundBySums).add(e.index));
      return;
    }
    if (isBareSymbol(e) && indexVars.has(e.name) && !boundBySums.has(e.name) && !freeIndices.includes(e.name)) freeIndices.push(e.name);
    walk(e, (node) => {
      if (node === e) return true;
      collectFree(node, boundBySums);
      return false;
    });
  };
  sides.forEach((side) => collectFree(side, new Set()));

  // An identity about functions: bare single letters that are not indices are random arguments.
  const randomScalars = new Set<string>();
  if (!mentionsNetwork) {
    for (const side of sides) {
      walk(side, (node) => {
        if (isBareSymbol(node) && LETTER.test(node.name) && !indexVars.has(node.name)) {
          const meaning = env.lookup(node.name)?.meaning;
          if (meaning === undefined || meaning.kind === 'layered' || (meaning.kind === 'template' && meaning.layer !== undefined)) randomScalars.add(node.name);
        }
      });
    }
  }
  const pointFree = !mentionsNetwork && sides.some((side) => hasBareFunction(side, env));
  if (pointFree) randomScalars.add(POINT_FREE_ARGUMENT);
  return { indexVars, freeIndices, layerVars, randomScalars, pointFree };
}
