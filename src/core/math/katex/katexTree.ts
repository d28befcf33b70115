// KaTeX's parse tree, normalised (katexNormalise.ts) into the few node kinds
// the interpreter reads, each with a source span (spans.ts).

import type { Span } from '../expr/expr';

export type AtomFamily = 'bin' | 'rel' | 'punct' | 'open' | 'close' | 'inner';

interface KBase {
  span: Span;
  /** KaTeX's own location for this node (trimmed), when it gave one in the source. */
  anchor?: Span;
  /** For nodes collapsed from several KaTeX nodes (\operatorname, \text, \overset{def}{=}):
   *  where their arguments are; spans.ts adds the command before and the closing braces. */
  args?: Span;
}

/** A letter, digit or symbol: mathord/textord (`x`, `1`, `\alpha`, `\partial`, `\nabla`, `|`, `/`). */
export interface KOrd extends KBase {
  readonly t: 'ord';
  readonly text: string;
}
/** An atom with a TeX class: `+` (bin), `=` (rel), `,` (punct), `(` (open), `)` (close), `\ldots` (inner). */
export interface KAtom extends KBase {
  readonly t: 'atom';
  readonly family: AtomFamily;
  readonly text: string;
}
export interface KSupSub extends KBase {
  readonly t: 'supsub';
  readonly base?: KNode;
  readonly sup?: KNode;
  readonly sub?: KNode;
}
/** `{...}` written by the author (braced) or a group KaTeX made (array cell, macro body). */
export interface KGroup extends KBase {
  readonly t: 'group';
  readonly body: readonly KNode[];
  readonly braced: boolean;
}
export interface KFrac extends KBase {
  readonly t: 'frac';
  readonly numer: KNode;
  readonly denom: KNode;
  /** false for \binom and \atop-like fractions */
  readonly bar: boolean;
}
/** A large or named operator: \sum, \prod, \int, \log, \exp, \max, \lim. */
export interface KOp extends KBase {
  readonly t: 'op';
  readonly name: string;
}
/** \operatorname{softmax}: the letters of its argument, as one word. */
export interface KWord extends KBase {
  readonly t: 'word';
  readonly word: string;
}
export interface KLeftRight extends KBase {
  readonly t: 'leftright';
  readonly left: string;
  readonly right: string;
  readonly body: readonly KNode[];
}
/** \big( \Bigr] ...: a delimiter with an explicit size. */
export interface KDelim extends KBase {
  readonly t: 'delim';
  readonly delim: string;
  /** 'open' for \bigl, 'close' for \bigr, 'ord' for plain \big (side decided by the reader). */
  readonly side: 'open' | 'close' | 'ord';
}
export interface KFont extends KBase {
  readonly t: 'font';
  /** 'mathbf', 'boldsymbol', 'mathrm', 'mathbb', 'mathcal', 'mathsf', ... */
  readonly font: string;
  readonly body: KNode;
}
export interface KAccent extends KBase {
  readonly t: 'accent';
  /** '\\hat', '\\vec', '\\bar', '\\tilde', '\\dot', ... */
  readonly label: string;
  readonly base: KNode;
}
/** \text{...} and friends; `content` is the source between the braces (filled in by spans.ts). */
export interface KText extends KBase {
  readonly t: 'text';
  content: string;
}
/** \cancel, \bcancel, \xcancel, \sout (struck) and \fbox/\boxed (framed). */
export interface KEnclose extends KBase {
  readonly t: 'enclose';
  readonly label: string;
  readonly body: KNode;
}
/** aligned, gathered, cases, matrices: rows of cells. */
export interface KArray extends KBase {
  readonly t: 'array';
  readonly rows: readonly (readonly KGroup[])[];
  /** 'align' | 'gather' | undefined (matrices, cases) */
  readonly separation?: string;
}
/** Horizontal space; `wide` for \quad and wider, which separate equations. */
export interface KSpace extends KBase {
  readonly t: 'space';
  readonly wide: boolean;
}
/** `\\` outside an environment. */
export interface KBreak extends KBase {
  readonly t: 'break';
}
/** Any KaTeX node we do not interpret (\underbrace keeps its base as a child). */
export interface KOther extends KBase {
  readonly t: 'other';
  readonly type: string;
  readonly children: readonly KNode[];
}

export type KNode =
  | KOrd
  | KAtom
  | KSupSub
  | KGroup
  | KFrac
  | KOp
  | KWord
  | KLeftRight
  | KDelim
  | KFont
  | KAccent
  | KText
  | KEnclose
  | KArray
  | KSpace
  | KBreak
  | KOther;

