// The precedence parser: a token stream -> Expr.
//
// Binding, loosest first:
//   relations (=, \neq, <, \in)           parseRelation
//   + and -                               parseAdditive
//   \cdot \times \odot \circ / juxtaposition   parseTerm (left-associative)
//   unary minus                           parseUnary
//   postfix: scripts, primes, calls       parsePostfix / interpretNode
// A \sum's body, like a reader's, runs over the following product: up to
// the next + or - at the same level. \log, \exp, \nabla_X and the operator
// form \frac{\partial}{\partial X} take the next factor.
//
// The parser never throws: what it cannot read becomes an Unsupported node
// with a reason, and it never consumes a token it cannot place, so the claim
// splitter (claims.ts) sees relations and separators untouched.

import type { Expr, Span } from '../expr/expr';
import { binary, RELATION_OPS, respan, spanOf, unsupported } from '../expr/exprBuild';
import type { KNode } from '../katex/katexTree';
import { type Context, extentOf, type SubParser } from './context';
import { PARAMETER_NAMES, type Notation } from './notation';
import { interpretNode } from './interpretNode';
import { applyPostfixScripts } from './scripts';
import { documentsDependence, symbolInfo, isFunctionSym, isIndicatorSym } from './symbols';
import { type Tok, Tokenizer } from './tokens';

interface Delimited {
  readonly items: Expr[];
  readonly given: Expr[];
  /** From the opening to the closing delimiter. */
  readonly span: Span;
  /** Including scripts on the closing delimiter (`(..)^T`). */
  readonly outer: Span;
  readonly open: string;
  readonly close?: Extract<Tok, { k: 'close' | 'bar' }>;
  readonly ok: boolean;
  /** Not ok because the formula ends before the closing delimiter. */
  readonly unclosed?: boolean;
  readonly openSpan: Span;
}

const MUL: Record<string, 'cdot' | 'star' | 'times' | 'odot' | '/'> = { cdot: 'cdot', star: 'star', times: 'times', odot: 'odot', '/': '/' };

export class Parser implements SubParser {
  pos = 0;
  /** Kinds of norm bars we are inside (a bar of such a kind closes, never opens). */
  private readonly bars: (1 | 2)[] = [];
  /**
   * Delimited groups already read, by the position of their opening token.
   * A call that turns out not to be one is re-read as a group; without this,
   * every nesting level would read its contents twice (2^depth).
   */
  private readonly delimitedAt = new Map<number, { readonly d: Delimited; readonly end: number }>();

  constructor(
    readonly toks: readonly Tok[],
    readonly ctx: Context,
  ) {}

  /** A parser for a KaTeX node list (a group, a script, a fraction part). */
  static of(nodes: readonly KNode[], ctx: Context): Parser {
    return new Parser(new Tokenizer(ctx.src, ctx.notation.names).addAll(nodes), ctx);
  }

  peek(offset = 0): Tok | undefined {
    return this.toks[this.pos + offset];
  }

  atEnd(): boolean {
    return this.pos >= this.toks.length;
  }

  /** Where the last consumed token ended (for zero-width spans). */
  here(): Span {
    const t = this.toks[this.pos] ?? this.toks[this.pos - 1];
    const at = this.toks[this.pos] ? (t?.span.start ?? 0) : (t?.span.end ?? 0);
    return { start: at, end: at };
  }

  /** The whole stream as one expression (relations allowed); leftovers make it Unsupported. */
  parseAll(span: Span): Expr {
    if (this.atEnd()) return unsupported('{}', 'empty group', span);
    const e = this.parseRelation();
    if (!this.atEnd()) {
      const t = this.peek()!;
      return unsupported(this.ctx.src.slice(span.start, span.end), `cannot read '${this.ctx.src.slice(t.span.start, t.span.end)}' here`, span);
    }
    return e;
  }

  parseRelation(): Expr {
    const left = this.parseAdditive();
    const t = this.peek();
    if (t?.k === 'rel' && RELATION_OPS[t.rel]) {
      this.pos++;
      const right = this.parseAdditive();
      return { kind: 'relation', op: RELATION_OPS[t.rel], left, right, span: spanOf(left.span, right.span) };
    }
    return left;
  }

  parseAdditive(): Expr {
    let left = this.parseTerm();
    for (let t = this.peek(); t?.k === 'bin' && (t.op === '+' || t.op === '-'); t = this.peek()) {
      this.pos++;
      const right = this.parseTerm();
      left = this.bin(t.op, left, right);
    }
    return left;
  }

  parseTerm(): Expr {
    let left = this.parseUnary();
    for (;;) {
      const t = this.peek();
      if (t?.k === 'bin' && MUL[t.op]) {
        this.pos++;
        left = this.bin(MUL[t.op], left, this.parseUnary());
      } else if (t?.k === 'bin' && t.op === 'unknown') {
        this.pos++;
        const right = this.parseUnary();
        left = unsupported(t.text, `the operator ${t.text} is not supported`, spanOf(this.ext(left), this.ext(right)));
      } else if (this.startsFactor()) {
        left = this.bin('juxt', left, this.parseUnary());
      } else return left;
    }
  }

