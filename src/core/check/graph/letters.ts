// Layers named by index letters (Bishop §5.3): i runs over input units, j
// over hidden units, k over output units, and a_j, z_j, δ_k carry no layer
// mark. The document tells the letters itself through its weights with a
// written layer: w^{(1)}_{ji} connects unit i of layer 0 to unit j of layer
// 1, w^{(2)}_{kj} unit j to unit k of layer 2. When every letter names one
// layer, a symbol written with such a letter and no layer is read at that
// layer; in a definition (δ_j ≡ ∂E_n/∂a_j) the letter stands for any unit,
// so the definition is one for every layer.
import type { Claim, Expr, Sym } from '../../math';
import { Environment, plainName } from '../conventions';
import { isBareSymbol, some, walk } from '../walk';
import { claimSides, mapClaimExprs, mapSymbolsTo, type ClaimShape } from './rewrite';

export type LetterLayers = ReadonlyMap<string, number>;

const WEIGHTS = new Set(['W', 'w']);
const conventional = new Environment();

/** A layered quantity by default (z, a, h, o, b, δ) that one index can place: not a weight. */
function placeable(sym: Sym): boolean {
  const meaning = conventional.lookup(sym.name)?.meaning;
  return meaning?.kind === 'layered' && meaning.quantity !== 'W';
}

function letterOf(e: Expr): string | undefined {
  return isBareSymbol(e) && /^[a-z]$/.test(e.name) ? e.name : undefined;
}

export interface LetterEvidence {
  /** Each letter with the layers the document's weights give it. */
  readonly layers: ReadonlyMap<string, ReadonlySet<number>>;
  /** The weights that told, as written (w^{(1)}_{ji}), for the report. */
  readonly witnesses: readonly string[];
  /** Whether the document writes a placeable symbol with one letter and no layer (a_j): only then do letters matter. */
  readonly used: boolean;
}

/** What the document's weights with a written layer say about its index letters; `inputFirst` when w_{ij} goes from i to j. */
export function letterEvidence(claims: readonly Claim[], inputFirst: boolean, lastLayer: number): LetterEvidence {
  const layers = new Map<string, Set<number>>();
  const witnesses: string[] = [];
  let used = false;
  const note = (letter: string, layer: number) => {
    if (!layers.has(letter)) layers.set(letter, new Set());
    layers.get(letter)!.add(layer);
  };
  for (const claim of claims) {
    for (const side of claimSides(claim)) {
      walk(side, (node) => {
        if (node.kind !== 'sym') return true;
        if (WEIGHTS.has(plainName(node.name)) && node.layer?.kind === 'num' && node.indices.length === 2) {
          const [to, from] = inputFirst ? [node.indices[1], node.indices[0]] : [node.indices[0], node.indices[1]];
          const layer = node.layer.value;
          const [a, b] = [letterOf(to), letterOf(from)];
          if (a && b && a !== b && Number.isInteger(layer) && layer >= 1 && layer <= lastLayer) {
            note(a, layer);
            note(b, layer - 1);
            const name = `${plainName(node.name)}^{(${layer})}_{${node.indices.map((i) => (isBareSymbol(i) ? i.name : '?')).join('')}}`;
            if (!witnesses.includes(name)) witnesses.push(name);
          }
        }
        if (!node.layer && node.indices.length === 1 && letterOf(node.indices[0]) && placeable(node)) used = true;
        return false;
      });
    }
  }
  return { layers, witnesses, used };
}

/** The letters as layers, when there are at least two and each names exactly one layer. */
export function unambiguousLetters(evidence: LetterEvidence): LetterLayers | undefined {
  if (evidence.layers.size < 2 || [...evidence.layers.values()].some((s) => s.size !== 1)) return undefined;
  return new Map([...evidence.layers].map(([letter, set]) => [letter, [...set][0]]));
}

/** The letters whose layer the weights contradict, for the message that proposes the convention without applying it. */
export function conflictingLetters(evidence: LetterEvidence): string[] {
  return [...evidence.layers].filter(([, set]) => set.size > 1).map(([letter, set]) => `${letter} is layer ${[...set].sort().join(' and ')}`);
}

const FRESH_LAYER_LETTERS = ['l', 'm', 'q', 'r', 's', 'u', 'v'];

function num(value: number, at: Expr): Expr {
  return { kind: 'num', value, span: at.span };
}

