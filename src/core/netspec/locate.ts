// The spec of a standalone `.mlp` file, and the kind of a document. Spec
// blocks inside Markdown and LaTeX are found by the document reader
// (core/document readDocument), in the same scan as the math.
import { splitLines } from './lexer';
import type { SpecBlock, SpecDocumentKind } from './types';

/** The kind of document from a file name or URI, or from a VS Code language id; undefined when neither fits. */
export function specDocumentKind(pathOrLanguageId: string): SpecDocumentKind | undefined {
  const s = pathOrLanguageId.toLowerCase().replace(/[?#].*$/, '');
  if (s === 'markdown' || /\.(md|markdown|mdown|mkd)$/.test(s)) return 'markdown';
  if (s === 'latex' || s === 'tex' || /\.(tex|latex|ltx)$/.test(s)) return 'latex';
  if (s === 'mlp' || s.endsWith('.mlp')) return 'mlp';
  return undefined;
}

/** A whole `.mlp` file as one spec block at column 0. */
export function specFileBlock(text: string): SpecBlock {
  const lines = splitLines(text);
  const last = lines.length - 1;
  return {
    lines: lines.map((t, i) => ({ text: t, line: i, column: 0 })),
    range: { start: { line: 0, column: 0 }, end: { line: last, column: lines[last].length } },
  };
}
