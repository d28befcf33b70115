// Sizes and constants a document sets in prose math ($\lambda = 0.01$,
// $m = 5$): they bind when nothing else gives the symbol a meaning.
import type { Formula } from '../../document';
import type { Binding, Environment } from '../conventions';

/** `\lambda = 0.01`, `m = 5`, `D=3`: one symbol, one number, nothing else. */
const CONSTANT = /^\s*(\\[a-zA-Z]+|[A-Za-z])\s*=\s*(-?\d+(?:\.\d+)?(?:[eE]-?\d+)?)\s*\.?\s*$/;

/** Letters that state cases or indices in prose ($a = 1$, $k = 2$, $y = 3$): never constants. */
const INDEX_LETTERS = new Set(['a', 'b', 'c', 'i', 'j', 'k', 'l', 'y', 'x', 'L']);

/** Binds the constants the prose sets (`$\\lambda = 0.01$`) where nothing else binds them; returns what it bound, as [name, value]. */
export function bindProseConstants(formulas: readonly Formula[], env: Environment): [string, number][] {
  const bound: [string, number][] = [];
  for (const formula of formulas) {
    if (formula.display) continue;
    const m = CONSTANT.exec(formula.latex);
    if (!m || INDEX_LETTERS.has(m[1]) || env.lookup(m[1])) continue;
    const line = formula.toPosition(0).line + 1;
    const binding: Binding = { meaning: { kind: 'constant', value: Number(m[2]) }, description: `${m[1]} = ${m[2]}, set in the text`, boundBy: `the text on line ${line}` };
    env.bind(m[1], binding);
    bound.push([m[1], Number(m[2])]);
  }
  return bound;
}
