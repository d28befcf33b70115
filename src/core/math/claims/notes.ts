// Only equations are claims. A relation a reader sees as a condition or a
// remark in a sentence (`if $i = j$`, `$l = n_l$`), a dimension annotation
// (`(n \times 1) \cdot (1 \times m) = (n \times m)`), an example number or
// tuple (`$x = (1, 2)$`, `\eta = 0.1`) or a notation aside (`$\delta^l
// \equiv \delta A^l$`) states nothing about the network's values: it becomes
// a Note, is never checked and never binds a symbol.
//
// The evidence is what the reading pass knows about the formula: display or
// inline in a sentence, the prose right before it, and the shape of each side.

import type { Expr } from '../expr/expr';
import type { Claim, Note, NoteKind } from './claimTypes';

/** Where a formula sits in its document. */
export interface FormulaSetting {
  /** Display math (`$$..$$`, `\[..\]`, environments); false for math inside a sentence. */
  readonly display: boolean;
  /** Prose of the same paragraph right before the formula (the words that introduce it). */
  readonly before?: string;
}

/**
 * Words that, right before inline math, make its relation a condition
 * (`if $a = y$`, `khi $l = L$`, `当 $i = j$ 时`). Inside math, `\text{for}`
 * and friends are handled by the splitter; this is the sentence around it.
 */
const CONDITION_BEFORE = [
  'if', 'when', 'whenever', 'unless', 'for', 'for all', 'for each', 'for every', 'in the case', 'case', 'assuming', 'given',
  'si', 'quand', 'lorsque', 'pour', 'pour tout', 'cas',
  'khi', 'nếu', 'với mọi', 'trường hợp', 'giả sử',
  '当', '若', '如果', '假设', '对于',
];

/**
 * Words that, right before inline math, introduce a definition (`Let $u_k =
 * e^{z_k}$`, `où $a_j = …$`, `đặt $s = …$`, `令 $u = …$`): only after them does
 * a plain `=` in a sentence define a symbol.
 */
const DEFINITION_BEFORE = [
  'let', 'define', 'defines', 'defining', 'we define', 'set', 'put', 'denote', 'denotes', 'write', 'we write', 'where', 'call', 'we call',
  'soit', 'posons', 'notons', 'où', 'on note', 'on pose',
  'đặt', 'gọi', 'ký hiệu', 'trong đó', 'với',
  '令', '设', '记', '定义', '其中',
];

/** Whether the prose right before inline math introduces a definition ("Let", "where", "Đặt", "令"). */
export function introducesDefinition(before: string | undefined): boolean {
  return endsWithAny(before, DEFINITION_BEFORE);
}

/** Activation and function names written without an argument: `f = \tanh`, `g^{[1]} = \text{ReLU}` name a function. */
const FUNCTION_WORDS = new Set(['tanh', 'sigmoid', 'relu', 'ReLU', 'softplus', 'softmax', 'identity', 'linear', 'log', 'exp', '\\sigma', '\\phi', '\\varphi']);

function isFunctionName(e: Expr): boolean {
  if (e.kind === 'unsupported') return /^\\[A-Za-z]+$/.test(e.construct.trim()) && /no argument/.test(e.reason);
  return e.kind === 'sym' && e.indices.length === 0 && !e.layer && FUNCTION_WORDS.has(e.name);
}

/** Words that introduce a dimension annotation ("Dimension:", "shapes", "kích thước", "维度"). */
const DIMENSION_WORDS = /(dimension|dimensions|dims?|shape|shapes|sizes?|kích thước|chiều|维度|形状|尺寸|taille)\s*[:：]?\s*$/i;

/** Letters that name sizes: n_l, n^{[l]}, n_x, d_l, s_l, N, D, m, C, K. */
const SIZE_NAMES = /^(?:[ndsmNDMCKTH]|\\text\{[a-z]+\}|\\mathrm\{[a-z]+\})$/;

