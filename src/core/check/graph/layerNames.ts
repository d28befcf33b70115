// Layers named by capital letters: W^{(H)}, z^{(O)} for the hidden and the
// output layer (and I for the input). Read as layer variables they would be
// checked at every layer, which they do not mean; read as names, O is the
// last layer, I the input, and H the hidden layer when the network has
// exactly one.
import type { Sym } from '../../math';
import { isBareSymbol, walk } from '../walk';
import { claimSides, mapClaimExprs, mapSymbolsTo, type ClaimShape } from './rewrite';

export type LayerNames = ReadonlyMap<string, number>;

/** The usual names: what each means on a network with `lastLayer` dense layers; undefined where it is ambiguous. */
function usualName(name: string, lastLayer: number): number | undefined {
  if (name === 'I') return 0;
  if (name === 'O') return lastLayer;
  if (name === 'H') return lastLayer === 2 ? 1 : undefined;
  return undefined;
}

/** Capital letters the document writes as a layer (W^{(O)}), L aside. */
export function layerNamesUsed(claims: readonly ClaimShape[]): Set<string> {
  const used = new Set<string>();
  for (const claim of claims) {
    for (const side of claimSides(claim)) {
      walk(side, (node) => {
        if (node.kind === 'sym' && node.layer && isBareSymbol(node.layer) && /^[A-Z]$/.test(node.layer.name) && node.layer.name !== 'L') used.add(node.layer.name);
        if (node.kind === 'call' && node.fn.layer && isBareSymbol(node.fn.layer) && /^[A-Z]$/.test(node.fn.layer.name) && node.fn.layer.name !== 'L') used.add(node.fn.layer.name);
      });
    }
  }
  return used;
}

export interface NamedLayersDetection {
  /** The names used that mean one layer of this network (I, O; H with one hidden layer), with it. */
  readonly names: LayerNames;
  /** The usual names used that have no one meaning on this network (H with several hidden layers). */
  readonly unresolved: readonly string[];
}

/** Other capital letters (a layer K) are left as they are: only the usual names are read. */
export function detectLayerNames(used: ReadonlySet<string>, lastLayer: number): NamedLayersDetection {
  const usual = [...used].filter((n) => USUAL.includes(n));
  return {
    names: new Map(usual.flatMap((n) => (usualName(n, lastLayer) === undefined ? [] : [[n, usualName(n, lastLayer)!] as const]))),
    unresolved: usual.filter((n) => usualName(n, lastLayer) === undefined),
  };
}

const USUAL = ['I', 'H', 'O'];

function named(sym: Sym, names: LayerNames, unresolved: readonly string[]): Sym {
  const name = sym.layer && isBareSymbol(sym.layer) ? sym.layer.name : undefined;
  if (name === undefined) return sym;
  const layer = names.get(name);
  if (layer !== undefined) return { ...sym, layer: { kind: 'num', value: layer, span: sym.layer!.span } };
  if (!unresolved.includes(name)) return sym;
  // Never a layer variable: that would check the claim at every layer, which a name does not mean.
  const reason = `the layer name ${name} names no one layer of this network; declare the names in the spec, input layer first (\`convention layer-names I H O\`), or write the layer number`;
  return { ...sym, layer: { kind: 'unsupported', construct: name, reason, span: sym.layer!.span } };
}

/** The claim with W^{(O)} read as W^{L}, z^{(H)} as z^{1}; a name in `unresolved` makes the claim unchecked. */
export function withLayerNames<C extends ClaimShape>(claim: C, names: LayerNames, unresolved: readonly string[] = []): C {
  return mapClaimExprs(claim, (e) => mapSymbolsTo(e, (s) => named(s, names, unresolved)));
}
