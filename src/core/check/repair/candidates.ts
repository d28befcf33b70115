// The bounded space of small, typical edits of a claim's right side. Each
// candidate is a text edit of the author's source at the spans the parser
// recorded, with the advice a student reads. Nothing here decides whether
// a candidate is right: search.ts re-parses and re-evaluates every one.
import type { Expr, Sym } from '../../math';
import { displayName } from '../conventions';
import { walk } from '../walk';
import type { DiagnosisKind, RepairKind } from '../report';
import { insert, isSymbol, replace, transposed, unwrapParens, type TextEdit } from './textEdit';

export interface Candidate {
  readonly kind: RepairKind;
  readonly edits: readonly TextEdit[];
  /** What to change, in words: "transpose W^2", "drop the 2". */
  readonly advice: string;
  /** False when the edit restricts the claim (an added condition): the worst case may then drop out, so it is not screened there. */
  readonly screen: boolean;
}

/** What the generators read besides the tree: the formula's source and hints from the numbers. */
export interface CandidateSource {
  /** The formula's LaTeX; every span of `rhs` indexes it. */
  readonly source: string;
  readonly rhs: Expr;
  /** Layer texts the claim uses (`l`, `l+1`, `2`), both sides, for a σ′ that is missing. */
  readonly layerTexts: readonly string[];
  readonly freeIndices: readonly string[];
  /** The numbers say: left = k × right (k not 1). */
  readonly ratio?: number;
  /** Layers k (as text) where left = right ⊙ σ′(z^k) at the worst case. */
  readonly missingPrimeLayers: readonly string[];
  /** Names the environment knows, to try the label against the probability. */
  readonly knows: (name: string) => boolean;
  /** Clean splits of the index space where the claim holds: LaTeX conditions with their wording. */
  readonly splits: readonly { readonly latex: string; readonly describe: string }[];
}

const text = (src: CandidateSource, e: Expr) => src.source.slice(e.span.start, e.span.end);
const isProduct = (e: Expr): e is Extract<Expr, { kind: 'binary' }> => e.kind === 'binary' && (e.op === 'juxt' || e.op === 'cdot' || e.op === 'times');

/** The author's transpose spelling in this formula: `T`, `{T}`, `\top`, `{\top}`. */
export function transposeMark(source: string): string {
  const m = /\^\s*(\{\s*\\top\s*\}|\{\s*T\s*\}|\\top|T)(?![A-Za-z])/.exec(source);
  return m ? m[1].replace(/\s+/g, '') : 'T';
}

/** Top-level terms of a sum: each with the span of the `+`/`-` before it (none for the first). */
interface Term {
  readonly expr: Expr;
  readonly op?: { readonly start: number; readonly char: '+' | '-' };
}

function terms(src: CandidateSource, e: Expr): Term[] {
  if (e.kind === 'binary' && (e.op === '+' || e.op === '-')) {
    const left = terms(src, e.left);
    const gap = src.source.slice(e.left.span.end, e.right.span.start);
    const at = Math.max(gap.lastIndexOf('+'), gap.lastIndexOf('-'));
    if (at < 0) return [...left, { expr: e.right }];
    return [...left, { expr: e.right, op: { start: e.left.span.end + at, char: gap[at] as '+' | '-' } }];
  }
  return [{ expr: e }];
}

/** The edit that flips the sign of one term. */
function flipTerm(src: CandidateSource, term: Term): TextEdit | undefined {
  if (term.op) return { start: term.op.start, end: term.op.start + 1, text: term.op.char === '+' ? '-' : '+' };
  const e = term.expr;
  if (e.kind === 'neg') return { start: e.span.start, end: e.arg.span.start, text: '' };
  return insert(e.span.start, '-');
}

function negations(src: CandidateSource): Candidate[] {
  const rhs = src.rhs;
  const all = terms(src, rhs);
  const out: Candidate[] = [];
  const advice = 'negate the right side';
  if (rhs.kind === 'neg') {
    // From the side's own text, not the argument's span: a call's span can start at its parenthesis.
    const inner = text(src, rhs).replace(/^-\s*/, '');
    out.push({ kind: 'sign', edits: [replace(rhs.span, unwrapParens(inner) ?? inner)], advice: 'drop the leading minus', screen: true });
  }
  if (all.length === 2 && all[1].op?.char === '-' && all[0].expr.kind !== 'neg') {
    const [a, b] = all;
    const gap = src.source.slice(a.expr.span.end, b.expr.span.start);
    out.push({ kind: 'sign', edits: [replace(rhs.span, `${text(src, b.expr)}${gap}${text(src, a.expr)}`)], advice: 'swap the two sides of the minus', screen: true });
  }
  if (all.length > 1) {
    const flips = all.map((t) => flipTerm(src, t));
    if (flips.every((f) => f !== undefined)) out.push({ kind: 'sign', edits: flips as TextEdit[], advice, screen: true });
  }
  if (rhs.kind !== 'neg') {
    const whole = text(src, rhs);
    out.push({ kind: 'sign', edits: [replace(rhs.span, all.length > 1 ? `-\\left(${whole}\\right)` : `-${whole}`)], advice, screen: true });
  }
  return out;
}

