// Splitting a formula into claims, the way a reader does.
//
// The top-level token stream is read as a sequence of relation chains
// (`A = B = C`), separated by `,` `;` `\quad` `\qquad`, prose (`\text{và}`),
// `\Rightarrow`, and rows of aligned/gathered that do not start with a
// relation (a row starting with `&=` continues the chain from the previous
// row's last right-hand side). Each adjacent pair of a chain joined by an
// equality-like relation is one claim; `\neq`, `<`, `\in` pairs are
// conditions. A chain that follows a condition word (`\text{for }`,
// `\text{if }`, `\forall`), a parenthesised relation (`(a \ne y)`), an index
// range (`a = 1, 2, \dots, C`) and an index equality right after a claim
// (`, \quad a = y`) are conditions of the preceding equation, never claims.
//
// \cancel: a chain element that is entirely struck out (`= \cancel{..}`) is
// the author crossing out a step, so no claim is made with it; a \cancel
// inside an expression is commentary on the algebra and is read as written
// (see interpretNode.ts).

import type { Expr, Relation, Span } from '../expr/expr';
import { RELATION_OPS, spanOf } from '../expr/exprBuild';
import type { Claim, ClaimKind, Condition, Continuation, FormulaError, ParsedFormula } from './claimTypes';
import { type Context, extentOf } from '../parser/context';
import type { Parser } from '../parser/interpret';
import { CONDITION_WORDS, proseKey } from '../parser/notation';
import { printExpr } from './print';
import type { Tok } from '../parser/tokens';

const CLAIM_RELATIONS: Readonly<Record<string, ClaimKind>> = {
  '=': 'claim',
  '\\approx': 'claim',
  ':=': 'definition',
  '\\coloneqq': 'definition',
  '\\triangleq': 'definition',
  '\\equiv': 'definition',
  '\\overset{def}{=}': 'definition',
  '\\doteq': 'definition',
  '\\leftarrow': 'update',
  // Nielsen's `w^l \rightarrow w^l - \eta ..`; any other `A \rightarrow B` joins sentences (see claim()).
  '\\rightarrow': 'update',
};

/** Relations that only join sentences: they separate equations and are otherwise ignored. */
const CONNECTIVES = new Set(['\\Rightarrow', '\\therefore', '\\because', '\\iff', '\\to', '\\Leftarrow', '\\longrightarrow']);

type RelTok = Extract<Tok, { k: 'rel' }>;

interface Element {
  /** undefined: the missing left-hand side of a formula that starts with a relation. */
  readonly expr?: Expr;
  readonly struck: boolean;
}

interface DraftClaim extends Omit<Claim, 'conditions'> {
  readonly conditions: Condition[];
}

const CONDITION_LIST = [...CONDITION_WORDS];

/** `\text{for }`, `\text{ if }`, `\text{với mọi }`, `\forall`, also at the end of a longer phrase. */
function isConditionProse(text: string): boolean {
  const key = proseKey(text);
  if (key === 'forall' || CONDITION_WORDS.has(key)) return true;
  return CONDITION_LIST.some((w) => key.startsWith(w + ' ') || key.endsWith(' ' + w));
}

function isBareIndex(e: Expr | undefined): e is Extract<Expr, { kind: 'sym' }> {
  return e?.kind === 'sym' && !e.layer && e.indices.length === 0 && e.primes === 0 && /^([A-Za-z]|\\[A-Za-z]+)$/.test(e.name);
}

