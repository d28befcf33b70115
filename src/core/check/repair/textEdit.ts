// Corrections are edits of the author's own LaTeX: splices at exact offsets
// of the formula's source, so the corrected formula keeps their symbols,
// their \frac or ∂/∂, their spacing. Never a pretty-printed tree.
import type { Span } from '../../math';

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Applies non-overlapping edits (any order) to `source`. */
export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  let out = source;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The one edit that covers all of `edits`: the smallest range to replace in the source, and its replacement. */
export function mergedEdit(source: string, edits: readonly TextEdit[]): TextEdit {
  const start = Math.min(...edits.map((e) => e.start));
  const end = Math.max(...edits.map((e) => e.end));
  const edited = applyEdits(source, edits);
  const grown = edited.length - source.length;
  return { start, end, text: edited.slice(start, end + grown) };
}

export const replace = (span: Span, text: string): TextEdit => ({ start: span.start, end: span.end, text });
export const insert = (at: number, text: string): TextEdit => ({ start: at, end: at, text });

/** `\left( X \right)` or `( X )` around the whole text: the inside, else undefined. */
export function unwrapParens(text: string): string | undefined {
  const t = text.trim();
  const pairs: [string, string][] = [
    ['\\left(', '\\right)'],
    ['\\left[', '\\right]'],
    ['(', ')'],
  ];
  for (const [open, close] of pairs) {
    if (!t.startsWith(open) || !t.endsWith(close)) continue;
    const inner = t.slice(open.length, t.length - close.length);
    if (balanced(inner)) return inner.trim();
  }
  return undefined;
}

/** Every bracket of `text` closes inside it (so stripping the outer pair keeps the meaning). */
function balanced(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if ('({['.includes(text[i])) depth++;
    if (')}]'.includes(text[i]) && --depth < 0) return false;
  }
  return depth === 0;
}

/** One symbol with its scripts, `W^{l+1}`, `\\delta^2_j`: needs no parentheses to be transposed. */
export function isSymbol(text: string): boolean {
  return /^\\?[A-Za-z]+(\{[A-Za-z]\})?(\s*[_^](\{[^{}]*\}|[A-Za-z0-9]))*$/.test(text.trim());
}

/** `X` with `(X)^T` semantics in the author's transpose spelling. */
export function transposed(text: string, mark: string): string {
  const t = text.trim();
  if (/^\\?[A-Za-z]+$/.test(t)) return `${t}^${mark}`;
  if (unwrapParens(t) !== undefined) return `${t}^${mark}`;
  return `(${t})^${mark}`;
}