/** a_j → a^{1}_j; z_j^2 (read as z at layer 2) → (z^{1}_j)^2; `parameter` replaces the layer of the letter a definition is written in. */
/** Symbols this reading has placed: a claim read again (a continuation's left side) keeps them as they are. */
const alreadyPlaced = new WeakSet<Sym>();

function placed(sym: Sym, letters: LetterLayers, parameter?: { letter: string; name: string }): Expr {
  const letter = sym.indices.length === 1 ? letterOf(sym.indices[0]) : undefined;
  if (!letter || alreadyPlaced.has(sym) || !placeable(sym) || (!letters.has(letter) && parameter?.letter !== letter)) return sym;
  const layer: Expr = parameter?.letter === letter ? { kind: 'sym', name: parameter.name, indices: [], primes: 0, span: sym.span } : num(letters.get(letter)!, sym);
  if (!sym.layer) {
    const out: Sym = { ...sym, layer };
    alreadyPlaced.add(out);
    return out;
  }
  // A bias keeps its written layer (b^{(1)}_j); so does a layer 0 or 1, which no one writes as a power, and a layer already placed (a claim read again).
  const quantity = conventional.lookup(sym.name)?.meaning;
  const written = sym.layer.kind === 'num' && Number.isInteger(sym.layer.value) ? sym.layer.value : undefined;
  if (written === undefined || written < 2 || quantity?.kind !== 'layered' || quantity.quantity === 'b') return sym;
  // A square over a unit whose letter tells another layer is a power: Bishop's (1 − z_j^2).
  if (layer.kind !== 'num' || layer.value !== written) {
    const base: Sym = { ...sym, layer };
    alreadyPlaced.add(base);
    return { kind: 'pow', base, exponent: sym.layer, span: sym.span };
  }
  // z_k^2 with k in layer 2: the square of z_k, or z_k itself? Neither reading is safe.
  if (parameter === undefined) {
    const reason = `with its letter naming layer ${written}, the 2 over it may be its layer or a square: write (${plainName(sym.name)}_{…})^{${written}} for a square, or drop it`;
    return { ...sym, layer: { kind: 'unsupported', construct: `${plainName(sym.name)}^{${written}}`, reason, span: sym.layer.span } };
  }
  return sym;
}

/**
 * The claim with every layer-less symbol placed by its index letter; a
 * definition of one (δ_j ≡ …) holds at every layer. Names in `own` (a let
 * binds them bare: `let a = z^{1}`) keep the meaning the let gives them.
 */
export function withLetterLayers<C extends ClaimShape>(claim: C, letters: LetterLayers, own: ReadonlySet<string> = new Set()): C {
  const place = (s: Sym, parameter?: { letter: string; name: string }) => (own.has(plainName(s.name)) ? s : placed(s, letters, parameter));
  const lhs = claim.lhs;
  const defines = claim.kind === 'definition' && lhs.kind === 'sym' && !lhs.layer && lhs.indices.length === 1 && letterOf(lhs.indices[0]) !== undefined && placeable(lhs) && !own.has(plainName(lhs.name));
  if (!defines) return mapClaimExprs(claim, (e) => mapSymbolsTo(e, (s) => place(s)));
  const written = new Set<string>();
  for (const side of claimSides(claim)) walk(side, (n) => void (n.kind === 'sym' && written.add(n.name)));
  const name = FRESH_LAYER_LETTERS.find((l) => !written.has(l) && !letters.has(l));
  if (!name) return claim;
  const parameter = { letter: letterOf(lhs.indices[0])!, name };
  return mapClaimExprs(claim, (e) => mapSymbolsTo(e, (s) => place(s, parameter)));
}

/** Whether the claim writes a unit's value with one letter index and no layer (a_j, z_j): GradCheck guesses its layer. */
export function placesByGuess(claim: ClaimShape): boolean {
  return claimSides(claim).some((side) => some(side, (n) => n.kind === 'sym' && !n.layer && n.indices.length === 1 && letterOf(n.indices[0]) !== undefined && placeable(n)));
}

/** The claim with every such value placed at one layer: is the failure the guess's doing? */
export function placedAt<C extends ClaimShape>(claim: C, layer: number): C {
  const letters = new Map<string, number>();
  for (const side of claimSides(claim)) walk(side, (n) => void (n.kind === 'sym' && !n.layer && n.indices.length === 1 && letterOf(n.indices[0]) && letters.set(letterOf(n.indices[0])!, layer)));
  return mapClaimExprs(claim, (e) => mapSymbolsTo(e, (s) => (s.layer ? s : placed(s, letters))));
}