/** Does `name` appear as an index, layer or example of a symbol in `e`? */
function usesIndex(e: Expr, name: string): boolean {
  switch (e.kind) {
    case 'sym':
      return [...e.indices, ...(e.layer ? [e.layer] : []), ...(e.example ? [e.example] : [])].some((i) => (i.kind === 'sym' && i.name === name) || usesIndex(i, name));
    case 'binary':
    case 'relation':
      return usesIndex(e.left, name) || usesIndex(e.right, name);
    case 'neg':
    case 'transpose':
      return usesIndex(e.arg, name);
    case 'norm':
      return usesIndex(e.arg, name);
    case 'pow':
      return usesIndex(e.base, name) || usesIndex(e.exponent, name);
    case 'call':
      return [e.fn, ...e.args, ...e.given].some((x) => usesIndex(x, name));
    case 'sum':
      return usesIndex(e.body, name);
    case 'derivative':
      return usesIndex(e.of, name) || usesIndex(e.wrt, name);
    case 'indicator':
      return usesIndex(e.condition, name);
    case 'entry':
      return [e.of, ...e.indices].some((x) => usesIndex(x, name));
    default:
      return false;
  }
}

/** `W^l = W^l - \eta ..`: the same symbol on the left and first on the right, plus or minus a step. */
function isSelfUpdate(lhs: Expr, rhs: Expr): boolean {
  return lhs.kind === 'sym' && rhs.kind === 'binary' && (rhs.op === '-' || rhs.op === '+') && printExpr(leftmost(rhs)) === printExpr(lhs);
}

function leftmost(e: Expr): Expr {
  if (e.kind === 'binary') return leftmost(e.left);
  if (e.kind === 'pow') return leftmost(e.base);
  return e;
}

export class Splitter {
  private readonly claims: DraftClaim[] = [];
  private readonly expressions: { expr: Expr; span: Span }[] = [];
  private readonly errors: FormulaError[] = [];
  private continuation?: { c: Omit<Continuation, 'conditions'>; conditions: Condition[] };
  private chain: Element[] = [];
  private rels: RelTok[] = [];
  /** Claims of the last finished chain: where following conditions go. */
  private last: DraftClaim[] = [];
  private pending: Condition[] = [];
  private mode: 'normal' | 'condition' = 'normal';
  private started = false;

  constructor(
    private readonly p: Parser,
    private readonly ctx: Context,
  ) {}

  run(): ParsedFormula {
    const p = this.p;
    while (!p.atEnd()) {
      const t = p.peek()!;
      switch (t.k) {
        case 'prose':
          p.pos++;
          this.finish();
          this.mode = isConditionProse(t.text) ? 'condition' : 'normal';
          break;
        case 'quad':
        case 'col':
          p.pos++;
          this.finish();
          this.mode = 'normal';
          break;
        case 'row': {
          p.pos++;
          const next = p.peek();
          const dangling = this.chain.length > 0 && this.rels.length === this.chain.length;
          if (!dangling && !(next?.k === 'rel' && this.chain.length > 0)) {
            this.finish();
            this.mode = 'normal';
          }
          break;
        }
        case 'punct':
          if (t.text === ',' && this.tryRange()) break;
          p.pos++;
          this.finish();
          break;
        case 'dots':
          p.pos++;
          this.finish();
          break;
        case 'rel':
          this.relation(t);
          break;
        default: {
          const before = p.pos;
          const e = p.parseAdditive();
          if (p.pos === before) {
            p.pos++;
            this.error(t.span, `unexpected '${this.ctx.src.slice(t.span.start, t.span.end)}'`);
            this.finish();
            break;
          }
          if (this.chain.length > this.rels.length) this.finish();
          this.chain.push({ expr: e, struck: this.ctx.cancelled.has(e) });
          this.started = true;
        }
      }
    }
    this.finish();
    return this.result();
  }

  private error(span: Span, message: string): void {
    this.errors.push({ span, message });
  }

  private relation(t: RelTok): void {
    this.p.pos++;
    if (CONNECTIVES.has(t.rel)) {
      this.finish();
      return;
    }
    if (t.rel === ':') {
      // `\forall a \neq y: claim`: the colon ends a condition.
      this.finish();
      this.mode = 'normal';
      return;
    }
    if (this.chain.length === this.rels.length) {
      if (this.chain.length === 0 && !this.started && !this.continuation) {
        this.chain.push({ struck: false }); // continues the previous formula
        this.started = true;
      } else {
        this.error(t.span, `'${this.ctx.src.slice(t.span.start, t.span.end)}' has nothing on its left`);
        this.finish();
        return;
      }
    }
    this.rels.push(t);
  }

