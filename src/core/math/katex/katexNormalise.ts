// Raw KaTeX nodes -> the normalised nodes of katexTree.ts.
//
// Normalising does what the interpreter should not have to care about:
//  - wrappers that carry no meaning for us (styling from \displaystyle or
//    \dfrac, \mathord-like mclass, macro-made groups) are spliced away;
//  - relations KaTeX builds out of several pieces (\neq, \coloneqq,
//    \overset{def}{=}, \stackrel{\text{def}}{=}, \mathrel{:}) become one
//    relation atom with a canonical spelling;
//  - only locations in the source itself are kept: a token from a macro
//    expansion is located in the expansion text, which would be a wrong span.
// Spans are filled in afterwards by spans.ts.

import type { Span } from '../expr/expr';
import type { RawNode } from './katexRaw';
import type { AtomFamily, KGroup, KNode } from './katexTree';

const NO_SPAN: Span = { start: -1, end: -1 };

/** Canonical spelling of relations KaTeX assembles from pieces, keyed by their MathML character. */
const MATHML_RELATIONS: Record<string, string> = {
  '≠': '\\neq',
  '≔': ':=',
  '≕': '=:',
  '∉': '\\notin',
  '≤': '\\leq',
  '≥': '\\geq',
};

/** Unicode typed straight into math (∂, ∇, σ, δ, ⊙, −) means what its LaTeX command means. */
const UNICODE_COMMANDS: Readonly<Record<string, string>> = {
  '∂': '\\partial', '∇': '\\nabla', '′': '\\prime', '−': '-', '⊙': '\\odot', '∘': '\\circ', '·': '\\cdot', '⋅': '\\cdot', '×': '\\times',
  'α': '\\alpha', 'β': '\\beta', 'γ': '\\gamma', 'δ': '\\delta', 'ε': '\\epsilon', 'η': '\\eta', 'θ': '\\theta', 'λ': '\\lambda',
  'μ': '\\mu', 'π': '\\pi', 'σ': '\\sigma', 'τ': '\\tau', 'φ': '\\phi', 'ϕ': '\\phi', 'ω': '\\omega', 'Δ': '\\Delta', 'Ω': '\\Omega', 'ℓ': '\\ell',
};

function commandOf(text: string): string {
  return UNICODE_COMMANDS[text] ?? text;
}

function list(x: RawNode['body']): readonly RawNode[] {
  if (x === undefined) return [];
  if (Array.isArray(x)) return x as readonly RawNode[];
  return [x as RawNode];
}

function mathmlText(nodes: readonly RawNode[] | undefined): string {
  let s = '';
  for (const n of nodes ?? []) {
    if (typeof n.text === 'string') s += n.text;
    s += mathmlText(list(n.body));
  }
  return s;
}

/** The text of a plain run of letters (operatorname, \mathrm{def}, \text{def}). */
export function lettersOf(nodes: readonly RawNode[]): string | undefined {
  let s = '';
  for (const n of nodes) {
    if ((n.type === 'mathord' || n.type === 'textord') && typeof n.text === 'string') s += n.text;
    else if (n.type === 'kern' || n.type === 'spacing') continue;
    else if (n.type === 'ordgroup' || n.type === 'text' || n.type === 'styling') {
      const inner = lettersOf(list(n.body));
      if (inner === undefined) return undefined;
      s += inner;
    } else if (n.type === 'font' && n.body && !Array.isArray(n.body)) {
      const inner = lettersOf([n.body as RawNode]);
      if (inner === undefined) return undefined;
      s += inner;
    } else return undefined;
  }
  return s;
}

/** `\overset{def}{=}`-style relations: a relation with something stacked over it. */
function stackedRelation(raw: RawNode): string | undefined {
  const body = list(raw.body);
  if (body.length !== 1 || body[0].type !== 'supsub') return undefined;
  const ss = body[0];
  const base = ss.base;
  if (!base || base.type !== 'op') return undefined;
  const inner = list(base.body);
  if (inner.length !== 1 || inner[0].type !== 'atom' || inner[0].text !== '=') return undefined;
  const over = ss.sup ? lettersOf([ss.sup]) : undefined;
  if (over === 'def' || over === 'd' || over === 'Δ' || over === '\\Delta' || over === '\\triangle') return '\\overset{def}{=}';
  return undefined;
}

