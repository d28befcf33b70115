// .tex math: `$..$`, `$$..$$`, `\(..\)`, `\[..\]` and the display
// environments (equation, align, gather, multline, eqnarray, ... with or
// without `*`; also a top-level `aligned`, which authors use like align).
//
// A hand-written scanner rather than latex-utensils' PEG parser: the parser
// rejects the whole file on one unclosed `$` (normal while typing, and then
// every diagnostic would vanish), and it takes ~50 ms on a 100-environment
// file. Scanning only needs to know what is a comment, an escape, verbatim
// text or a macro definition; everything else is text or math.

import { commentEnd, readControlSequence, readEnvironmentName, readGroup, skipBlanks } from './locateLatexLex';
import { addMacro, isDefinitionCommand, readMacroDefinition, type Macros } from './locateMacros';
import { linePieces, type RawFormula, type RawProblem, type RawSpecBlock } from './sourceMap';

export interface RawLatexMath {
  readonly formulas: RawFormula[];
  readonly problems: RawProblem[];
  readonly macros: Macros;
  /** Runs of consecutive `% mlp:` comment lines: the document's network spec. */
  readonly specBlocks: RawSpecBlock[];
}

/** `% mlp:` at the start of a line (after blanks) marks a spec line; the spec text follows the colon. */
const SPEC_MARKER = /[ \t]*%[ \t]*mlp:/y;

/**
 * Collects `% mlp:` lines into blocks as the scanner meets comments, so a
 * spec line is exactly a comment the scanner sees in the text: one shown in
 * a verbatim block or switched off by \iffalse is not a spec line.
 */
class SpecLines {
  readonly blocks: RawSpecBlock[] = [];
  private current: (readonly [number, number])[] = [];
  private lastLineEnd = -1;

  constructor(private readonly text: string) {}

  /** A comment starts at `percent`; records it when it is a whole-line `% mlp:` comment. */
  comment(percent: number, end: number): void {
    const lineStart = this.text.lastIndexOf('\n', percent - 1) + 1;
    SPEC_MARKER.lastIndex = lineStart;
    if (!SPEC_MARKER.test(this.text) || SPEC_MARKER.lastIndex <= percent) return;
    const contentStart = SPEC_MARKER.lastIndex;
    // Consecutive lines form one block: this line must start right after the last one's line break.
    if (this.current.length > 0 && lineStart !== this.lastLineEnd + 1) this.close();
    this.current.push([contentStart, end]);
    this.lastLineEnd = end;
  }

  close(): RawSpecBlock[] {
    if (this.current.length > 0) {
      const first = this.current[0];
      const last = this.current[this.current.length - 1];
      this.blocks.push({ pieces: this.current, start: this.text.lastIndexOf('\n', first[0] - 1) + 1, end: last[1] });
      this.current = [];
    }
    return this.blocks;
  }
}

const MATH_ENVIRONMENTS = new Set([
  'equation', 'align', 'alignat', 'flalign', 'xalignat', 'gather', 'multline', 'eqnarray',
  'displaymath', 'math', 'aligned', 'alignedat', 'gathered', 'dmath', 'IEEEeqnarray',
]);
/** Environments whose first `{...}` argument is not math (`\begin{alignat}{2}`). */
const ENVIRONMENT_ARGUMENT = new Set(['alignat', 'xalignat', 'alignedat', 'IEEEeqnarray']);
const VERBATIM = new Set(['verbatim', 'Verbatim', 'BVerbatim', 'LVerbatim', 'lstlisting', 'minted', 'comment', 'filecontents']);
/** Commands whose argument is a URL or path (may contain `$` or `%`). */
const URL_COMMANDS = new Set(['url', 'href', 'path']);
/** `\newenvironment{name}[n][default]{begin code}{end code}`: the code halves are not math of the text. */
const ENVIRONMENT_DEFINITIONS = new Set(['newenvironment', 'renewenvironment']);

/** Index after a `\newenvironment` definition starting at `i` (after the command), or `i` if malformed. */
function skipEnvironmentDefinition(text: string, i: number): number {
  let j = text[i] === '*' ? i + 1 : i;
  const name = readGroup(text, skipBlanks(text, j));
  if (!name) return i;
  j = name.end;
  for (let k = 0; k < 2; k++) j = readGroup(text, skipBlanks(text, j), '[', ']')?.end ?? j;
  for (let k = 0; k < 2; k++) {
    const code = readGroup(text, skipBlanks(text, j));
    if (!code) return i;
    j = code.end;
  }
  return j;
}

const SPECIAL = /[%$\\]/g;
const ENV_TOKENS = /\\\\|\\%|%|\\(begin|end)\s*\{([^}\n]*)\}/g;

