// Superscripts and subscripts: layer, power, transpose, primes, indices.
//
// On a symbol (see notation.ts for the rules):
//   W^{l+1}_{a,b}  layer l+1, indices a, b        h^{(k)}   layer k (any symbol)
//   a^{[2](i)}     layer 2, example i (deeplearning.ai)
//   w^l_{jk}       indices j, k (single letters)   x^2       power (x not layered)
//   W^T, W^\top, W^{\mathsf T}, W^{\intercal}, W^{l+1 T}, h^{(k)\top}   transpose
//   \sigma', f'', \sigma^{\prime}   primes          e^{..}    exp,  e_y  onehot
// On anything else (a parenthesised group, a call, a norm): a superscript is
// a power or a transpose; a subscript is an index of a symbol or of the
// variable of a gradient ((\nabla_W L)_{a,b} is ∂L/∂W_{a,b}).

import type { Expr, Span, Sym } from '../expr/expr';
import { spanOf, sym, unsupported } from '../expr/exprBuild';
import type { Context } from './context';
import type { KNode } from '../katex/katexTree';
import { isIndicatorName } from './notation';
import { isFunctionName, isLayeredName, nameOfNode, type SymbolName } from './symbols';

interface SupParts {
  readonly primes: number;
  readonly transposed: boolean;
  /** What remains once primes and the transpose mark are taken off. */
  readonly rest: readonly KNode[];
  /** The rest was written in brackets: `^{(k)}`, `^{[l]}`, `^{[l](i)}`. */
  readonly paren: boolean;
  /** Which brackets: the layer's in `^{[l](i)}`. */
  readonly brackets?: '()' | '[]';
  /** deeplearning.ai's example mark: the `i` of `^{[l](i)}` (then `rest` is the layer `l`). */
  readonly example?: readonly KNode[];
  /** A power after the layer's bracket: the 2 of deeplearning.ai's `A^{[1]2}`, (A^{[1]})². */
  readonly power?: readonly KNode[];
}

function contents(n: KNode): readonly KNode[] {
  return n.t === 'group' ? n.body : [n];
}

function isTransposeMark(n: KNode): boolean {
  if (n.t === 'ord') return n.text === 'T' || n.text === '\\top' || n.text === '\\intercal' || n.text === '\\mathsf{T}';
  if (n.t === 'atom') return n.text === '\\intercal' || n.text === '\\top';
  if (n.t === 'font' || n.t === 'group') {
    const inner = contents(n.t === 'font' ? n.body : n);
    return inner.length === 1 && isTransposeMark(inner[0]);
  }
  if (n.t === 'text') return n.content.trim() === 'T';
  return false;
}

function isPrime(n: KNode): boolean {
  return n.t === 'ord' && n.text === '\\prime';
}

/** `f^{'}`: KaTeX makes the ' inside braces a script on nothing, holding \prime marks. */
function primesOnNothing(n: KNode): number {
  if (n.t !== 'supsub' || n.base || n.sub || !n.sup) return 0;
  const marks = contents(n.sup);
  return marks.length > 0 && marks.every(isPrime) ? marks.length : 0;
}

