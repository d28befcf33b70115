// Generic traversal of expression trees.
import type { Expr } from '../math';

export function children(e: Expr): Expr[] {
  switch (e.kind) {
    case 'num':
    case 'unsupported':
      return [];
    case 'sym':
      return [...(e.layer ? [e.layer] : []), ...e.indices];
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

/** Replaces every bare symbol named `name` (no layer, indices or primes) by `replacement`. */
export function substitute(e: Expr, name: string, replacement: Expr): Expr {
  const sub = (x: Expr): Expr => substitute(x, name, replacement);
  switch (e.kind) {
    case 'num':
    case 'unsupported':
      return e;
    case 'sym':
      if (e.name === name && !e.layer && e.indices.length === 0 && e.primes === 0) return replacement;
      return { ...e, layer: e.layer ? sub(e.layer) : undefined, indices: e.indices.map(sub) };
    case 'binary':
      return { ...e, left: sub(e.left), right: sub(e.right) };
    case 'neg':
    case 'transpose':
    case 'norm':
      return { ...e, arg: sub(e.arg) };
    case 'pow':
      return { ...e, base: sub(e.base), exponent: sub(e.exponent) };
    case 'call':
      return { ...e, fn: sub(e.fn) as typeof e.fn, args: e.args.map(sub), given: e.given.map(sub) };
    case 'sum':
      // A sum that binds the same name shadows it: leave its body alone.
      if (e.index === name) return { ...e, from: e.from && sub(e.from), to: e.to && sub(e.to) };
      return { ...e, from: e.from && sub(e.from), to: e.to && sub(e.to), body: sub(e.body) };
    case 'derivative':
      return { ...e, of: sub(e.of), wrt: sub(e.wrt) };
    case 'relation':
      return { ...e, left: sub(e.left), right: sub(e.right) };
    case 'indicator':
      return { ...e, condition: sub(e.condition) as typeof e.condition };
  }
}

export function isBareSymbol(e: Expr): e is Extract<Expr, { kind: 'sym' }> {
  return e.kind === 'sym' && !e.layer && e.indices.length === 0 && e.primes === 0;
}
