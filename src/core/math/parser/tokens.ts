// Normalised KaTeX nodes -> a flat token stream for the precedence parser.
//
// KaTeX's lists are flat runs of atoms ("a", "+", "(", "b", ")"); what the
// parser needs to know about each is its role. This is also where
// `\left( .. \right)` and `\big( .. \big)` become plain open/close tokens,
// where a script on a closing delimiter (`(..)^T`, `\right)^2`) becomes a
// postfix on the group it closes, digits merge into numbers, and `:` `=`
// merge into `:=`.

import type { Span } from '../expr/expr';
import type { KNode } from '../katex/katexTree';
import { FUNCTION_WORDS, isProseWord, textKind } from './notation';
import { nameOfNode } from './symbols';

export type BinTok = '+' | '-' | 'cdot' | 'star' | 'times' | 'odot' | '/' | 'unknown';

export type Tok =
  /** An operand the parser interprets as a whole: a symbol, a fraction, \sum, a braced group. */
  | { readonly k: 'node'; readonly node: KNode; readonly span: Span }
  | { readonly k: 'num'; readonly value: number; readonly span: Span }
  | { readonly k: 'bin'; readonly op: BinTok; readonly text: string; readonly span: Span }
  /** A relation, canonical spelling: '=', ':=', '\\neq', '<', '\\leq', '\\in', '\\leftarrow', '\\Rightarrow', ... */
  | { readonly k: 'rel'; readonly rel: string; readonly span: Span }
  | { readonly k: 'open'; readonly delim: string; readonly span: Span }
  /** A closing delimiter; `sup`/`sub` are scripts written on it, which apply to the group it closes; `outer` includes them. */
  | { readonly k: 'close'; readonly delim: string; readonly span: Span; readonly sup?: KNode; readonly sub?: KNode; readonly outer?: Span }
  /** `|` or `\|`: opens or closes a norm, or separates `p(a|x)`; the parser decides. */
  | { readonly k: 'bar'; readonly bars: 1 | 2; readonly span: Span; readonly sup?: KNode; readonly sub?: KNode; readonly outer?: Span }
  /** `\mid`: only ever the "given" bar. */
  | { readonly k: 'given'; readonly span: Span }
  /** Scripts on an empty base (`{}^T`, `{}'`): postfix on what precedes. */
  | { readonly k: 'scripts'; readonly span: Span; readonly sup?: KNode; readonly sub?: KNode }
  | { readonly k: 'punct'; readonly text: string; readonly span: Span }
  /** \quad, \qquad and wider: separates equations. */
  | { readonly k: 'quad'; readonly span: Span }
  | { readonly k: 'prose'; readonly text: string; readonly span: Span }
  | { readonly k: 'dots'; readonly span: Span }
  /** A row break (`\\`) of aligned/gathered or of the display. */
  | { readonly k: 'row'; readonly span: Span }
  /** A column that starts a new equation (`a &= b & c &= d`). */
  | { readonly k: 'col'; readonly span: Span };

const BIN: Record<string, BinTok> = {
  '+': '+',
  '-': '-',
  '\\cdot': 'cdot',
  '\\cdotp': 'cdot',
  // numpy / deeplearning.ai: `*` is elementwise between arrays of one shape, a product otherwise.
  '*': 'star',
  '\\ast': 'star',
  '\\bullet': 'odot',
  '\\times': 'times',
  '\\odot': 'odot',
  '\\circ': 'odot',
  '\\div': '/',
};

/** Canonical relation spellings (synonyms map to one). */
const REL: Record<string, string> = {
  '\\ne': '\\neq',
  '\\le': '\\leq',
  '\\leqslant': '\\leq',
  '\\ge': '\\geq',
  '\\geqslant': '\\geq',
  '\\gets': '\\leftarrow',
  '\\longleftarrow': '\\leftarrow',
  '\\Longrightarrow': '\\Rightarrow',
  '\\implies': '\\Rightarrow',
  '\\Longleftrightarrow': '\\iff',
  '\\Leftrightarrow': '\\iff',
  '\\eqqcolon': '=:',
};

const OPEN = new Set(['(', '[', '\\{', '\\lbrace', '\\langle', '\\lbrack', '\\lparen', '\\lfloor', '\\lceil']);
const BAR1 = new Set(['|', '\\vert', '\\lvert', '\\rvert']);
const BAR2 = new Set(['\\|', '\\Vert', '\\lVert', '\\rVert']);
const DOTS = new Set(['\\ldots', '\\cdots', '\\@cdots', '\\dots', '\\dotsc', '\\dotsb', '\\dotsm', '\\vdots', '\\ddots']);

const isDigit = (s: string): boolean => s.length === 1 && s >= '0' && s <= '9';

export class Tokenizer {
  readonly out: Tok[] = [];

