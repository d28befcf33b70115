// The notation table: every symbol GradCheck knows without being told, with
// its role, its spellings, and how layers and indices attach to it. The
// parser reads it to decide what a superscript is and whether parentheses
// are a call; the checker reads it to bind the symbol to a quantity of the
// network; docs/notation.md is generated from it (test/unit/notation.doc.test.ts).

/** The network quantities a layered symbol can name. `delta` is ∂L/∂z^l. */
export type LayeredQuantity = 'W' | 'b' | 'z' | 'o' | 'delta';

export type ElementaryFunction = 'log' | 'exp' | 'softmax' | 'max' | 'onehot' | 'tanh' | 'sigmoid' | 'relu' | 'softplus';

/** What a symbol means when the document says nothing else. */
export type Role =
  | { readonly kind: 'layered'; readonly quantity: LayeredQuantity }
  | { readonly kind: 'input' }
  | { readonly kind: 'output' }
  | { readonly kind: 'label' }
  | { readonly kind: 'loss' }
  | { readonly kind: 'learningRate' }
  | { readonly kind: 'classes' }
  | { readonly kind: 'constant'; readonly value: number }
  | { readonly kind: 'activation' }
  | { readonly kind: 'function'; readonly fn: ElementaryFunction };

/**
 * How scripts attach. `layer`: a superscript (W^l, W^{(l)}, W^{[l]}) or, where
 * the document numbers layers that way, a digit subscript (W_2) is the layer;
 * a subscript is an entry index. `applied`: parentheses after the symbol are
 * a call (σ(z)), not a product. `operator`: it also takes the next factor
 * without parentheses (\log x).
 */
export interface NotationEntry {
  /** Spellings, the first being the canonical one: `W`, `w`; `log`, `ln`. */
  readonly names: readonly string[];
  readonly role: Role;
  /** For hovers, messages and docs/notation.md. */
  readonly meaning: string;
  readonly layered?: boolean;
  readonly applied?: boolean;
  readonly operator?: boolean;
  /** Only a loss where the document differentiates or applies it (C, J, E). */
  readonly whenDifferentiated?: boolean;
  /** A one-line claim GradCheck reads and confirms on the default network (docs/notation.md). */
  readonly example: string;
}

const layered = (names: string[], quantity: LayeredQuantity, meaning: string, example: string): NotationEntry => ({
  names,
  role: { kind: 'layered', quantity },
  meaning,
  layered: true,
  example,
});

const elementary = (names: string[], fn: ElementaryFunction, meaning: string, example: string, operator = false): NotationEntry => ({
  names,
  role: { kind: 'function', fn },
  meaning,
  applied: true,
  operator,
  example,
});

export const NOTATION: readonly NotationEntry[] = [
  layered(['W', 'w'], 'W', 'weights W^l of layer l (n_l × n_{l−1})', 'z^{[l]} = W^{[l]} a^{[l-1]} + b^{[l]}'),
  layered(['b'], 'b', 'bias b^l of layer l', '\\frac{\\partial L}{\\partial b^{(l)}} = \\delta^{(l)}'),
  layered(['z', 'Z'], 'z', 'pre-activation z^l = W^l o^{l−1} + b^l', 'z^l_j = \\sum_k w^l_{jk} a^{l-1}_k + b^l_j'),
  layered(['o'], 'o', 'activation o^l of layer l (o^0 = x)', 'o^l = \\sigma(z^l)'),
  layered(['a', 'A'], 'o', 'activation a^l of layer l (a^0 = x)', 'a^{[l]} = g^{[l]}(z^{[l]})'),
  layered(['h'], 'o', 'activation h^l of layer l (h^0 = x)', 'h^{(0)} = x'),
  layered(['\\delta'], 'delta', 'δ^l = ∂L/∂z^l', '\\delta^l = ((W^{l+1})^T \\delta^{l+1}) \\odot \\sigma\'(z^l)'),
  { names: ['x', 'X'], role: { kind: 'input' }, meaning: 'the input x = o^0', layered: true, example: 'a^0 = x' },
  { names: ['y', 'Y'], role: { kind: 'label' }, meaning: 'the label y: a class index under cross-entropy (one-hot where it is added to a vector), a vector under mse', example: '\\frac{\\partial L}{\\partial z^L_i} = p_i - y_i' },
  { names: ['p', 'P'], role: { kind: 'output' }, meaning: 'the network output p = o^L (the softmax output under cross-entropy)', applied: true, example: 'p = \\operatorname{softmax}(z^L)' },
  { names: ['\\hat{y}'], role: { kind: 'output' }, meaning: 'the network output ŷ = o^L', example: '\\hat{y} = a^L' },
  { names: ['L'], role: { kind: 'loss' }, meaning: 'the loss', applied: true, example: 'L = -\\sum_k y_k \\log a^L_k' },
  {
    names: ['C', 'J', 'E', '\\ell', '\\mathcal{L}', '\\mathcal{J}', '\\mathcal{E}'],
    role: { kind: 'loss' },
    meaning: 'the loss, in a document that differentiates it or applies it (C as a sum bound is the number of classes)',
    applied: true,
    whenDifferentiated: true,
    example: '\\frac{\\partial J}{\\partial a^L} = \\frac{\\partial L}{\\partial a^L}',
  },
  { names: ['\\eta'], role: { kind: 'learningRate' }, meaning: 'the learning rate (any positive number)', example: 'W^l \\leftarrow W^l - \\eta \\delta^l (a^{l-1})^T' },
  { names: ['\\sigma', 'f', 'g', '\\phi', '\\varphi'], role: { kind: 'activation' }, meaning: 'the activation of the layer it is applied to; σ′ its derivative', applied: true, example: "\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))" },
  { names: ['e'], role: { kind: 'constant', value: Math.E }, meaning: "Euler's number e (e^{x} is exp, e_y the one-hot vector)", example: 'e^{0} = 1' },
  { names: ['\\pi'], role: { kind: 'constant', value: Math.PI }, meaning: 'π', example: '\\log(e^{\\pi}) = \\pi' },
  elementary(['log', 'ln'], 'log', 'the natural logarithm', '\\log e^{z^L_j} = z^L_j', true),
  elementary(['exp'], 'exp', 'the exponential', '\\exp(0) = 1', true),
  elementary(['softmax'], 'softmax', 'softmax', 'a^L = \\operatorname{softmax}(z^L)'),
  elementary(['max'], 'max', 'the maximum (elementwise with several arguments: ReLU is max(0, z))', 'max(0, 2) = 2'),
  elementary(['onehot'], 'onehot', 'the one-hot vector of a class', 'p - \\mathrm{onehot}(y) = \\frac{\\partial L}{\\partial z^L}'),
  elementary(['tanh'], 'tanh', 'tanh', "\\tanh'(u) = 1 - \\tanh^2(u)", true),
  elementary(['sigmoid', 'sigm'], 'sigmoid', 'the logistic sigmoid', "\\text{sigmoid}'(u) = \\operatorname{sigmoid}(u)(1 - \\operatorname{sigmoid}(u))"),
  elementary(['relu', 'ReLU'], 'relu', 'ReLU', '\\operatorname{relu}(u) = \\max(0, u)'),
  elementary(['softplus'], 'softplus', 'softplus log(1 + e^x)', "\\mathrm{softplus}'(t) = \\frac{1}{1 + e^{-t}}"),
];

