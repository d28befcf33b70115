// Markdown math: inline `$..$` (and `$$..$$` inside a paragraph, which is
// display math), `$$` blocks, and fenced ```math blocks. micromark decides
// what is code, quote prefix, list indentation or escaped `\$`; the locator
// only records the offsets of the tokens that hold math, so positions are
// exact even inside block quotes and list items.

import { fromMarkdown, type Extension as MdastExtension, type Token } from 'mdast-util-from-markdown';
import { markdownMathSyntax } from './locateMarkdownSyntax';
import type { RawFormula, RawProblem, RawSpecBlock } from './sourceMap';

type Piece = readonly [number, number];

export interface RawMarkdownMath {
  readonly formulas: RawFormula[];
  readonly problems: RawProblem[];
  /** Fenced ```mlp blocks, read in the same parse as the math so the two can never disagree. */
  readonly specBlocks: RawSpecBlock[];
}

/** An unclosed `$$` swallows the rest of its container; re-reading that rest recovers its inline math. */
const MAX_SALVAGE_DEPTH = 3;

interface FlowState {
  start: number;
  fences: Piece[];
  /** Content per source line (a line can hold several tokens when it contains `$`). */
  lines: Map<number, [number, number]>;
  openingLine: number;
  trailing?: Piece;
}

interface InlineState {
  start: number;
  sequences: Piece[];
  data: Piece[];
}

interface TreeNode {
  type: string;
  lang?: string | null;
  position?: { start: { offset?: number }; end: { offset?: number } };
  children?: TreeNode[];
}

function span(token: Token): Piece {
  return [token.start.offset, token.end.offset];
}

function fenceLanguage(lang: string | null | undefined): string | undefined {
  return typeof lang === 'string' ? lang.toLowerCase() : undefined;
}

const BOM = '\uFEFF';

export function locateMarkdownRaw(source: string, depth = 0): RawMarkdownMath {
  // micromark skips a leading byte order mark without counting it; parse past them and shift back.
  let skip = 0;
  while (source[skip] === BOM) skip++;
  if (skip === 0) return locateInSource(source, depth);
  const found = locateInSource(source.slice(skip), depth);
  const move = (o: number): number => o + skip;
  return mapRaw(found, move);
}

/** The same findings with every offset passed through `map` (a shifted or re-read source). */
function mapRaw(found: RawMarkdownMath, map: (offset: number) => number): RawMarkdownMath {
  const pieces = (ps: readonly Piece[]) => ps.map(([a, b]) => [map(a), map(b)] as const);
  return {
    formulas: found.formulas.map((f) => ({ ...f, start: map(f.start), end: map(f.end), pieces: pieces(f.pieces) })),
    problems: found.problems.map((p) => ({ ...p, start: map(p.start), end: map(p.end) })),
    specBlocks: found.specBlocks.map((b) => ({ start: map(b.start), end: map(b.end), pieces: pieces(b.pieces) })),
  };
}