  /** `idx = e1, e2, \dots, eN` at a comma: an index range, a condition. */
  private tryRange(): boolean {
    const p = this.p;
    const [idx, first] = this.chain;
    if (this.chain.length !== 2 || this.rels.length !== 1 || this.rels[0].rel !== '=' || !isBareIndex(idx.expr) || !first.expr) return false;
    const after = p.peek(1);
    if (after?.k !== 'num' && after?.k !== 'dots') return false;
    const items: Expr[] = [first.expr];
    let dots = false;
    let end = first.expr.span.end;
    while (p.peek()?.k === 'punct' && (p.peek() as Extract<Tok, { k: 'punct' }>).text === ',') {
      const comma = p.pos;
      p.pos++;
      const t = p.peek();
      if (t?.k === 'dots') {
        p.pos++;
        dots = true;
        end = t.span.end;
        continue;
      }
      if (!t || !p.startsFactor()) {
        p.pos = comma;
        break;
      }
      const item = p.parseAdditive();
      const next = p.peek();
      if (next?.k === 'rel' && (CLAIM_RELATIONS[next.rel] || RELATION_OPS[next.rel])) {
        p.pos = comma; // `, b = 2`: the next equation
        break;
      }
      items.push(item);
      end = item.span.end;
    }
    const span = { start: idx.expr.span.start, end };
    const cond: Condition = dots
      ? { kind: 'range', index: idx.expr.name, from: items[0], ...(items.length > 1 ? { to: items[items.length - 1] } : {}), span }
      : { kind: 'range', index: idx.expr.name, from: items[0], to: items[items.length - 1], values: items, span };
    this.chain = [];
    this.rels = [];
    this.attach([cond]);
    return true;
  }

  private attach(conds: readonly Condition[]): void {
    if (conds.length === 0) return;
    if (this.last.length > 0) for (const c of this.last) c.conditions.push(...conds);
    else if (this.continuation && this.claims.length === 0) this.continuation.conditions.push(...conds);
    else this.pending.push(...conds);
  }

  private relationOf(left: Expr, op: RelTok, right: Expr): Relation {
    return { kind: 'relation', op: RELATION_OPS[op.rel], left, right, span: spanOf(left.span, right.span) };
  }

  /** Turns the current chain into claims / conditions / a lone expression. */
  private finish(): void {
    const full = this.chain;
    const fullRels = this.rels;
    this.chain = [];
    this.rels = [];
    if (fullRels.length === full.length && fullRels.length > 0) {
      const r = fullRels.pop()!;
      this.error(r.span, `nothing follows '${this.ctx.src.slice(r.span.start, r.span.end)}'`);
    }
    // A struck-out step leaves the chain; its neighbours are joined by the relation before it.
    const chain: Element[] = [];
    const rels: RelTok[] = [];
    let kept = -1; // index in `full` of the last element kept
    full.forEach((el, i) => {
      if (el.struck) return;
      if (kept >= 0) rels.push(fullRels[kept]);
      chain.push(el);
      kept = i;
    });
    if (chain.length === 0) return;
    if (rels.length === 0) return this.lone(chain[0]);

    const conds: Condition[] = [];
    const made: DraftClaim[] = [];
    for (let i = 0; i < rels.length; i++) {
      const l = chain[i].expr;
      const r = chain[i + 1].expr!;
      const rel = rels[i];
      const kind = CLAIM_RELATIONS[rel.rel];
      if (this.mode === 'condition') {
        if (l && RELATION_OPS[rel.rel]) conds.push({ kind: 'relation', relation: this.relationOf(l, rel, r), span: spanOf(l.span, r.span) });
      } else if (kind === 'update' && rel.rel === '\\rightarrow' && !(l && r && isSelfUpdate(l, r))) {
        continue; // `A \rightarrow B` between two statements: a connective
      } else if (kind) {
        if (!l) this.continuation = { c: { kind, relation: rel.rel, relationSpan: rel.span, rhs: r, rhsSpan: r.span }, conditions: [] };
        else if (!chain[i].struck && !chain[i + 1].struck) made.push(this.claim(l, rel, r, kind));
      } else if (l && RELATION_OPS[rel.rel]) {
        conds.push({ kind: 'relation', relation: this.relationOf(l, rel, r), span: spanOf(l.span, r.span) });
      }
    }
    if (made.length === 1 && this.isIndexEquality(made[0])) {
      made.length = 0;
      const c = chain[0].expr!;
      conds.push({ kind: 'relation', relation: this.relationOf(c, rels[0], chain[1].expr!), span: spanOf(c.span, chain[1].expr!.span) });
    }
    if (made.length === 0) {
      this.attach(conds);
      return;
    }
    for (const c of made) c.conditions.push(...this.pending, ...conds);
    this.pending = [];
    this.claims.push(...made);
    this.last = made;
  }

