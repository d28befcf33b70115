// What a symbol means when nothing in the document says otherwise
// (DESIGN.md "Notation conventions"), and the binding environment that
// `let` lines and definitions extend.
import type { Expr, Sym } from '../math';

/** The network quantities a layered symbol can name. `delta` is ∂L/∂z^l. */
export type LayeredQuantity = 'W' | 'b' | 'z' | 'o' | 'delta';

export type Meaning =
  | { readonly kind: 'layered'; readonly quantity: LayeredQuantity }
  | { readonly kind: 'input' }
  | { readonly kind: 'output' }
  | { readonly kind: 'label' }
  | { readonly kind: 'loss' }
  | { readonly kind: 'learningRate' }
  | { readonly kind: 'classes' }
  | { readonly kind: 'constant'; readonly value: number }
  | { readonly kind: 'activation' }
  | { readonly kind: 'function'; readonly fn: ElementaryFunction }
  /**
   * A symbol bound to an expression; `layer` and `indices` name its parameters
   * (δ^l_j := …). `layerOffset` is c when the definition was written at layer
   * l + c (δ^{l+1} := ∂L/∂o^{l+1}): a use at layer E binds l to E − c.
   */
  | {
      readonly kind: 'template';
      readonly layer?: string;
      readonly layerOffset?: number;
      readonly indices: readonly string[];
      readonly body: Expr;
      /** A helper function the document defines (g_1(x) = −\log x): its parameters, replaced by the arguments of each call. */
      readonly parameters?: readonly string[];
    };

export type ElementaryFunction = 'log' | 'exp' | 'softmax' | 'max' | 'onehot' | 'tanh' | 'sigmoid' | 'relu';

export interface Binding {
  readonly meaning: Meaning;
  /** For hovers and messages: "δ^l = ∂L/∂z^l". */
  readonly description: string;
  /** Which rule bound it: "default convention", "let on line 7", "definition on line 12". */
  readonly boundBy: string;
}

const DEFAULT = 'default convention';

function convention(meaning: Meaning, description: string): Binding {
  return { meaning, description, boundBy: DEFAULT };
}

const LAYERED_DESCRIPTIONS: Record<LayeredQuantity, string> = {
  W: 'weights W^l of layer l (n_l × n_{l−1})',
  b: 'bias b^l of layer l',
  z: 'pre-activation z^l = W^l o^{l−1} + b^l',
  o: 'activation o^l of layer l (o^0 = x)',
  delta: 'δ^l = ∂L/∂z^l',
};

const CONVENTIONS: ReadonlyMap<string, Binding> = new Map<string, Binding>([
  ['W', convention({ kind: 'layered', quantity: 'W' }, LAYERED_DESCRIPTIONS.W)],
  ['w', convention({ kind: 'layered', quantity: 'W' }, LAYERED_DESCRIPTIONS.W)],
  ['b', convention({ kind: 'layered', quantity: 'b' }, LAYERED_DESCRIPTIONS.b)],
  ['z', convention({ kind: 'layered', quantity: 'z' }, LAYERED_DESCRIPTIONS.z)],
  ['o', convention({ kind: 'layered', quantity: 'o' }, LAYERED_DESCRIPTIONS.o)],
  ['a', convention({ kind: 'layered', quantity: 'o' }, 'activation a^l of layer l (a^0 = x)')],
  ['h', convention({ kind: 'layered', quantity: 'o' }, 'activation h^l of layer l (h^0 = x)')],
  ['\\delta', convention({ kind: 'layered', quantity: 'delta' }, LAYERED_DESCRIPTIONS.delta)],
  ['x', convention({ kind: 'input' }, 'the input x = o^0')],
  ['y', convention({ kind: 'label' }, 'the label y')],
  ['p', convention({ kind: 'output' }, 'the softmax output p = o^L')],
  ['P', convention({ kind: 'output' }, 'the softmax output P(c|x) = o^L_c')],
  ['\\hat{y}', convention({ kind: 'output' }, 'the network output ŷ = o^L')],
  ['L', convention({ kind: 'loss' }, 'the loss L')],
  ['\\eta', convention({ kind: 'learningRate' }, 'the learning rate η (any positive number)')],
  ['\\sigma', convention({ kind: 'activation' }, 'the activation σ of the layer it is applied to')],
  ['f', convention({ kind: 'activation' }, 'the activation f of the layer it is applied to')],
  ['g', convention({ kind: 'activation' }, 'the activation g of the layer it is applied to')],
  ['\\phi', convention({ kind: 'activation' }, 'the activation φ of the layer it is applied to')],
  ['\\varphi', convention({ kind: 'activation' }, 'the activation φ of the layer it is applied to')],
  ['e', convention({ kind: 'constant', value: Math.E }, "Euler's number e")],
  ['\\pi', convention({ kind: 'constant', value: Math.PI }, 'π')],
  ['log', convention({ kind: 'function', fn: 'log' }, 'the natural logarithm')],
  ['ln', convention({ kind: 'function', fn: 'log' }, 'the natural logarithm')],
  ['exp', convention({ kind: 'function', fn: 'exp' }, 'the exponential')],
  ['softmax', convention({ kind: 'function', fn: 'softmax' }, 'softmax')],
  ['max', convention({ kind: 'function', fn: 'max' }, 'the maximum')],
  ['onehot', convention({ kind: 'function', fn: 'onehot' }, 'the one-hot vector')],
  ['tanh', convention({ kind: 'function', fn: 'tanh' }, 'tanh')],
  ['sigmoid', convention({ kind: 'function', fn: 'sigmoid' }, 'the logistic sigmoid')],
  ['relu', convention({ kind: 'function', fn: 'relu' }, 'ReLU')],
  ['ReLU', convention({ kind: 'function', fn: 'relu' }, 'ReLU')],
]);

