// Edits of structure: transposes, the order of factors and of an outer
// product, layer superscripts, free indices.
import type { Expr, Span, Sym } from '../../math';
import { displayName } from '../conventions';
import { walk } from '../walk';
import { constantOf, isProduct, text, transposeMark, type Candidate, type CandidateSource } from './candidate';
import { isSymbol, replace, transposed, unwrapParens, type TextEdit } from './textEdit';

/** Factors of products that can be transposed: symbols, gradients, parenthesised groups. */
function matrixFactors(src: CandidateSource): Expr[] {
  const out: Expr[] = [];
  walk(src.rhs, (node) => {
    if (!isProduct(node)) return;
    for (const f of [node.left, node.right]) {
      if (f.kind === 'sym' || f.kind === 'derivative' || (f.kind !== 'transpose' && f.kind !== 'num' && unwrapParens(text(src, f)) !== undefined)) out.push(f);
    }
  });
  return out;
}

export function transposes(src: CandidateSource): Candidate[] {
  const mark = transposeMark(src.source);
  const out: Candidate[] = [];
  walk(src.rhs, (node) => {
    if (node.kind !== 'transpose') return;
    const written = text(src, node);
    const script = /\^\s*(\{\s*\\top\s*\}|\{\s*T\s*\}|\\top|T)\s*$/.exec(written);
    if (!script) return;
    const inner = written.slice(0, script.index);
    const bare = unwrapParens(inner);
    const whole = node === src.rhs;
    const kept = bare !== undefined && (whole || isSymbol(bare)) ? bare : inner;
    out.push({ kind: whole ? 'transposed' : 'transpose-extra', edits: [replace(node.span, kept)], advice: whole ? 'drop the outer transpose' : `drop the transpose on ${bare ?? inner}`, screen: true });
  });
  for (const f of matrixFactors(src)) {
    const t = text(src, f);
    // `\left(h\right)` reads as h: the transpose goes on the author's parentheses, `\left(h\right)^T`.
    const span = parenthesised(src.source, f.span) ?? f.span;
    const written = src.source.slice(span.start, span.end);
    out.push({ kind: 'transpose-missing', edits: [replace(span, transposed(written, mark))], advice: `transpose ${unwrapParens(t) ?? t}`, screen: true });
  }
  if (src.rhs.kind !== 'transpose') {
    const whole = text(src, src.rhs);
    out.push({ kind: 'transposed', edits: [replace(src.rhs.span, transposed(whole, mark))], advice: 'transpose the right side', screen: true });
  }
  return out;
}

/** The span grown to the parentheses directly around it, when there are some. */
function parenthesised(source: string, span: Span): Span | undefined {
  const before = source.slice(0, span.start);
  const after = source.slice(span.end);
  const open = /(\\left\s*\(|\()\s*$/.exec(before);
  const close = /^\s*(\\right\s*\)|\))/.exec(after);
  if (!open || !close || open[1].startsWith('\\') !== close[1].startsWith('\\')) return undefined;
  return { start: span.start - open[0].length, end: span.end + close[0].length };
}

/** (A Bᵀ)ᵀ = B Aᵀ: an outer product written the wrong way round, including `h^1 (\delta^2)^T`, which reads as h¹ applied to δ². */
export function outerProducts(src: CandidateSource): Candidate[] {
  const mark = transposeMark(src.source);
  const out: Candidate[] = [];
  const argText = (e: Expr) => {
    const t = text(src, e);
    return unwrapParens(t) ?? t;
  };
  const flipped = (left: Expr, right: Expr, gap: string) => `${argText(right)}${gap}${left.kind === 'transpose' ? argText(left.arg) : transposed(text(src, left), mark)}`;
  walk(src.rhs, (node) => {
    if (isProduct(node) && node.right.kind === 'transpose') {
      const gap = src.source.slice(node.left.span.end, node.right.span.start) || ' ';
      out.push({ kind: 'outer-product-order', edits: [replace(node.span, flipped(node.left, node.right.arg, gap))], advice: 'swap the factors of the outer product', screen: true });
    }
    if (node.kind === 'transpose' && node.arg.kind === 'call' && node.arg.args.length === 1 && node.arg.given.length === 0 && node.arg.fn.primes === 0 && node.arg.fn.layer) {
      const fn = node.arg.fn;
      const gap = src.source.slice(fn.span.end, node.arg.args[0].span.start).replace(/[()]|\\left|\\right/g, '') || ' ';
      out.push({ kind: 'outer-product-order', edits: [replace(node.span, flipped(fn, node.arg.args[0], gap))], advice: 'swap the factors of the outer product', screen: true });
    }
  });
  return out;
}

