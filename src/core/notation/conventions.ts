// The conventions a document may declare with `convention NAME` in its spec
// (docs/spec-language.md), each what GradCheck would otherwise have to
// detect: a reading of the whole document (readings.ts), or a rewrite of its
// claims (src/core/check/graph/conventions.ts). docs/notation.md lists them.
import { A_PRE_ACTIVATION, INPUT_LAYER_1, ROW_VECTORS, SUBSCRIPT_LAYERS, UFLDL_LAYERS, WEIGHTS_INPUT_FIRST, type Reading } from './readings';

export type ConventionName =
  | 'row-vectors'
  | 'weights-input-first'
  | 'layers-from-1'
  | 'input-layer-1'
  | 'layer-subscripts'
  | 'a-pre-activation'
  | 'layer-letters'
  | 'layer-names'
  | 'bias-index-0';

export interface NamedConvention {
  readonly name: ConventionName;
  /** What it means, for docs/notation.md and the report's `conventions`. */
  readonly description: string;
  /** The spec line that declares it. */
  readonly example: string;
  /** The reading every claim is lowered with; none for the conventions that rewrite claims. */
  readonly reading?: Reading;
  /** `layer-letters` and `layer-names` take a letter per layer, input first. */
  readonly takesLetters?: boolean;
}

export const NAMED_CONVENTIONS: readonly NamedConvention[] = [
  { name: 'row-vectors', description: 'vectors are rows: z = xW + b, W^l is n_{l−1} × n_l (CS231n)', example: 'convention row-vectors', reading: ROW_VECTORS },
  { name: 'weights-input-first', description: 'w_{ij} is the weight from unit i to unit j: W^l is n_{l−1} × n_l', example: 'convention weights-input-first', reading: WEIGHTS_INPUT_FIRST },
  { name: 'layers-from-1', description: 'layers numbered from 1, a^{(1)} = x, W^{(l)} between layers l and l+1 (UFLDL)', example: 'convention layers-from-1', reading: UFLDL_LAYERS },
  { name: 'input-layer-1', description: 'the input is layer 1 and W^l feeds layer l, so the first weights are W^2 (Nielsen)', example: 'convention input-layer-1', reading: INPUT_LAYER_1 },
  { name: 'layer-subscripts', description: 'a number as subscript is the layer: w_1, b_1, z_2, a_2 are the quantities of layers 1 and 2', example: 'convention layer-subscripts', reading: SUBSCRIPT_LAYERS },
  { name: 'a-pre-activation', description: 'a is the pre-activation and z the activation: z_j = h(a_j) (Bishop, Goodfellow)', example: 'convention a-pre-activation', reading: A_PRE_ACTIVATION },
  {
    name: 'layer-letters',
    description: 'the index letter names the layer of a symbol written without one: with letters i j k, x_i, a_j, δ_k are in the input, hidden and output layers (Bishop)',
    example: 'convention layer-letters i j k',
    takesLetters: true,
  },
  {
    name: 'layer-names',
    description: 'layers are named by capital letters, input layer first: with names I H O, W^{(H)}, z^{(H)} are layer 1 and W^{(O)} the output layer',
    example: 'convention layer-names I H O',
    takesLetters: true,
  },
  { name: 'bias-index-0', description: 'the bias is the weight with index 0: w_{j0} is b_j, as if x_0 = z_0 = 1, and a sum from 0 over a weight\'s input side (Σ_{i=0}^{D} w_{ji} x_i) includes it (Bishop)', example: 'convention bias-index-0' },
];

export const CONVENTION_NAMES: readonly ConventionName[] = NAMED_CONVENTIONS.map((c) => c.name);

export function namedConvention(name: string): NamedConvention | undefined {
  return NAMED_CONVENTIONS.find((c) => c.name === name);
}

/** Names from the books and tools people know, for did-you-mean. */
export const CONVENTION_HINTS: Readonly<Record<string, ConventionName>> = {
  rows: 'row-vectors',
  cs231n: 'row-vectors',
  row_vectors: 'row-vectors',
  ufldl: 'layers-from-1',
  'one-based': 'layers-from-1',
  nielsen: 'input-layer-1',
  goodfellow: 'a-pre-activation',
  'z-is-activation': 'a-pre-activation',
  'letter-layers': 'layer-letters',
  letters: 'layer-letters',
  names: 'layer-names',
  'named-layers': 'layer-names',
  'bias-zero': 'bias-index-0',
  'bias-weight': 'bias-index-0',
  transposed: 'weights-input-first',
  'input-first': 'weights-input-first',
  subscripts: 'layer-subscripts',
};
