// Notation the reader needs before it can build a tree: which symbols carry
// a layer superscript, which are functions, which words are prose.
//
// Superscripts (scripts.ts), in this order:
//  - primes (\sigma', f'', \sigma^{\prime}) and a trailing transpose mark
//    (T, \top, \intercal, \mathsf{T}, \mathrm{T}) are taken off first:
//    W^{l+1 T} is layer l+1, transposed;
//  - a bracketed superscript is a layer on any symbol: Goodfellow's h^{(k)},
//    W^{(l)}, Ng's W^{[l]};
//  - on a *layered* symbol it is the layer: W^{l+1}, a^L_j, o^{2}. Layered-ness
//    goes by base name, so \mathbf{W}, \boldsymbol{\delta}, \vec{o},
//    \hat{h} are layered when W, \delta, o, h are;
//  - on a *function* symbol it is the layer of that activation when applied
//    (\sigma^{l+1}(z^l)) or when it is not a plain number (\sigma^{l});
//  - e^{..} is exp; \mathbb{R}^{d} is a dimension (a power), never a layer;
//  - on any other symbol a number or a single letter is a power (x^2 when x
//    is not layered, \eta^2, \beta^t) and anything compound is a layer
//    (s^{e-1}: nobody raises to the power l-1 in a backprop derivation).
// Subscripts are indices: `a,b` -> [a, b]; `jk` (single letters) -> [j, k];
// `k+1`, `y_i`, `12` -> one index. e_y is onehot(y).
//
// Functions: a symbol followed by parentheses is applied (a Call, not a
// product) when it is in `functionSymbols` (by name or base name), when it
// carries a prime (f', \sigma'), or when it is an upright word
// (\operatorname{..}, \mathrm{softmax}, \text{softmax}, \log). Parentheses
// after any other symbol are a product (W(x + b), o^l(z^l)), unless they hold
// a comma, a `|` or a relation, which no product can: \Gamma(g=a), o(x, y)
// are calls too. Operator names are plain words in the tree: `\log x` is
// Call(log), e^{x} is Call(exp), \mathrm{onehot}(y) and e_y are Call(onehot).

import { APPLIED_SYMBOLS, FUNCTION_WORDS, GRADIENT_NAMES, LAYERED_SYMBOLS, OPERATOR_WORDS, PARAMETER_NAMES } from '../../notation';

export { GRADIENT_NAMES, PARAMETER_NAMES };

export interface ParseOptions {
  /** User macros, passed to KaTeX (`{'\\R': '\\mathbb{R}'}`). */
  readonly macros?: Readonly<Record<string, string>>;
  /** Symbols whose superscript is a layer. Default: DEFAULT_LAYERED_SYMBOLS. */
  readonly layeredSymbols?: ReadonlySet<string>;
  /** Symbols applied to parenthesised arguments. Default: DEFAULT_FUNCTION_SYMBOLS. */
  readonly functionSymbols?: ReadonlySet<string>;
  /**
   * Names the document declares (`let dscores = …`, `\mathrm{scores}`, see documentNames.ts): a multi-letter
   * one is one symbol where it is written, and `d` + a declared name is the gradient of the loss (`dscores`, `dH`).
   */
  readonly names?: ReadonlySet<string>;
}

/** Symbols whose superscript is a layer: the notation table's layered entries. */
export const DEFAULT_LAYERED_SYMBOLS: ReadonlySet<string> = LAYERED_SYMBOLS;

/** Symbols applied to parenthesised arguments: the notation table's functions, activations, loss and output. */
export const DEFAULT_FUNCTION_SYMBOLS: ReadonlySet<string> = APPLIED_SYMBOLS;

/** Resolved options: what the interpreter consults. */
export interface Notation {
  readonly layered: ReadonlySet<string>;
  readonly functions: ReadonlySet<string>;
  readonly macros: Readonly<Record<string, string>>;
  readonly names: ReadonlySet<string>;
}

