// Macro definitions (`\newcommand`, `\renewcommand`, `\providecommand`,
// `\def`, `\DeclareMathOperator`) in KaTeX's macro format, so the expression
// parser can expand `\R` the way the author's renderer does:
// `\newcommand{\R}{\mathbb{R}}` -> { '\\R': '\\mathbb{R}' }, `#1` kept.

import { readControlSequence, readGroup, skipBlanks } from './locateLatexLex';

export type Macros = Record<string, string>;

const NEWCOMMAND = new Set(['newcommand', 'renewcommand', 'providecommand', 'DeclareRobustCommand']);
const DEF = new Set(['def', 'gdef', 'edef', 'xdef']);

export function isDefinitionCommand(name: string): boolean {
  return NEWCOMMAND.has(name) || DEF.has(name) || name === 'DeclareMathOperator';
}

export interface MacroDefinition {
  readonly name: string;
  readonly body: string;
  /** `\providecommand` leaves an existing definition alone. */
  readonly onlyIfNew: boolean;
  /** Index after the definition. */
  readonly end: number;
}

/** `{\name}` or `\name`. */
function readMacroName(text: string, i: number): { name: string; end: number } | undefined {
  let j = skipBlanks(text, i);
  const braced = text[j] === '{';
  if (braced) j = skipBlanks(text, j + 1);
  if (text[j] !== '\\') return undefined;
  const cs = readControlSequence(text, j);
  if (cs.name === '') return undefined;
  let end = cs.end;
  if (braced) {
    end = skipBlanks(text, end);
    if (text[end] !== '}') return undefined;
    end++;
  }
  return { name: `\\${cs.name}`, end };
}

/**
 * Reads the definition whose command `\command` ends at `i`. Returns
 * undefined for anything malformed (the caller just moves on).
 */
export function readMacroDefinition(text: string, command: string, i: number): MacroDefinition | undefined {
  let j = i;
  let star = false;
  if (text[j] === '*') {
    star = true;
    j++;
  }
  const name = readMacroName(text, j);
  if (!name) return undefined;
  j = name.end;

  if (command === 'DeclareMathOperator') {
    const group = readGroup(text, skipBlanks(text, j));
    if (!group) return undefined;
    const op = star ? '\\operatorname*' : '\\operatorname';
    return { name: name.name, body: `${op}{${text.slice(group.innerStart, group.innerEnd)}}`, onlyIfNew: false, end: group.end };
  }

  if (DEF.has(command)) {
    // Parameter text `#1#2` up to the body's brace.
    while (j < text.length && text[j] !== '{' && (text[j] === '#' || /[0-9 ]/.test(text[j]))) j++;
  } else {
    // Optional `[n]` and `[default]` (KaTeX has no optional arguments; the default is dropped).
    for (let k = 0; k < 2; k++) {
      const at = skipBlanks(text, j);
      const opt = readGroup(text, at, '[', ']');
      if (!opt) break;
      j = opt.end;
    }
  }
  const body = readGroup(text, skipBlanks(text, j));
  if (!body) return undefined;
  return { name: name.name, body: text.slice(body.innerStart, body.innerEnd), onlyIfNew: command === 'providecommand', end: body.end };
}

export function addMacro(macros: Macros, def: MacroDefinition): void {
  if (def.onlyIfNew && Object.prototype.hasOwnProperty.call(macros, def.name)) return;
  macros[def.name] = def.body;
}

/**
 * Collects the definitions inside one formula's LaTeX (Markdown authors put
 * `$\newcommand{\R}{\mathbb{R}}$` in their text). Returns whether anything
 * other than definitions is left, i.e. whether the formula is still math.
 */
export function collectFormulaMacros(latex: string, macros: Macros): boolean {
  if (!latex.includes('\\')) return latex.trim() !== '';
  let rest = '';
  let from = 0;
  for (let i = 0; i < latex.length; i++) {
    if (latex[i] !== '\\') continue;
    const cs = readControlSequence(latex, i);
    if (!isDefinitionCommand(cs.name)) {
      i = cs.end - 1;
      continue;
    }
    const def = readMacroDefinition(latex, cs.name, cs.end);
    if (!def) {
      i = cs.end - 1;
      continue;
    }
    addMacro(macros, def);
    rest += latex.slice(from, i);
    from = def.end;
    i = def.end - 1;
  }
  rest += latex.slice(from);
  return rest.trim() !== '';
}
