// Public entry points: LaTeX -> claims (parseFormula) and LaTeX -> one
// expression (parseExpression). Neither throws: KaTeX's parse errors and
// anything unexpected come back as located errors.

import type { Expr, Span } from '../expr/expr';
import { Splitter } from './claims';
import { type FormulaSetting, separateNotes } from './notes';
import type { FormulaError, ParsedFormula } from './claimTypes';
import type { Context } from '../parser/context';
import { createContext, Parser } from '../parser/interpret';
import { notationOf, type ParseOptions } from '../parser/notation';
import { readTree } from '../katex/readTree';
import { Tokenizer } from '../parser/tokens';

export type { Claim, ClaimKind, Condition, Continuation, FormulaError, Note, NoteKind, ParsedFormula } from './claimTypes';
export { introducesDefinition, type FormulaSetting } from './notes';
export { DEFAULT_FUNCTION_SYMBOLS, DEFAULT_LAYERED_SYMBOLS, isDeclarableName, type ParseOptions } from '../parser/notation';
export { printClaim, printCondition, printExpr } from './print';

export interface FormulaOptions extends ParseOptions {
  /** The environment `latex` is the body of ('align', 'align*', 'gather', 'equation', ...); omitted for `$..$` / `$$..$$`. */
  readonly environment?: string;
  /** Where the formula sits (display or in a sentence, the prose before it): relations that are conditions, remarks, dimensions or examples become notes. */
  readonly setting?: FormulaSetting;
}

function internalError(latex: string, e: unknown): FormulaError {
  return { span: { start: 0, end: latex.length }, message: `internal error while reading this formula: ${e instanceof Error ? e.message : String(e)}` };
}

function context(latex: string, options: ParseOptions | undefined): Context {
  return createContext(latex, notationOf(options));
}

/** Reads a formula and splits it into claims. Spans are offsets into `latex`. */
export function parseFormula(latex: string, options?: FormulaOptions): ParsedFormula {
  try {
    const ctx = context(latex, options);
    const tree = readTree(latex, ctx.notation.macros, options?.environment);
    if (tree.error) return { claims: [], expressions: [], errors: [tree.error] };
    const toks = new Tokenizer(latex, ctx.notation.names).addTop(tree.nodes);
    const parsed = new Splitter(new Parser(toks, ctx), ctx).run();
    if (!options?.setting) return parsed;
    return { ...parsed, ...separateNotes(parsed.claims, options.setting) };
  } catch (e) {
    return { claims: [], expressions: [], errors: [internalError(latex, e)] };
  }
}

export interface ParsedExpression {
  readonly expr?: Expr;
  readonly errors: readonly FormulaError[];
}

/** Reads one expression (relations allowed, e.g. for `let \alpha = z^{L}` right-hand sides). */
export function parseExpression(latex: string, options?: ParseOptions): ParsedExpression {
  try {
    const ctx = context(latex, options);
    const tree = readTree(latex, ctx.notation.macros);
    if (tree.error) return { errors: [tree.error] };
    const p = new Parser(new Tokenizer(latex, ctx.notation.names).addAll(tree.nodes), ctx);
    const whole: Span = { start: 0, end: latex.length };
    return { expr: p.parseAll(whole), errors: [] };
  } catch (e) {
    return { errors: [internalError(latex, e)] };
  }
}
