// Turns "pieces of the file that make up one formula" into a Formula whose
// `latex` is clean (no delimiters, no `> ` quote prefixes, no comments) while
// every offset into it still maps back to the exact file position.
//
// The locators work in plain file offsets (RawFormula); this file is the only
// place that converts them to zero-based line/column positions.

import { LineIndex, type Position, type Problem, type Range, type Severity } from '../source';

/** One run of `latex` that is a contiguous piece of a single file line. */
export interface MathSegment {
  /** Offset of the run in `latex`. */
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly length: number;
}

export interface Formula {
  /** The math source without delimiters (the body of an environment), trimmed. */
  readonly latex: string;
  readonly display: boolean;
  /** 'align*', 'equation', ...; undefined for $..$, $$..$$, \(..\), \[..\] and fenced math. */
  readonly environment?: string;
  /** The opening delimiter as written: '$', '$$', '\\(', '\\[', '```math', '\\begin{align}'. */
  readonly delimiter: string;
  /** The whole formula including its delimiters. */
  readonly range: Range;
  /** Exactly the text that became `latex`. */
  readonly contentRange: Range;
  /**
   * The prose of the same paragraph right before the formula (at most a
   * sentence's worth, line breaks as spaces): the words that introduce it,
   * such as "if", "Dimension:" or "where".
   */
  readonly before: string;
  /** Plain data behind toPosition, kept so a formula survives structured cloning (workers). */
  readonly segments: readonly MathSegment[];
  /** Any offset into `latex` (0..latex.length) -> its position in the file. */
  toPosition(offset: number): Position;
}

/** A located formula in file offsets, before cleaning. */
export interface RawFormula {
  /** [start, end) file offsets of the content pieces; each lies on one line. */
  readonly pieces: readonly (readonly [number, number])[];
  readonly start: number;
  readonly end: number;
  readonly display: boolean;
  readonly delimiter: string;
  readonly environment?: string;
}

export interface RawProblem {
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly severity: Severity;
  readonly code: string;
}

/** Maps offsets of segments back through toPosition; shared so rebuilt formulas behave identically. */
export function segmentPosition(segments: readonly MathSegment[], offset: number): Position {
  if (segments.length === 0) return { line: 0, column: 0 };
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  const seg = segments[lo];
  // Offsets before the first run or in a line break between runs stick to
  // the nearest run end, which keeps the mapping monotonic.
  const within = Math.max(0, Math.min(offset - seg.offset, seg.length));
  return { line: seg.line, column: seg.column + within };
}

const LABEL = /\\label(?![A-Za-z])\s*\{[^{}\n]*\}/g;

/**
 * Blanks what is not math but would stop KaTeX: comments and `\label{..}`
 * (KaTeX has no \label; .tex equations are full of them).
 */
export function blankNonMath(latex: string): string {
  const noComments = blankComments(latex);
  return noComments.includes('\\label') ? noComments.replace(LABEL, (m) => ' '.repeat(m.length)) : noComments;
}

/** Replaces `% ...` comments (not `\%`) with spaces: KaTeX ignores them, and equal length keeps offsets exact. */
export function blankComments(latex: string): string {
  if (!latex.includes('%')) return latex;
  const out = latex.split('');
  let backslashes = 0;
  for (let i = 0; i < out.length; i++) {
    const ch = out[i];
    if (ch === '%' && backslashes % 2 === 0) {
      while (i < out.length && out[i] !== '\n') out[i++] = ' ';
      backslashes = 0;
      continue;
    }
    backslashes = ch === '\\' ? backslashes + 1 : 0;
  }
  return out.join('');
}

/** The same notion of blank as String.prototype.trim (includes NBSP and a stray BOM). */
function isSpace(ch: string): boolean {
  return /\s/.test(ch);
}