export function readSup(sup: KNode): SupParts {
  let rest = contents(sup);
  let primes = 0;
  const lonePrimes = rest.length === 1 ? primesOnNothing(rest[0]) : 0;
  if (lonePrimes > 0) return { primes: lonePrimes, transposed: false, rest: [], paren: false };
  while (rest.length > 0 && isPrime(rest[0])) {
    primes++;
    rest = rest.slice(1);
  }
  // A lone primed group inside the sup: \sigma'^{l} gives [\prime, {l}].
  if (rest.length === 1 && rest[0].t === 'group' && primes > 0) rest = rest[0].body;
  let transposed = false;
  // Marks after the layer: `g^{[l]\prime}`, `W^{(l)\top}`, `W^{[l]T}`, and `W^{[l]^T}` (the T on the bracket).
  for (let changed = true; changed && rest.length > 0; ) {
    const end = rest[rest.length - 1];
    changed = false;
    if (isPrime(end)) {
      primes++;
      rest = rest.slice(0, -1);
      changed = true;
    } else if (!transposed && isTransposeMark(end)) {
      transposed = true;
      rest = rest.slice(0, -1);
      changed = true;
    } else if (!transposed && end.t === 'supsub' && !end.sub && end.sup && end.base?.t === 'atom' && isTransposeMark(end.sup)) {
      transposed = true;
      rest = [...rest.slice(0, -1), end.base];
      changed = true;
    }
  }
  // Digits after the bracketed layer are a power of it (A^{[1]2}); anything else reads as written.
  const squared = powerAfterBracket(rest);
  const bracketed = squared && (layerAndExample(squared.rest) || bracketsAround(squared.rest)) ? squared.rest : rest;
  const power = bracketed !== rest ? { power: squared!.power } : {};
  const marked = layerAndExample(bracketed);
  if (marked) return { primes, transposed, rest: marked.layer, paren: true, brackets: '[]', example: marked.example, ...power };
  const brackets = bracketsAround(bracketed);
  return { primes, transposed, rest: brackets ? bracketed.slice(1, -1) : bracketed, paren: brackets !== undefined, ...(brackets ? { brackets } : {}), ...power };
}

const isDigit = (n: KNode | undefined): boolean => n?.t === 'ord' && /^\d+$/.test(n.text);

/** `[1]2`, `[l](i)2`: digits right after a closing bracket are a power of the bracketed layer's quantity. */
function powerAfterBracket(nodes: readonly KNode[]): { rest: readonly KNode[]; power: readonly KNode[] } | undefined {
  let k = nodes.length;
  while (k > 0 && isDigit(nodes[k - 1])) k--;
  if (k === nodes.length || k < 3 || !(isAtom(nodes[k - 1], ']') || isAtom(nodes[k - 1], ')'))) return undefined;
  return { rest: nodes.slice(0, k), power: nodes.slice(k) };
}

const isAtom = (n: KNode | undefined, text: string): boolean => n?.t === 'atom' && n.text === text;

/** `(k)` (Goodfellow) or `[l]` (Ng): the whole script is one bracketed label. */
function bracketsAround(nodes: readonly KNode[]): '()' | '[]' | undefined {
  if (nodes.length < 3) return undefined;
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  if (isAtom(first, '(') && isAtom(last, ')')) return '()';
  if (isAtom(first, '[') && isAtom(last, ']')) return '[]';
  return undefined;
}

/** Where the bracket opened at `start` closes, or -1. */
function closingAt(nodes: readonly KNode[], start: number, open: string, close: string): number {
  let depth = 0;
  for (let i = start; i < nodes.length; i++) {
    if (isAtom(nodes[i], open)) depth++;
    else if (isAtom(nodes[i], close) && --depth === 0) return i;
  }
  return -1;
}

/** deeplearning.ai's `[2](i)`: the layer in brackets, then the example in parentheses, each non-empty. */
function layerAndExample(nodes: readonly KNode[]): { layer: readonly KNode[]; example: readonly KNode[] } | undefined {
  if (!isAtom(nodes[0], '[')) return undefined;
  const layerEnd = closingAt(nodes, 0, '[', ']');
  if (layerEnd < 2 || !isAtom(nodes[layerEnd + 1], '(')) return undefined;
  if (closingAt(nodes, layerEnd + 1, '(', ')') !== nodes.length - 1 || nodes.length - 1 < layerEnd + 3) return undefined;
  return { layer: nodes.slice(1, layerEnd), example: nodes.slice(layerEnd + 2, -1) };
}

function spanOfNodes(nodes: readonly KNode[], fallback: Span): Span {
  if (nodes.length === 0) return fallback;
  return spanOf(nodes[0].span, nodes[nodes.length - 1].span);
}

function exprOf(nodes: readonly KNode[], fallback: Span, ctx: Context): Expr {
  return ctx.subparser(nodes).parseAll(spanOfNodes(nodes, fallback));
}