/** Symbols that are the loss when the document differentiates them or applies them (DESIGN.md). */
export const LOSS_CANDIDATES: ReadonlySet<string> = new Set(['L', 'C', 'J', 'E', '\\ell', '\\mathcal{L}']);

/** `\mathbf{W}` → `W`, `\operatorname{softmax}` → `softmax`, `\log` → `log`: decorations that do not change meaning. */
export function plainName(name: string): string {
  const wrapped = /^\\(?:mathbf|boldsymbol|bm|vec|mathrm|operatorname|text|mathit|textbf|mathsf)\{(.*)\}$/.exec(name);
  if (wrapped) return plainName(wrapped[1]);
  if (/^\\(log|ln|exp|max|tanh)$/.test(name)) return name.slice(1);
  return name;
}

/** A binding environment: conventions, then `let` lines and definitions layered on top. */
export class Environment {
  private readonly bindings = new Map<string, Binding>();

  constructor(
    private readonly parent?: Environment,
    /** Names the document differentiates or applies as a loss: the loss in the whole document. */
    readonly lossNames: ReadonlySet<string> = parent?.lossNames ?? new Set(['L']),
  ) {}

  bind(name: string, binding: Binding): void {
    this.bindings.set(plainName(name), binding);
  }

  lookup(name: string): Binding | undefined {
    const key = plainName(name);
    const own = this.bindings.get(key) ?? this.bindings.get(name);
    if (own) return own;
    if (this.parent) return this.parent.lookup(name);
    if (this.lossNames.has(key)) return convention({ kind: 'loss' }, `the loss ${key}`);
    return CONVENTIONS.get(key) ?? CONVENTIONS.get(name);
  }

  /** A child environment for a scope (a section), so its definitions end with it. */
  child(): Environment {
    return new Environment(this, this.lossNames);
  }
}

/** The symbol's name as a reader writes it, for messages: `\delta` → δ. */
export function displayName(sym: Pick<Sym, 'name'>): string {
  const greek: Record<string, string> = {
    '\\alpha': 'α', '\\beta': 'β', '\\gamma': 'γ', '\\Gamma': 'Γ', '\\delta': 'δ', '\\Delta': 'Δ', '\\epsilon': 'ε', '\\varepsilon': 'ε',
    '\\eta': 'η', '\\theta': 'θ', '\\lambda': 'λ', '\\mu': 'μ', '\\nu': 'ν', '\\pi': 'π', '\\rho': 'ρ', '\\sigma': 'σ', '\\tau': 'τ',
    '\\phi': 'φ', '\\varphi': 'φ', '\\chi': 'χ', '\\psi': 'ψ', '\\omega': 'ω', '\\Omega': 'Ω', '\\ell': 'ℓ', '\\nabla': '∇',
  };
  const plain = plainName(sym.name);
  return greek[plain] ?? plain;
}