/** LaTeX commands KaTeX lacks that documents use; the user's macros override them. */
const BUILTIN_MACROS: Readonly<Record<string, string>> = {
  '\\mbox': '\\text{#1}',
  // Markup that does not change the value: labels vanish, spellings KaTeX lacks become ones it has.
  '\\label': '\\gdef\\gcLabel{#1}',
  '\\textsc': '\\text{#1}',
  '\\mathds': '\\mathbb{#1}',
  '\\mathbbm': '\\mathbb{#1}',
  '\\part': '\\partial',
  '\\bigodot': '\\odot',
  '\\bigcirc': '\\circ',
};

const NO_NAMES: ReadonlySet<string> = new Set();

/** A name a document can declare as one multi-letter symbol: `dscores`, `dW2`, `db2`. */
export function isDeclarableName(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9]*[A-Za-z0-9]$/.test(text);
}

export function notationOf(options: ParseOptions | undefined): Notation {
  return {
    layered: options?.layeredSymbols ?? DEFAULT_LAYERED_SYMBOLS,
    functions: options?.functionSymbols ?? DEFAULT_FUNCTION_SYMBOLS,
    macros: { ...BUILTIN_MACROS, ...options?.macros },
    names: options?.names ?? NO_NAMES,
  };
}

/** Words that are functions whatever their spelling (\mathrm, \operatorname, \text, \log). */
export { FUNCTION_WORDS };

/** Operators written as LaTeX commands that take the next factor as their argument. */
export const OPERATOR_FUNCTIONS: ReadonlySet<string> = OPERATOR_WORDS;

/** Operators we know but cannot evaluate: the reason becomes an Unsupported node. */
export const UNSUPPORTED_OPERATORS: Readonly<Record<string, string>> = {
  '\\int': 'integrals are not supported',
  '\\iint': 'integrals are not supported',
  '\\oint': 'integrals are not supported',
  '\\lim': 'limits are not supported',
  '\\prod': 'products over an index (\\prod) are not supported',
  '\\sup': 'suprema are not supported',
  '\\inf': 'infima are not supported',
  '\\det': 'determinants are not supported',
  '\\arg': '\\arg is not supported',
  '\\liminf': 'limits are not supported',
  '\\limsup': 'limits are not supported',
};

/**
 * Words that make `\text{..}` prose rather than a name. English and
 * Vietnamese connectives, with and without diacritics (OCR often drops them).
 */
const PROSE_WORDS = new Set(
  (
    'and or for if where with when then so since because hence thus therefore otherwise else all each every any ' +
    'some is are be the of in on to by as let given since while using where such that we have get ' +
    'và vì mà với khi nếu thì nên do ta có là của theo tại mọi được ' +
    'va vi ma voi khi neu thi nen ta co la cua theo tai moi duoc'
  ).split(' '),
);

/** Condition words: what follows them restricts the preceding equation. */
export const CONDITION_WORDS: ReadonlySet<string> = new Set([
  'for',
  'if',
  'when',
  'whenever',
  'with',
  'forall',
  'for all',
  'for each',
  'for every',
  'với',
  'với mọi',
  'khi',
  'nếu',
  'voi',
  'voi moi',
  'neu',
]);

export type TextKind = 'prose' | 'name';

/**
 * `\text{..}` is prose (a separator between equations, or a condition word)
 * unless it is one identifier-like word (`\text{scores}`, `\text{softmax}`),
 * which names a quantity or a function.
 */
export function textKind(content: string): TextKind {
  if (FUNCTION_WORDS.has(content)) return 'name';
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(content)) return 'prose';
  return PROSE_WORDS.has(content.toLowerCase()) ? 'prose' : 'name';
}

/** Lower-cased, trimmed, single-spaced form of prose for matching against CONDITION_WORDS. */
export function proseKey(content: string): string {
  return content.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Words that read as prose even when written with \mathrm (\mathrm{and}, \mathrm{if}). */
export function isProseWord(word: string): boolean {
  return PROSE_WORDS.has(word.toLowerCase());
}

/** The indicator-function spellings: I, \mathbb{1}, \mathbf{1}, \mathbb{I}, \boldsymbol{1}, 1. */
export function isIndicatorName(name: string): boolean {
  return /^(I|1|\\mathbb\{[1I]\}|\\mathbf\{[1I]\}|\\boldsymbol\{1\}|\\mathds\{1\}|\\mathbbm\{1\})$/.test(name);
}
