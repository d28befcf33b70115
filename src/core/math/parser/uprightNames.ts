// Names a document spells out upright: CS231n-style notes write
// `\mathrm{scores} = H W_2 + b_2` in the forward pass and then plain
// `dscores`, `scores` in the backward pass. Every multi-letter word the
// document writes as `\mathrm{word}` (`\text`, `\operatorname`, `\mathit`, …)
// and uses as a value is a declared name (ParseOptions.names) for all its
// formulas, so that the plain spelling reads as the same one symbol and
// `dword` as the gradient with respect to it.

import { CONDITION_WORDS, FUNCTION_WORDS, isDeclarableName, textKind } from './notation';

/** `\mathrm{scores}`, `\text{ scores }`, `\operatorname*{scores}`: one word in an upright or text font. */
const UPRIGHT_WORD = /\\(?:mathrm|mathit|mathsf|text|textrm|textit|textsf|textnormal|textup|operatorname\*?)\s*\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}/g;

/** What follows an applied function's name: `(`, possibly sized (`\left(`, `\big(`). */
const APPLIED = /\s*(?:\\(?:left|bigl?|Bigl?|biggl?|Biggl?)\s*)?\(/y;

function appliedAt(latex: string, at: number): boolean {
  APPLIED.lastIndex = at;
  return APPLIED.test(latex);
}

/**
 * A word that can name a quantity: not a function (`\mathrm{softmax}`), not
 * prose (`\text{ if }`, `\text{where}`, `\mathrm{and}`), and at least once
 * not applied to parentheses (`\operatorname{diag}(x)` names a function).
 */
export function uprightNames(formulas: readonly string[]): ReadonlySet<string> {
  const valued = new Set<string>();
  for (const latex of formulas) {
    for (const m of latex.matchAll(UPRIGHT_WORD)) {
      const word = m[1];
      if (!isDeclarableName(word) || FUNCTION_WORDS.has(word) || textKind(word) === 'prose' || CONDITION_WORDS.has(word.toLowerCase())) continue;
      if (!appliedAt(latex, m.index + m[0].length)) valued.add(word);
    }
  }
  return valued;
}
