// Bishop's E_n: the error of one pattern n. The subscript names the example,
// not an entry: the document writes the letter on its loss and nowhere
// else, so E_n is the loss of the one example checked, E.
import type { Claim, Expr } from '../../math';
import { LOSS_CANDIDATES, plainName } from '../conventions';
import { isBareSymbol, walk } from '../walk';
import { claimSides, mapClaimExprs, mapSymbolsTo, type ClaimShape } from './rewrite';

/** Loss names written with one letter subscript (E_n), each with that letter, when the letter appears nowhere else in the document. */
export function exampleSubscripts(claims: readonly Claim[]): ReadonlyMap<string, string> {
  const marks = new Map<string, Set<string>>();
  const elsewhere = new Set<string>();
  const visit = (e: Expr) =>
    walk(e, (node) => {
      if (node.kind === 'sum') elsewhere.add(node.index);
      if (node.kind !== 'sym') return true;
      const name = plainName(node.name);
      const only = node.indices.length === 1 && isBareSymbol(node.indices[0]) ? node.indices[0].name : undefined;
      if (LOSS_CANDIDATES.has(name) && !node.layer && only) {
        if (!marks.has(name)) marks.set(name, new Set());
        marks.get(name)!.add(only);
        return false;
      }
      if (isBareSymbol(node)) elsewhere.add(node.name);
      return true;
    });
  for (const claim of claims) claimSides(claim).forEach(visit);
  const out = new Map<string, string>();
  for (const [name, letters] of marks) {
    const [letter] = [...letters];
    if (letters.size === 1 && !elsewhere.has(letter) && !marks.has(letter)) out.set(name, letter);
  }
  return out;
}

/** The claim with E_n read as E. */
export function withoutExampleSubscripts<C extends ClaimShape>(claim: C, marks: ReadonlyMap<string, string>): C {
  return mapClaimExprs(claim, (e) =>
    mapSymbolsTo(e, (sym) => {
      const letter = marks.get(plainName(sym.name));
      return letter && !sym.layer && sym.indices.length === 1 && isBareSymbol(sym.indices[0]) && sym.indices[0].name === letter ? { ...sym, indices: [] } : sym;
    }),
  );
}
