// What a symbol means when nothing in the document says otherwise
// (DESIGN.md "Notation conventions"), and the binding environment that
// `let` lines and definitions extend.
import type { Expr, Sym } from '../math';
import { LOSS_NAMES, NOTATION, type ElementaryFunction, type LayeredQuantity, type NotationEntry, type Role } from '../notation';

export type { ElementaryFunction, LayeredQuantity };

export type Meaning =
  | Role
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

/** The notation table's default meanings (C, J, E are the loss only where the document makes them one). */
const CONVENTIONS: ReadonlyMap<string, Binding> = new Map(
  NOTATION.filter((entry) => !entry.whenDifferentiated).flatMap((entry) => entry.names.map((name) => [name, convention(entry.role, entryMeaning(entry, name))] as const)),
);

/** The entry's meaning, said with the spelling the document used: "activation a^l of layer l". */
function entryMeaning(entry: NotationEntry, name: string): string {
  return name === entry.names[0] ? entry.meaning : entry.meaning.replace(new RegExp(`\\b${entry.names[0]}\\^`, 'g'), `${name}^`);
}

/** Symbols that are the loss when the document differentiates them or applies them (DESIGN.md). */
export const LOSS_CANDIDATES: ReadonlySet<string> = LOSS_NAMES;

/** `\mathbf{W}` → `W`, `\operatorname{softmax}` → `softmax`, `\log` → `log`: decorations that do not change meaning. */
export function plainName(name: string): string {
  const wrapped = /^\\(?:mathbf|boldsymbol|bm|vec|mathrm|operatorname|text|textsc|textrm|mathit|textbf|mathsf|mathnormal)\{(.*)\}$/.exec(name);
  if (wrapped) return plainName(wrapped[1]);
  // \hat{\mathbf{y}} is \hat{y}: bold inside an accent changes nothing either.
  const accented = /^\\(hat|tilde|bar)\{(.*)\}$/.exec(name);
  if (accented) return `\\${accented[1]}{${plainName(accented[2])}}`;
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

  /** The bindings as they are now, unaffected by later definitions (readings.ts re-evaluates claims in their place). */
  snapshot(): Environment {
    const copy = new Environment(this.parent, this.lossNames);
    for (const [name, binding] of this.bindings) copy.bindings.set(name, binding);
    return copy;
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
