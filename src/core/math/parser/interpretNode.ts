// One operand token -> Expr. Some operands take what follows them: \sum
// takes the following product, \log and \nabla_X the following factor, the
// operator \frac{\partial}{\partial X} the following factor, and
// \partial L / \partial X reads through the slash. They get the parser for
// that.

import type { Expr, Span } from '../expr/expr';
import { binary, respan, spanOf, sym, unsupported } from '../expr/exprBuild';
import { extentOf, type SubParser } from './context';
import type { KFrac, KNode, KOp, KSupSub } from '../katex/katexTree';
import { GRADIENT_NAMES, OPERATOR_FUNCTIONS, UNSUPPORTED_OPERATORS } from './notation';
import { applyPostfixScripts, buildSymbol, readSup } from './scripts';
import { nameOfNode } from './symbols';

const text = (p: SubParser, s: Span): string => p.ctx.src.slice(s.start, s.end);

function contents(n: KNode): readonly KNode[] {
  return n.t === 'group' ? n.body : [n];
}

/** Reads an unsupported construct together with the term it governs, so the whole is one node. */
function swallow(p: SubParser, construct: string, reason: string, span: Span): Expr {
  let s = span;
  if (p.startsFactor()) s = spanOf(s, p.parseTerm().span);
  return unsupported(construct, reason, s);
}

function nextIsParen(p: SubParser): boolean {
  const t = p.peek();
  return t?.k === 'open' && t.delim === '(';
}

function nextIsBrace(p: SubParser): boolean {
  const t = p.peek();
  return t?.k === 'open' && t.delim === '\\{';
}

export function interpretNode(n: KNode, p: SubParser): Expr {
  const ctx = p.ctx;
  switch (n.t) {
    case 'ord':
      if (n.text === '\\partial' || n.text === '∂') return slashDerivative(n.span, p);
      if (n.text === 'd' && startsGradientName(n.span, p)) return gradientName(n.span, p);
      if (n.text === '\\nabla') return swallow(p, '\\nabla', 'a gradient needs its variable as a subscript (\\nabla_X L)', n.span);
      break;
    case 'supsub':
      return scripted(n, p);
    case 'group':
      return ctx.subparser(n.body).parseAll(n.span);
    case 'frac':
      return fraction(n, p);
    case 'op':
      return operator(n, p);
    case 'enclose': {
      // \cancel{..} inside a formula: the value is unchanged (cancelling is commentary); the mark is kept.
      const inner = ctx.subparser(contents(n.body)).parseAll(n.span);
      const e = respan(inner, n.span);
      if (e === inner) ctx.extent.set(e, n.span);
      ctx.cancelled.add(e);
      return e;
    }
    case 'array':
      return unsupported(text(p, n.span), 'matrices and cases are not supported', n.span);
    case 'other':
      return unsupported(text(p, n.span), `\\${n.type} is not supported`, n.span);
    default:
      break;
  }
  if (derivativeMark(n) === 'd' && n.t !== 'ord' && startsGradientName(n.span, p)) return gradientName(n.span, p);
  const info = nameOfNode(n);
  if (info) return sym(info.name, n.span);
  if (n.t === 'font') return ctx.subparser(contents(n.body)).parseAll(n.span);
  return unsupported(text(p, n.span), `'${text(p, n.span)}' cannot be read as math`, n.span);
}

/**
 * deeplearning.ai's `dZ^{[l]}`, `dW`, `db`, `da`, `\mathrm{d}z`: a `d` written
 * against the name of a network quantity, or against a name the document
 * declares (CS231n's `dscores` after `\mathrm{scores}`, `dH` after `H`), is the gradient of
 * the loss with respect to it (DESIGN.md: `dX` means ∂J/∂X).
 */
function startsGradientName(d: Span, p: SubParser): boolean {
  const t = p.peek();
  if (t?.k !== 'node' || t.span.start !== d.end) return false;
  const base = t.node.t === 'supsub' ? t.node.base : t.node;
  const info = base ? nameOfNode(base) : undefined;
  return info !== undefined && (GRADIENT_NAMES.has(info.name) || p.ctx.notation.names.has(info.name));
}

function gradientName(d: Span, p: SubParser): Expr {
  const wrt = p.parsePostfix();
  return { kind: 'derivative', of: sym('L', d), wrt, notation: 'd', span: spanOf(d, wrt.span) };
}