function baseName(env: string): string {
  return env.endsWith('*') ? env.slice(0, -1) : env;
}

/** True when the line starting after the `\n` at `nl` is blank (a paragraph break). */
function blankLineAfter(text: string, nl: number): boolean {
  for (let j = nl + 1; j < text.length; j++) {
    const ch = text[j];
    if (ch === '\n') return true;
    if (ch !== ' ' && ch !== '\t' && ch !== '\r') return false;
  }
  return true;
}

interface Close {
  readonly start: number;
  readonly end: number;
}

/**
 * The `$` (or `$$`) closing math that starts at `from`. Braces count, so
 * `$a \text{ if $x$} b$` closes at the last `$`; when braces never balance
 * (half-typed) the first candidate wins. Math cannot cross a blank line.
 */
function findDollarClose(text: string, from: number, display: boolean): Close | undefined {
  let depth = 0;
  let candidate: Close | undefined;
  for (let j = from; j < text.length; j++) {
    const ch = text[j];
    if (ch === '\\') j++;
    else if (ch === '%') j = commentEnd(text, j) - 1;
    else if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (ch === '\n' && blankLineAfter(text, j)) break;
    else if (ch === '$') {
      const width = text[j + 1] === '$' ? 2 : 1;
      if (display && width === 1) continue;
      const close = { start: j, end: j + (display ? 2 : 1) };
      if (depth <= 0) return close;
      candidate ??= close;
      if (display) j++;
    }
  }
  return candidate;
}

/**
 * `\)` or `\]` closing math that starts at `from`; not across a blank line.
 * Without one, returns where the search stopped: no opener before that can
 * close either, which keeps a paragraph of unclosed `\(` linear.
 */
function findCommandClose(text: string, from: number, closer: string): Close | number {
  for (let j = from; j < text.length; j++) {
    const ch = text[j];
    if (ch === '\\') {
      if (text[j + 1] === closer) return { start: j, end: j + 2 };
      j++;
    } else if (ch === '%') j = commentEnd(text, j) - 1;
    else if (ch === '\n' && blankLineAfter(text, j)) return j;
  }
  return text.length;
}

/**
 * The `\end{name}` matching a `\begin{name}` whose body starts at `from`
 * (same-name nesting counts). `noEndAfter` remembers, per name, an offset
 * after which no `\end{name}` exists at all, so repeated unclosed
 * environments cost one scan.
 */
function findEnvironmentEnd(text: string, from: number, name: string, noEndAfter: Map<string, number>): Close | undefined {
  const known = noEndAfter.get(name);
  if (known !== undefined && from >= known) return undefined;
  ENV_TOKENS.lastIndex = from;
  let depth = 0;
  let sawEnd = false;
  for (let m = ENV_TOKENS.exec(text); m; m = ENV_TOKENS.exec(text)) {
    if (m[0] === '%') {
      ENV_TOKENS.lastIndex = commentEnd(text, m.index);
      continue;
    }
    if (m[1] === undefined || m[2].trim() !== name) continue;
    if (m[1] === 'begin') depth++;
    else if (depth-- === 0) return { start: m.index, end: m.index + m[0].length };
    else sawEnd = true;
  }
  if (!sawEnd) noEndAfter.set(name, from);
  return undefined;
}

