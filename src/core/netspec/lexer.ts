// Splits one spec line into whitespace-separated tokens. `#` starts a comment
// except after a backslash, so LaTeX in a `let` line may write `\#`.
import type { Range } from '../source';
import type { SpecLine } from './types';

export interface Token {
  readonly text: string;
  /** Columns in the spec line's text, end exclusive. */
  readonly start: number;
  readonly end: number;
}

/** Splits text into lines like LineIndex does (on \n, dropping a \r before it). */
export function splitLines(text: string): string[] {
  return text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** Index of the comment's `#`, or the text length when the line has none. */
export function commentStart(text: string): number {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '#' && (i === 0 || text[i - 1] !== '\\')) return i;
  }
  return text.length;
}

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const re = /\S+/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null && m.index < to; m = re.exec(text)) {
    const end = Math.min(m.index + m[0].length, to);
    tokens.push({ text: text.slice(m.index, end), start: m.index, end });
  }
  return tokens;
}

/** The document range of columns [start, end) of a spec line. */
export function lineRange(line: SpecLine, start: number, end: number): Range {
  return {
    start: { line: line.line, column: line.column + start },
    end: { line: line.line, column: line.column + end },
  };
}

export function tokenRange(line: SpecLine, first: Token, last: Token = first): Range {
  return lineRange(line, first.start, last.end);
}