/** `\partial L / \partial X` */
function slashDerivative(start: Span, p: SubParser): Expr {
  const of = p.parsePostfix();
  const slash = p.peek();
  const denom = p.peek(1);
  if (slash?.k === 'bin' && slash.op === '/' && denom?.k === 'node' && denom.node.t === 'ord' && denom.node.text === '\\partial') {
    p.pos += 2;
    const wrt = p.parsePostfix();
    return { kind: 'derivative', of, wrt, notation: 'slash', span: spanOf(start, wrt.span) };
  }
  const span = spanOf(start, of.span);
  return unsupported(text(p, span), 'a lone \\partial (write \\partial L / \\partial X or \\frac{\\partial L}{\\partial X})', span);
}

function scripted(n: KSupSub, p: SubParser): Expr {
  const base = n.base!;
  const ctx = p.ctx;
  if (base.t === 'op') {
    if (base.name === '\\sum') return sum(n, p);
    if (OPERATOR_FUNCTIONS.has(base.name.slice(1)) && n.sup && !n.sub) return scriptedOperator(base, n.sup, n.span, p);
    return swallow(p, base.name, UNSUPPORTED_OPERATORS[base.name] ?? `${base.name} with a sub- or superscript is not supported`, n.span);
  }
  if (base.t === 'ord' && base.text === '\\nabla') {
    if (!n.sub || n.sup) return swallow(p, '\\nabla', 'a gradient is written \\nabla_X L', n.span);
    const wrt = ctx.subparser(contents(n.sub)).parseAll(n.sub.span);
    if (!p.startsFactor()) return unsupported(text(p, n.span), 'the gradient of what? nothing follows \\nabla_X', n.span);
    const of = p.parseUnary();
    return { kind: 'derivative', of, wrt, notation: 'nabla', span: spanOf(n.span, of.span) };
  }
  if (base.t === 'ord' && base.text === '\\partial') {
    return swallow(p, '\\partial', 'higher-order or subscripted \\partial is not supported', n.span);
  }
  const info = nameOfNode(base);
  if (info) return buildSymbol(info, base, n.sup, n.sub, n.span, ctx, nextIsParen(p));
  const e = interpretNode(base, p);
  return applyPostfixScripts(e, n.sup, n.sub, n.span, ctx);
}

/** `\tanh'(u)`, `\tanh^2(u)`, `\log^2 x`: a prime is the derivative, a power applies to the value. */
function scriptedOperator(base: KOp, sup: KNode, span: Span, p: SubParser): Expr {
  const parts = readSup(sup);
  if (parts.transposed) return swallow(p, base.name, `${base.name} with a transpose is not supported`, span);
  const fn = sym(base.name.slice(1), span, { primes: parts.primes });
  let applied: Expr;
  if (nextIsParen(p)) {
    const arg = p.parsePostfix();
    applied = { kind: 'call', fn, args: [arg], given: [], span: spanOf(span, extentOf(arg, p.ctx)) };
  } else if (p.startsFactor()) {
    const arg = p.parseUnary();
    applied = { kind: 'call', fn, args: [arg], given: [], span: spanOf(span, extentOf(arg, p.ctx)) };
  } else return unsupported(base.name, `${base.name} of what? no argument follows`, span);
  if (parts.rest.length === 0) return applied;
  const exponent = p.ctx.subparser(parts.rest).parseAll(spanOf(parts.rest[0].span, parts.rest[parts.rest.length - 1].span));
  return { kind: 'pow', base: applied, exponent, span: applied.span };
}

/** `\sum_{c=1}^{C} body`, `\sum_c body`, `\sum_{i,j} body`; the body is the following product. */
function sum(n: KSupSub, p: SubParser): Expr {
  const ctx = p.ctx;
  if (!n.sub) return swallow(p, '\\sum', 'a sum needs its index (\\sum_c or \\sum_{c=1}^{C})', n.span);
  const range = ctx.subparser(contents(n.sub));
  const indices: string[] = [];
  let from: Expr | undefined;
  for (;;) {
    const e = range.parseRelation();
    if (e.kind === 'sym' && !e.layer && e.indices.length === 0) indices.push(e.name);
    else if (e.kind === 'relation' && e.op === '=' && e.left.kind === 'sym' && !e.left.layer && e.left.indices.length === 0) {
      indices.push(e.left.name);
      from = e.right;
    } else return swallow(p, '\\sum', `the sum range '${text(p, n.sub.span)}' is not supported (use \\sum_{c=1}^{C} or \\sum_c)`, n.span);
    const t = range.peek();
    if (t?.k === 'punct' && t.text === ',') {
      range.pos++;
      continue;
    }
    break;
  }
  if (!range.atEnd() || (from && indices.length > 1)) {
    return swallow(p, '\\sum', `the sum range '${text(p, n.sub.span)}' is not supported`, n.span);
  }
  const to = n.sup ? ctx.subparser(contents(n.sup)).parseAll(n.sup.span) : undefined;
  const t = p.peek();
  if (!p.startsFactor() && !(t?.k === 'bin' && t.op === '-')) return unsupported(text(p, n.span), 'the sum has no body', n.span);
  let body = p.parseTerm();
  for (let i = indices.length - 1; i >= 0; i--) {
    const s: { -readonly [K in keyof Extract<Expr, { kind: 'sum' }>]: Extract<Expr, { kind: 'sum' }>[K] } = {
      kind: 'sum',
      index: indices[i],
      body,
      span: spanOf(n.span, body.span),
    };
    if (i === 0 && from) s.from = from;
    if (i === 0 && to) s.to = to;
    body = s;
  }
  return body;
}

