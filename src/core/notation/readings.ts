// The other ways documents number and lay out their quantities: each is a
// reading the checker tries when claims fail (src/core/check/readings.ts),
// and docs/notation.md lists them.
import type { LayeredQuantity } from './table';

/**
 * How the document may number and lay out its quantities (readings.ts):
 * `shift` is added to the written layer of each quantity (UFLDL's a^{(1)} = x
 * is o^0: shift −1), `transposeWeights` reads W^l as n_{l−1} × n_l.
 */
export interface Reading {
  readonly description: string;
  /** For each claim's message once adopted: "layers from 1". */
  readonly short: string;
  readonly shift?: Readonly<Partial<Record<LayeredQuantity, number>>>;
  readonly transposeWeights?: boolean;
  /** z_1, h_1, a_2: a number as subscript is the layer on every quantity, not only on W and b. */
  readonly subscriptLayers?: boolean;
  /** Default-convention names read as other quantities: Goodfellow's and Bishop's a is the pre-activation, Bishop's z the activation. */
  readonly rename?: Readonly<Record<string, LayeredQuantity>>;
  /** CS231n's z = xW + b: every vector of the network (x, z, a, b, δ and their gradients) is a row; W is laid out n_{l−1} × n_l. */
  readonly rowVectors?: boolean;
}

/** UFLDL's a^{(1)} = x, W^{(l)} between layers l and l+1. */
export const UFLDL_LAYERS: Reading = { description: 'layers numbered from 1 with W^{(l)} between layers l and l+1 (a^{(1)} = x, as in UFLDL)', short: 'layers numbered from 1 (UFLDL)', shift: { o: -1, z: -1, delta: -1 } };
/** Nielsen's input layer 1, first weights w^2. */
export const INPUT_LAYER_1: Reading = { description: 'layers numbered from 1, the input being layer 1 (a^1 = x)', short: 'the input as layer 1', shift: { W: -1, b: -1, z: -1, o: -1, delta: -1 } };
export const WEIGHTS_INPUT_FIRST: Reading = { description: 'W^l laid out n_{l−1} × n_l (w_{jk} from unit j of layer l−1 to unit k of layer l)', short: 'W^l laid out n_{l−1} × n_l', transposeWeights: true };
export const SUBSCRIPT_LAYERS: Reading = { description: 'layer numbers as subscripts (z_1, h_1 are z^1, h^1)', short: 'layer numbers as subscripts', subscriptLayers: true };
export const A_PRE_ACTIVATION: Reading = { description: 'a as the pre-activation and z as the activation (Goodfellow, Bishop)', short: 'a as the pre-activation', rename: { a: 'z', z: 'o' } };
export const ROW_VECTORS: Reading = { description: 'row vectors (z = xW + b, W^l laid out n_{l−1} × n_l, as in CS231n)', short: 'row vectors', transposeWeights: true, rowVectors: true };

/** The numberings and layouts real documents use besides GradCheck's default (input o^0, W^l n_l × n_{l−1}). */
export const READINGS: readonly Reading[] = [UFLDL_LAYERS, INPUT_LAYER_1, WEIGHTS_INPUT_FIRST, SUBSCRIPT_LAYERS, A_PRE_ACTIVATION, ROW_VECTORS];

/**
 * A declared reading with a tried one on top, or undefined when both set the
 * same thing (two numberings, two layouts): the declaration is not second-guessed.
 */
export function combineReadings(declared: Reading | undefined, tried: Reading): Reading | undefined {
  if (!declared) return tried;
  const clash = (declared.shift && tried.shift) || ((declared.transposeWeights || declared.rowVectors) && (tried.transposeWeights || tried.rowVectors)) || (declared.rename && tried.rename) || (declared.subscriptLayers && tried.subscriptLayers);
  if (clash) return undefined;
  return { ...declared, ...tried, description: `${declared.description} and ${tried.description}`, short: `${declared.short} and ${tried.short}` };
}


