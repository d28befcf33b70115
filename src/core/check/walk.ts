// Generic traversal of expression trees.
import type { Expr } from '../math';

export function children(e: Expr): Expr[] {
  switch (e.kind) {
    case 'num':
    case 'unsupported':
      return [];
    case 'sym':
      return [...(e.layer ? [e.layer] : []), ...(e.example ? [e.example] : []), ...e.indices];
    case 'binary':
      return [e.left, e.right];
    case 'neg':
    case 'transpose':
    case 'norm':
      return [e.arg];
    case 'pow':
      return [e.base, e.exponent];
    case 'call':
      return [e.fn, ...e.args, ...e.given];
    case 'sum':
      return [...(e.from ? [e.from] : []), ...(e.to ? [e.to] : []), e.body];
    case 'derivative':
      return [e.of, e.wrt];
    case 'relation':
      return [e.left, e.right];
    case 'indicator':
      return [e.condition];
    case 'entry':
      return [e.of, ...e.indices];
  }
}

/** Depth-first, pre-order; `visit` returning false skips the node's children. */
export function walk(e: Expr, visit: (node: Expr, parent: Expr | undefined) => boolean | void, parent?: Expr): void {
  if (visit(e, parent) === false) return;
  for (const child of children(e)) walk(child, visit, e);
}

export function some(e: Expr, test: (node: Expr) => boolean): boolean {
  let found = false;
  walk(e, (node) => {
    if (found) return false;
    if (test(node)) found = true;
    return !found;
  });
  return found;
}

/** The same node with `f` applied to each direct child (a symbol's layer, example and indices too). */
export function mapChildren(e: Expr, f: (child: Expr) => Expr): Expr {
  switch (e.kind) {
    case 'num':
    case 'unsupported':
      return e;
    case 'sym':
      return { ...e, layer: e.layer ? f(e.layer) : undefined, example: e.example ? f(e.example) : undefined, indices: e.indices.map(f) };
    case 'binary':
    case 'relation':
      return { ...e, left: f(e.left), right: f(e.right) };
    case 'neg':
    case 'transpose':
    case 'norm':
      return { ...e, arg: f(e.arg) };
    case 'pow':
      return { ...e, base: f(e.base), exponent: f(e.exponent) };
    case 'call':
      return { ...e, fn: f(e.fn) as typeof e.fn, args: e.args.map(f), given: e.given.map(f) };
    case 'sum':
      return { ...e, from: e.from && f(e.from), to: e.to && f(e.to), body: f(e.body) };
    case 'derivative':
      return { ...e, of: f(e.of), wrt: f(e.wrt) };
    case 'indicator':
      return { ...e, condition: f(e.condition) as typeof e.condition };
    case 'entry':
      return { ...e, of: f(e.of), indices: e.indices.map(f) };
  }
}

/** Like mapChildren, but only the operands: a symbol's layer and indices and a call's function stay as they are (the graph rewrites symbols as wholes). */
export function mapOperands(e: Expr, f: (child: Expr) => Expr): Expr {
  if (e.kind === 'sym') return e;
  const mapped = mapChildren(e, f);
  return mapped.kind === 'call' && e.kind === 'call' ? { ...mapped, fn: e.fn } : mapped;
}

/** Replaces every bare symbol named `name` (no layer, indices or primes) by `replacement`. */
export function substitute(e: Expr, name: string, replacement: Expr): Expr {
  const sub = (x: Expr): Expr => substitute(x, name, replacement);
  if (e.kind === 'sym' && e.name === name && !e.layer && e.indices.length === 0 && e.primes === 0) return replacement;
  // A sum that binds the same name shadows it: leave its body alone.
  if (e.kind === 'sum' && e.index === name) return { ...e, from: e.from && sub(e.from), to: e.to && sub(e.to) };
  return mapChildren(e, sub);
}

export function isBareSymbol(e: Expr): e is Extract<Expr, { kind: 'sym' }> {
  return e.kind === 'sym' && !e.layer && e.indices.length === 0 && e.primes === 0 && !e.example;
}
