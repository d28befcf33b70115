// Gives every normalised KaTeX node a source span.
//
// KaTeX locates leaves and braced groups, but not \frac, ^/_ scripts,
// \left..\right, \mathbf{..}, spacing, or anything a macro produced (whose
// locations point into the macro's expansion text, so katexTree.ts drops
// them). Two passes recover the rest:
//  1. bottom-up "anchors": a node KaTeX did not locate but whose descendants
//     it did is the union of theirs, widened to the command in front
//     (`\frac`, `\mathbf{`, `\left(`, `\sum\limits_`) and the braces or
//     `\right)` behind;
//  2. top-down placement: nodes with no anchor at all (\quad, \neq, primes,
//     \big(, a user macro) take the next source token after their left
//     sibling, never crossing the next anchored sibling. Several nodes that
//     came from one macro share its token.

import type { Span } from '../expr/expr';
import type { KNode, KText } from './katexTree';
import { closeBraces, headBefore, rightDelimEnd, sizedDelimAt, skipIgnorable, tokenAt } from './texScan';

function union(spans: readonly (Span | undefined)[]): Span | undefined {
  let start = Infinity;
  let end = -Infinity;
  for (const s of spans) {
    if (!s) continue;
    start = Math.min(start, s.start);
    end = Math.max(end, s.end);
  }
  return start === Infinity ? undefined : { start, end };
}

/** The child nodes of a KaTeX node (exported for the span tests, which walk the same tree). */
export function children(n: KNode): readonly KNode[] {
  switch (n.t) {
    case 'group':
    case 'leftright':
      return n.body;
    case 'supsub':
      return [n.base, n.sup, n.sub].filter((x): x is KNode => x !== undefined);
    case 'frac':
      return [n.numer, n.denom];
    case 'font':
    case 'enclose':
      return [n.body];
    case 'accent':
      return [n.base];
    case 'array':
      return n.rows.flat();
    case 'other':
      return n.children;
    default:
      return [];
  }
}

/** Memo of pass 1 on the node itself (null: computed, no anchor). */
type Memo = { implied?: Span | null };

export class SpanAssigner {
  constructor(private readonly src: string) {}

  /** Pass 1, memoised: the span KaTeX's locations imply for `n`, or undefined. */
  anchor(n: KNode): Span | undefined {
    const m = n as Memo;
    if (m.implied === undefined) m.implied = this.computeAnchor(n) ?? null;
    return m.implied ?? undefined;
  }

  private command(inner: Span | undefined): Span | undefined {
    if (!inner) return undefined;
    const start = headBefore(this.src, inner.start, 'command');
    return { start, end: closeBraces(this.src, start, inner.end) };
  }

  private computeAnchor(n: KNode): Span | undefined {
    const kids = children(n).map((c) => this.anchor(c));
    switch (n.t) {
      case 'ord':
      case 'op':
      case 'space':
      case 'delim':
      case 'break':
        return n.anchor;
      case 'atom':
        return n.anchor ?? this.command(n.args);
      case 'word':
      case 'text':
        return this.command(n.args);
      case 'group':
        return n.anchor ?? union(kids);
      case 'supsub': {
        const u = union(kids);
        if (!u) return undefined;
        let end = u.end;
        // Primes (`f'`, `f''`) have no location: take them from the source.
        for (let k = skipIgnorable(this.src, end); this.src[k] === "'"; k = skipIgnorable(this.src, end)) end = k + 1;
        // `\sum_{..}`: the base op has no location; find it before the first script.
        const start = n.base && !this.anchor(n.base) ? headBefore(this.src, u.start, 'script') : u.start;
        return { start, end };
      }
      case 'frac':
      case 'font':
      case 'accent':
      case 'enclose':
        return this.command(union(kids));
      case 'leftright': {
        const u = union(kids);
        if (!u) return undefined;
        return { start: headBefore(this.src, u.start, 'leftright'), end: rightDelimEnd(this.src, u.end) };
      }
      case 'array': {
        // Cells are located; widen to `\begin{env}` .. `\end{env}` around them.
        const u = union(kids);
        if (!u) return undefined;
        const begin = this.src.lastIndexOf('\\begin{', u.start);
        const end = this.src.indexOf('\\end{', u.end);
        const close = end >= 0 ? this.src.indexOf('}', end) : -1;
        return { start: begin >= 0 ? begin : u.start, end: close >= 0 ? close + 1 : u.end };
      }
      case 'other':
        return n.anchor ?? union(kids);
    }
  }