/** Words that are functions whatever their spelling (\mathrm, \operatorname, \text, \log) but that GradCheck cannot evaluate. */
export const OTHER_FUNCTION_WORDS: readonly string[] = ['min', 'diag', 'sign', 'sgn', 'sin', 'cos'];

/**
 * Symbols that are functions of what follows in parentheses but have no
 * fixed meaning: the indicator I(y=a), regularisers \Omega(\theta) (Goodfellow), R(W) (CS231n).
 */
export const APPLIED_WITHOUT_MEANING: readonly string[] = ['I', '\\Omega', 'R'];

/** Every name an entry answers to, canonical spelling first. */
export function entryOf(name: string): NotationEntry | undefined {
  return BY_NAME.get(name);
}

const BY_NAME: ReadonlyMap<string, NotationEntry> = new Map(NOTATION.flatMap((e) => e.names.map((n) => [n, e] as const)));

const namesWhere = (test: (e: NotationEntry) => boolean | undefined): ReadonlySet<string> => new Set(NOTATION.filter(test).flatMap((e) => e.names));

/** Symbols whose superscript is a layer. */
export const LAYERED_SYMBOLS: ReadonlySet<string> = namesWhere((e) => e.layered);

/** Symbols whose parentheses are a call: activations, functions, the loss, the output (p(a|x)). */
export const APPLIED_SYMBOLS: ReadonlySet<string> = new Set([...namesWhere((e) => e.applied), ...APPLIED_WITHOUT_MEANING]);

/** Function words, in any upright spelling. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  ...NOTATION.filter((e) => e.role.kind === 'function').flatMap((e) => e.names),
  ...OTHER_FUNCTION_WORDS,
]);

/** Functions that take the next factor without parentheses (\log x, \tanh u). */
export const OPERATOR_WORDS: ReadonlySet<string> = new Set([...namesWhere((e) => e.operator), 'sin', 'cos', 'sgn']);

/** Names that are the loss when the document differentiates them or applies them. */
export const LOSS_NAMES: ReadonlySet<string> = namesWhere((e) => e.role.kind === 'loss');

/** Names that `dX` (deeplearning.ai, CS231n) turns into ∂L/∂X: the network quantities one differentiates against. */
export const GRADIENT_NAMES: ReadonlySet<string> = namesWhere((e) => (e.role.kind === 'layered' && e.role.quantity !== 'delta') || e.role.kind === 'input' || e.role.kind === 'output');

/** Names of the network's parameters: as subscripts (UFLDL's h_{W,b}(x)) they say what a function depends on. */
export const PARAMETER_NAMES: ReadonlySet<string> = new Set([...namesWhere((e) => e.role.kind === 'layered' && (e.role.quantity === 'W' || e.role.quantity === 'b')), '\\theta']);