function locateInSource(source: string, depth: number): RawMarkdownMath {
  const formulas: RawFormula[] = [];
  const problems: RawProblem[] = [];
  const specBlocks: RawSpecBlock[] = [];
  const codeValues: Piece[] = [];
  let flow: FlowState | undefined;
  let inline: InlineState | undefined;

  const finishFlow = (end: number): void => {
    const f = flow;
    flow = undefined;
    if (!f) return;
    const lines = [...f.lines.entries()].sort((a, b) => a[0] - b[0]);
    if (f.fences.length >= 2) {
      const close = f.fences[f.fences.length - 1];
      formulas.push({ pieces: lines.map(([, p]) => p), start: f.start, end: close[1], display: true, delimiter: '$$' });
      if (f.trailing && source.slice(f.trailing[0], f.trailing[1]).includes('$')) {
        problems.push({
          start: f.trailing[0],
          end: f.trailing[1],
          severity: 'information',
          code: 'text-after-display-math',
          message: 'Text after a closing `$$` on the same line is not searched for math; start it on a new line.',
        });
      }
      return;
    }
    const open = f.fences[0] ?? [f.start, f.start + 2];
    problems.push({
      start: open[0],
      end: open[1],
      severity: 'warning',
      code: 'unclosed-math',
      message:
        'This `$$` is never closed, so the rest of its block (to the end of the document, list item or quote) ' +
        'is not a formula that can be checked. End the formula with `$$`, on its own line or at the end of its last line.',
    });
    if (depth < MAX_SALVAGE_DEPTH) salvage(source, f, lines, end, depth, { formulas, problems, specBlocks });
  };

  const recorder: MdastExtension = {
    enter: {
      mathFlow(token) {
        flow = { start: token.start.offset, fences: [], lines: new Map(), openingLine: token.start.line };
      },
      mathText(token) {
        inline = { start: token.start.offset, sequences: [], data: [] };
      },
    },
    exit: {
      mathFlowFence(token) {
        flow?.fences.push(span(token));
      },
      mathFlowTrailing(token) {
        if (flow) flow.trailing = span(token);
      },
      mathFlowValue(token) {
        if (!flow) return;
        const line = token.start.line;
        const prev = flow.lines.get(line);
        flow.lines.set(line, prev ? [prev[0], token.end.offset] : [token.start.offset, token.end.offset]);
      },
      mathFlow(token) {
        finishFlow(token.end.offset);
      },
      mathTextSequence(token) {
        inline?.sequences.push(span(token));
      },
      mathTextData(token) {
        inline?.data.push(span(token));
      },
      mathTextPadding(token) {
        inline?.data.push(span(token));
      },
      mathText(token) {
        const m = inline;
        inline = undefined;
        if (!m || m.sequences.length === 0) return;
        const width = m.sequences[0][1] - m.sequences[0][0];
        formulas.push({
          pieces: m.data,
          start: token.start.offset,
          end: token.end.offset,
          display: width >= 2,
          delimiter: '$'.repeat(width),
        });
      },
      codeFlowValue(token) {
        codeValues.push(span(token));
        // Keep mdast's own handling (the default for this token is the generic data handler).
        this.config.exit.data.call(this, token);
      },
    },
  };

  const tree = fromMarkdown(source, { extensions: [markdownMathSyntax()], mdastExtensions: [recorder] }) as TreeNode;
  collectFences(tree, codeValues, source, { formulas, problems, specBlocks });
  formulas.sort((a, b) => a.start - b.start);
  specBlocks.sort((a, b) => a.start - b.start);
  return { formulas, problems, specBlocks };
}

/** Fenced ```math blocks are formulas, fenced ```mlp blocks the document's network spec. */
function collectFences(tree: TreeNode, codeValues: readonly Piece[], source: string, out: RawMarkdownMath): void {
  const stack: TreeNode[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as TreeNode;
    if (node.children) stack.push(...node.children);
    const lang = node.type === 'code' ? fenceLanguage(node.lang) : undefined;
    if (lang !== 'math' && lang !== 'mlp') continue;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    // codeValues are in document order: binary-search the first one inside this fence.
    let lo = 0;
    let hi = codeValues.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (codeValues[mid][0] < start) lo = mid + 1;
      else hi = mid;
    }
    const pieces: Piece[] = [];
    for (let k = lo; k < codeValues.length && codeValues[k][0] < end; k++) pieces.push(codeValues[k]);
    if (lang === 'mlp') {
      out.specBlocks.push({ pieces, start, end });
      continue;
    }
    const firstLine = source.slice(start, end).split('\n', 1)[0].trim();
    out.formulas.push({ pieces, start, end, display: true, delimiter: firstLine });
  }
}

/**
 * Reads the lines an unclosed `$$` swallowed (after its opening line) as a
 * Markdown document of their own, then maps what it finds back. Each of
 * those lines is a contiguous piece of a file line (quote prefixes and
 * indentation already removed by micromark), so the mapping is per line.
 */
function salvage(
  source: string,
  f: FlowState,
  lines: [number, [number, number]][],
  end: number,
  depth: number,
  out: RawMarkdownMath,
): void {
  const body = lines.filter(([line]) => line > f.openingLine);
  if (body.length === 0) return;
  const subStarts: number[] = [];
  const fileStarts: number[] = [];
  const lengths: number[] = [];
  let sub = '';
  let lastLine = body[0][0];
  for (const [line, [a, b]] of body) {
    sub += '\n'.repeat(line - lastLine);
    lastLine = line;
    subStarts.push(sub.length);
    fileStarts.push(a);
    lengths.push(b - a);
    sub += source.slice(a, b);
  }
  const map = (offset: number): number => {
    let lo = 0;
    let hi = subStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (subStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return Math.min(fileStarts[lo] + Math.max(0, Math.min(offset - subStarts[lo], lengths[lo])), end);
  };
  const found = mapRaw(locateMarkdownRaw(sub, depth + 1), map);
  out.formulas.push(...found.formulas);
  out.problems.push(...found.problems);
  out.specBlocks.push(...found.specBlocks);
}
