// A definition's body at one use: its layer parameter at a concrete layer,
// its index and function parameters replaced by what the use supplies.
import type { Expr, Span } from '../../math';
import type { Meaning } from '../conventions';
import { Uncheckable } from '../errors';
import { substitute } from '../walk';

type Template = Extract<Meaning, { kind: 'template' }>;

/** The body of δ^l_j := … used as δ^{3}_{k}: l = 3, j = k. */
export function instantiate(meaning: Template, layer: number | undefined, indexArguments: readonly Expr[]): Expr {
  let body = meaning.body;
  if (meaning.layer !== undefined && layer !== undefined) body = substitute(body, meaning.layer, { kind: 'num', value: layer, span: body.span });
  return replaceAll(body, meaning.indices.slice(0, indexArguments.length), indexArguments);
}

/** Simultaneous replacement, so g(x, y) applied to (y, x) swaps instead of collapsing. */
function replaceAll(body: Expr, names: readonly string[], values: readonly Expr[]): Expr {
  const fresh = names.map((_, k) => `\u0000param${k}`);
  let out = body;
  names.forEach((name, k) => (out = substitute(out, name, { kind: 'sym', name: fresh[k], indices: [], primes: 0, span: body.span })));
  fresh.forEach((name, k) => (out = substitute(out, name, values[k])));
  return out;
}

/** Step of the central difference that gives a helper's derivative g'(x). */
const HELPER_STEP = 1e-5;

/**
 * A call of a helper function the document defines: its body with the
 * arguments in place; g'(x) is the central difference (g(x + h) − g(x − h)) / 2h,
 * elementwise like g itself.
 */
export function helperDerivative(meaning: Template, args: readonly Expr[], primes: number, span: Span): Expr {
  const parameters = meaning.parameters ?? [];
  if (args.length !== parameters.length) throw new Uncheckable(`this function takes ${parameters.length} argument${parameters.length === 1 ? '' : 's'}, got ${args.length}`, span);
  if (primes === 0) return replaceAll(meaning.body, parameters, args);
  if (primes > 1 || parameters.length !== 1) throw new Uncheckable('only first derivatives of one-argument functions the document defines are supported', span);
  const num = (value: number): Expr => ({ kind: 'num', value, span });
  const at = (sign: '+' | '-'): Expr => replaceAll(meaning.body, parameters, [{ kind: 'binary', op: sign, left: args[0], right: num(HELPER_STEP), span }]);
  return { kind: 'binary', op: '/', left: { kind: 'binary', op: '-', left: at('+'), right: at('-'), span }, right: num(2 * HELPER_STEP), span };
}