  /** `src`: the formula source (for finding `\right` inside a `\left..\right` span). */
  constructor(
    private readonly src: string,
    /** Multi-letter names the document declared: `dscores` is one symbol, not d·s·c·o·r·e·s. */
    private readonly names: ReadonlySet<string> = new Set(),
  ) {}

  /** Top level: aligned/gathered arrays become rows and columns, everything else as `add`. */
  addTop(nodes: readonly KNode[]): Tok[] {
    for (const n of nodes) {
      // aligned/gathered/align/gather, and single-column displays such as equation: rows of equations.
      const equations = n.t === 'array' && (n.separation === 'align' || n.separation === 'gather' || n.separation === 'alignat' || n.rows.every((r) => r.length <= 1));
      if (n.t === 'array' && equations) this.addArray(n.rows);
      else this.add(n);
    }
    this.demoteLoneWords();
    return this.mergeFunctionWords();
  }

  /**
   * `sigmoid(z)`, `max(0, z)`, `tanh'(u)` typed without a backslash: KaTeX reads
   * letters, the author wrote a function. A run of adjacent single letters
   * (the last may carry scripts) that spells exactly a function word becomes
   * that word; so does the longest declared name it starts with (`dW2` rather
   * than `dW`), and in `dscores` the declared name after the `d` (the `d`
   * stays, the gradient mark: interpretNode reads d + name as ∂L/∂name).
   */
  private mergeFunctionWords(): Tok[] {
    const out = this.out;
    for (let i = 0; i < out.length; i++) {
      if (!this.isLetter(out[i]) || (i > 0 && this.isLetter(out[i - 1]) && out[i - 1].span.end === out[i].span.start)) continue;
      const run = this.runFrom(i);
      const firstNumber = run.findIndex((t) => t.k === 'num');
      const letters = firstNumber < 0 ? run.length : firstNumber;
      const functionWord = letters > 1 && FUNCTION_WORDS.has(this.spell(run.slice(0, letters)));
      const named = this.longestName(run);
      if (named > (functionWord ? letters : 1)) this.mergeWord(i, named);
      else if (functionWord) this.mergeWord(i, letters);
      else if (named === 0 && this.letterOf(run[0]) === 'd') {
        const afterD = this.longestName(run.slice(1));
        if (afterD > 1) this.mergeWord(i + 1, afterD);
      }
    }
    return out;
  }

  private letterOf(t: Tok | undefined): string | undefined {
    // Digits belong to declared names only (dW2); without names, `x2` stays x times 2.
    if (t?.k === 'num' && this.names.size > 0 && Number.isInteger(t.value)) return String(t.value);
    if (t?.k !== 'node') return undefined;
    const n = t.node.t === 'supsub' ? t.node.base : t.node;
    return n?.t === 'ord' && /^[A-Za-z]$/.test(n.text) ? n.text : undefined;
  }

  /** A single letter, possibly scripted: what a word typed letter by letter is made of. */
  private isLetter(t: Tok | undefined): boolean {
    return t?.k === 'node' && this.letterOf(t) !== undefined;
  }

  /** The adjacent letters (and digits, with declared names) from `i`; a scripted letter ends the run. */
  private runFrom(i: number): Tok[] {
    const out = this.out;
    let j = i;
    while (out[j].k === 'node' && (out[j] as Extract<Tok, { k: 'node' }>).node.t !== 'supsub' && this.letterOf(out[j + 1]) !== undefined && out[j + 1].span.start === out[j].span.end) j++;
    return out.slice(i, j + 1);
  }

  private spell(toks: readonly Tok[]): string {
    return toks.map((t) => this.letterOf(t)).join('');
  }

  /** How many tokens of the run the longest declared name takes (0: none). */
  private longestName(run: readonly Tok[]): number {
    for (let n = run.length; n > 0; n--) if (run[0].k === 'node' && this.names.has(this.spell(run.slice(0, n)))) return n;
    return 0;
  }

  /** Tokens i .. i+count-1 become one word node (keeping the scripts of the last letter). */
  private mergeWord(i: number, count: number): void {
    const out = this.out;
    const j = i + count - 1;
    const word = this.spell(out.slice(i, j + 1));
    const lastTok = out[j];
    const last: KNode = lastTok.k === 'node' ? lastTok.node : { t: 'word', word: '', span: lastTok.span };
    const wordSpan = { start: out[i].span.start, end: last.t === 'supsub' ? last.base!.span.end : out[j].span.end };
    const wordNode: KNode = { t: 'word', word, span: wordSpan };
    const node: KNode = last.t === 'supsub' ? { ...last, base: wordNode, span: { start: wordSpan.start, end: last.span.end } } : wordNode;
    out.splice(i, count, { k: 'node', node, span: node.span });
  }