function termSigns(src: CandidateSource): Candidate[] {
  const all = terms(src, src.rhs);
  if (all.length < 2) return [];
  return all.flatMap((t) => {
    const edit = flipTerm(src, t);
    if (!edit) return [];
    const term = text(src, t.expr);
    const advice = t.op ? `write ${t.op.char === '+' ? '−' : '+'} instead of ${t.op.char === '+' ? '+' : '−'} before ${term}` : t.expr.kind === 'neg' ? `drop the minus before ${text(src, t.expr.arg)}` : `put a minus before ${term}`;
    return [{ kind: 'term-sign' as const, edits: [edit], advice, screen: true }];
  });
}

/** A number, or \frac{p}{q} of numbers. */
function constantOf(e: Expr): number | undefined {
  if (e.kind === 'num') return e.value;
  if (e.kind === 'neg') {
    const c = constantOf(e.arg);
    return c === undefined ? undefined : -c;
  }
  if (e.kind === 'binary' && e.op === '/' && e.left.kind === 'num' && e.right.kind === 'num') return e.left.value / e.right.value;
  return undefined;
}

function times(k: number): string {
  if (k === 2) return 'twice';
  if (k === 0.5) return 'half';
  const r = rational(k);
  return r ? `${r[1] === 1 ? r[0] : `${r[0]}/${r[1]}`} times` : `${k.toPrecision(3)} times`;
}

/** k as p/q with small p, q; undefined when it is not one. */
export function rational(k: number): [number, number] | undefined {
  for (let q = 1; q <= 12; q++) {
    const p = Math.round(k * q);
    if (p !== 0 && Math.abs(p) <= 24 && Math.abs(k * q - p) < 1e-6 * q) return [p, q];
  }
  return undefined;
}

function constantFactors(src: CandidateSource): Candidate[] {
  const out: Candidate[] = [];
  const rhs = src.rhs;
  walk(rhs, (node) => {
    if (node.kind !== 'binary') return;
    const whole = node === rhs || terms(src, rhs).length === 1;
    const subject = whole ? 'the right side is' : 'one term is';
    if (isProduct(node)) {
      for (const [factor, other] of [
        [node.left, node.right],
        [node.right, node.left],
      ] as const) {
        const c = constantOf(factor);
        if (c === undefined || c === 1 || c === -1) continue;
        const rest = text(src, other);
        const kept = node === rhs ? (unwrapParens(rest) ?? rest) : rest;
        // -2 x: the factor 2 goes, the minus stays.
        const [edit, dropped] = c < 0 ? [`-${kept}`, String(-c)] : [kept, text(src, factor)];
        out.push({ kind: 'constant-factor', edits: [replace(node.span, edit)], advice: `${subject} ${times(Math.abs(c))} the true value: drop the ${dropped}`, screen: true });
      }
    }
    if (node.op === '/' && constantOf(node) === undefined) {
      const c = constantOf(node.right);
      if (c !== undefined && c !== 0 && c !== 1) {
        const rest = text(src, node.left);
        out.push({ kind: 'constant-factor', edits: [replace(node.span, node === rhs ? (unwrapParens(rest) ?? rest) : rest)], advice: `${subject} ${times(1 / c)} the true value: drop the division by ${text(src, node.right)}`, screen: true });
      }
    }
  });
  const r = src.ratio === undefined ? undefined : rational(src.ratio);
  if (r && !(r[0] === r[1]) && !(r[0] === -r[1])) {
    const whole = text(src, rhs);
    const factor = r[1] === 1 ? String(r[0]) : `${r[0] < 0 ? '-' : ''}\\frac{${Math.abs(r[0])}}{${r[1]}}`;
    const body = terms(src, rhs).length > 1 || rhs.kind === 'neg' ? `\\left(${whole}\\right)` : whole;
    const word = r[1] === 1 ? `multiply it by ${r[0]}` : r[0] === 1 ? `divide it by ${r[1]}` : `multiply it by ${r[0]}/${r[1]}`;
    out.push({ kind: 'constant-factor', edits: [replace(rhs.span, `${factor} ${body}`)], advice: `the right side is ${times(r[1] / r[0])} the true value: ${word}`, screen: true });
  }
  return out;
}

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

function transposes(src: CandidateSource): Candidate[] {
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
    out.push({ kind: 'transpose-missing', edits: [replace(f.span, transposed(t, mark))], advice: `transpose ${unwrapParens(t) ?? t}`, screen: true });
  }
  if (src.rhs.kind !== 'transpose') {
    const whole = text(src, src.rhs);
    out.push({ kind: 'transposed', edits: [replace(src.rhs.span, transposed(whole, mark))], advice: 'transpose the right side', screen: true });
  }
  return out;
}

