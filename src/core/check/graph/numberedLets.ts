// `let W_1 = W^{1}`: a symbol whose subscript number is part of its name
// (CS231n's W1, b1). The document's W_1 becomes one symbol, `W_{1}`, bound
// by the let, instead of entry 1 of W; other lets are bound as usual.
import { parseExpression, type Claim, type Sym } from '../../math';
import type { LetBinding } from '../../netspec';
import type { Problem } from '../../source';
import { plainName, type Environment } from '../conventions';
import { mapClaimSymbols } from './layerSubscripts';

interface Numbered {
  readonly base: string;
  readonly number: number;
  readonly let: LetBinding;
}

function numbered(binding: LetBinding): Numbered | undefined {
  const sym = parseExpression(binding.symbol).expr;
  if (!sym || sym.kind !== 'sym' || sym.layer || sym.primes > 0 || sym.indices.length !== 1) return undefined;
  const index = sym.indices[0];
  return index.kind === 'num' && Number.isInteger(index.value) ? { base: plainName(sym.name), number: index.value, let: binding } : undefined;
}

const nameOf = (n: Pick<Numbered, 'base' | 'number'>) => `${n.base}_{${n.number}}`;

/** Binds the numbered lets under their own names and reads the claims' uses of them so; returns the other lets for bindLets. */
export function bindNumberedLets<T extends { readonly claim: Claim }>(claims: readonly T[], lets: readonly LetBinding[], env: Environment, problems: Problem[]): { claims: T[]; lets: LetBinding[] } {
  const found = lets.map(numbered).filter((n): n is Numbered => n !== undefined);
  if (found.length === 0) return { claims: [...claims], lets: [...lets] };
  for (const n of found) {
    const body = parseExpression(n.let.expression);
    if (!body.expr || body.errors.length > 0) {
      problems.push({ range: n.let.expressionRange, severity: 'error', message: `cannot read the LaTeX of this let: ${body.errors[0]?.message ?? 'empty'}` });
      continue;
    }
    const where = n.let.file ? `let in ${n.let.file}` : `let on line ${n.let.range.start.line + 1}`;
    env.bind(nameOf(n), { meaning: { kind: 'template', indices: [], body: body.expr }, description: `${n.let.symbol} = ${n.let.expression}`, boundBy: where });
  }
  const names = new Set(found.map(nameOf));
  const rename = (sym: Sym): Sym => {
    const index = sym.indices[0];
    if (sym.layer || sym.primes > 0 || sym.indices.length !== 1 || index.kind !== 'num') return sym;
    const name = nameOf({ base: plainName(sym.name), number: index.value });
    return names.has(name) ? { ...sym, name, indices: [] } : sym;
  };
  return { claims: claims.map((c) => ({ ...c, claim: mapClaimSymbols(c.claim, rename) })), lets: lets.filter((l) => !found.some((n) => n.let === l)) };
}