  ext(e: Expr): Span {
    return extentOf(e, this.ctx);
  }

  private bin(op: Parameters<typeof binary>[0], left: Expr, right: Expr): Expr {
    return { ...binary(op, left, right), span: spanOf(this.ext(left), this.ext(right)) };
  }

  parseUnary(): Expr {
    const t = this.peek();
    if (t?.k === 'bin' && (t.op === '-' || t.op === '+')) {
      this.pos++;
      const arg = this.parseUnary();
      return t.op === '+' ? arg : { kind: 'neg', arg, span: spanOf(t.span, this.ext(arg)) };
    }
    return this.parsePostfix();
  }

  parsePostfix(): Expr {
    let e = this.parsePrimary();
    for (;;) {
      const t = this.peek();
      if (t?.k === 'scripts') {
        this.pos++;
        e = applyPostfixScripts(e, t.sup, t.sub, spanOf(e.span, t.span), this.ctx);
      } else if (t?.k === 'open' && e.kind === 'sym') {
        const call = this.tryCall(e);
        if (!call) return e;
        e = call;
      } else return e;
    }
  }

  /** Can the next token start a factor (so that juxtaposition continues)? */
  startsFactor(): boolean {
    const t = this.peek();
    if (!t) return false;
    if (t.k === 'num' || t.k === 'node' || t.k === 'open') return true;
    if (t.k === 'bar') return !this.bars.includes(t.bars) && this.barClosesLater(t.bars);
    return false;
  }

  /** Is there a matching bar of this kind further on, before the enclosing group closes? */
  private barClosesLater(kind: 1 | 2): boolean {
    let depth = 0;
    for (let i = this.pos + 1; i < this.toks.length; i++) {
      const t = this.toks[i];
      if (t.k === 'open') depth++;
      else if (t.k === 'close') {
        if (depth === 0) return false;
        depth--;
      } else if (t.k === 'bar' && t.bars === kind && depth === 0) return true;
    }
    return false;
  }

  parsePrimary(): Expr {
    const t = this.peek();
    if (!t) return unsupported('', 'an expression is missing here', this.here());
    switch (t.k) {
      case 'num':
        this.pos++;
        return { kind: 'num', value: t.value, span: t.span };
      case 'node':
        this.pos++;
        return interpretNode(t.node, this);
      case 'open':
        return this.parseGroup();
      case 'bar':
        if (this.bars.includes(t.bars)) break;
        return this.parseNorm(t.bars);
      case 'dots':
        this.pos++;
        return unsupported('\\dots', 'an ellipsis cannot be evaluated', t.span);
      default:
        break;
    }
    // Not a factor: leave the token for the caller (a relation, a separator, a stray delimiter).
    return unsupported('', 'an expression is missing here', { start: t.span.start, end: t.span.start });
  }

  /** `( ... )` / `[ ... ]` used as grouping: one item; `[y = a]` is an Iverson bracket. */
  private parseGroup(): Expr {
    const d = this.parseDelimited();
    const text = this.ctx.src.slice(d.span.start, d.span.end);
    if (d.unclosed) return neverClosed(text, d);
    if (!d.ok) return unsupported(text, 'unbalanced delimiters', d.span);
    if (d.given.length > 0) return unsupported(text, "a conditional '|' outside p(..|..)", d.span);
    if (d.items.length !== 1) return unsupported(text, 'tuples and vector literals are not supported', d.span);
    let e: Expr = respan(d.items[0], d.span);
    if (e.kind === 'sym' || e.kind === 'num') this.ctx.extent.set(e, d.span);
    if (d.open === '[' && e.kind === 'relation') e = { kind: 'indicator', condition: e, span: d.span };
    return this.closeScripts(e, d);
  }

  private closeScripts(e: Expr, d: Delimited): Expr {
    const c = d.close;
    if (!c || (!c.sup && !c.sub)) return e;
    return applyPostfixScripts(e, c.sup, c.sub, spanOf(this.ext(e), d.outer), this.ctx);
  }

  /** Reads `open items (, items)* (| given)? close`, the open token being next; each group is read once. */
  parseDelimited(): Delimited {
    const start = this.pos;
    const known = this.delimitedAt.get(start);
    if (known) {
      this.pos = known.end;
      return known.d;
    }
    const d = this.readDelimited();
    this.delimitedAt.set(start, { d, end: this.pos });
    return d;
  }