export function locateLatexRaw(text: string): RawLatexMath {
  const formulas: RawFormula[] = [];
  const problems: RawProblem[] = [];
  const macros: Macros = {};
  const spec = new SpecLines(text);
  const noEndAfter = new Map<string, number>();
  /** Per closer (`)` or `]`): [from, until) where a search already found none. */
  const noCloseIn = new Map<string, [number, number]>();

  const addFormula = (start: number, contentStart: number, close: Close, display: boolean, delimiter: string, environment?: string): void => {
    const raw: RawFormula = { pieces: linePieces(text, contentStart, close.start), start, end: close.end, display, delimiter };
    formulas.push(environment === undefined ? raw : { ...raw, environment });
  };
  const unclosed = (start: number, end: number, code: string, message: string): void => {
    problems.push({ start, end, severity: 'warning', code, message });
  };

  let i = 0;
  while (i < text.length) {
    SPECIAL.lastIndex = i;
    const m = SPECIAL.exec(text);
    if (!m) break;
    i = m.index;
    const ch = text[i];

    if (ch === '%') {
      const end = commentEnd(text, i);
      spec.comment(i, end);
      i = end;
      continue;
    }

    if (ch === '$') {
      const display = text[i + 1] === '$';
      const open = display ? 2 : 1;
      const close = findDollarClose(text, i + open, display);
      if (close) {
        addFormula(i, i + open, close, display, display ? '$$' : '$');
        i = close.end;
      } else {
        const d = display ? '$$' : '$';
        unclosed(i, i + open, 'unclosed-math', `This \`${d}\` has no closing \`${d}\` before the paragraph ends, so its formula is skipped.`);
        i += open;
      }
      continue;
    }

    // A backslash: a control sequence.
    const cs = readControlSequence(text, i);
    const start = i;
    i = cs.end;
    switch (cs.name) {
      case '(':
      case '[': {
        const closer = cs.name === '(' ? ')' : ']';
        const known = noCloseIn.get(closer);
        const close = known && cs.end >= known[0] && cs.end < known[1] ? known[1] : findCommandClose(text, cs.end, closer);
        if (typeof close === 'number') noCloseIn.set(closer, [cs.end, close]);
        if (typeof close !== 'number') {
          addFormula(start, cs.end, close, cs.name === '[', `\\${cs.name}`);
          i = close.end;
        } else {
          unclosed(start, cs.end, 'unclosed-math', `This \`\\${cs.name}\` has no closing \`\\${closer}\` before the paragraph ends, so its formula is skipped.`);
        }
        break;
      }
      case 'begin': {
        const env = readEnvironmentName(text, cs.end);
        if (!env) break;
        i = env.end;
        if (VERBATIM.has(baseName(env.name))) {
          const endTag = text.indexOf(`\\end{${env.name}}`, env.end);
          i = endTag < 0 ? text.length : endTag + env.name.length + 6;
          break;
        }
        const base = baseName(env.name);
        if (!MATH_ENVIRONMENTS.has(base)) break;
        let body = env.end;
        if (ENVIRONMENT_ARGUMENT.has(base)) {
          const arg = readGroup(text, skipBlanks(text, body));
          if (arg) body = arg.end;
        }
        const close = findEnvironmentEnd(text, body, env.name, noEndAfter);
        if (close) {
          addFormula(start, body, close, base !== 'math', text.slice(start, env.end), env.name);
          i = close.end;
        } else {
          unclosed(start, env.end, 'unclosed-environment', `\`\\begin{${env.name}}\` has no matching \`\\end{${env.name}}\`, so its math is skipped.`);
        }
        break;
      }
      case 'end': {
        // Nothing after \end{document} is typeset; `% mlp:` lines there are still the author's spec.
        if (readEnvironmentName(text, cs.end)?.name === 'document') {
          specLinesAfter(text, cs.end, spec);
          return { formulas, problems, macros, specBlocks: spec.close() };
        }
        break;
      }
      case 'verb':
      case 'lstinline': {
        let j = cs.end;
        if (text[j] === '*') j++;
        if (text[j] === '[') j = readGroup(text, j, '[', ']')?.end ?? j;
        const group = text[j] === '{' ? readGroup(text, j) : undefined;
        if (group) {
          i = group.end;
          break;
        }
        const delimiter = text[j];
        const closeAt = delimiter === undefined ? -1 : text.indexOf(delimiter, j + 1);
        const nl = text.indexOf('\n', j);
        i = closeAt >= 0 && (nl < 0 || closeAt < nl) ? closeAt + 1 : j + 1;
        break;
      }
      case 'iffalse': {
        const fi = /\\fi(?![A-Za-z])/g;
        fi.lastIndex = cs.end;
        const end = fi.exec(text);
        i = end ? end.index + 3 : text.length;
        break;
      }
      default: {
        if (URL_COMMANDS.has(cs.name)) {
          i = readGroup(text, skipBlanks(text, cs.end))?.end ?? cs.end;
        } else if (ENVIRONMENT_DEFINITIONS.has(cs.name)) {
          i = skipEnvironmentDefinition(text, cs.end);
        } else if (isDefinitionCommand(cs.name)) {
          // Skip the body too: `$` or `\[` inside a definition is not math in the text.
          const def = readMacroDefinition(text, cs.name, cs.end);
          if (def) {
            addMacro(macros, def);
            i = def.end;
          }
        }
      }
    }
  }
  return { formulas, problems, macros, specBlocks: spec.close() };
}

/** Every whole-line comment after `from` (the text after \end{document}). */
function specLinesAfter(text: string, from: number, spec: SpecLines): void {
  const comment = /^[ \t]*%/gm;
  comment.lastIndex = from;
  for (let m = comment.exec(text); m; m = comment.exec(text)) {
    const percent = m.index + m[0].length - 1;
    const end = commentEnd(text, percent);
    spec.comment(percent, end);
    comment.lastIndex = end;
  }
}
