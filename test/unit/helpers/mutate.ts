// Mechanical corruptions of a claim's right-hand side (LaTeX source text), for
// the checker's mutation test. Every rule is fixed here, before any result is
// seen, and is purely textual: it never asks the checker what the text means.
//
//   negate          `-\left(` rhs `\right)`                                       always applies
//   flip-sign       the first top-level `+`/`-` of the rhs: a leading unary `-` is
//                   deleted, a leading `+` becomes `-`, a binary `+` ↔ `-`          when the rhs has one
//   drop-transpose  delete one `^T`, `^{T}`, `^\top`, `^{\top}` (one mutant each)   when the rhs has one
//   shift-layer     the first layer superscript moves by one (see shiftLayer)      when the rhs has one
//   scale-by-2      `2 \left(` rhs `\right)`                                        always applies
//   swap-indices    the first two distinct free subscript indices trade places     when the rhs has two
//                   in every index subscript (see swapIndices)
//
// "Top level" means outside every `{}`, `()`, `[]` group and outside sub- and
// superscripts.

export type Operator = 'negate' | 'flip-sign' | 'drop-transpose' | 'shift-layer' | 'scale-by-2' | 'swap-indices';

export const OPERATORS: readonly Operator[] = ['negate', 'flip-sign', 'drop-transpose', 'shift-layer', 'scale-by-2', 'swap-indices'];

export interface Mutation {
  readonly operator: Operator;
  /** The mutated right-hand side. */
  readonly rhs: string;
  /** What changed, for the printed tables: "^{l} → ^{l+1}". */
  readonly change: string;
}

/** Every applicable mutation of one right-hand side; `depth` is the network's number of layers L (for numeric layer superscripts). */
export function mutations(rhs: string, depth: number): Mutation[] {
  const out: Mutation[] = [];
  out.push({ operator: 'negate', rhs: `-\\left(${rhs}\\right)`, change: 'rhs → -(rhs)' });
  const flip = flipSign(rhs);
  if (flip) out.push({ operator: 'flip-sign', ...flip });
  out.push(...dropTransposes(rhs).map((m) => ({ operator: 'drop-transpose' as const, ...m })));
  const shift = shiftLayer(rhs, depth);
  if (shift) out.push({ operator: 'shift-layer', ...shift });
  out.push({ operator: 'scale-by-2', rhs: `2 \\left(${rhs}\\right)`, change: 'rhs → 2(rhs)' });
  const swap = swapIndices(rhs);
  if (swap) out.push({ operator: 'swap-indices', ...swap });
  return out;
}

interface Edit {
  readonly rhs: string;
  readonly change: string;
}

// ---------------------------------------------------------------- scanning

interface Token {
  readonly start: number;
  readonly end: number;
  /** Nesting of `{}`, `()`, `[]` before this token. */
  readonly depth: number;
  /** Inside the argument of a sub- or superscript. */
  readonly inScript: boolean;
  /** 'command' (`\name` or `\x`), 'script' (`^`/`_` with the argument that follows), 'char'. */
  readonly kind: 'command' | 'script' | 'char';
  readonly text: string;
}

/** The end of one TeX argument starting at `i` (after spaces): a `{…}` group, a command, or one character. */
function argumentEnd(s: string, i: number): number {
  while (s[i] === ' ') i++;
  if (s[i] === '{') {
    let depth = 0;
    for (let j = i; j < s.length; j++) {
      if (s[j] === '\\') {
        j++;
        continue;
      }
      if (s[j] === '{') depth++;
      if (s[j] === '}' && --depth === 0) return j + 1;
    }
    return s.length;
  }
  if (s[i] === '\\') return commandEnd(s, i);
  return Math.min(i + 1, s.length);
}

function commandEnd(s: string, i: number): number {
  let j = i + 1;
  if (j < s.length && /[A-Za-z]/.test(s[j])) {
    while (j < s.length && /[A-Za-z]/.test(s[j])) j++;
    return j;
  }
  return Math.min(j + 1, s.length);
}

/**
 * A flat token list in text order. A script token spans `^`/`_` and its whole
 * argument; the tokens of a braced argument follow it, one level deeper and
 * marked `inScript`, so that `e^{\alpha_a}` shows the subscript `_a` and
 * `\nabla_{W^{(1)}}` the superscript `^{(1)}`.
 */