/** Indices of a subscript: `a,b` -> [a, b]; `jk` -> [j, k]; `i y_i` -> [i, y_i]; `k+1` -> [k+1]; `y_i` -> [y_i]. */
export function readIndices(sub: KNode, ctx: Context): Expr[] {
  const nodes = contents(sub);
  const p = ctx.subparser(nodes);
  const items: Expr[] = [];
  for (;;) {
    items.push(p.parseAdditive());
    const t = p.peek();
    if (t?.k === 'punct' && t.text === ',') {
      p.pos++;
      continue;
    }
    break;
  }
  if (!p.atEnd()) return [exprOf(nodes, sub.span, ctx)];
  if (items.length === 1) {
    const letters = juxtLetters(items[0]);
    if (letters) return letters;
  }
  return items;
}

/**
 * `jk` and `i y_i` (CS231n's P_{i y_i}) read as juxt(j, k): the index-like
 * terms, or undefined if it is anything else (`2i`, `k l^2`).
 */
function juxtLetters(e: Expr): Sym[] | undefined {
  if (e.kind === 'binary' && e.op === 'juxt') {
    const l = juxtLetters(e.left);
    const r = juxtLetters(e.right);
    return l && r ? [...l, ...r] : undefined;
  }
  return isIndexLike(e) ? [e] : undefined;
}

const isLetter = (e: Expr): e is Sym => e.kind === 'sym' && e.layer === undefined && e.primes === 0 && /^([A-Za-z]|\\[A-Za-z]+)$/.test(e.name);

/** A letter (`j`, `\\alpha`), or a letter indexed by a letter or a number (`y_i`, `t_2`). */
function isIndexLike(e: Expr): e is Sym {
  if (!isLetter(e)) return false;
  if (e.indices.length === 0) return true;
  return e.indices.length === 1 && ((isLetter(e.indices[0]) && e.indices[0].indices.length === 0) || e.indices[0].kind === 'num');
}

const isDigitNode = (n: KNode): boolean => n.t === 'ord' && /^[0-9]$/.test(n.text);

/** A number (`2`, `10`) or a single letter (`l`, `\beta`): what a power usually looks like. */
function isSimpleScript(rest: readonly KNode[]): 'number' | 'letter' | undefined {
  if (rest.length > 0 && rest.every(isDigitNode)) return 'number';
  if (rest.length === 1 && rest[0].t === 'ord' && nameOfNode(rest[0])) return 'letter';
  return undefined;
}

/**
 * Is this superscript a layer (rather than a power)? See notation.ts:
 * parenthesised -> layer; layered symbol -> layer; function symbol -> layer
 * when applied (\sigma^{l}(z)) or when not a plain number; any other symbol
 * -> power when a number or a single letter (x^2, \beta^t), layer when
 * compound (s^{e-1}).
 */
function supIsLayer(parts: SupParts, layered: boolean, fn: boolean, applied: boolean): boolean {
  if (parts.rest.length === 0) return false;
  if (parts.paren || layered) return true;
  const simple = isSimpleScript(parts.rest);
  if (fn) return applied || simple !== 'number';
  return simple === undefined;
}

/**
 * A symbol base with its scripts: W^{l+1}_{a,b}, x^2, W^T, \sigma', e^{x}, \mathbb{1}_{z>0}.
 * `applied`: parentheses follow (\sigma^{l}(z)), which makes a function's superscript a layer.
 */
