// Groups the lines that missed their intended verdict by the reason the
// checker gave, so the reader work can start from the biggest group.
import type { DocumentResult } from './measure';

const CAUSES: readonly (readonly [string, RegExp])[] = [
  ['internal error (stack overflow / crash text)', /Maximum call stack|could not evaluate/],
  ['spec statement not understood (batch, layout)', /network spec of this document has errors/],
  ['index read on a symbol without one (y_j, scalar index)', /takes no index|scalar has no index range/],
  ['index out of range / product read as a call (p_i(1-p_i), x_0)', /out of range|needs two indices|needs one index/],
  ['free index without a value (δ^l_j ≡ … leaks j)', /has no value|cannot tell the range|unknown symbol [a-z]:.*let [ijk] /],
  ['layer number as a subscript (W_1, b_2, w_1)', /needs a layer: write/],
  ['deeplearning.ai / code names (dZ, dscores, dh)', /unknown symbol d:/],
  ['unicode in math (σ δ ∂ ∇ −)', /unknown symbol [σδ]|'∂'|operator −|∇_\{/],
  ['function without argument or by name (σ, f = tanh, softmax, sigmoid′)', /function here but has no argument|of what\? no argument|unknown symbol (softmax|s:)|derivatives of sigmoid|unknown symbol softplus/],
  ['markup not understood (\\color, \\bullet, \\prime, \\tanh^2)', /\\color|\\bullet|\\prime|with a sub- or superscript/],
  ['constant from prose not bound (λ, t)', /unknown symbol [λt]:/],
  ['learning rate α or a document-named function (Ω) unknown', /unknown symbol [αΩ]:/],
  ['a forward line on a conventional symbol taken as a definition', /^defines /],
  ['let binding refused or circular', /defined in terms of itself|unknown symbol u:/],
  ['cannot differentiate w.r.t. a document node (graph)', /cannot differentiate with respect to|derivatives are supported with respect to/],
  ['document convention read as the default (layer shift, a = pre-activation, z = activation)', /means .* by default|no layer where every quantity|left side is a|cannot multiply|at k = 0/],
  ['value mismatch on a correct line', /does not hold: rel error/],
];

export interface Cause {
  readonly name: string;
  readonly count: number;
  readonly examples: readonly string[];
}

function causeOf(message: string, got: string, expected: string): string {
  if (got === 'absent') return 'claim not read at all (update with \\rightarrow, garbled split)';
  if (expected === 'not-a-claim') return 'prose condition or size read as a claim';
  for (const [name, pattern] of CAUSES) if (pattern.test(message)) return name;
  return `other: ${message.slice(0, 60)}`;
}

export function causes(results: readonly DocumentResult[]): Cause[] {
  const groups = new Map<string, string[]>();
  for (const r of results) {
    for (const m of r.misses) {
      const cause = r.used?.source === 'default' ? 'spec block ignored: checked against the default network' : causeOf(m.message, m.got, m.expected.verdict);
      const name = `${cause} → ${m.got === 'mismatch' ? '✗' : m.got}`;
      const list = groups.get(name) ?? [];
      list.push(`${r.file}:${m.expected.line} ${m.expected.has}`);
      groups.set(name, list);
    }
  }
  return [...groups].map(([name, list]) => ({ name, count: list.length, examples: list.slice(0, 3) })).sort((a, b) => b.count - a.count);
}
