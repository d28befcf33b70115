// Small LaTeX lexing helpers shared by the .tex locator and the macro reader.
// They work on plain offsets, never throw, and treat a missing closer as
// "runs to the end of the text" so callers can report it.

export function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** `\name` (letters) or `\c` (one other character) starting at `i` (a backslash). */
export function readControlSequence(text: string, i: number): { name: string; end: number } {
  let j = i + 1;
  if (j >= text.length) return { name: '', end: j };
  if (!isLetter(text.charCodeAt(j))) return { name: text[j], end: j + 1 };
  while (j < text.length && isLetter(text.charCodeAt(j))) j++;
  return { name: text.slice(i + 1, j), end: j };
}

/** Index of the line break that ends a `%` comment starting at `i` (or the text length). */
export function commentEnd(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl;
}

/** Skips spaces, line breaks and comments, as TeX does between a command and its arguments. */
export function skipBlanks(text: string, i: number): number {
  let j = i;
  while (j < text.length) {
    const ch = text[j];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') j++;
    else if (ch === '%') j = commentEnd(text, j);
    else break;
  }
  return j;
}

/** Groups read here are arguments and macro bodies; a longer one is a brace left open. */
const MAX_GROUP = 8192;

/**
 * A balanced `open ... close` group starting at `i` (which must hold `open`).
 * Escaped braces and comments do not count. Returns the inner span and the
 * index after the closer, or undefined when the group is not closed within
 * MAX_GROUP characters (which keeps a file of unclosed `\newcommand{`s linear).
 */
export function readGroup(
  text: string,
  i: number,
  open = '{',
  close = '}',
): { innerStart: number; innerEnd: number; end: number } | undefined {
  if (text[i] !== open) return undefined;
  let depth = 0;
  const stop = Math.min(text.length, i + MAX_GROUP);
  for (let j = i; j < stop; j++) {
    const ch = text[j];
    if (ch === '\\') j++;
    else if (ch === '%') j = commentEnd(text, j);
    else if (ch === open) depth++;
    else if (ch === close && --depth === 0) return { innerStart: i + 1, innerEnd: j, end: j + 1 };
  }
  return undefined;
}

/** `{name}` after `\begin` / `\end` (blanks allowed before the brace). */
export function readEnvironmentName(text: string, i: number): { name: string; end: number } | undefined {
  const j = skipBlanks(text, i);
  if (text[j] !== '{') return undefined;
  const close = text.indexOf('}', j + 1);
  if (close < 0 || close - j > 64) return undefined;
  const name = text.slice(j + 1, close).trim();
  return /^[A-Za-z@]+\*?$/.test(name) ? { name, end: close + 1 } : undefined;
}
