// Lets the parser alone would misread. `let W_1 = W^{1}`: the subscript
// number is part of the name (CS231n's W1, b1), so the document's W_1
// becomes one symbol `W_{1}` bound by the let, not entry 1 of W.
// `let s^{e} = \delta^{e}`: s is a layered quantity, so its superscripts are
// layers, not powers. Other lets are bound as usual.
import { parseExpression, type Claim, type Sym } from '../../math';
import type { LetBinding } from '../../netspec';
import type { Problem } from '../../source';
import { plainName, type Environment } from '../conventions';
import { mapClaimSymbols } from './layerSubscripts';
import { isLayerLike, withLayers } from './powers';

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

/** `s^{e}`: a symbol the parser read with a power, and the letter of its layer. */
function layered(binding: LetBinding): { name: string; letter: string; let: LetBinding } | undefined {
  const e = parseExpression(binding.symbol).expr;
  if (!e || e.kind !== 'pow' || e.base.kind !== 'sym' || e.base.layer || e.base.indices.length > 0 || e.exponent.kind !== 'sym' || !isLayerLike(e.exponent)) return undefined;
  return { name: e.base.name, letter: e.exponent.name, let: binding };
}

/** Binds a let's expression under `name`; one that does not parse is a located problem. */
function bindLet(env: Environment, name: string, binding: LetBinding, problems: Problem[], layer: { layer?: string; layerOffset?: number }): void {
  const body = parseExpression(binding.expression);
  if (!body.expr || body.errors.length > 0) {
    problems.push({ range: binding.expressionRange, severity: 'error', message: `cannot read the LaTeX of this let: ${body.errors[0]?.message ?? 'empty'}` });
    return;
  }
  const where = binding.file ? `let in ${binding.file}` : `let on line ${binding.range.start.line + 1}`;
  env.bind(name, { meaning: { kind: 'template', indices: [], body: body.expr, ...layer }, description: `${binding.symbol} = ${binding.expression}`, boundBy: where });
}

/** Binds the layered lets (s^{e} = …) and reads the claims' s_a^e as layers; returns the other lets. */
function bindLayeredLets<T extends { readonly claim: Claim }>(claims: readonly T[], lets: readonly LetBinding[], env: Environment, problems: Problem[]): { claims: T[]; lets: LetBinding[] } {
  const found = lets.map(layered).filter((n): n is NonNullable<ReturnType<typeof layered>> => n !== undefined);
  for (const n of found) bindLet(env, n.name, n.let, problems, { layer: n.letter, layerOffset: 0 });
  const lifted = claims.map((c) => ({ ...c, claim: found.reduce((claim, n) => withLayers(claim, n.name), c.claim) }));
  return { claims: lifted, lets: lets.filter((l) => !found.some((n) => n.let === l)) };
}

/** Binds the lets the parser alone would misread and reads the claims' uses of them so; returns the other lets for bindLets. */
export function bindDocumentLets<T extends { readonly claim: Claim }>(claims: readonly T[], lets: readonly LetBinding[], env: Environment, problems: Problem[]): { claims: T[]; lets: LetBinding[] } {
  const afterLayered = bindLayeredLets(claims, lets, env, problems);
  return bindNumberedLets(afterLayered.claims, afterLayered.lets, env, problems);
}

function bindNumberedLets<T extends { readonly claim: Claim }>(claims: readonly T[], lets: readonly LetBinding[], env: Environment, problems: Problem[]): { claims: T[]; lets: LetBinding[] } {
  const found = lets.map(numbered).filter((n): n is Numbered => n !== undefined);
  if (found.length === 0) return { claims: [...claims], lets: [...lets] };
  for (const n of found) bindLet(env, nameOf(n), n.let, problems, {});
  const names = new Set(found.map(nameOf));
  const rename = (sym: Sym): Sym => {
    const index = sym.indices[0];
    if (sym.layer || sym.primes > 0 || sym.indices.length !== 1 || index.kind !== 'num') return sym;
    const name = nameOf({ base: plainName(sym.name), number: index.value });
    return names.has(name) ? { ...sym, name, indices: [] } : sym;
  };
  return { claims: claims.map((c) => ({ ...c, claim: mapClaimSymbols(c.claim, rename) })), lets: lets.filter((l) => !found.some((n) => n.let === l)) };
}