export class Normaliser {
  constructor(private readonly src: string) {}

  private valid(raw: RawNode): Span | undefined {
    const loc = raw.loc;
    if (!loc || loc.lexer.input !== this.src) return undefined;
    let { start, end } = loc;
    // Control words' locations include the space after them.
    while (end > start && isSpaceCode(this.src.charCodeAt(end - 1))) end--;
    return { start, end };
  }

  list(raws: readonly RawNode[]): KNode[] {
    const out: KNode[] = [];
    for (const r of raws) this.into(r, out);
    return out;
  }

  /** One node for a slot that must hold exactly one (a script, a fraction part). */
  one(raw: RawNode): KNode {
    const nodes = this.list([raw]);
    if (nodes.length === 1) return nodes[0];
    return { t: 'group', body: nodes, braced: false, span: NO_SPAN };
  }

  private into(raw: RawNode, out: KNode[]): void {
    const own = this.valid(raw);
    switch (raw.type) {
      case 'mathord':
      case 'textord':
        out.push({ t: 'ord', text: commandOf(raw.text ?? ''), span: NO_SPAN, anchor: own });
        return;
      case 'atom':
        out.push({ t: 'atom', family: (raw.family ?? 'inner') as AtomFamily, text: commandOf(raw.text ?? ''), span: NO_SPAN, anchor: own });
        return;
      case 'ordgroup':
        // A group the author braced has a location; KaTeX's own groups (array cells, macro bodies) are spliced.
        if (own) out.push({ t: 'group', body: this.list(list(raw.body)), braced: true, span: NO_SPAN, anchor: own });
        else for (const r of list(raw.body)) this.into(r, out);
        return;
      case 'styling':
      case 'sizing':
      case 'color': // \color{red}{..}, \textcolor{red}{..}: the colour says nothing about the value
      case 'tag': // \tag{3}: the formula without its number
        for (const r of list(raw.body)) this.into(r, out);
        return;
      case 'mclass': {
        if (raw.mclass === 'mrel') {
          const stacked = stackedRelation(raw);
          if (stacked) {
            out.push({ t: 'atom', family: 'rel', text: stacked, span: NO_SPAN, args: anchorOfRaw(this, list(raw.body)) });
            return;
          }
          const body = list(raw.body);
          if (body.length === 1 && body[0].type === 'atom') {
            out.push({ t: 'atom', family: 'rel', text: body[0].text ?? '', span: NO_SPAN, anchor: this.valid(body[0]) });
            return;
          }
        }
        for (const r of list(raw.body)) this.into(r, out);
        return;
      }
      case 'htmlmathml': {
        const rel = MATHML_RELATIONS[mathmlText(raw.mathml)];
        if (rel) out.push({ t: 'atom', family: 'rel', text: rel, span: NO_SPAN });
        else for (const r of raw.html ?? []) this.into(r, out);
        return;
      }
      case 'supsub':
        if (raw.base?.type === 'horizBrace') {
          // \underbrace{x}_{label}, \overbrace{x}^{label}: the label is commentary.
          this.into(raw.base, out);
          return;
        }
        if (isStackedSymbol(raw)) {
          // \underset{note}{X}, \overset{note}{X} on a symbol: X is what counts, the note is commentary.
          for (const r of list(raw.base!.body)) this.into(r, out);
          return;
        }
        out.push({
          t: 'supsub',
          base: raw.base ? this.one(raw.base) : undefined,
          sup: raw.sup ? this.one(raw.sup) : undefined,
          sub: raw.sub ? this.one(raw.sub) : undefined,
          span: NO_SPAN,
        });
        return;
      case 'genfrac':
        out.push({ t: 'frac', numer: this.one(raw.numer!), denom: this.one(raw.denom!), bar: raw.hasBarLine !== false, span: NO_SPAN });
        return;
      case 'op':
        if (raw.name) out.push({ t: 'op', name: raw.name, span: NO_SPAN, anchor: own });
        else out.push({ t: 'other', type: 'op', children: this.list(list(raw.body)), span: NO_SPAN });
        return;
      case 'operatorname': {
        const word = lettersOf(list(raw.body));
        if (word !== undefined) out.push({ t: 'word', word, span: NO_SPAN, args: anchorOfRaw(this, list(raw.body)) });
        else out.push({ t: 'other', type: 'operatorname', children: this.list(list(raw.body)), span: NO_SPAN });
        return;
      }
      case 'leftright':
        out.push({ t: 'leftright', left: raw.left ?? '.', right: raw.right ?? '.', body: this.list(list(raw.body)), span: NO_SPAN });
        return;
      case 'delimsizing':
        out.push({
          t: 'delim',
          delim: raw.delim ?? '.',
          side: raw.mclass === 'mopen' ? 'open' : raw.mclass === 'mclose' ? 'close' : 'ord',
          span: NO_SPAN,
        });
        return;
      case 'font':
        out.push({ t: 'font', font: raw.font ?? '', body: this.one(raw.body as RawNode), span: NO_SPAN });
        return;
      case 'accent':
        out.push({ t: 'accent', label: raw.label ?? '', base: this.one(raw.base!), span: NO_SPAN });
        return;
      case 'text':
        out.push({ t: 'text', content: '', span: NO_SPAN, args: anchorOfRaw(this, list(raw.body)) });
        return;
      case 'enclose':
        out.push({ t: 'enclose', label: raw.label ?? '', body: this.one(raw.body as RawNode), span: NO_SPAN });
        return;
      case 'array': {
        const rows = (raw.body as readonly (readonly RawNode[])[]).map((row) =>
          row.map((cell): KGroup => ({ t: 'group', body: this.list([cell]), braced: false, span: NO_SPAN })),
        );
        out.push({ t: 'array', rows, separation: raw.colSeparationType, span: NO_SPAN });
        return;
      }
      case 'kern':
        out.push({ t: 'space', wide: isWide(raw), span: NO_SPAN });
        return;
      case 'spacing':
        out.push({ t: 'space', wide: false, span: NO_SPAN, anchor: own });
        return;
      case 'cr':
        out.push({ t: 'break', span: NO_SPAN });
        return;
      case 'horizBrace':
        // \underbrace{x}_{note}: the note is commentary, x is what counts.
        out.push({ t: 'other', type: 'horizBrace', children: raw.base ? [this.one(raw.base)] : [], span: NO_SPAN });
        return;
      default:
        out.push({ t: 'other', type: raw.type, children: this.list(rawChildren(raw)), span: NO_SPAN, anchor: own });
    }
  }