export function factorOrders(src: CandidateSource): Candidate[] {
  const out: Candidate[] = [];
  walk(src.rhs, (node) => {
    if (!isProduct(node) || constantOf(node.left) !== undefined || constantOf(node.right) !== undefined) return;
    const gap = src.source.slice(node.left.span.end, node.right.span.start) || ' ';
    out.push({ kind: 'factor-order', edits: [replace(node.span, `${text(src, node.right)}${gap}${text(src, node.left)}`)], advice: `write ${text(src, node.right)} before ${text(src, node.left)}`, screen: true });
  });
  return out;
}

/** `l` → `l+1`/`l-1`, `l+1` → `l`/`l+2`, `2` → `3`/`1`. */
function shiftedLayer(layer: Expr, by: number): string | undefined {
  const offset = (name: string, k: number) => (k === 0 ? name : k > 0 ? `${name}+${k}` : `${name}-${-k}`);
  if (layer.kind === 'num') return layer.value + by >= 0 ? String(layer.value + by) : undefined;
  if (layer.kind === 'sym' && layer.indices.length === 0) return offset(layer.name, by);
  if (layer.kind === 'binary' && (layer.op === '+' || layer.op === '-') && layer.left.kind === 'sym' && layer.right.kind === 'num') {
    return offset(layer.left.name, (layer.op === '+' ? layer.right.value : -layer.right.value) + by);
  }
  return undefined;
}

export function layerShifts(src: CandidateSource): Candidate[] {
  const out: Candidate[] = [];
  const visit = (sym: Sym, insidePrime: boolean) => {
    const layer = sym.layer;
    if (!layer) return;
    for (const by of [-1, 1]) {
      const shifted = shiftedLayer(layer, by);
      if (shifted === undefined) continue;
      const before = src.source.slice(0, layer.span.start).trimEnd();
      const braced = before.endsWith('^') && shifted.length > 1 ? `{${shifted}}` : shifted;
      const which = by > 0 ? 'higher' : 'lower';
      out.push({
        kind: insidePrime ? 'activation-derivative-layer' : 'layer-index',
        edits: [replace(layer.span, braced)],
        advice: `the layer of ${displayName(sym)} should be one ${which} (${shifted}, not ${text(src, layer)})`,
        screen: true,
      });
    }
  };
  const go = (e: Expr, insidePrime: boolean) =>
    walk(e, (node) => {
      if (node.kind === 'call') {
        visit(node.fn, false);
        const prime = insidePrime || node.fn.primes > 0;
        for (const a of [...node.args, ...node.given]) go(a, prime);
        return false;
      }
      if (node.kind === 'sym') visit(node, insidePrime);
    });
  go(src.rhs, false);
  return out;
}

export function indexSwaps(src: CandidateSource): Candidate[] {
  const out: Candidate[] = [];
  const free = src.freeIndices;
  for (let i = 0; i < free.length; i++) {
    for (let j = i + 1; j < free.length; j++) {
      const [a, b] = [free[i], free[j]];
      const edits: TextEdit[] = [];
      walk(src.rhs, (node) => {
        if (node.kind !== 'sym') return;
        for (const index of node.indices) {
          walk(index, (x) => {
            if (x.kind === 'sym' && x.indices.length === 0 && !x.layer && (x.name === a || x.name === b)) edits.push(replace(x.span, x.name === a ? b : a));
          });
        }
      });
      if (edits.length > 0) out.push({ kind: 'indices-swapped', edits, advice: `exchange ${a} and ${b}`, screen: true });
    }
  }
  return out;
}