  /**
   * A `\text{word}` standing alone between separators (`\cancel{\text{tuy}} \text{en}`)
   * is prose even when it looks like a name; a name is used in math (`\text{scores} = W x`).
   * So is an upright prose word (`\mathrm{and}`). Top level only: in a script, `\rm in` is a name.
   */
  private demoteLoneWords(): void {
    const out = this.out;
    const separates = (t: Tok | undefined): boolean =>
      t === undefined || t.k === 'prose' || t.k === 'punct' || t.k === 'quad' || t.k === 'row' || t.k === 'col';
    for (let i = 0; i < out.length; i++) {
      const t = out[i];
      if (t.k !== 'node') continue;
      if (t.node.t === 'text' && separates(out[i - 1]) && separates(out[i + 1])) {
        out[i] = { k: 'prose', text: t.node.content, span: t.span };
      } else if (t.node.t === 'font') {
        // \mathrm{and} between equations: a prose word set upright (in a subscript, `\rm in` stays a name).
        const info = nameOfNode(t.node);
        if (info?.word && isProseWord(info.name)) out[i] = { k: 'prose', text: info.name, span: t.span };
      }
    }
  }

  addAll(nodes: readonly KNode[]): Tok[] {
    for (const n of nodes) this.add(n);
    return this.mergeFunctionWords();
  }

  private addArray(rows: readonly (readonly KNode[])[]): void {
    rows.forEach((row, r) => {
      if (r > 0) this.out.push({ k: 'row', span: { start: row[0]?.span.start ?? 0, end: row[0]?.span.start ?? 0 } });
      row.forEach((cell, c) => {
        // Columns come in right/left pairs (`a &= b & c &= d`): an even column past the first starts an equation.
        if (c >= 2 && c % 2 === 0) this.out.push({ k: 'col', span: { start: cell.span.start, end: cell.span.start } });
        this.add(cell);
      });
    });
  }

  add(n: KNode): void {
    const out = this.out;
    switch (n.t) {
      case 'ord':
        return this.addOrd(n.text, n);
      case 'atom':
        return this.addAtom(n.family, n.text, n);
      case 'group':
        if (n.braced && n.body.length > 0) out.push({ k: 'node', node: n, span: n.span });
        else if (!n.braced) n.body.forEach((b) => this.add(b));
        return;
      case 'supsub':
        return this.addSupSub(n);
      case 'leftright': {
        const rightAt = this.src.lastIndexOf('\\right', n.span.end);
        const closeStart = rightAt >= n.span.start ? rightAt : n.span.end;
        const first = n.body[0]?.span.start ?? closeStart;
        this.addDelim(n.left, 'open', { start: n.span.start, end: Math.max(n.span.start, Math.min(first, closeStart)) });
        n.body.forEach((b) => this.add(b));
        this.addDelim(n.right, 'close', { start: closeStart, end: n.span.end });
        return;
      }
      case 'delim':
        return this.addDelim(n.delim, n.side, n.span);
      case 'space':
        if (n.wide) out.push({ k: 'quad', span: n.span });
        return;
      case 'break':
        out.push({ k: 'row', span: n.span });
        return;
      case 'text':
        if (textKind(n.content) === 'prose') out.push({ k: 'prose', text: n.content, span: n.span });
        else out.push({ k: 'node', node: n, span: n.span });
        return;
      case 'enclose':
        if (n.label === '\\fbox' || n.label === '\\boxed' || n.label === '\\colorbox' || n.label === '\\fcolorbox') return this.add(n.body);
        // A struck-out word is prose; a struck-out formula is read (the parser marks it).
        if (isProseOnly(n.body)) out.push({ k: 'prose', text: '', span: n.span });
        else out.push({ k: 'node', node: n, span: n.span });
        return;
      case 'other':
        if (n.type === 'horizBrace') return n.children.forEach((c) => this.add(c));
        out.push({ k: 'node', node: n, span: n.span });
        return;
      default:
        out.push({ k: 'node', node: n, span: n.span });
    }
  }

  private addOrd(text: string, n: KNode): void {
    const out = this.out;
    const last = out[out.length - 1];
    if (isDigit(text) || (text === '.' && last?.k === 'num' && !String(last.value).includes('.'))) {
      if (last?.k === 'num' && /^[0-9.]$/.test(text)) {
        const digits = this.src.slice(last.span.start, n.span.end).replace(/\s+/g, '');
        out[out.length - 1] = { k: 'num', value: Number(digits), span: { start: last.span.start, end: n.span.end } };
        return;
      }
      if (text !== '.') {
        out.push({ k: 'num', value: Number(text), span: n.span });
        return;
      }
    }
    if (BAR1.has(text)) out.push({ k: 'bar', bars: 1, span: n.span });
    else if (BAR2.has(text)) out.push({ k: 'bar', bars: 2, span: n.span });
    else if (text === '/') out.push({ k: 'bin', op: '/', text, span: n.span });
    else if (text === '.' || text === '!' || text === ';') out.push({ k: 'punct', text, span: n.span });
    else if (text === '\\forall') out.push({ k: 'prose', text: 'forall', span: n.span });
    else if (DOTS.has(text)) out.push({ k: 'dots', span: n.span });
    else out.push({ k: 'node', node: n, span: n.span });
  }