/** (A Bᵀ)ᵀ = B Aᵀ: an outer product written the wrong way round, including `h^1 (\delta^2)^T`, which reads as h¹ applied to δ². */
function outerProducts(src: CandidateSource): Candidate[] {
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

function factorOrders(src: CandidateSource): Candidate[] {
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

function layerShifts(src: CandidateSource): Candidate[] {
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

function indexSwaps(src: CandidateSource): Candidate[] {
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

const isPrimeFactor = (e: Expr) => (e.kind === 'call' && e.fn.primes > 0) || e.kind === 'indicator';

function activationDerivatives(src: CandidateSource): Candidate[] {
  const out: Candidate[] = [];
  walk(src.rhs, (node) => {
    if (node.kind !== 'binary' || node.op !== 'odot') return;
    for (const [factor, other] of [
      [node.right, node.left],
      [node.left, node.right],
    ] as const) {
      if (!isPrimeFactor(factor)) continue;
      const rest = text(src, other);
      out.push({ kind: 'activation-derivative-extra', edits: [replace(node.span, node === src.rhs ? (unwrapParens(rest) ?? rest) : rest)], advice: `drop the factor ${text(src, factor)}`, screen: true });
    }
  });
  let prime = "\\sigma'";
  walk(src.rhs, (node) => {
    if (node.kind === 'call' && node.fn.primes > 0) prime = text(src, node.fn);
  });
  const parenthesised = /\^\{?\(/.test(src.source);
  const whole = text(src, src.rhs);
  const body = terms(src, src.rhs).length > 1 ? `\\left(${whole}\\right)` : whole;
  for (const k of [...new Set([...src.missingPrimeLayers, ...src.layerTexts])]) {
    const layer = parenthesised ? `{(${k})}` : k.length > 1 ? `{${k}}` : k;
    out.push({ kind: 'activation-derivative-missing', edits: [replace(src.rhs.span, `${body} \\odot ${prime}(z^${layer})`)], advice: `multiply by ${prime}(z^${layer}) elementwise`, screen: true });
  }
  return out;
}

const PROBABILITIES = ['p', '\\hat{y}'];

function labelProbability(src: CandidateSource): Candidate[] {
  const out: Candidate[] = [];
  const probabilities = PROBABILITIES.filter((p) => src.knows(p));
  walk(src.rhs, (node) => {
    const original = text(src, node);
    if ((node.kind === 'sym' && node.name === 'y' && !node.layer) || (node.kind === 'call' && /onehot/.test(node.fn.name))) {
      const indices = node.kind === 'sym' && node.indices.length > 0 ? original.slice(original.indexOf('_')) : '';
      for (const p of probabilities) out.push({ kind: 'label-probability', edits: [replace(node.span, `${p}${indices}`)], advice: `write the probability ${p}${indices} where the label ${original} stands`, screen: true });
      return false;
    }
    if (node.kind === 'sym' && PROBABILITIES.includes(node.name) && !node.layer) {
      const indices = node.indices.length > 0 ? original.slice(original.indexOf('_')) : '';
      out.push({ kind: 'label-probability', edits: [replace(node.span, indices ? `y${indices}` : '\\mathrm{onehot}(y)')], advice: `write the one-hot label where the probability ${original} stands`, screen: true });
    }
  });
  return out;
}

const ACTIVATIONS = ['o', 'a', 'h'];

function gradientTargets(src: CandidateSource): Candidate[] {
  const out: Candidate[] = [];
  walk(src.rhs, (node) => {
    if (node.kind !== 'derivative' || node.wrt.kind !== 'sym' || !node.wrt.layer) return;
    const wrt = node.wrt;
    const written = text(src, wrt);
    if (!written.startsWith(wrt.name)) return;
    const alternatives = wrt.name === 'z' ? ACTIVATIONS.filter((a) => src.knows(a)) : ACTIVATIONS.includes(wrt.name) ? ['z'] : [];
    for (const other of alternatives) {
      out.push({
        kind: 'gradient-wrt',
        edits: [{ start: wrt.span.start, end: wrt.span.start + wrt.name.length, text: other }],
        advice: `differentiate with respect to ${other}, not ${wrt.name}${other === 'z' ? ' (δ is the gradient with respect to z)' : ''}`,
        screen: true,
      });
    }
  });
  return out;
}

function restrictions(src: CandidateSource): Candidate[] {
  return src.splits.map((s) => ({ kind: 'partial-range' as const, edits: [insert(src.rhs.span.end, `, \\quad ${s.latex}`)], advice: `state the condition ${s.latex}`, screen: false }));
}

const GENERATORS = [negations, termSigns, constantFactors, transposes, outerProducts, indexSwaps, layerShifts, activationDerivatives, factorOrders, labelProbability, gradientTargets, restrictions];

/** Every candidate edit of the right side, unordered and unverified. */
export function candidates(src: CandidateSource): Candidate[] {
  return GENERATORS.flatMap((generate) => generate(src));
}
