// Positions shared by every part of the core. Zero-based like VS Code's
// Position; the CLI adds one when it prints.

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'error' | 'warning' | 'information';

/** A located message about the user's text (a spec error, a parse error). */
export interface Problem {
  readonly range: Range;
  readonly message: string;
  readonly severity: Severity;
  /** Machine-readable kind, e.g. 'unknown-activation', for quick fixes. */
  readonly code?: string;
  /** The text that likely should replace `range` ('sigmoid' for 'sigmod'), for a quick fix. */
  readonly replacement?: string;
}

export function position(line: number, column: number): Position {
  return { line, column };
}

export function range(start: Position, end: Position): Range {
  return { start, end };
}

/** Converts offsets of one text to line/column positions (binary search over line starts). */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, column: clamped - this.lineStarts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.lineStarts.length) return this.text.length;
    return Math.min(this.lineStarts[pos.line] + pos.column, this.text.length);
  }
}
