// The typed expression tree that LaTeX is read into. It says what the
// author wrote, with notation already interpreted (a layer superscript is a
// layer, ^T is a transpose, \frac{\partial L}{\partial X} is a gradient), but
// it binds nothing: which quantity `o^l` is, is the checker's job.
//
// Every node carries `span`: offsets [start, end) into the formula's LaTeX
// source (the string handed to the parser), so a presenter can underline it.

export interface Span {
  readonly start: number;
  readonly end: number;
}

interface NodeBase {
  readonly span: Span;
}

/** A number literal. */
export interface Num extends NodeBase {
  readonly kind: 'num';
  readonly value: number;
}

/**
 * A symbol: `W^{l+1}_{a,b}` is { name: 'W', layer: l+1, indices: [a, b] }.
 * `name` is the LaTeX spelling without decoration noise: 'W', 'w', '\\alpha',
 * '\\delta', '\\hat{y}', '\\mathbf{x}', '\\vec{o}'. `primes` counts ' marks.
 * `w^l_{jk}` has two indices j and k.
 */
export interface Sym extends NodeBase {
  readonly kind: 'sym';
  readonly name: string;
  readonly layer?: Expr;
  /**
   * How the layer was bracketed: `h^{(k)}` '()', `W^{[l]}` '[]', `W^{l}` none.
   * A lone `x^{(i)}` may be a layer (Goodfellow, UFLDL) or an example
   * (deeplearning.ai); only the document as a whole can say which.
   */
  readonly layerBrackets?: '()' | '[]';
  /** The example of deeplearning.ai's `a^{[2](i)}`: layer 2, example i (only ever with a layer). */
  readonly example?: Expr;
  readonly indices: readonly Expr[];
  readonly primes: number;
}

export type BinaryOp =
  | '+'
  | '-'
  | 'juxt' // juxtaposition: matrix or scalar product
  | 'cdot' // \cdot: matrix or scalar product
  | 'star' // * (numpy style): elementwise between arrays of one shape, else a product
  | 'times' // \times
  | 'odot' // \odot, \circ: elementwise product
  | '/'; // \frac (not a derivative) and a/b

export interface Binary extends NodeBase {
  readonly kind: 'binary';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
}

export interface Neg extends NodeBase {
  readonly kind: 'neg';
  readonly arg: Expr;
}

/** A power on a parenthesised expression or a plain scalar: (o^1)^2, x^2, e^{..} is `call exp`. */
export interface Pow extends NodeBase {
  readonly kind: 'pow';
  readonly base: Expr;
  readonly exponent: Expr;
}

export interface Transpose extends NodeBase {
  readonly kind: 'transpose';
  readonly arg: Expr;
}

/**
 * Function application: \sigma(z^l), f'(z), \log x, \exp(..), e^{..} (as exp),
 * \operatorname{softmax}(..), \max(a, b), \mathrm{onehot}(y), e_y (onehot).
 * `fn` is a Sym so that primes and layers on the function survive (\sigma^{l}'(z)).
 * `given` holds what follows a `|` (p(a|x)); `L(\alpha, y)` keeps its args.
 */
export interface Call extends NodeBase {
  readonly kind: 'call';
  readonly fn: Sym;
  readonly args: readonly Expr[];
  readonly given: readonly Expr[];
}

/** \sum_{c=1}^{C} body; `from`/`to` absent when the range is omitted (\sum_c). */
export interface Sum extends NodeBase {
  readonly kind: 'sum';
  readonly index: string;
  readonly from?: Expr;
  readonly to?: Expr;
  readonly body: Expr;
}

/**
 * A derivative: \frac{\partial L}{\partial X}, \partial L/\partial X, \nabla_X L,
 * and \frac{\partial}{\partial X}(body) (then `of` is the body).
 */
export interface Derivative extends NodeBase {
  readonly kind: 'derivative';
  readonly of: Expr;
  readonly wrt: Expr;
  /** `d`: deeplearning.ai's dZ, dW (∂L/∂Z, ∂L/∂W). */
  readonly notation: 'frac' | 'slash' | 'nabla' | 'operator' | 'd';
}

export type RelationOp = '=' | '!=' | '<' | '>' | '<=' | '>=' | 'in';

export interface Relation extends NodeBase {
  readonly kind: 'relation';
  readonly op: RelationOp;
  readonly left: Expr;
  readonly right: Expr;
}

/** I(y=a), \mathbb{1}(y=a), [y=a], \mathbb{1}(z>0). */
export interface Indicator extends NodeBase {
  readonly kind: 'indicator';
  readonly condition: Relation;
}

/** |x| and \|x\| (norm); `squared` is not special: \|x\|^2 is a Pow of a Norm. */
export interface Norm extends NodeBase {
  readonly kind: 'norm';
  readonly arg: Expr;
  readonly bars: 1 | 2;
}

/** Something read but not interpretable; the checker reports it as the reason a claim is unchecked. */
export interface Unsupported extends NodeBase {
  readonly kind: 'unsupported';
  readonly construct: string;
  readonly reason: string;
  /** Where to point the reader when that is narrower than the span (the parenthesis that is never closed). */
  readonly at?: Span;
}

/** An entry of an expression's value: `((W^{l+1})^T \delta^{l+1})_j`, `\mathrm{softmax}(s)_{y}`. */
export interface Entry extends NodeBase {
  readonly kind: 'entry';
  readonly of: Expr;
  readonly indices: readonly Expr[];
}

export type Expr = Num | Sym | Binary | Neg | Pow | Transpose | Call | Sum | Derivative | Indicator | Relation | Norm | Entry | Unsupported;
