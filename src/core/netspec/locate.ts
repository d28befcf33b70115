// Where a document keeps its spec, by kind of document.
import { findLatexSpecBlocks } from './latex';
import { findMarkdownSpecBlocks } from './markdown';
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

/** The spec blocks of a document in document order; a `.mlp` file is one block. */
export function findSpecBlocks(text: string, kind: SpecDocumentKind): SpecBlock[] {
  switch (kind) {
    case 'markdown':
      return findMarkdownSpecBlocks(text);
    case 'latex':
      return findLatexSpecBlocks(text);
    case 'mlp': {
      const lines = splitLines(text);
      const last = lines.length - 1;
      return [
        {
          lines: lines.map((t, i) => ({ text: t, line: i, column: 0 })),
          range: { start: { line: 0, column: 0 }, end: { line: last, column: lines[last].length } },
        },
      ];
    }
  }
}
