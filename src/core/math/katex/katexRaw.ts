// The one place that talks to KaTeX's parser.
//
// We use `katex.__parse`, KaTeX's internal parse-tree entry point: it is not
// part of KaTeX's documented API and its node shapes can change between
// releases. That is acceptable only because package.json pins katex to an
// exact version (0.19.1); test/unit/parseKatexShapes.test.ts pins every shape
// read below, so an upgrade that changes one fails loudly there instead of
// misreading formulas.
//
// The interfaces here are deliberately narrow: only the fields we read, typed
// loosely enough (`RawNode` is open) that an unexpected node type reaches the
// normaliser as "other" rather than crashing it.

import katex from 'katex';

/** KaTeX's SourceLocation: offsets into `lexer.input`. Tokens produced by a
 *  macro expansion carry a location in the expansion text, not in the
 *  source, which is why the lexer is kept (see katexTree.ts). */
export interface RawLoc {
  readonly start: number;
  readonly end: number;
  readonly lexer: { readonly input: string };
}

/** Any KaTeX parse node. Fields are optional because they differ per type. */
export interface RawNode {
  readonly type: string;
  readonly loc?: RawLoc | null;
  /** mathord, textord, atom, spacing, op-less symbols */
  readonly text?: string;
  /** atom: bin | rel | punct | open | close | inner */
  readonly family?: string;
  /** op: '\\sum', '\\log', ... (absent for \overset-style ops, which have a body) */
  readonly name?: string;
  readonly symbol?: boolean;
  readonly limits?: boolean;
  /** ordgroup, styling, leftright, text, operatorname, mclass, op: a list; font, enclose: one node */
  readonly body?: readonly RawNode[] | RawNode | readonly (readonly RawNode[])[];
  /** supsub */
  readonly base?: RawNode | null;
  readonly sup?: RawNode | null;
  readonly sub?: RawNode | null;
  /** genfrac */
  readonly numer?: RawNode;
  readonly denom?: RawNode;
  readonly hasBarLine?: boolean;
  readonly leftDelim?: string | null;
  readonly rightDelim?: string | null;
  /** leftright */
  readonly left?: string;
  readonly right?: string;
  /** delimsizing */
  readonly delim?: string;
  readonly mclass?: string;
  /** font */
  readonly font?: string;
  /** accent, enclose, horizBrace */
  readonly label?: string;
  /** kern */
  readonly dimension?: { readonly number: number; readonly unit: string };
  /** htmlmathml */
  readonly html?: readonly RawNode[];
  readonly mathml?: readonly RawNode[];
  /** array */
  readonly colSeparationType?: string;
}

export interface KatexFailure {
  readonly message: string;
  /** Offset of the offending token in the parsed string, when KaTeX knows it. */
  readonly position?: number;
  readonly length?: number;
}

type ParseFn = (src: string, settings: Record<string, unknown>) => RawNode[];

const internalParse: ParseFn = (katex as unknown as { __parse: ParseFn }).__parse;

/**
 * Parses `src` in display mode (so that `\tag`, `align`-style environments
 * and `\\` are accepted as they are in a document's display math).
 * Never throws: a KaTeX ParseError becomes a KatexFailure.
 */
function withoutOwnDefinitions(src: string, macros: Readonly<Record<string, string>>): Record<string, string> {
  const copy = { ...macros };
  for (const m of src.matchAll(/\\(?:(?:re|provide)?newcommand\*?\s*\{?\s*|g?def\s*)(\\[A-Za-z]+)/g)) delete copy[m[1]];
  return copy;
}

export function callKatex(src: string, macros: Readonly<Record<string, string>>): RawNode[] | KatexFailure {
  try {
    return internalParse(src, {
      displayMode: true,
      throwOnError: true,
      strict: 'ignore',
      trust: false,
      // KaTeX writes \gdef definitions into this object: give it a copy, without the
      // macros this formula defines itself (a display's own \newcommand{\dd} is not a redefinition).
      macros: withoutOwnDefinitions(src, macros),
    });
  } catch (e) {
    if (e instanceof katex.ParseError) {
      const pe = e as unknown as { rawMessage?: string; position?: number; length?: number; message: string };
      return { message: pe.rawMessage ?? pe.message, position: pe.position, length: pe.length };
    }
    return { message: e instanceof Error ? e.message : String(e) };
  }
}

export function isFailure(r: RawNode[] | KatexFailure): r is KatexFailure {
  return !Array.isArray(r);
}