function tokenize(s: string, from = 0, to = s.length, startDepth = 0, inScript = false): Token[] {
  const tokens: Token[] = [];
  let depth = startDepth;
  let i = from;
  while (i < to) {
    const c = s[i];
    if (c === ' ') {
      i++;
      continue;
    }
    if (c === '\\') {
      const end = commandEnd(s, i);
      tokens.push({ start: i, end, depth, inScript, kind: 'command', text: s.slice(i, end) });
      i = end;
      continue;
    }
    if (c === '^' || c === '_') {
      const end = argumentEnd(s, i + 1);
      tokens.push({ start: i, end, depth, inScript, kind: 'script', text: s.slice(i, end) });
      const open = s.indexOf('{', i + 1);
      if (s[end - 1] === '}' && open >= 0 && open < end && s.slice(i + 1, open).trim() === '') tokens.push(...tokenize(s, open + 1, end - 1, depth + 1, true));
      i = end;
      continue;
    }
    if (c === '{' || c === '(' || c === '[') {
      tokens.push({ start: i, end: i + 1, depth, inScript, kind: 'char', text: c });
      depth++;
    } else if (c === '}' || c === ')' || c === ']') {
      depth--;
      tokens.push({ start: i, end: i + 1, depth, inScript, kind: 'char', text: c });
    } else {
      tokens.push({ start: i, end: i + 1, depth, inScript, kind: 'char', text: c });
    }
    i++;
  }
  return tokens;
}

/** The content of a script token: `^{l-1}` → `l-1`, `^l` → `l`, `^\top` → `\top`. */
function scriptContent(token: Token): { content: string; braced: boolean } {
  const arg = token.text.slice(1).trim();
  if (arg.startsWith('{') && arg.endsWith('}')) return { content: arg.slice(1, -1).trim(), braced: true };
  return { content: arg, braced: false };
}

function splice(s: string, start: number, end: number, insert: string): string {
  return s.slice(0, start) + insert + s.slice(end);
}

// ---------------------------------------------------------------- flip-sign

/**
 * The first `+` or `-` at nesting depth 0 (never inside a group, a sub- or a
 * superscript). Leading (nothing before it): `-` is deleted, `+` becomes `-`.
 * Otherwise `+` ↔ `-`.
 */
export function flipSign(rhs: string): Edit | undefined {
  const tokens = tokenize(rhs);
  const index = tokens.findIndex((t) => t.kind === 'char' && t.depth === 0 && !t.inScript && (t.text === '+' || t.text === '-'));
  if (index < 0) return undefined;
  const t = tokens[index];
  if (index === 0) {
    if (t.text === '-') return { rhs: splice(rhs, t.start, t.end, '').trimStart(), change: 'leading - deleted' };
    return { rhs: splice(rhs, t.start, t.end, '-'), change: 'leading + → -' };
  }
  const other = t.text === '+' ? '-' : '+';
  return { rhs: splice(rhs, t.start, t.end, other), change: `${t.text} → ${other} at column ${t.start}` };
}

// ---------------------------------------------------------------- drop-transpose

const TRANSPOSE = new Set(['T', '\\top']);

/** One mutant per transpose superscript `^T`, `^{T}`, `^\top`, `^{\top}`: that superscript deleted. */
export function dropTransposes(rhs: string): Edit[] {
  return tokenize(rhs)
    .filter((t) => t.kind === 'script' && t.text.startsWith('^') && TRANSPOSE.has(scriptContent(t).content))
    .map((t) => ({ rhs: splice(rhs, t.start, t.end, ''), change: `${t.text} deleted` }));
}

// ---------------------------------------------------------------- shift-layer

/** Commands whose superscript is a power or a bound, never a layer. */
const NOT_LAYERED = new Set(['\\sum', '\\prod', '\\tanh', '\\sigma', '\\phi', '\\log', '\\ln', '\\exp', '\\sin', '\\cos', '\\max', '\\min', '\\operatorname', '\\right', '\\left']);

/** `l`, `l-1`, `l+1`, `L`, `L-1`, `2`, `(1)`, `(l+1)`: the base and the offset, or undefined. */
const LAYER_CONTENT = /^(\(\s*)?(l|L|\d+)\s*(?:([+-])\s*(\d+))?(\s*\))?$/;

/**
 * The first superscript that names a layer, moved by one. A superscript names a
 * layer when its content is `l`, `L`, a number, or one of these plus or minus a
 * number, optionally in parentheses, and its base is a letter or a command that
 * is not a function, sum or delimiter (so `(h^{(1)})^2` and `\tanh(z)^2` are
 * powers, `\sum_{c=1}^{C}` is a bound). The move:
 *   l → l+1; l±n → l±(n−1) (towards l);  L → L−1; L−n → L−(n−1);
 *   a number k → k+1 when k+1 ≤ depth (the number of layers), else k−1;
 *   parentheses are kept: (1) → (2). The result is always braced.
 */
