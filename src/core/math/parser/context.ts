// What every parser of one formula shares, and the parser surface that the
// node interpreter and the script reader call back into. Kept apart from the
// Parser class so that interpretNode.ts and scripts.ts depend on this
// interface, not on interpret.ts (which depends on them).
import type { Expr, Span } from '../expr/expr';
import type { KNode } from '../katex/katexTree';
import type { Notation } from './notation';
import type { Tok } from './tokens';

/** The parts of the precedence parser that node and script readers use. */
export interface SubParser {
  pos: number;
  readonly ctx: Context;
  peek(offset?: number): Tok | undefined;
  atEnd(): boolean;
  parseAll(span: Span): Expr;
  parseRelation(): Expr;
  parseAdditive(): Expr;
  parseTerm(): Expr;
  parseUnary(): Expr;
  parsePostfix(): Expr;
  startsFactor(): boolean;
}

/** Shared by every parser of one formula. */
export interface Context {
  readonly src: string;
  readonly notation: Notation;
  /** Expressions that were written inside \cancel{..}. */
  readonly cancelled: WeakSet<Expr>;
  /** Source extent of leaves written in parentheses (`(x)`): a leaf's own span stays exact, its extent covers the parentheses. */
  readonly extent: WeakMap<Expr, Span>;
  /** A parser for a KaTeX node list of the same formula (a group, a script, a fraction part). */
  readonly subparser: (nodes: readonly KNode[]) => SubParser;
}

/** Where an expression is written, parentheses included. */
export function extentOf(e: Expr, ctx: Context): Span {
  return ctx.extent.get(e) ?? e.span;
}

