// Finds ```mlp fenced blocks in Markdown. The parser (mdast) knows where a
// block is and strips container prefixes (`> `, list indentation) from its
// content; each content line is then mapped back to its own document line
// and column, since those prefixes differ from line to line.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mathFromMarkdown } from 'mdast-util-math';
import { math } from 'micromark-extension-math';
import { splitLines } from './lexer';
import type { SpecBlock, SpecLine } from './types';

interface CodeNode {
  readonly type: 'code';
  readonly lang?: string | null;
  readonly value: string;
  readonly position?: { readonly start: { readonly line: number; readonly column: number }; readonly end: { readonly line: number; readonly column: number } };
}

interface AnyNode {
  readonly type: string;
  readonly children?: readonly AnyNode[];
}

function isMlpCode(node: AnyNode): node is CodeNode & AnyNode {
  const lang = (node as Partial<CodeNode>).lang;
  return node.type === 'code' && typeof lang === 'string' && lang.toLowerCase() === 'mlp';
}

/** Where the stripped content line `value` sits in the document line `docLine`. */
function mapLine(value: string, docLine: string, line: number): SpecLine {
  if (docLine.endsWith(value)) return { text: value, line, column: docLine.length - value.length };
  // A tab partly eaten by a container prefix comes back as spaces; whitespace carries no tokens.
  const text = value.trimStart();
  const at = docLine.endsWith(text) ? docLine.length - text.length : Math.max(0, docLine.lastIndexOf(text));
  return { text, line, column: at };
}

export function findMarkdownSpecBlocks(text: string): SpecBlock[] {
  const tree = fromMarkdown(text, { extensions: [math()], mdastExtensions: [mathFromMarkdown()] }) as AnyNode;
  const docLines = splitLines(text);
  const blocks: SpecBlock[] = [];
  const visit = (node: AnyNode): void => {
    if (isMlpCode(node) && node.position) {
      // mdast lines are 1-based: the opening fence is on start.line, content starts on the next line.
      const fenceLine = node.position.start.line - 1;
      const lines = splitLines(node.value).map((value, i) => mapLine(value, docLines[fenceLine + 1 + i] ?? '', fenceLine + 1 + i));
      blocks.push({
        lines,
        range: {
          start: { line: fenceLine, column: node.position.start.column - 1 },
          end: { line: node.position.end.line - 1, column: node.position.end.column - 1 },
        },
      });
      return;
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return blocks;
}
