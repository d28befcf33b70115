// The math locator: finds every formula of a Markdown or LaTeX document with
// exact source positions, plus the macros the document defines. It never
// throws: whatever goes wrong becomes a located Problem, because a checker
// that dies on a half-typed document shows the user nothing at all.

import { LineIndex, type Problem } from '../source';
import { locateLatexRaw } from './locateLatex';
import { collectFormulaMacros, type Macros } from './locateMacros';
import { locateMarkdownRaw } from './locateMarkdown';
import { buildFormula, buildProblem, type Formula, type RawFormula, type RawProblem } from './sourceMap';

export type { Formula, MathSegment } from './sourceMap';
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

function locateRaw(text: string, language: DocumentLanguage): { formulas: RawFormula[]; problems: RawProblem[]; macros: Macros } {
  if (language === 'latex') return locateLatexRaw(text);
  // Fast path: without a `$` or a ```math fence there is nothing to parse.
  if (!text.includes('$') && !/math/i.test(text)) {
    return { formulas: [], problems: [], macros: {} };
  }
  return { ...locateMarkdownRaw(text), macros: {} };
}

export function locateMath(text: string, language: DocumentLanguage): LocatedMath {
  const index = new LineIndex(text);
  try {
    const raw = locateRaw(text, language);
    const macros: Macros = { ...raw.macros };
    const formulas: Formula[] = [];
    for (const r of raw.formulas) {
      const formula = buildFormula(text, index, r);
      // A formula holding only `\newcommand`s configures the renderer; it is not math to check.
      if (formula && collectFormulaMacros(formula.latex, macros)) formulas.push(formula);
    }
    return { formulas, macros, problems: raw.problems.map((p) => buildProblem(index, p)) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const start = { line: 0, column: 0 };
    return {
      formulas: [],
      macros: {},
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
