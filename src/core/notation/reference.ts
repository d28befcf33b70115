// docs/notation.md, rendered from the notation table and the list of
// markup GradCheck reads, so the document cannot drift from the code
// (test/unit/notation.doc.test.ts compares them and checks every example).
import { NAMED_CONVENTIONS } from './conventions';
import { READINGS } from './readings';
import { NOTATION } from './table';

/** Notations that are not one symbol: layer marks, gradient names, markup. Each example is a claim that holds on the default network. */
export const CONSTRUCTS: readonly { readonly what: string; readonly example: string }[] = [
  { what: 'layer as superscript, in parentheses or brackets', example: 'z^{(l)} = W^{[l]} a^{l-1} + b^{l}' },
  { what: 'transpose: T, \\top, on the layer mark, on the bracket, on a group', example: '(W^{[l]})^{\\top} \\delta^{l} = W^{[l]T} \\delta^{l} + W^{[l]^T} \\delta^{l} - W^{(l)\\top} \\delta^{l}' },
  { what: 'layer numbers as subscripts on W and b (W_2 is layer 2; let W_2 = … binds it alone)', example: 'z^2 = W_2 a^1 + b_2' },
  { what: 'deeplearning.ai gradient names dZ, dW, db, dA (∂L/∂X)', example: 'dW^{[l]} = dZ^{[l]} A^{[l-1]T}' },
  {
    what: 'CS231n names: a word written upright once (\\mathrm{scores}) is one symbol typed plainly too; dscores, and dH for an H the document writes, are ∂L/∂X',
    example: '\\mathrm{scores} = z^{L}, \\quad H = a^{L-1}, \\quad dscores = \\frac{\\partial L}{\\partial z^{L}}, \\quad dH = (W^{L})^{\\top} dscores',
  },
  { what: 'gradients: \\frac, slash, \\nabla, d/dx with an upright d', example: '\\frac{\\mathrm{d}L}{\\mathrm{d}z^L} = \\partial L / \\partial z^L' },
  { what: 'function words with or without a backslash, \\text, \\operatorname, \\textsc', example: 'sigmoid(u) = \\text{sigmoid}(u) + \\operatorname{relu}(0) - \\textsc{relu}(0)' },
  { what: 'derivatives of named functions: \\tanh\', f\', g^{[l]\\prime}, f^{\'}', example: "g^{[l]\\prime}(z^{[l]}) = \\sigma'(z^{l})" },
  { what: 'layer sizes as sum bounds: n^{[l]}, n_l, n_x, n_L, s_l, d_l', example: 'z^{l}_j = \\sum_{k=1}^{n_{l-1}} W^{l}_{jk} a^{l-1}_k + b^{l}_j' },
  { what: 'the Jacobian of an elementwise activation as diag σ′(z^l), also inside a chain rule', example: '\\frac{\\partial L}{\\partial z^1} = \\frac{\\partial L}{\\partial a^1}\\frac{\\partial a^1}{\\partial z^1}' },
  { what: 'products, not calls, after an indexed entry', example: '\\frac{\\partial p_i}{\\partial z^L_i} = p_i(1 - p_i)' },
  { what: 'the one-hot label under cross-entropy', example: '\\frac{\\partial L}{\\partial z^L_i} = p_i - y_i' },
  { what: 'elementwise products: \\odot, \\circ, \\bullet, * between arrays of one shape', example: '\\delta^l = (W^{l+1})^T \\delta^{l+1} * \\sigma\'(z^l)' },
  { what: 'updates: \\leftarrow, \\rightarrow, := and = with the parameter on both sides', example: 'W^l = W^l - \\eta \\frac{\\partial L}{\\partial W^l}' },
  { what: 'a step size other than η in an update', example: 'b^l := b^l - \\alpha \\delta^l' },
  { what: 'markup: \\color, \\textcolor, \\boldsymbol, \\mathbf, \\bm, \\tag, \\label, \\nonumber, spacing', example: '\\boldsymbol{\\delta}^L = \\textcolor{red}{\\mathbf{p} - \\mathrm{onehot}(y)} \\, \\tag{1}' },
  { what: 'unicode ∂ ∇ ∑ − ⊙ σ δ typed into math', example: 'δ^{l} = ((W^{l+1})^T δ^{l+1}) ⊙ σ\'(z^l)' },
  { what: '\\underset, \\underbrace labels, \\dfrac, \\cfrac, \\part, \\mathds{1}', example: '\\underset{n_L \\times 1}{\\delta^L} = \\underbrace{\\dfrac{\\part L}{\\part z^L}}_{\\text{seed}}' },
  { what: '\\newcommand, \\def inside a display', example: '\\newcommand{\\dd}{\\mathrm{d}} \\frac{\\dd L}{\\dd z^L} = \\cfrac{\\partial L}{\\partial z^L}' },
];

const code = (latex: string) => `\`${latex.replace(/`/g, '\\`')}\``;

export function notationReference(): string {
  const lines = [
    '# Notation GradCheck reads',
    '',
    '<!-- Generated from src/core/notation (table.ts, reference.ts); test/unit/notation.doc.test.ts keeps it in step. -->',
    '',
    'Every example below is a line GradCheck confirms (✓) on the default network',
    '(`input 4 / dense 5 sigmoid / dense 4 sigmoid / dense 3 softmax / loss cross_entropy`).',
    'Anything else can be named with `let` in the network spec or defined with `:=` in the document.',
    '',
    '## Symbols',
    '',
    '| symbol | meaning | example |',
    '| --- | --- | --- |',
    ...NOTATION.map((e) => `| ${e.names.map(code).join(', ')} | ${e.meaning}${e.layered ? '; a superscript is its layer' : ''}${e.applied ? '; parentheses after it are a call' : ''} | ${code(e.example)} |`),
    '',
    '## Layers, gradients, functions and markup',
    '',
    '| notation | example |',
    '| --- | --- |',
    ...CONSTRUCTS.map((c) => `| ${c.what} | ${code(c.example)} |`),
    '',
    '## When a claim could be read another way',
    '',
    'By default the input is layer 0, `W^l` is n_l × n_{l−1}, and a bare `z`, `a` is read at the last layer.',
    'A claim that fails where another reading would make it hold is re-read with each of these:',
    '',
    ...READINGS.map((r) => `- ${r.description}`),
    '',
    'When the whole document holds under one of them and not under the default, GradCheck checks it so and',
    'says so; otherwise a claim such a reading explains is *not checked*, with "it holds if the document',
    'means …". A ✗ means the mathematics is wrong under every reading the document supports.',
    '',
    '## Conventions a document declares or GradCheck detects',
    '',
    'A `convention` line in the network spec ([spec language](spec-language.md#convention-name)) says how the whole',
    'document is written; without one, GradCheck applies what the document makes unambiguous (a weight written',
    '`w_1`, a weight `w_{j0}`, weights `w^{(1)}_{ji}`, `w^{(2)}_{kj}` that give each index letter one layer) and',
    'only proposes, in a message, what it cannot settle. The report lists every convention it used.',
    '',
    '| spec line | the document writes |',
    '| --- | --- |',
    ...NAMED_CONVENTIONS.map((c) => `| ${code(c.example)} | ${c.description} |`),
    '',
  ];
  return lines.join('\n');
}
