// Algorithm-style running variables (Goodfellow's Algorithm 6.4): `g ←
// \nabla_{\hat y} J`, then in a loop over layers `g ← \nabla_{a^{(k)}} J =
// g \odot f'(a^{(k)})`, …, `g ← \nabla_{h^{(k-1)}} J = W^{(k)\top} g`. Each
// assignment says what g stands for from then on; a claim in the same chain
// still sees the g before it. A use at the top of the loop, before any
// assignment of this pass, sees what the end of the previous pass left
// (the last assignment mentioning the loop's layer letter, one layer up).
import type { Claim, Expr } from '../../math';
import { printExpr } from '../../math';
import { plainName, type Binding, type Environment } from '../conventions';
import { isBareSymbol, substitute, walk } from '../walk';

interface Assignment {
  readonly index: number;
  readonly name: string;
  readonly body: Expr;
  /** The layer letter of the loop the assignment is in, when its value depends on one. */
  readonly loopLetter?: string;
}

/** The letter in a layer position of an expression (k in \nabla_{h^{(k-1)}} J), if one. */
function layerLetter(e: Expr): string | undefined {
  let found: string | undefined;
  walk(e, (node) => {
    if (found) return false;
    if (node.kind === 'sym' && node.layer) {
      walk(node.layer, (l) => {
        if (!found && isBareSymbol(l) && l.name !== 'L') found = l.name;
      });
    }
  });
  return found;
}

function isAssignment(claim: Claim): boolean {
  return claim.kind === 'update' && isBareSymbol(claim.lhs);
}

export class RunningVariables {
  private readonly assignments: Assignment[];

  /** Running variables are symbols assigned with ← at least twice (a parameter's gradient step is not one). */
  constructor(private readonly claims: readonly { readonly claim: Claim; readonly formula: unknown }[]) {
    const all = claims.flatMap((c, index) => (isAssignment(c.claim) ? [{ index, name: plainName((c.claim.lhs as Extract<Expr, { kind: 'sym' }>).name), body: c.claim.rhs, loopLetter: layerLetter(c.claim.rhs) }] : []));
    const count = (name: string) => all.filter((a) => a.name === name).length;
    this.assignments = all.filter((a) => count(a.name) >= 2);
  }

  /** Whether the claim at this index assigns a running variable: it defines, it claims nothing. */
  assigns(index: number): boolean {
    return this.assignments.some((a) => a.index === index);
  }

  /**
   * Binds every running variable to what it stands for at the claim with this
   * index: the last assignment before it outside its own formula, or at the
   * top of a loop what the previous pass left.
   */
  bindAt(index: number, env: Environment): void {
    const formula = this.claims[index].formula;
    for (const name of new Set(this.assignments.map((a) => a.name))) {
      const mine = this.assignments.filter((a) => a.name === name);
      const before = mine.filter((a) => a.index < index && this.claims[a.index].formula !== formula);
      const previous = before[before.length - 1];
      const letter = layerLetter(this.claims[index].claim.lhs) ?? layerLetter(this.claims[index].claim.rhs);
      const carried = letter && (!previous || previous.loopLetter !== letter) ? mine.filter((a) => a.index > index && a.loopLetter === letter).pop() : undefined;
      const body = carried ? substitute(carried.body, letter!, { kind: 'binary', op: '+', left: { kind: 'sym', name: letter!, indices: [], primes: 0, span: carried.body.span }, right: { kind: 'num', value: 1, span: carried.body.span }, span: carried.body.span }) : previous?.body;
      if (!body) continue;
      const binding: Binding = {
        meaning: { kind: 'template', indices: [], body },
        description: `${name} = ${printExpr(body)}, the running variable at this step of the algorithm${carried ? ' (left by the previous pass of the loop)' : ''}`,
        boundBy: carried ? 'the previous pass of the loop' : 'the assignment before it',
      };
      env.bind(name, binding);
    }
  }
}
