// A convention detected from the document: layers numbered by subscript
// (w_1, b_1, z_2, a_2 on a 1-1-1 network). A weight with one number as its
// only subscript cannot be an entry of a matrix, so the document numbers its
// layers that way, and then z_2, a_2, b_1 are layers too, not entries.
import type { Claim, Sym } from '../../math';
import { plainName } from '../conventions';
import { walk } from '../walk';
import { claimSides, mapClaimExprs, mapSymbolsTo, type ClaimShape } from './rewrite';

const WEIGHTS = new Set(['W', 'w']);
const LAYERED = new Set(['W', 'w', 'b', 'z', 'a', 'h', 'o']);

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

/** w_1 → W^{1}: the subscript is the layer. */
function subscriptAsLayer(e: Sym): Sym {
  const layer = LAYERED.has(plainName(e.name)) ? layerNumber(e) : undefined;
  return layer !== undefined ? { ...e, indices: [], layer: e.indices[0] } : e;
}

/** The claim with w_1, z_2, a_2 read as W^{1}, z^{2}, a^{2}. */
export function layersFromSubscripts<C extends ClaimShape>(claim: C): C {
  return mapClaimExprs(claim, (e) => mapSymbolsTo(e, subscriptAsLayer));
}

/** `let W_1 = W^{1}`: the document says itself what its numbered symbols mean, so nothing is detected. */
const NUMBERED_LET = /^\\?[A-Za-z]+_\{?\d+\}?$/;

const PARAMETERS = new Set(['W', 'w', 'b']);

/** `W_2 := (W^{2})^\top`: the document defines a numbered weight or bias itself (a transposed alias), so its subscripts are names. */
function definesNumbered(claims: readonly Claim[]): boolean {
  return claims.some((c) => c.kind === 'definition' && c.lhs.kind === 'sym' && PARAMETERS.has(plainName(c.lhs.name)) && layerNumber(c.lhs) !== undefined);
}

/** Whether the document numbers its layers by subscript and neither its lets nor its definitions say what its numbered symbols are. */
export function detectsSubscriptLayers(claims: readonly Claim[], letSymbols: readonly string[]): boolean {
  return !letSymbols.some((s) => NUMBERED_LET.test(s.trim())) && !definesNumbered(claims) && numbersLayersBySubscript(claims);
}
