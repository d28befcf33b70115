// Small scanners over the LaTeX source. KaTeX does not give a location to
// every node (\frac, \left..\right, \mathbf, ^ and _ groups, spacing, and
// anything produced by a macro expansion), so katexTree.ts recovers those
// spans by reading the source around the nodes that do have one.

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isLetter = (c: string | undefined): boolean => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '@');

/** Commands that KaTeX consumes without producing a node: skipped when a span is recovered by scanning. */
const SILENT = new Set(['\\limits', '\\nolimits', '\\nonumber', '\\notag', '\\displaystyle', '\\textstyle', '\\scriptstyle', '\\hline']);

/** End of the control word/symbol starting at `i` (src[i] === '\\'). */
function controlEnd(src: string, i: number): number {
  let j = i + 1;
  if (!isLetter(src[j])) return Math.min(j + 1, src.length);
  while (isLetter(src[j])) j++;
  if (src[j] === '*') j++; // \operatorname*, \tag*
  return j;
}

/** Skips whitespace, `%` comments and alignment marks, and the commands in SILENT. */
export function skipIgnorable(src: string, i: number, limit = src.length): number {
  for (;;) {
    while (i < limit && isSpace(src[i])) i++;
    if (i >= limit) return limit;
    const c = src[i];
    if (c === '%') {
      while (i < limit && src[i] !== '\n') i++;
      continue;
    }
    if (c === '&') {
      i++;
      continue;
    }
    if (c === '\\') {
      if (src[i + 1] === '\\') {
        i += 2;
        continue;
      }
      const e = controlEnd(src, i);
      if (SILENT.has(src.slice(i, e))) {
        i = e;
        continue;
      }
    }
    return i;
  }
}

/** Span [start, end) of the TeX token at `i` (no skipping): a control sequence, or one character (a surrogate pair counts as one). */
export function tokenAt(src: string, i: number): { start: number; end: number } {
  if (src[i] === '\\') return { start: i, end: controlEnd(src, i) };
  const code = src.charCodeAt(i);
  const wide = code >= 0xd800 && code <= 0xdbff && i + 1 < src.length;
  return { start: i, end: Math.min(src.length, i + (wide ? 2 : 1)) };
}

/** The control word ending exactly at `end` (after skipping whitespace backwards), e.g. `\frac` before `{`. */
function controlWordBefore(src: string, end: number): number | undefined {
  let j = end;
  if (src[j - 1] === '*') j--;
  let k = j;
  while (k > 0 && isLetter(src[k - 1])) k--;
  if (k < j && src[k - 1] === '\\') return k - 1;
  return undefined;
}

function skipSpaceBack(src: string, i: number): number {
  while (i > 0 && isSpace(src[i - 1])) i--;
  return i;
}

/**
 * Start of the command that owns an argument beginning at `argStart`:
 * `\frac{` / `\mathbf{` / `\hat ` / `\text{` / `\left(` / `\sum\limits_`.
 * Returns `argStart` when no command is found (the argument stands alone).
 */
export function headBefore(src: string, argStart: number, kind: 'command' | 'leftright' | 'script'): number {
  let i = skipSpaceBack(src, argStart);
  if (kind === 'script') {
    // base of a supsub that has no location of its own: `\sum_`, `\sum\limits^`
    if (src[i - 1] === '_' || src[i - 1] === '^') i = skipSpaceBack(src, i - 1);
    for (;;) {
      const w = controlWordBefore(src, i);
      if (w === undefined) return argStart;
      const word = src.slice(w, i);
      if (word === '\\limits' || word === '\\nolimits') {
        i = skipSpaceBack(src, w);
        continue;
      }
      return w;
    }
  }
  if (kind === 'leftright') {
    // skip the delimiter token: `(`, `\{`, `\langle`, `.`
    const w = controlWordBefore(src, i);
    if (w !== undefined && src.slice(w, i) !== '\\left') i = w;
    else if (src[i - 2] === '\\') i -= 2;
    else i -= 1;
    i = skipSpaceBack(src, i);
    const l = controlWordBefore(src, i);
    return l !== undefined && src.slice(l, i).startsWith('\\left') ? l : argStart;
  }
  if (src[i - 1] === '{' && src[i - 2] !== '\\') i = skipSpaceBack(src, i - 1);
  const w = controlWordBefore(src, i);
  return w ?? argStart;
}

/** Extends `end` past the `}` that close braces opened in src[start, end). */
export function closeBraces(src: string, start: number, end: number): number {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = src[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth--;
  }
  let j = end;
  while (depth > 0 && j < src.length) {
    const c = src[j];
    if (c === '\\') {
      j += 2;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth--;
    j++;
  }
  return Math.min(j, src.length);
}

/** End of `\right<delim>` (or `\bigr<delim>`-style closer) found at or after `from`; `from` if none. */
export function rightDelimEnd(src: string, from: number): number {
  const i = skipIgnorable(src, from);
  if (src.startsWith('\\right', i)) {
    const d = skipIgnorable(src, controlEnd(src, i));
    return d < src.length ? tokenAt(src, d).end : d;
  }
  return from;
}

/** Span of a delimiter-sizing command at `i` (`\big(`, `\Bigl[`): the command and its delimiter. */
export function sizedDelimAt(src: string, i: number): { start: number; end: number } {
  const cmd = tokenAt(src, i);
  if (cmd.end === i) return cmd;
  const d = skipIgnorable(src, cmd.end);
  return { start: i, end: d < src.length ? tokenAt(src, d).end : cmd.end };
}

/** Trims whitespace from both ends of [start, end). */
export function trimSpan(src: string, start: number, end: number): { start: number; end: number } {
  while (end > start && isSpace(src[end - 1])) end--;
  while (start < end && isSpace(src[start])) start++;
  return { start, end };
}
