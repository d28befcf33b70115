// A convention detected from the document: layers numbered by subscript
// (w_1, b_1, z_2, a_2 on a 1-1-1 network). A weight with one number as its
// only subscript cannot be an entry of a matrix, so the document numbers its
// layers that way, and then z_2, a_2, b_1 are layers too, not entries.
import type { Claim, Sym } from '../../math';
import { plainName } from '../conventions';
import { walk } from '../walk';
import { claimSides, mapClaimExprs, mapSymbolsTo, type ClaimShape } from './rewrite';

const WEIGHTS = new Set(['W', 'w']);
const LAYERED = new Set(['W', 'w', 'b', 'z', 'a', 'h', 'o', 'Z', 'A']);

function layerNumber(sym: Sym): number | undefined {
  if (sym.layer || sym.primes > 0 || sym.indices.length !== 1) return undefined;
  const index = sym.indices[0];
  return index.kind === 'num' && Number.isInteger(index.value) && index.value >= 0 ? index.value : undefined;
}

/** Whether the document writes a weight as w_1 or W_2: its layers are numbered by subscript. */
export function numbersLayersBySubscript(claims: readonly Claim[]): boolean {
  let found = false;
  for (const claim of claims) {
    for (const side of claimSides(claim)) {
      walk(side, (node) => {
        if (node.kind === 'sym' && WEIGHTS.has(plainName(node.name)) && layerNumber(node) !== undefined) found = true;
        return !found;
      });
    }
  }
  return found;
}

/** `W_1` for a let binding that very form: it keeps the let's meaning. */
const formOf = (sym: Sym) => `${plainName(sym.name)}_${layerNumber(sym)}`;

/** w_1 → W^{1}: the subscript is the layer (unless a let binds that very form: `let W_1 = (W^{1})^\top`). */
function subscriptAsLayer(e: Sym, letForms: ReadonlySet<string>): Sym {
  const layer = LAYERED.has(plainName(e.name)) && !letForms.has(formOf(e)) ? layerNumber(e) : undefined;
  return layer !== undefined ? { ...e, indices: [], layer: e.indices[0] } : e;
}

/** The claim with w_1, z_2, a_2 read as W^{1}, z^{2}, a^{2}. */
export function layersFromSubscripts<C extends ClaimShape>(claim: C, letForms: ReadonlySet<string> = new Set()): C {
  return mapClaimExprs(claim, (e) => mapSymbolsTo(e, (sym) => subscriptAsLayer(sym, letForms)));
}

/** `let W_1 = W^{1}`: the document says itself what those numbered symbols mean (and so that it numbers layers that way). */
const NUMBERED_LET = /^\\?([A-Za-z]+)_\{?(\d+)\}?$/;

/** The numbered forms the spec's lets bind (`W_1`, `b_2`). */
export function numberedLetForms(letSymbols: readonly string[]): ReadonlySet<string> {
  return new Set(letSymbols.flatMap((s) => {
    const m = NUMBERED_LET.exec(s.trim());
    return m ? [`${m[1]}_${m[2]}`] : [];
  }));
}

/** Whether a claim writes a layered symbol numbered by subscript that no let binds (Z_1 beside `let W_1 = …`). */
function numbersUnbound(claims: readonly Claim[], letForms: ReadonlySet<string>): boolean {
  return claims.some((claim) => claimSides(claim).some((side) => {
    let found = false;
    walk(side, (node) => {
      if (node.kind === 'sym' && LAYERED.has(plainName(node.name)) && layerNumber(node) !== undefined && !letForms.has(formOf(node))) found = true;
      return !found;
    });
    return found;
  }));
}

const PARAMETERS = new Set(['W', 'w', 'b']);

/** `W_2 := (W^{2})^\top`: the document defines a numbered weight or bias itself (a transposed alias), so its subscripts are names. */
function definesNumbered(claims: readonly Claim[]): boolean {
  return claims.some((c) => c.kind === 'definition' && c.lhs.kind === 'sym' && PARAMETERS.has(plainName(c.lhs.name)) && layerNumber(c.lhs) !== undefined);
}

/**
 * Whether the document numbers its layers by subscript: it writes a weight
 * w_1, or its lets bind numbered forms (`let W_1 = …`) and it writes other
 * numbered symbols they do not bind (Z_1); not when its definitions say what
 * its numbered weights are (`W_2 := (W^{2})^\top`).
 */
export function detectsSubscriptLayers(claims: readonly Claim[], letSymbols: readonly string[]): boolean {
  const letForms = numberedLetForms(letSymbols);
  if (definesNumbered(claims)) return false;
  return letForms.size > 0 ? numbersUnbound(claims, letForms) : numbersLayersBySubscript(claims);
}
