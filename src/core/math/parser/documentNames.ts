// Names a document declares by the way it writes them, for all its formulas
// (ParseOptions.names):
//  - words it spells out upright: CS231n-style notes write
//    `\mathrm{scores} = H W_2 + b_2` in the forward pass and then plain
//    `dscores`, `scores` in the backward pass. Every multi-letter word written
//    as `\mathrm{word}` (`\text`, `\operatorname`, `\mathit`, …) and used as a
//    value, never applied, reads as one symbol in its plain spelling too;
//  - letters it writes both alone and with a gradient `d` in front: `H` and
//    `dH` (CS231n's hidden layer), so that `dH` reads as ∂L/∂H like `dW`.
// The parser reads `d` + a declared name as the gradient of the loss.

import { CONDITION_WORDS, FUNCTION_WORDS, GRADIENT_NAMES, isDeclarableName, textKind } from './notation';

/** `\mathrm{scores}`, `\text{scores}`, `\operatorname*{scores}`: one word in an upright or text font (`\text{ de }`, spaced, is prose). */
const UPRIGHT_WORD = /\\(?:mathrm|mathit|mathsf|text|textrm|textit|textsf|textnormal|textup|operatorname\*?)\s*\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** What follows an applied function's name: `(`, possibly sized (`\left(`, `\big(`). */
const APPLIED = /\s*(?:\\(?:left|bigl?|Bigl?|biggl?|Biggl?)\s*)?\(/y;

/** `dH`, `dH_1`, `dH^{[1]}`: a `d` against one letter, neither part of a longer word nor of a command. */
const D_LETTER = /(?<![A-Za-z\\])d([A-Za-z])(?![A-Za-z])/g;

/** Text inside math (`\text{de }`, `\mathrm{d}`): words, not letters. */
const TEXT_GROUP = /\\(?:text[a-z]*|mathrm|operatorname\*?)\s*\{[^{}]*\}/g;

/** A letter on its own: not in a word, not a command, not after a `d`. */
const LONE_LETTER = /(?<![A-Za-z\\])([A-Za-z])(?![A-Za-z])/g;

function appliedAt(latex: string, at: number): boolean {
  APPLIED.lastIndex = at;
  return APPLIED.test(latex);
}

/** The names the document's formulas declare (see above). */
export function documentNames(formulas: readonly string[]): ReadonlySet<string> {
  return new Set([...uprightNames(formulas), ...differentiatedLetters(formulas)]);
}

/**
 * Words that name a quantity: not a function (`\mathrm{softmax}`), not prose
 * (`\text{ if }`, `\text{where}`, `\mathrm{and}`), and never applied to
 * parentheses (`\operatorname{enc}(x)` names a function the document uses).
 */
export function uprightNames(formulas: readonly string[]): ReadonlySet<string> {
  const valued = new Set<string>();
  const applied = new Set<string>();
  for (const latex of formulas) {
    for (const m of latex.matchAll(UPRIGHT_WORD)) {
      const word = m[1];
      if (!isDeclarableName(word) || FUNCTION_WORDS.has(word) || textKind(word) === 'prose' || CONDITION_WORDS.has(word.toLowerCase())) continue;
      (appliedAt(latex, m.index + m[0].length) ? applied : valued).add(word);
    }
  }
  return new Set([...valued].filter((word) => !applied.has(word)));
}

/** Letters written with a gradient `d` (`dH`) and also on their own (`H = \max(0, Z_1)`), beyond those `d` always marks (dW, dZ). */
export function differentiatedLetters(formulas: readonly string[]): ReadonlySet<string> {
  const withD = new Set<string>();
  const alone = new Set<string>();
  for (const formula of formulas) {
    const latex = formula.replace(TEXT_GROUP, ' ');
    for (const m of latex.matchAll(D_LETTER)) withD.add(m[1]);
    for (const m of latex.matchAll(LONE_LETTER)) if (m[1] !== 'd') alone.add(m[1]);
  }
  return new Set([...withD].filter((letter) => alone.has(letter) && !GRADIENT_NAMES.has(letter)));
}