  /** Pass 2: places a list of siblings inside [from, to). */
  place(nodes: readonly KNode[], from: number, to: number): void {
    let cursor = from;
    let run: Span | undefined; // span of the previous unanchored sibling
    // nextStart[i]: where the next anchored sibling after i starts (or `to`).
    const nextStart: number[] = new Array<number>(nodes.length);
    for (let i = nodes.length - 1, next = to; i >= 0; i--) {
      nextStart[i] = next;
      const a = this.anchor(nodes[i]);
      if (a) next = a.start;
    }
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      const a = this.anchor(n);
      if (a) {
        n.span = a;
        this.placeInside(n);
        cursor = Math.max(cursor, a.end);
        run = undefined;
        continue;
      }
      const limit = nextStart[i];
      const s = this.tokenSpan(n, cursor, limit) ?? run ?? { start: cursor, end: cursor };
      n.span = s;
      this.place(children(n), s.start, s.end);
      if (n.t === 'text') this.fillText(n);
      cursor = Math.max(cursor, s.end);
      run = s;
    }
  }

  private tokenSpan(n: KNode, cursor: number, limit: number): Span | undefined {
    const start = skipIgnorable(this.src, cursor, limit);
    if (start >= limit) return undefined;
    if (n.t === 'group' && n.body.length === 0) return { start, end: start };
    let s: Span;
    if (n.t === 'delim') s = sizedDelimAt(this.src, start);
    else if (n.t === 'leftright') {
      const open = sizedDelimAt(this.src, start);
      s = { start, end: rightDelimEnd(this.src, open.end) };
    } else s = tokenAt(this.src, start);
    return { start: s.start, end: Math.min(s.end, Math.max(limit, start + 1)) };
  }

  /** After the command token at the start of `n` (`\frac`, `\left(`), where its arguments begin. */
  private afterHead(n: KNode): number {
    const s = n.span;
    if (n.t === 'leftright') return sizedDelimAt(this.src, s.start).end;
    if (this.src[s.start] === '\\') return tokenAt(this.src, s.start).end;
    return s.start;
  }

  private placeInside(n: KNode): void {
    const s = n.span;
    switch (n.t) {
      case 'supsub':
        this.placeScripts(n.base, [n.sup, n.sub], s);
        return;
      case 'group':
        this.place(n.body, n.braced ? s.start + 1 : s.start, n.braced ? s.end - 1 : s.end);
        return;
      case 'text':
        this.fillText(n);
        return;
      default:
        this.place(children(n), this.afterHead(n), s.end);
    }
  }

  private placeScripts(base: KNode | undefined, scripts: readonly (KNode | undefined)[], s: Span): void {
    const present = scripts.filter((x): x is KNode => x !== undefined);
    const firstScript = union(present.map((x) => this.anchor(x)))?.start ?? s.end;
    let cursor = s.start;
    if (base) {
      this.place([base], s.start, this.anchor(base) ? s.end : firstScript);
      cursor = base.span.end;
    }
    const anchoredEnd = union([base?.span, ...present.map((x) => this.anchor(x))])?.end ?? cursor;
    for (const sc of present) {
      if (this.anchor(sc)) {
        this.place([sc], s.start, s.end);
        continue;
      }
      // Primes (`f'`) have no location: right after the base, or after the other script (`f_j'`).
      const at = skipIgnorable(this.src, cursor);
      let from = this.src[at] === "'" || this.src[at] === '^' ? at : anchoredEnd;
      if (this.src[from] === '^' || this.src[from] === '_') from++;
      if (sc.t === 'group') {
        this.place(sc.body, from, s.end);
        sc.span = union(sc.body.map((b) => b.span)) ?? { start: from, end: from };
      } else this.place([sc], from, s.end);
    }
  }

  private fillText(n: KText): void {
    const open = this.src.indexOf('{', n.span.start);
    n.content = open >= 0 && open < n.span.end ? this.src.slice(open + 1, Math.max(open + 1, n.span.end - 1)) : '';
  }
}

/** Shifts every span in the tree by -`by` and clamps it to [0, max] (for environment bodies we wrapped). */
export function shiftSpans(nodes: readonly KNode[], by: number, max: number): void {
  const clamp = (x: number): number => Math.max(0, Math.min(max, x - by));
  const visit = (n: KNode): void => {
    n.span = { start: clamp(n.span.start), end: clamp(n.span.end) };
    children(n).forEach(visit);
  };
  nodes.forEach(visit);
}
