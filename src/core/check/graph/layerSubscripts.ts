// A convention detected from the document: layers numbered by subscript
// (w_1, b_1, z_2, a_2 on a 1-1-1 network). A weight with one number as its
// only subscript cannot be an entry of a matrix, so the document numbers its
// layers that way, and then z_2, a_2, b_1 are layers too, not entries.
import type { Claim, Condition, Expr, Sym } from '../../math';
import { plainName } from '../conventions';
import { mapOperands, walk } from '../walk';

const WEIGHTS = new Set(['W', 'w']);
const LAYERED = new Set(['W', 'w', 'b', 'z', 'a', 'h', 'o', 'Z', 'A']);

function layerNumber(sym: Sym): number | undefined {
  if (sym.layer || sym.primes > 0 || sym.indices.length !== 1) return undefined;
  const index = sym.indices[0];
  return index.kind === 'num' && Number.isInteger(index.value) && index.value >= 0 ? index.value : undefined;
}

function sides(claim: Claim): Expr[] {
  return [claim.lhs, claim.rhs, ...claim.conditions.flatMap((c) => (c.kind === 'relation' ? [c.relation] : []))];
}

/** Whether the document writes a weight as w_1 or W_2: its layers are numbered by subscript. */
export function numbersLayersBySubscript(claims: readonly Claim[]): boolean {
  let found = false;
  for (const claim of claims) {
    for (const side of sides(claim)) {
      walk(side, (node) => {
        if (node.kind === 'sym' && WEIGHTS.has(plainName(node.name)) && layerNumber(node) !== undefined) found = true;
        return !found;
      });
    }
  }
  return found;
}

/** w_1 → W^{1}: the subscript is the layer (unless a let binds that very form: `let W_1 = (W^{1})^\top`). */
function subscriptAsLayer(e: Sym, letForms: ReadonlySet<string> = new Set()): Sym {
  const layer = LAYERED.has(plainName(e.name)) && !letForms.has(`${plainName(e.name)}_${layerNumber(e)}`) ? layerNumber(e) : undefined;
  return layer !== undefined ? { ...e, indices: [], layer: e.indices[0] } : e;
}

/** Every symbol of an expression (not those inside layers and subscripts) replaced by `f` of it. */
export function mapSymbols(e: Expr, f: (sym: Sym) => Sym): Expr {
  if (e.kind === 'sym') return f(e);
  const mapped = mapOperands(e, (child) => mapSymbols(child, f));
  return mapped.kind === 'call' ? { ...mapped, fn: f(mapped.fn) } : mapped;
}

/** The claim with every symbol replaced by `f` of it, conditions included. */
export function mapClaimSymbols(claim: Claim, f: (sym: Sym) => Sym): Claim {
  const r = (e: Expr) => mapSymbols(e, f);
  const condition = (c: Condition): Condition => (c.kind === 'relation' ? { ...c, relation: { ...c.relation, left: r(c.relation.left), right: r(c.relation.right) } } : c);
  return { ...claim, lhs: r(claim.lhs), rhs: r(claim.rhs), conditions: claim.conditions.map(condition) };
}

/** The claim with w_1, z_2, a_2 read as W^{1}, z^{2}, a^{2}. */
export function layersFromSubscripts(claim: Claim, letForms: ReadonlySet<string> = new Set()): Claim {
  return mapClaimSymbols(claim, (sym) => subscriptAsLayer(sym, letForms));
}

/** Whether a claim writes a layered symbol numbered by subscript that no let binds (Z_1 beside `let W_1 = …`). */
function numbersAnything(claim: Claim, letForms: ReadonlySet<string>): boolean {
  let found = false;
  for (const side of sides(claim)) {
    walk(side, (node) => {
      if (node.kind === 'sym' && LAYERED.has(plainName(node.name)) && layerNumber(node) !== undefined && !letForms.has(`${plainName(node.name)}_${layerNumber(node)}`)) found = true;
      return !found;
    });
  }
  return found;
}

/** `let W_1 = W^{1}`: the document says itself what those numbered symbols mean (and so that it numbers layers that way). */
const NUMBERED_LET = /^\\?([A-Za-z]+)_\{?(\d+)\}?$/;

/** The claims read under the conventions detected in the document, and what the report says about them. */
export function applyDetectedConventions<T extends { readonly claim: Claim }>(claims: readonly T[], letSymbols: readonly string[] = []): { claims: T[]; used: string[] } {
  const letForms = new Set(letSymbols.flatMap((s) => {
    const m = NUMBERED_LET.exec(s.trim());
    return m ? [`${m[1]}_${m[2]}`] : [];
  }));
  // Lets that bind every numbered symbol the document writes leave nothing to detect.
  const unbound = claims.map((c) => layersFromSubscripts(c.claim, letForms)).some((claim, k) => claim !== claims[k].claim && numbersAnything(claims[k].claim, letForms));
  if (letForms.size > 0 ? !unbound : !numbersLayersBySubscript(claims.map((c) => c.claim))) return { claims: [...claims], used: [] };
  return {
    claims: claims.map((c) => ({ ...c, claim: layersFromSubscripts(c.claim, letForms) })),
    used: ['layers numbered by subscript (detected: a weight is written w_1): w_k, b_k, z_k, a_k, h_k, o_k are the quantities of layer k'],
  };
}
