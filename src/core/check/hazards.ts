// Why a side of a claim is not a finite number: the innermost operation
// whose inputs are finite but whose result is not (a log of 0, an exp that
// overflows, a division by zero). Only run for the case being reported, so
// it may re-evaluate sub-expressions freely.
import type { MathNode } from 'mathjs';
import { evaluateNode, withVariable } from './functions';
import { entries, isMatrix, type Value } from './values';

type Scope = Map<string, unknown>;

interface Call {
  readonly fn: { readonly name: string };
  readonly args: readonly MathNode[];
}

/** Strings (a function's name) and the instance in scope are arguments too: only numbers can be non-finite. */
const finite = (v: unknown): boolean => (typeof v !== 'number' && !isMatrix(v as Value)) || typeof v === 'string' || entries(v as Value).every(Number.isFinite);
const has = (v: Value, test: (x: number) => boolean): boolean => entries(v).some(test);

/** What an operation did to finite inputs to produce a non-finite result. */
function cause(name: string, args: readonly MathNode[], values: readonly Value[]): string {
  const word = (args[0] as unknown as { value?: unknown }).value;
  if (name === 'gc_fn' && word === 'log') return has(values[1], (x) => x === 0) ? 'log of 0' : 'log of a negative number';
  if (name === 'gc_fn' && word === 'exp') return 'exp overflows';
  if (name === 'gc_div') return has(values[1], (x) => x === 0) ? 'division by zero' : 'a quotient overflows';
  if (name === 'gc_pow') return has(values[0], (x) => x === 0) ? '0 to a negative power' : has(values[0], (x) => x < 0) ? 'a negative number to a fractional power' : 'a power overflows';
  if (name === 'gc_mul' || name === 'gc_odot' || name === 'gc_add' || name === 'gc_sub') return 'the numbers overflow';
  return `${name.replace(/^gc_/, '')} is not finite`;
}

/** The first non-finite operation inside `node`, described; undefined when the node is finite here. */
export function explainNonFinite(node: MathNode, scope: Scope): string | undefined {
  let value: Value;
  try {
    value = evaluateNode(node, scope);
  } catch {
    return undefined;
  }
  if (finite(value)) return undefined;
  if (node.type !== 'FunctionNode') return 'a value is not finite';
  const { fn, args } = node as unknown as Call;
  if (fn.name === 'gc_sum') return explainSum(args, scope);
  if (fn.name === 'gc_deriv') return 'a derivative by finite differences is not finite';
  const values: Value[] = [];
  for (const arg of args) {
    const inner = explainNonFinite(arg, scope);
    if (inner) return inner;
    try {
      values.push(evaluateNode(arg, scope));
    } catch {
      return undefined;
    }
  }
  return cause(fn.name, args, values);
}

/** The first term of a sum that is not finite, explained. */
function explainSum(args: readonly MathNode[], scope: Scope): string {
  const [nameNode, fromNode, toNode, body] = args;
  const name = (nameNode as unknown as { value: string }).value;
  const from = entries(evaluateNode(fromNode, scope))[0];
  const to = entries(evaluateNode(toNode, scope))[0];
  for (let i = from; i <= to; i++) {
    const inner = withVariable(scope, name, i, () => explainNonFinite(body, scope));
    if (inner) return inner;
  }
  return 'a sum overflows';
}