export function shiftLayer(rhs: string, depth: number): Edit | undefined {
  const tokens = tokenize(rhs);
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'script' || !t.text.startsWith('^')) continue;
    const match = LAYER_CONTENT.exec(scriptContent(t).content);
    if (!match) continue;
    if (Boolean(match[1]) !== Boolean(match[5])) continue;
    // The base: the token before, skipping a subscript written first (`a_j^l`) with its argument.
    let b = previousOuter(tokens, i);
    if (b >= 0 && tokens[b].kind === 'script' && tokens[b].text.startsWith('_')) b = previousOuter(tokens, b);
    if (b < 0) continue;
    const base = tokens[b];
    const baseOk = base.kind === 'command' ? /^\\[A-Za-z]+$/.test(base.text) && !NOT_LAYERED.has(base.text) : base.kind === 'char' && /^[A-Za-z]$/.test(base.text);
    if (!baseOk) continue;
    const shifted = shift(match[2], match[3] as '+' | '-' | undefined, match[4] === undefined ? 0 : Number(match[4]), depth);
    const content = match[1] ? `(${shifted})` : shifted;
    return { rhs: splice(rhs, t.start, t.end, `^{${content}}`), change: `${t.text} → ^{${content}}` };
  }
  return undefined;
}

/** The index of the token before tokens[i] that is not inside the argument of an earlier script. */
function previousOuter(tokens: readonly Token[], i: number): number {
  let b = i - 1;
  while (b >= 0 && tokens[b].end <= tokens[i].start && tokens.some((s, k) => k < b && s.kind === 'script' && s.start < tokens[b].start && tokens[b].end <= s.end && s.end <= tokens[i].start)) b--;
  return b;
}

function shift(base: string, sign: '+' | '-' | undefined, n: number, depth: number): string {
  const offset = (b: string, k: number) => (k === 0 ? b : k > 0 ? `${b}+${k}` : `${b}-${-k}`);
  const signed = sign === '-' ? -n : n;
  if (base === 'l') return offset('l', signed === 0 ? 1 : signed - Math.sign(signed));
  if (base === 'L') return offset('L', signed === 0 ? -1 : signed - Math.sign(signed));
  const k = Number(base) + signed;
  return String(k + 1 <= depth ? k + 1 : k - 1);
}

// ---------------------------------------------------------------- swap-indices

/** Operators whose subscript is a binder or a variable of differentiation, not an index. */
const BINDERS = new Set(['\\sum', '\\prod', '\\nabla', '\\max', '\\min', '\\lim']);
/** The label is a fixed class, never a free index (DESIGN.md notation). */
const NOT_INDICES = new Set(['y']);
/** `j`, `jk`, `j,k`, `j, k`: lower-case index letters. */
const INDEX_CONTENT = /^[a-z](\s*,?\s*[a-z])*$/;

/**
 * The free indices are the lower-case letters of index subscripts (`_j`,
 * `_{j}`, `_{jk}`, `_{j,k}`) in order of first appearance, leaving out the
 * label `y` and every letter that a `\sum`/`\prod` of the rhs binds
 * (`\sum_{c=1}^{C}`, `\sum_c`); subscripts of `\sum`, `\prod`, `\nabla`,
 * `\max`, `\min` are not index subscripts. When there are two or more, the
 * first two trade places in every index subscript.
 */
export function swapIndices(rhs: string): Edit | undefined {
  const tokens = tokenize(rhs);
  const indexScripts: Token[] = [];
  const bound = new Set<string>();
  tokens.forEach((t, i) => {
    if (t.kind !== 'script' || !t.text.startsWith('_')) return;
    const { content } = scriptContent(t);
    const base = tokens[i - 1];
    if (base && base.kind === 'command' && BINDERS.has(base.text)) {
      const binder = /^([a-z])\b/.exec(content);
      if (binder && (base.text === '\\sum' || base.text === '\\prod')) bound.add(binder[1]);
      return;
    }
    if (INDEX_CONTENT.test(content)) indexScripts.push(t);
  });
  const free: string[] = [];
  for (const t of indexScripts) {
    for (const letter of scriptContent(t).content.replace(/[\s,]/g, '')) {
      if (!bound.has(letter) && !NOT_INDICES.has(letter) && !free.includes(letter)) free.push(letter);
    }
  }
  if (free.length < 2) return undefined;
  const [a, b] = free;
  let out = rhs;
  for (const t of [...indexScripts].reverse()) {
    const swapped = t.text.replace(/[a-z]/g, (c, offset: number) => (offset === 0 ? c : c === a ? b : c === b ? a : c));
    out = splice(out, t.start, t.end, swapped);
  }
  return { rhs: out, change: `${a} ↔ ${b}` };
}