export function buildSymbol(
  info: SymbolName,
  base: KNode,
  sup: KNode | undefined,
  sub: KNode | undefined,
  span: Span,
  ctx: Context,
  applied = false,
): Expr {
  const notation = ctx.notation;
  const layered = isLayeredName(info, notation);
  const fn = isFunctionName(info, notation);
  const euler = /^(e|\\(mathrm|mathbf|boldsymbol|bm)\{e\})$/.test(info.name) && !layered && !fn;

  if (sub && isIndicatorName(info.name) && !sup) {
    const cond = exprOf(contents(sub), sub.span, ctx);
    if (cond.kind === 'relation') return { kind: 'indicator', condition: cond, span };
  }
  if (euler && sub && !sup) {
    return { kind: 'call', fn: sym('onehot', base.span), args: readIndices(sub, ctx), given: [], span };
  }
  const indices = sub ? readIndices(sub, ctx) : [];
  const parts = sup ? readSup(sup) : undefined;
  const symSpan = sub ? spanOf(base.span, sub.span) : base.span;
  if (!parts) return sym(info.name, span, { indices });

  const restSpan = spanOfNodes(parts.rest, sup!.span);
  const hasRest = parts.rest.length > 0;
  if (euler && hasRest && !parts.transposed && indices.length === 0) {
    return { kind: 'call', fn: sym('exp', base.span), args: [exprOf(parts.rest, restSpan, ctx)], given: [], span };
  }
  // The set of reals: `\mathbb{R}^{d}` and `\mathbb{R}^{n \times m}` are dimensions, never layers.
  const asLayer = info.name !== '\\mathbb{R}' && supIsLayer(parts, layered, fn, applied);
  let e: Expr;
  if (asLayer) {
    // The layer and a transpose mark share one superscript (W^{l+1 T}): the symbol covers it all.
    const example = parts.example && exprOf(parts.example, spanOfNodes(parts.example, sup!.span), ctx);
    e = sym(info.name, span, { indices, primes: parts.primes, layer: exprOf(parts.rest, restSpan, ctx), layerBrackets: parts.brackets, example });
    if (parts.power) e = { kind: 'pow', base: e, exponent: exprOf(parts.power, spanOfNodes(parts.power, sup!.span), ctx), span };
  } else {
    const primed = parts.primes > 0;
    e = sym(info.name, primed && !hasRest && !parts.transposed ? span : symSpan, { indices, primes: parts.primes });
    // Not a layer: `(x)2` in a power reads as written, the bracket times the digits.
    const written = parts.power ? { kind: 'binary' as const, op: 'juxt' as const, left: exprOf(parts.rest, restSpan, ctx), right: exprOf(parts.power, spanOfNodes(parts.power, sup!.span), ctx), span: sup!.span } : undefined;
    if (hasRest) e = { kind: 'pow', base: e, exponent: written ?? exprOf(parts.rest, restSpan, ctx), span: parts.transposed ? spanOf(symSpan, restSpan) : span };
  }
  if (parts.transposed) e = { kind: 'transpose', arg: e, span };
  return e;
}

/** Scripts on something that is not a symbol: `(..)^T`, `(..)^2`, `\sigma(z)^2`, `(\nabla_W L)_{a,b}`. */
export function applyPostfixScripts(e: Expr, sup: KNode | undefined, sub: KNode | undefined, span: Span, ctx: Context): Expr {
  let out = e;
  if (sub) {
    const indices = readIndices(sub, ctx);
    if (out.kind === 'sym' && out.indices.length === 0) out = { ...out, indices, span };
    else if (out.kind === 'norm' && out.bars === 2 && indices.length === 1 && indices[0].kind === 'sym' && indices[0].name === 'F') {
      // \|W\|_F: the Frobenius norm is the norm of the entries, which \|W\| already is.
      out = { ...out, span };
    } else if (out.kind === 'derivative' && out.wrt.kind === 'sym' && out.wrt.indices.length === 0) {
      // (\nabla_W L)_{a,b} is the gradient wrt W_{a,b}; the variable's span reaches its new indices.
      out = { ...out, wrt: { ...out.wrt, indices, span: spanOf(out.wrt.span, sub.span) }, span };
    } else {
      // ((W^{l+1})^T \delta^{l+1})_j, \mathrm{softmax}(s)_y: an entry of the expression's value.
      out = { kind: 'entry', of: out, indices, span };
    }
  }
  if (!sup) return out;
  const parts = readSup(sup);
  if (parts.primes > 0) {
    if (out.kind !== 'sym') return unsupported(ctx.src.slice(span.start, span.end), 'a prime on an expression is not supported', span);
    out = { ...out, primes: out.primes + parts.primes };
  }
  if (parts.rest.length > 0) {
    const exponent = exprOf(parts.rest, spanOfNodes(parts.rest, sup.span), ctx);
    out = { kind: 'pow', base: out, exponent, span: parts.transposed ? spanOf(out.span, exponent.span) : span };
  }
  if (parts.transposed) out = { kind: 'transpose', arg: out, span };
  return out;
}
