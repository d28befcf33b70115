// Sizes and constants a document sets in prose math ($\lambda = 0.01$,
// $m = 5$): they bind when nothing else gives the symbol a meaning.
import type { Formula } from '../../document';
import type { Claim } from '../../math';
import { some } from '../walk';
import type { Binding, ElementaryFunction, Environment } from '../conventions';

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

/** `h = \tanh`, `f = \sigma`: a letter named as an activation function in the text. */
const FUNCTION_ALIAS = /^\s*(\\[a-zA-Z]+|[A-Za-z])\s*=\s*(?:\\(?:mathrm|operatorname|text)\{)?\\?(tanh|sigma|sigmoid|relu|ReLU|softplus)\}?\s*[.,]?\s*$/;

const ALIASED: Readonly<Record<string, ElementaryFunction>> = { tanh: 'tanh', sigma: 'sigmoid', sigmoid: 'sigmoid', relu: 'relu', ReLU: 'relu', softplus: 'softplus' };

export interface ProseFunction {
  readonly name: string;
  readonly fn: ElementaryFunction;
  readonly line: number;
}

/** The functions the text names (Bishop's "$h = \tanh$"): the letter is that function, applied with parentheses (h(a_j)). */
export function proseFunctions(formulas: readonly Formula[]): ProseFunction[] {
  return formulas.flatMap((formula) => {
    const m = formula.display ? null : FUNCTION_ALIAS.exec(formula.latex);
    return m && m[1] !== `\\${m[2]}` ? [{ name: m[1], fn: ALIASED[m[2]], line: formula.toPosition(0).line + 1 }] : [];
  });
}

/**
 * Binds each function the text names; its sentence says what the letter means,
 * whatever the convention would read. Not where the document also writes the
 * letter with a layer (h^{(k)}): there it stays the layered quantity.
 */
export function bindProseFunctions(functions: readonly ProseFunction[], claims: readonly Claim[], env: Environment): void {
  for (const f of functions) {
    if (claims.some((c) => [c.lhs, c.rhs].some((side) => some(side, (n) => n.kind === 'sym' && n.name === f.name && n.layer !== undefined)))) continue;
    env.bind(f.name, { meaning: { kind: 'function', fn: f.fn }, description: `${f.name} = ${f.fn}, named in the text`, boundBy: `the text on line ${f.line}` });
  }
}
