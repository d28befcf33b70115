// A compact, unambiguous printed form of Expr and Claim, for tests and
// messages. Every binary operation is parenthesised (except at the top), so
// the printed form pins the tree's shape:
//   W^{l+1}_{a,b}           symbol with layer and indices; \sigma'  primes
//   a^{[2](i)}              layer 2 of example i (deeplearning.ai)
//   (a + b)  (a b)  (a · b)  (a × b)  (a ⊙ b)  (a / b)  (-a)
//   pow(x, 2)  T(W)  log(x)  p(a | x)  [y = a] (indicator)  |x|  ||x||
//   sum_{c=1}^{C}(body)  grad(L, W^{l})  ?{\int: reason}

import type { Expr } from '../expr/expr';
import type { Claim, Condition } from './claimTypes';

const BIN: Record<string, string> = { '+': '+', '-': '-', juxt: '', cdot: '·', star: '*', times: '×', odot: '⊙', '/': '/' };
const REL: Record<string, string> = { '=': '=', '!=': '≠', '<': '<', '>': '>', '<=': '≤', '>=': '≥', in: '∈' };

function p(e: Expr): string {
  switch (e.kind) {
    case 'num':
      return String(e.value);
    case 'sym': {
      let s = e.name + "'".repeat(e.primes);
      if (e.layer) s += e.example ? `^{[${top(e.layer)}](${top(e.example)})}` : `^{${top(e.layer)}}`;
      if (e.indices.length) s += `_{${e.indices.map(top).join(',')}}`;
      return s;
    }
    case 'binary':
      return e.op === 'juxt' ? `(${p(e.left)} ${p(e.right)})` : `(${p(e.left)} ${BIN[e.op]} ${p(e.right)})`;
    case 'neg':
      return `(-${p(e.arg)})`;
    case 'pow':
      return `pow(${top(e.base)}, ${top(e.exponent)})`;
    case 'transpose':
      return `T(${top(e.arg)})`;
    case 'call': {
      const args = e.args.map(top).join(', ');
      const given = e.given.length ? ` | ${e.given.map(top).join(', ')}` : '';
      return `${p(e.fn)}(${args}${given})`;
    }
    case 'sum': {
      const from = e.from ? `=${top(e.from)}` : '';
      const to = e.to ? `^{${top(e.to)}}` : '';
      return `sum_{${e.index}${from}}${to}(${top(e.body)})`;
    }
    case 'derivative':
      return `grad(${top(e.of)}, ${top(e.wrt)})`;
    case 'relation':
      return `(${top(e.left)} ${REL[e.op]} ${top(e.right)})`;
    case 'indicator':
      return `[${top(e.condition)}]`;
    case 'entry':
      return `(${top(e.of)})_{${e.indices.map(top).join(',')}}`;
    case 'norm':
      return e.bars === 1 ? `|${top(e.arg)}|` : `||${top(e.arg)}||`;
    case 'unsupported':
      return `?{${e.construct}: ${e.reason}}`;
  }
}

/** Prints without the outermost parentheses. */
function top(e: Expr): string {
  const s = p(e);
  return (e.kind === 'binary' || e.kind === 'neg' || e.kind === 'relation') && s.startsWith('(') ? s.slice(1, -1) : s;
}

export function printExpr(e: Expr): string {
  return top(e);
}

export function printCondition(c: Condition): string {
  if (c.kind === 'relation') return top(c.relation);
  if (c.values) return `${c.index} ∈ {${c.values.map(top).join(', ')}}`;
  if (!c.from && !c.to) return `∀${c.index}`;
  return `${c.index} ∈ ${c.from ? top(c.from) : '?'}..${c.to ? top(c.to) : '?'}`;
}

/** `kind: lhs rel rhs [if c1; c2]` */
export function printClaim(c: Claim): string {
  const conds = c.conditions.length ? ` [if ${c.conditions.map(printCondition).join('; ')}]` : '';
  const kind = c.kind === 'claim' ? '' : `${c.kind}: `;
  return `${kind}${top(c.lhs)} ${c.relation} ${top(c.rhs)}${conds}`;
}