  /** The contents do not depend on the outer parse: bars are reset inside, so a group reads the same from any caller. */
  private readDelimited(): Delimited {
    const open = this.peek() as Extract<Tok, { k: 'open' }>;
    this.pos++;
    const items: Expr[] = [];
    const given: Expr[] = [];
    let target = items;
    const saved = this.bars.splice(0); // a bar inside parentheses is not the outer norm's
    try {
      for (;;) {
        const t = this.peek();
        if (!t) {
          const span = spanOf(open.span, this.here());
          return { items, given, open: open.delim, span, outer: span, ok: false, unclosed: true, openSpan: open.span };
        }
        if (t.k === 'close') {
          this.pos++;
          return { items, given, open: open.delim, close: t, span: spanOf(open.span, t.span), outer: spanOf(open.span, t.outer ?? t.span), ok: true, openSpan: open.span };
        }
        if (t.k === 'punct' && (t.text === ',' || t.text === ';')) {
          this.pos++; // `f(x_i; W)`: parameters after `;` are arguments too
          continue;
        }
        if (t.k === 'given' || (t.k === 'bar' && !this.startsFactor())) {
          this.pos++;
          target = given;
          continue;
        }
        if (t.k === 'dots') {
          this.pos++;
          target.push(unsupported('\\dots', 'an ellipsis cannot be evaluated', t.span));
          continue;
        }
        const before = this.pos;
        target.push(this.parseRelation());
        if (this.pos === before) {
          // Something that cannot appear here (a separator, prose): the group is unreadable.
          this.pos++;
          const span = spanOf(open.span, t.span);
          return { items, given, open: open.delim, span, outer: span, ok: false, openSpan: open.span };
        }
      }
    } finally {
      this.bars.push(...saved);
    }
  }

  /** `fn( ... )`: a call when fn is a function, or when the parentheses cannot be a factor. */
  private tryCall(fn: Extract<Expr, { kind: 'sym' }>): Expr | undefined {
    const open = this.peek() as Extract<Tok, { k: 'open' }>;
    const info = symbolInfo(fn);
    const indicator = isIndicatorSym(fn);
    // max{0, z} (Goodfellow) is a call like max(0, z); braces otherwise group nothing but an indicator's condition.
    const braced = open.delim === '\\{' && (indicator || fn.name === 'max' || fn.name === 'min');
    if (open.delim !== '(' && !(indicator && open.delim === '[') && !braced) return undefined;
    const start = this.pos;
    const d = this.parseDelimited();
    // An indexed entry is never a function: p_i(1 - p_i), a_j(1 - a_j) are products.
    // Subscripts that name parameters, h_{W,b}(x), say what a function depends on: that is a call.
    // A numbered function (g_1(t), a helper the document defines) is a call too.
    const parameterised = fn.indices.length > 0 && fn.indices.every((i) => i.kind === 'sym' && PARAMETER_NAMES.has(i.name));
    const indexedEntry = fn.indices.some((i) => i.kind !== 'num') && fn.primes === 0 && !parameterised;
    const callable =
      (!indexedEntry && isFunctionSym(fn, info, this.ctx.notation)) ||
      parameterised ||
      indicator ||
      d.items.length !== 1 ||
      d.given.length > 0 ||
      d.items[0]?.kind === 'relation' ||
      documentsDependence(fn, d.items);
    // `\log (1 - ...` never closed: say so at the parenthesis, not "log has no argument".
    if (d.unclosed && (isFunctionSym(fn, info, this.ctx.notation) || indicator)) return neverClosed(this.ctx.src.slice(fn.span.start, d.span.end), d, fn.span);
    if (!callable || !d.ok) {
      this.pos = start;
      return undefined;
    }
    const span = spanOf(fn.span, d.span);
    let e: Expr;
    if (indicator && d.items.length === 1 && d.items[0].kind === 'relation' && d.given.length === 0) {
      e = { kind: 'indicator', condition: d.items[0], span };
    } else e = { kind: 'call', fn, args: d.items, given: d.given, span };
    return this.closeScripts(e, d);
  }

  private parseNorm(bars: 1 | 2): Expr {
    const open = this.peek()!;
    this.pos++;
    this.bars.push(bars);
    const arg = this.parseAdditive();
    this.bars.pop();
    const close = this.peek();
    if (close?.k !== 'bar' || close.bars !== bars) {
      return unsupported(this.ctx.src.slice(open.span.start, arg.span.end), 'unmatched |', spanOf(open.span, arg.span));
    }
    this.pos++;
    const e: Expr = { kind: 'norm', arg, bars, span: spanOf(open.span, close.span) };
    if (!close.sup && !close.sub) return e;
    return applyPostfixScripts(e, close.sup, close.sub, spanOf(e.span, close.outer ?? close.span), this.ctx);
  }
}

/** A group whose closing delimiter never comes, pointed at its opening delimiter. */
function neverClosed(text: string, d: Delimited, from: Span = d.span): Expr {
  return { ...unsupported(text, `the ${d.open === '(' ? 'parenthesis' : `'${d.open}'`} opened here is never closed`, spanOf(from, d.span)), at: d.openSpan };
}

/** The context of one formula's parsers. */
export function createContext(src: string, notation: Notation): Context {
  const ctx: Context = {
    src,
    notation,
    cancelled: new WeakSet<Expr>(),
    extent: new WeakMap<Expr, Span>(),
    subparser: (nodes) => Parser.of(nodes, ctx),
  };
  return ctx;
}