  private addAtom(family: string, text: string, n: KNode): void {
    const out = this.out;
    const span = n.span;
    if (family === 'bin') {
      out.push({ k: 'bin', op: BIN[text] ?? 'unknown', text, span });
      return;
    }
    if (family === 'rel') {
      if (text === '\\mid') {
        out.push({ k: 'given', span });
        return;
      }
      const rel = REL[text] ?? text;
      const last = out[out.length - 1];
      // `:=` is two atoms in KaTeX; `=:` likewise.
      if (rel === '=' && last?.k === 'rel' && last.rel === ':' && last.span.end === span.start) {
        out[out.length - 1] = { k: 'rel', rel: ':=', span: { start: last.span.start, end: span.end } };
        return;
      }
      out.push({ k: 'rel', rel, span });
      return;
    }
    if (family === 'open' || family === 'close') return this.addDelim(text, family, span);
    if (family === 'punct') {
      out.push({ k: 'punct', text, span });
      return;
    }
    if (DOTS.has(text)) {
      out.push({ k: 'dots', span });
      return;
    }
    out.push({ k: 'node', node: n, span });
  }

  private addDelim(delim: string, side: 'open' | 'close' | 'ord', span: Span, scripts?: { sup?: KNode; sub?: KNode; outer: Span }): void {
    if (delim === '.' || delim === '') {
      // \left. or \right.: an invisible delimiter, still a group boundary.
      this.out.push(side === 'close' ? { k: 'close', delim: '.', span, ...scripts } : { k: 'open', delim: '.', span });
      return;
    }
    if (BAR1.has(delim) || BAR2.has(delim)) {
      this.out.push({ k: 'bar', bars: BAR1.has(delim) ? 1 : 2, span, ...scripts });
      return;
    }
    const isOpen = side === 'open' || (side === 'ord' && OPEN.has(delim));
    if (isOpen && !scripts) this.out.push({ k: 'open', delim: canonicalDelim(delim), span });
    else this.out.push({ k: 'close', delim: canonicalDelim(delim), span, ...scripts });
  }

  private addSupSub(n: Extract<KNode, { t: 'supsub' }>): void {
    const base = n.base;
    const span = n.span;
    const scripts = { sup: n.sup, sub: n.sub, outer: { start: base?.span.start ?? span.start, end: span.end } };
    if (base?.t === 'atom' && (base.family === 'close' || BAR1.has(base.text) || BAR2.has(base.text))) {
      return this.addDelim(base.text, 'close', base.span, scripts);
    }
    if (base?.t === 'ord' && (BAR1.has(base.text) || BAR2.has(base.text))) {
      this.out.push({ k: 'bar', bars: BAR1.has(base.text) ? 1 : 2, span: base.span, ...scripts });
      return;
    }
    if (base?.t === 'delim') return this.addDelim(base.delim, 'close', base.span, scripts);
    if (base?.t === 'leftright') {
      const saved = this.out.length;
      this.add(base);
      const close = this.out[this.out.length - 1];
      if (this.out.length > saved && (close.k === 'close' || close.k === 'bar')) {
        this.out[this.out.length - 1] = { ...close, ...scripts, outer: { start: close.span.start, end: span.end } };
      }
      return;
    }
    if (base?.t === 'ord' && isDigit(base.text)) {
      // `10^2`: KaTeX puts the script on the last digit; the number is the base.
      this.addOrd(base.text, base);
      this.out.push({ k: 'scripts', span, sup: n.sup, sub: n.sub });
      return;
    }
    if (!base || (base.t === 'group' && base.body.length === 0)) {
      this.out.push({ k: 'scripts', span, sup: n.sup, sub: n.sub });
      return;
    }
    this.out.push({ k: 'node', node: n, span });
  }
}

function canonicalDelim(d: string): string {
  if (d === '\\lbrace') return '\\{';
  if (d === '\\rbrace') return '\\}';
  if (d === '\\lbrack') return '[';
  if (d === '\\rbrack') return ']';
  if (d === '\\lparen') return '(';
  if (d === '\\rparen') return ')';
  return d;
}

function isProseOnly(n: KNode): boolean {
  if (n.t === 'text') return true;
  if (n.t === 'group') return n.body.length > 0 && n.body.every(isProseOnly);
  return false;
}
