// The math locator: finds every formula of a Markdown or LaTeX document with
// exact source positions, plus the macros the document defines. It never
// throws: whatever goes wrong becomes a located Problem, because a checker
// that dies on a half-typed document shows the user nothing at all.

import { LineIndex, type Problem, type Range } from '../source';
import { locateLatexRaw } from './locateLatex';
import { collectFormulaMacros, type Macros } from './locateMacros';
import { locateMarkdownRaw } from './locateMarkdown';
import { buildFormula, buildProblem, buildSpecBlock, type DocumentSpecBlock, type Formula, type RawFormula, type RawProblem, type RawSpecBlock } from './sourceMap';

export type { DocumentSpecBlock, DocumentSpecLine, Formula, MathSegment } from './sourceMap';
export { segmentPosition } from './sourceMap';
export type { Macros } from './locateMacros';

export type DocumentLanguage = 'markdown' | 'latex';

export interface LocatedMath {
  readonly formulas: Formula[];
  /** KaTeX macro format: { '\\R': '\\mathbb{R}' }, parameters kept as `#1`. */
  readonly macros: Macros;
  readonly problems: Problem[];
}

const EXTENSIONS: Record<string, DocumentLanguage> = {
  md: 'markdown',
  markdown: 'markdown',
  mdown: 'markdown',
  mkd: 'markdown',
  tex: 'latex',
  latex: 'latex',
  ltx: 'latex',
};

/** The document language for a file path or URI, by extension; undefined for anything else. */
export function languageOfPath(path: string): DocumentLanguage | undefined {
  const name = path.split(/[\\/]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  if (dot < 0) return undefined;
  return EXTENSIONS[name.slice(dot + 1).toLowerCase()];
}

/** The document language for a VS Code language id ('markdown', 'latex', 'tex'). */
export function languageOfId(languageId: string): DocumentLanguage | undefined {
  if (languageId === 'markdown') return 'markdown';
  if (languageId === 'latex' || languageId === 'tex') return 'latex';
  return undefined;
}

interface RawDocument {
  readonly formulas: RawFormula[];
  readonly problems: RawProblem[];
  readonly macros: Macros;
  readonly specBlocks: RawSpecBlock[];
}

function readRaw(text: string, language: DocumentLanguage): RawDocument {
  if (language === 'latex') return locateLatexRaw(text);
  // Fast path: without a `$`, a ```math or a ```mlp fence there is nothing to parse.
  if (!text.includes('$') && !/math|mlp/i.test(text)) {
    return { formulas: [], problems: [], macros: {}, specBlocks: [] };
  }
  return { ...locateMarkdownRaw(text), macros: {} };
}

/** Everything one reading of a document finds. */
export interface DocumentReading extends LocatedMath {
  readonly language: DocumentLanguage;
  /** The network spec blocks (```mlp fences, `% mlp:` lines), in document order. */
  readonly specBlocks: readonly DocumentSpecBlock[];
  /** Lines that look like a spec block's start but are not one (inside math, another fence, verbatim). */
  readonly unreadSpecMarks: readonly Range[];
}

const SPEC_MARK: Record<DocumentLanguage, RegExp> = { markdown: /^[ \t>]*(?:`{3,}|~{3,})[ \t]*mlp\b.*$/gim, latex: /^[ \t]*%[ \t]*mlp:.*$/gm };

function unreadSpecMarks(text: string, language: DocumentLanguage, index: LineIndex, blocks: readonly DocumentSpecBlock[]): Range[] {
  const marks: Range[] = [];
  for (const m of text.matchAll(SPEC_MARK[language])) {
    const start = index.positionAt(m.index);
    if (blocks.some((b) => b.range.start.line <= start.line && start.line <= b.range.end.line)) continue;
    marks.push({ start, end: index.positionAt(m.index + m[0].length) });
  }
  return marks;
}

/**
 * Reads a document once: its formulas, macros and network spec blocks come
 * from the same scan, so the math and the spec can never be read
 * differently (a `$$` that swallows a fence hides both, or neither).
 */
export function readDocument(text: string, language: DocumentLanguage): DocumentReading {
  const index = new LineIndex(text);
  try {
    const raw = readRaw(text, language);
    const macros: Macros = { ...raw.macros };
    const formulas: Formula[] = [];
    for (const r of raw.formulas) {
      const formula = buildFormula(text, index, r);
      // A formula holding only `\newcommand`s configures the renderer; it is not math to check.
      if (formula && collectFormulaMacros(formula.latex, macros)) formulas.push(formula);
    }
    const specBlocks = raw.specBlocks.map((b) => buildSpecBlock(text, index, b));
    return {
      language,
      formulas,
      macros,
      specBlocks,
      unreadSpecMarks: /mlp/i.test(text) ? unreadSpecMarks(text, language, index, specBlocks) : [],
      problems: raw.problems.map((p) => buildProblem(index, p)),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const start = { line: 0, column: 0 };
    return {
      language,
      formulas: [],
      macros: {},
      specBlocks: [],
      unreadSpecMarks: [],
      problems: [
        {
          range: { start, end: start },
          severity: 'error',
          code: 'locate-failed',
          message: `GradCheck could not read the math of this document (internal error: ${message}). Please report it with the document.`,
        },
      ],
    };
  }
}

/** The math of a document (its formulas, macros and locator problems): `readDocument` without the spec. */
export function locateMath(text: string, language: DocumentLanguage): LocatedMath {
  const { formulas, macros, problems } = readDocument(text, language);
  return { formulas, macros, problems };
}