/** Builds the Formula for raw pieces; undefined when nothing but whitespace is left. */
export function buildFormula(text: string, index: LineIndex, raw: RawFormula): Formula | undefined {
  // Join the pieces: same line -> concatenated, next line -> one '\n' per line break.
  let latex = '';
  const runs: { offset: number; file: number; length: number }[] = [];
  let lastLine = -1;
  for (const [start, endRaw] of raw.pieces) {
    let end = endRaw;
    if (end > start && text.charCodeAt(end - 1) === 13) end--; // CR of a CRLF never belongs to math
    if (end <= start) continue;
    const line = index.positionAt(start).line;
    if (lastLine >= 0 && line > lastLine) latex += '\n'.repeat(line - lastLine);
    lastLine = line;
    runs.push({ offset: latex.length, file: start, length: end - start });
    latex += text.slice(start, end);
  }
  latex = blankNonMath(latex);

  let from = 0;
  let to = latex.length;
  while (from < to && isSpace(latex[from])) from++;
  while (to > from && isSpace(latex[to - 1])) to--;
  if (from === to) return undefined;

  const segments: MathSegment[] = [];
  for (const run of runs) {
    const a = Math.max(run.offset, from);
    const b = Math.min(run.offset + run.length, to);
    if (b <= a) continue;
    const pos = index.positionAt(run.file + (a - run.offset));
    segments.push({ offset: a - from, line: pos.line, column: pos.column, length: b - a });
  }
  latex = latex.slice(from, to);
  const toPosition = (offset: number): Position => segmentPosition(segments, offset);
  const formula: Formula = {
    latex,
    display: raw.display,
    before: proseBefore(text, raw.start),
    delimiter: raw.delimiter,
    range: { start: index.positionAt(raw.start), end: index.positionAt(raw.end) },
    contentRange: { start: toPosition(0), end: toPosition(latex.length) },
    segments,
    toPosition,
  };
  return raw.environment === undefined ? formula : { ...formula, environment: raw.environment };
}

const PROSE_WINDOW = 160;

/** Up to PROSE_WINDOW characters before `offset`, back to the start of its paragraph (a blank line, also inside a quote). */
function proseBefore(text: string, offset: number): string {
  const window = text.slice(Math.max(0, offset - PROSE_WINDOW), offset);
  const paragraphs = window.split(/\n[ \t>]*\r?\n/);
  return paragraphs[paragraphs.length - 1].replace(/\s+/g, ' ').trimStart();
}

export function buildProblem(index: LineIndex, raw: RawProblem): Problem {
  return {
    range: { start: index.positionAt(raw.start), end: index.positionAt(raw.end) },
    message: raw.message,
    severity: raw.severity,
    code: raw.code,
  };
}

/** Cuts [start, end) of the file into one piece per line (pieces never contain a line break). */
export function linePieces(text: string, start: number, end: number): [number, number][] {
  const pieces: [number, number][] = [];
  let from = start;
  while (from <= end) {
    const nl = text.indexOf('\n', from);
    const stop = nl < 0 || nl >= end ? end : nl;
    pieces.push([from, stop]);
    if (stop === end) break;
    from = stop + 1;
  }
  return pieces;
}

/** A network spec block in file offsets: one piece per content line (container prefixes already left out). */
export interface RawSpecBlock {
  readonly pieces: readonly (readonly [number, number])[];
  readonly start: number;
  readonly end: number;
}

/** One line of spec text and where its first character sits in the file (zero-based). */
export interface DocumentSpecLine {
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

/** A spec block with document positions: a fenced ```mlp block, a run of `% mlp:` lines. */
export interface DocumentSpecBlock {
  readonly lines: readonly DocumentSpecLine[];
  /** From the first to the last line of the block (fences included in Markdown). */
  readonly range: Range;
}

export function buildSpecBlock(text: string, index: LineIndex, raw: RawSpecBlock): DocumentSpecBlock {
  const lines = raw.pieces.map(([start, endRaw]) => {
    const end = endRaw > start && text.charCodeAt(endRaw - 1) === 13 ? endRaw - 1 : endRaw;
    const at = index.positionAt(start);
    return { text: text.slice(start, end), line: at.line, column: at.column };
  });
  return { lines, range: { start: index.positionAt(raw.start), end: index.positionAt(raw.end) } };
}
