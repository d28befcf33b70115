// Finds spec lines in LaTeX: comment lines that start with `% mlp:`, so the
// spec travels with the .tex file without changing the PDF. Consecutive lines
// form one block.
import { splitLines } from './lexer';
import type { SpecBlock, SpecLine } from './types';

const MARKER = /^[ \t]*%[ \t]*mlp:/;

export function findLatexSpecBlocks(text: string): SpecBlock[] {
  const blocks: SpecBlock[] = [];
  let current: SpecLine[] = [];
  const close = (): void => {
    if (current.length === 0) return;
    const first = current[0];
    const last = current[current.length - 1];
    blocks.push({
      lines: current,
      range: { start: { line: first.line, column: 0 }, end: { line: last.line, column: last.column + last.text.length } },
    });
    current = [];
  };
  splitLines(text).forEach((lineText, line) => {
    const m = MARKER.exec(lineText);
    if (m === null) {
      close();
      return;
    }
    const column = m[0].length;
    current.push({ text: lineText.slice(column), line, column });
  });
  close();
  return blocks;
}
