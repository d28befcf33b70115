// LaTeX string -> normalised KaTeX nodes with spans in the caller's string.

import type { Span } from '../expr/expr';
import { callKatex, isFailure } from './katexRaw';
import { Normaliser } from './katexNormalise';
import type { KNode } from './katexTree';
import { SpanAssigner, shiftSpans } from './spans';
import { trimSpan } from './texScan';

export interface TreeResult {
  readonly nodes: readonly KNode[];
  readonly error?: { readonly span: Span; readonly message: string };
}

/** Environments whose body we parse as `aligned` (rows, `&` columns) or `gathered` (rows). */
const ALIGNED = /^(align|flalign|split|aligned)\*?$/;
const GATHERED = /^(gather|multline|gathered)\*?$/;

/**
 * Replaces commands KaTeX rejects or that only number equations (\label{..},
 * \tag{..}) with spaces of the same length, so offsets stay valid.
 */
function blankNumbering(latex: string): string {
  return latex.replace(/\\(?:label|tag\*?)\s*\{[^{}]*\}/g, (m) => ' '.repeat(m.length));
}

export function readTree(latex: string, macros: Readonly<Record<string, string>>, environment?: string): TreeResult {
  const env = environment?.trim();
  const wrapper = env && ALIGNED.test(env) ? 'aligned' : env && GATHERED.test(env) ? 'gathered' : undefined;
  const prefix = wrapper ? `\\begin{${wrapper}}` : '';
  const src = prefix + blankNumbering(latex) + (wrapper ? `\\end{${wrapper}}` : '');
  const shift = prefix.length;

  const raw = callKatex(src, macros);
  if (isFailure(raw)) {
    const clamp = (x: number): number => Math.max(0, Math.min(latex.length, x - shift));
    const span =
      raw.position === undefined
        ? { start: 0, end: latex.length }
        : trimSpan(latex, clamp(raw.position), clamp(raw.position + Math.max(1, raw.length ?? 1)));
    // An error at the very end (an unclosed brace) still underlines something: the last character.
    const visible = span.start === span.end && span.end > 0 ? { start: span.end - 1, end: span.end } : span;
    return { nodes: [], error: { span: visible, message: raw.message } };
  }
  const nodes = new Normaliser(src).list(raw);
  new SpanAssigner(src).place(nodes, 0, src.length);
  if (shift) shiftSpans(nodes, shift, latex.length);
  return { nodes };
}