/** Whether the words governing the math after `before` end with one of `words` (normalised once, not per word). */
function endsWithAny(before: string | undefined, words: readonly string[]): boolean {
  if (before === undefined) return false;
  const text = leadIn(before).replace(/[\s,:;(]+$/u, '').toLowerCase();
  return words.some((word) => endsWithWord(text, word));
}

/** `text` is already trimmed of trailing punctuation and lower-cased. */
function endsWithWord(text: string, word: string): boolean {
  if (!text.endsWith(word)) return false;
  const prior = text.charAt(text.length - word.length - 1);
  // CJK words need no boundary; Latin ones must not be the end of a longer word.
  return /^[\u3400-\u9fff]/u.test(word) || prior === '' || !/[\p{L}\p{N}]/u.test(prior);
}

/**
 * The words that govern the math after `before`: trailing connectors and
 * earlier inline math of the same phrase are skipped, so in "Let $u = …$ and
 * $S = …$" the second formula is governed by "Let" too.
 */
function leadIn(before: string): string {
  let text = before;
  for (let k = 0; k < 8; k++) {
    const next = text.replace(/(?:\s|,|\band\b|\bet\b|\bvà\b|和|及|、)+$/u, '').replace(/\$[^$]*\$$/, '');
    if (next === text) break;
    text = next;
  }
  return text;
}

function isConditionPhrase(before: string | undefined): boolean {
  return endsWithAny(before, CONDITION_BEFORE);
}

/** A number, or arithmetic of numbers only (`-1`, `\frac{1}{2}`, `0.73 \cdot 0.27`). */
function isNumeric(e: Expr): boolean {
  switch (e.kind) {
    case 'num':
      return true;
    case 'neg':
      return isNumeric(e.arg);
    case 'binary':
      return isNumeric(e.left) && isNumeric(e.right);
    case 'pow':
      return isNumeric(e.base) && isNumeric(e.exponent);
    case 'unsupported':
      return isNumericLiteral(e.construct);
    default:
      return false;
  }
}

/** A tuple, vector or matrix written with numbers only: `(1, 2)`, `[0.5, -1]`, `\begin{bmatrix} 1 \\ 2 \end{bmatrix}`. */
function isNumericLiteral(source: string): boolean {
  const stripped = source
    .replace(/\\(?:begin|end)\{[a-zA-Z*]+\}/g, ' ')
    .replace(/\\(?:left|right|big|Big|bigg|Bigg)\b/g, ' ')
    .replace(/\\[,;!:]|\\\\|&|[()[\]{},;]|\\[cl]?dots|\\vdots|\\ddots/g, ' ');
  return /\d/.test(stripped) && /^[\s\d.+\-−]*$/.test(stripped);
}

/** A symbol as a value name: `x`, `W^{[1]}`, `a^{[1]}_2`, `\eta`. */
function isNamedValue(e: Expr): boolean {
  return e.kind === 'sym' || (e.kind === 'call' && e.args.length === 0);
}

/** A side that names an index, a case or a size: `i`, `y`, `2`, `\text{target}`, `n_l`, `n^{[l]}`. */
function isIndexLike(e: Expr): boolean {
  if (e.kind === 'num') return true;
  if (e.kind === 'neg') return e.arg.kind === 'num';
  if (e.kind !== 'sym' || e.primes > 0) return false;
  if (!e.layer && e.indices.length === 0) return /^(?:[A-Za-z]+|\\[A-Za-z]+)$/.test(e.name);
  return SIZE_NAMES.test(e.name);
}

/** A size: a number, a size letter with its layer or index (n_l, n^{[l-1]}), or a bare letter. */
function isSize(e: Expr): boolean {
  if (e.kind === 'num') return true;
  if (e.kind === 'sym') return e.primes === 0 && (SIZE_NAMES.test(e.name) || (!e.layer && e.indices.length === 0));
  if (e.kind === 'binary' && (e.op === '+' || e.op === '-')) return isSize(e.left) && isSize(e.right);
  return false;
}

/** `(n \times 1) \cdot (1 \times m)`, `n^{[l]} \times n^{[l-1]}`, `(n^{[l]}, n^{[l-1]})`: a statement about shapes. */
function isDimension(e: Expr): boolean {
  if (e.kind === 'unsupported') return isSizeTuple(e.construct) && !isNumericLiteral(e.construct);
  if (e.kind !== 'binary') return false;
  if (e.op === 'times') return isSize(e.left) && isSize(e.right) ? true : isDimension(e.left) && (isDimension(e.right) || isSize(e.right));
  if (e.op === 'cdot' || e.op === 'juxt' || e.op === '+') return isDimension(e.left) && isDimension(e.right);
  return false;
}

/** `(n^{[l]}, n^{[l-1]})`, `(4, 3)`: a shape written as a tuple. */
function isSizeTuple(source: string): boolean {
  const inner = /^\s*[([]\s*(.*?)\s*[)\]]\s*$/s.exec(source)?.[1];
  if (inner === undefined || !inner.includes(',')) return false;
  return inner.split(',').every((part) => /^\s*(?:\d+|[A-Za-z](?:\s*[_^]\s*(?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|[A-Za-z0-9]))*)\s*$/.test(part));
}

/** A name or a product of names (`\delta A^l`, `dZ`): what a notation aside equates a symbol with. */
function isNameProduct(e: Expr): boolean {
  if (e.kind === 'sym') return true;
  if (e.kind === 'pow') return e.base.kind === 'sym' && (e.exponent.kind === 'sym' || e.exponent.kind === 'num');
  return e.kind === 'binary' && e.op === 'juxt' && isNameProduct(e.left) && isNameProduct(e.right);
}

/** Why a claim is not an equation about the network, or undefined when it is one. */
export function noteKind(claim: Claim, setting: FormulaSetting): NoteKind | undefined {
  const { lhs, rhs } = claim;
  if (isDimension(lhs) || isDimension(rhs)) return 'dimension';
  // `f = \tanh`, `g^{[1]} = \text{ReLU}`: which function a name stands for, a statement about notation.
  if (lhs.kind === 'sym' && lhs.indices.length === 0 && isFunctionName(rhs)) return 'remark';
  // In a sentence, the words right before the math say what it is.
  if (!setting.display && setting.before !== undefined && DIMENSION_WORDS.test(setting.before)) return 'dimension';
  if (!setting.display && isConditionPhrase(setting.before)) return 'condition';
  if ((isNumeric(lhs) && isNumeric(rhs)) || (isNamedValue(lhs) && isNumeric(rhs)) || (isNumeric(lhs) && isNamedValue(rhs))) return 'example';
  if (setting.display) return undefined;
  if (claim.relation === '=' && isIndexLike(lhs) && isIndexLike(rhs)) return 'condition';
  if (claim.kind === 'definition' && claim.relation !== ':=' && lhs.kind === 'sym' && isNameProduct(rhs)) return 'remark';
  return undefined;
}

/** Splits a formula's claims into equations and notes. */
export function separateNotes(claims: readonly Claim[], setting: FormulaSetting | undefined): { claims: Claim[]; notes: Note[] } {
  const kept: Claim[] = [];
  const notes: Note[] = [];
  for (const claim of claims) {
    const kind = setting ? noteKind(claim, setting) : undefined;
    if (kind) notes.push({ kind, claim });
    else kept.push(claim);
  }
  return { claims: kept, notes };
}