  /** `, \quad a = y` after a claim whose indices include a: a condition, not a claim. */
  private isIndexEquality(c: DraftClaim): boolean {
    if (c.relation !== '=' || !isBareIndex(c.lhs) || this.last.length === 0) return false;
    if (!(isBareIndex(c.rhs) || c.rhs.kind === 'num')) return false;
    const name = c.lhs.name;
    return this.last.some((x) => usesIndex(x.lhs, name) || usesIndex(x.rhs, name));
  }

  private lone(el: Element): void {
    const e = el.expr;
    if (!e || el.struck) return;
    if (this.mode === 'condition') {
      if (isBareIndex(e)) this.attach([{ kind: 'range', index: e.name, span: e.span }]);
      else if (e.kind === 'relation') this.attach([{ kind: 'relation', relation: e, span: e.span }]);
      else this.expressions.push({ expr: e, span: e.span });
      return;
    }
    if (e.kind === 'relation' && (this.last.length > 0 || this.continuation)) {
      this.attach([{ kind: 'relation', relation: e, span: e.span }]);
      return;
    }
    this.expressions.push({ expr: e, span: extentOf(e, this.ctx) });
  }

  /** Source text for display: alignment marks and row breaks dropped (unless inside an environment such as cases). */
  private tidy(s: Span): string {
    const text = this.ctx.src.slice(s.start, s.end);
    const marks = text.includes('\\begin{') ? /\\nonumber|\\notag/g : /\\\\|&|\\nonumber|\\notag/g;
    return text.replace(marks, ' ').replace(/\s+/g, ' ').trim();
  }

  private claim(lhs: Expr, rel: RelTok, rhs: Expr, kind: ClaimKind): DraftClaim {
    // `W := W - \eta ..`, `W^l = W^l - \eta ..`: a symbol in terms of itself is an update.
    const update = (kind === 'definition' && lhs.kind === 'sym' && printExpr(leftmost(rhs)) === printExpr(lhs)) || ((kind === 'claim' || kind === 'update') && isSelfUpdate(lhs, rhs));
    const lhsSpan = extentOf(lhs, this.ctx);
    const rhsSpan = extentOf(rhs, this.ctx);
    return {
      kind: update ? 'update' : kind,
      relation: rel.rel,
      lhs,
      rhs,
      conditions: [],
      span: spanOf(lhsSpan, rhsSpan),
      lhsSpan,
      rhsSpan,
      relationSpan: rel.span,
      latex: `${this.tidy(lhsSpan)} ${this.tidy(rel.span)} ${this.tidy(rhsSpan)}`,
    };
  }

  private result(): ParsedFormula {
    for (const c of this.pending) if (c.kind === 'relation') this.expressions.push({ expr: c.relation, span: c.span });
    const out: { -readonly [K in keyof ParsedFormula]: ParsedFormula[K] } = {
      claims: this.claims,
      expressions: this.expressions,
      errors: this.errors,
    };
    if (this.continuation) out.continuation = { ...this.continuation.c, conditions: this.continuation.conditions };
    return out;
  }
}