  validOf(raw: RawNode): Span | undefined {
    return this.valid(raw);
  }
}

/** `\underset{..}{X}` / `\overset{..}{X}` around a non-relation: KaTeX's nameless limits op. */
function isStackedSymbol(raw: RawNode): boolean {
  const base = raw.base;
  return base?.type === 'op' && !base.name && (base as { suppressBaseShift?: boolean }).suppressBaseShift === true && list(base.body).length > 0;
}

const isSpaceCode = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

function isWide(raw: RawNode): boolean {
  const d = raw.dimension;
  if (!d) return false;
  return (d.unit === 'em' && d.number >= 1) || (d.unit === 'mu' && d.number >= 18);
}

function rawChildren(raw: RawNode): RawNode[] {
  const out: RawNode[] = [];
  for (const k of ['base', 'sup', 'sub', 'numer', 'denom'] as const) {
    const v = raw[k];
    if (v) out.push(v);
  }
  const b = raw.body;
  if (Array.isArray(b)) {
    for (const x of b as readonly unknown[]) {
      if (Array.isArray(x)) out.push(...(x as RawNode[]));
      else out.push(x as RawNode);
    }
  } else if (b) out.push(b as RawNode);
  return out;
}

/** Union of the valid locations in a raw subtree (used for nodes we collapse). */
function anchorOfRaw(n: Normaliser, raws: readonly RawNode[]): Span | undefined {
  let start = Infinity;
  let end = -Infinity;
  const visit = (r: RawNode): void => {
    const v = n.validOf(r);
    if (v) {
      start = Math.min(start, v.start);
      end = Math.max(end, v.end);
      return;
    }
    for (const c of rawChildren(r)) visit(c);
  };
  raws.forEach(visit);
  return start === Infinity ? undefined : { start, end };
}
