// Naming symbols: what a KaTeX node is called as a Sym, and what the
// notation says about that name (layered? a function? an indicator?).

import type { Expr, Sym } from '../expr/expr';
import type { KNode } from '../katex/katexTree';
import { FUNCTION_WORDS, isIndicatorName, type Notation, textKind } from './notation';

export interface SymbolName {
  /** LaTeX spelling with decorations: 'W', '\\alpha', '\\mathbf{x}', '\\hat{y}', or a word: 'softmax'. */
  readonly name: string;
  /** The name without decorations: 'x' for '\\mathbf{x}', 'y' for '\\hat{y}'. */
  readonly base: string;
  /** An upright multi-letter word (\operatorname, \mathrm{..}, \text{..}, \log). */
  readonly word: boolean;
}

/** Commands that are not symbols even though KaTeX makes them ords. */
const NOT_SYMBOLS = new Set(['\\partial', '\\nabla', '\\prime', '\\forall', '\\exists', '\\top', '\\bot', '\\cdot', '\\|', '|', '/', '.', '!', '?', "'"]);

const UPRIGHT_FONTS = new Set(['mathrm', 'mathit', 'mathsf', 'mathtt', 'textrm', 'textit', 'textsf', 'texttt', 'textnormal', 'text', 'textup']);

function isLetterName(text: string): boolean {
  if (NOT_SYMBOLS.has(text)) return false;
  if (/^[A-Za-z]$/.test(text)) return true;
  if (/^\\[A-Za-z]+$/.test(text)) return true; // \alpha, \ell, \Gamma, \infty
  return /^\p{L}$/u.test(text); // α typed directly
}

function wordOf(nodes: readonly KNode[]): string | undefined {
  let s = '';
  for (const n of nodes) {
    if (n.t === 'ord' && /^[A-Za-z0-9]$/.test(n.text)) s += n.text;
    else if (n.t === 'space') continue;
    else if (n.t === 'group' && !n.braced) {
      const w = wordOf(n.body);
      if (w === undefined) return undefined;
      s += w;
    } else return undefined;
  }
  return s.length >= 2 && /^[A-Za-z]/.test(s) ? s : undefined;
}

/** The symbol a node names, or undefined when it is not a plain symbol (an expression, a number, an operator). */
export function nameOfNode(n: KNode): SymbolName | undefined {
  switch (n.t) {
    case 'ord':
      return isLetterName(n.text) ? { name: n.text, base: n.text, word: false } : undefined;
    case 'word':
      return { name: n.word, base: n.word, word: true };
    case 'text': {
      const w = n.content.trim();
      return textKind(w) === 'name' ? { name: w, base: w, word: w.length > 1 } : undefined;
    }
    case 'group':
      return n.body.length === 1 ? nameOfNode(n.body[0]) : n.braced ? undefined : wordNode(n.body, 'mathrm');
    case 'font': {
      const body = n.body.t === 'group' ? n.body.body : [n.body];
      if (body.length === 1 && body[0].t === 'ord' && /^[0-9]$/.test(body[0].text)) {
        return { name: `\\${n.font}{${body[0].text}}`, base: body[0].text, word: false };
      }
      if (body.length > 1) return wordNode(body, n.font);
      const inner = body.length === 1 ? nameOfNode(body[0]) : undefined;
      if (!inner) return undefined;
      if (inner.word) return inner;
      return { name: `\\${n.font}{${inner.name}}`, base: inner.base, word: false };
    }
    case 'accent': {
      const inner = nameOfNode(n.base);
      return inner && !inner.word ? { name: `${n.label}{${inner.name}}`, base: inner.base, word: false } : undefined;
    }
    default:
      return undefined;
  }
}

function wordNode(nodes: readonly KNode[], font: string): SymbolName | undefined {
  if (!UPRIGHT_FONTS.has(font) && font !== 'mathbf' && font !== 'boldsymbol') return undefined;
  const w = wordOf(nodes);
  return w === undefined ? undefined : { name: w, base: w, word: true };
}

/** Base name of a Sym's name ('\\hat{\\mathbf{y}}' -> 'y'). */
export function baseName(name: string): string {
  let s = name;
  for (let m = /^\\[A-Za-z]+\{(.*)\}$/.exec(s); m; m = /^\\[A-Za-z]+\{(.*)\}$/.exec(s)) s = m[1];
  return s;
}

export function symbolInfo(s: Sym): SymbolName {
  const base = baseName(s.name);
  return { name: s.name, base, word: /^[A-Za-z][A-Za-z0-9]+$/.test(s.name) };
}

export function isLayeredName(info: SymbolName, notation: Notation): boolean {
  return notation.layered.has(info.name) || notation.layered.has(info.base);
}

/** A name the document declares (`\\mathrm{scores}`, `let dscores`) is a quantity: `scores (a^1)^T` is a product. */
export function isFunctionName(info: SymbolName, notation: Notation): boolean {
  const declared = notation.names.has(info.name) && !FUNCTION_WORDS.has(info.name);
  return notation.functions.has(info.name) || notation.functions.has(info.base) || (info.word && !declared) || FUNCTION_WORDS.has(info.name);
}

export function isFunctionSym(s: Sym, info: SymbolName, notation: Notation): boolean {
  return s.primes > 0 || isFunctionName(info, notation) || isIndicatorName(s.name);
}

/** Activations, written with what they depend on: o^l(z^l), a^L(z^L). */
const DOCUMENTED_BY_ARGUMENT = new Set(['o', 'a', 'h', 'z', 'p', 'y']);

/**
 * `o^l(z^l)`: an activation with its layer, followed by one layered quantity
 * in parentheses, documents dependence (DESIGN.md); a product of two column
 * vectors would not fit anyway. `W^l(x + b)` stays a product.
 */
export function documentsDependence(fn: Sym, args: readonly Expr[]): boolean {
  if (!fn.layer || fn.indices.length > 0 || !DOCUMENTED_BY_ARGUMENT.has(baseName(fn.name))) return false;
  return args.length === 1 && args[0].kind === 'sym' && args[0].layer !== undefined;
}

export function isIndicatorSym(s: Sym): boolean {
  return isIndicatorName(s.name) && s.layer === undefined && s.indices.length === 0;
}