type DKind = 'partial' | 'd' | 'higher' | undefined;

function derivativeMark(n: KNode | undefined): DKind {
  if (!n) return undefined;
  if (n.t === 'ord') return n.text === '\\partial' ? 'partial' : n.text === 'd' ? 'd' : undefined;
  if (n.t === 'font' && (n.font === 'mathrm' || n.font === 'text' || n.font === 'textrm')) {
    const inner = contents(n.body);
    return inner.length === 1 && inner[0].t === 'ord' && inner[0].text === 'd' ? 'd' : undefined;
  }
  if (n.t === 'text') return n.content.trim() === 'd' ? 'd' : undefined;
  if (n.t === 'group' && n.body.length === 1) return derivativeMark(n.body[0]);
  if (n.t === 'supsub' && n.sup && derivativeMark(n.base) !== undefined) return 'higher';
  return undefined;
}

function spanOfList(nodes: readonly KNode[], fallback: Span): Span {
  return nodes.length ? spanOf(nodes[0].span, nodes[nodes.length - 1].span) : fallback;
}

/** `\frac{a}{b}`, or a derivative: `\frac{\partial L}{\partial X}`, `\frac{dL}{dx}`, `\frac{\partial}{\partial X} (..)`. */
function fraction(n: KFrac, p: SubParser): Expr {
  const ctx = p.ctx;
  const numer = contents(n.numer);
  const denom = contents(n.denom);
  const nk = derivativeMark(numer[0]);
  const dk = derivativeMark(denom[0]);
  if (nk === 'higher' || dk === 'higher') return swallow(p, text(p, n.span), 'higher-order derivatives are not supported', n.span);
  if (nk && nk === dk && denom.length >= 2) {
    const wrtNodes = denom.slice(1);
    if (wrtNodes.some((x) => derivativeMark(x))) return unsupported(text(p, n.span), 'mixed partial derivatives are not supported', n.span);
    const wrt = ctx.subparser(wrtNodes).parseAll(spanOfList(wrtNodes, n.denom.span));
    if (numer.length === 1) {
      if (!p.startsFactor()) return unsupported(text(p, n.span), `the derivative of what? nothing follows ${text(p, n.span)}`, n.span);
      const of = p.parseUnary();
      return { kind: 'derivative', of, wrt, notation: 'operator', span: spanOf(n.span, of.span) };
    }
    const ofNodes = numer.slice(1);
    const of = ctx.subparser(ofNodes).parseAll(spanOfList(ofNodes, n.numer.span));
    return { kind: 'derivative', of, wrt, notation: 'frac', span: n.span };
  }
  if (!n.bar) return unsupported(text(p, n.span), 'binomial coefficients are not supported', n.span);
  const num = ctx.subparser(numer).parseAll(n.numer.span);
  const den = ctx.subparser(denom).parseAll(n.denom.span);
  return { ...binary('/', num, den), span: n.span };
}

/** `\log x`, `\exp(..)`, `\max(0, x)`, and operators we cannot evaluate (\int, \lim, \prod). */
function operator(n: KOp, p: SubParser): Expr {
  const word = n.name.replace(/^\\/, '');
  if (n.name === '\\sum') return swallow(p, '\\sum', 'a sum needs its index (\\sum_c or \\sum_{c=1}^{C})', n.span);
  const fn = sym(word, n.span);
  if (OPERATOR_FUNCTIONS.has(word)) {
    if (nextIsParen(p)) return fn; // the call is read by parsePostfix
    if (!p.startsFactor()) return unsupported(n.name, `${n.name} of what? no argument follows`, n.span);
    const arg = p.parseUnary();
    return { kind: 'call', fn, args: [arg], given: [], span: spanOf(n.span, arg.span) };
  }
  // max(0, z), and Goodfellow's max{0, z}
  if ((word === 'max' || word === 'min') && (nextIsParen(p) || nextIsBrace(p))) return fn;
  return swallow(p, n.name, UNSUPPORTED_OPERATORS[n.name] ?? `${n.name} is not supported`, n.span);
}

