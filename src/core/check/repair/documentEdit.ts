// A formula-source edit as an edit of the file: the range it covers in the
// document and its replacement. Offered only when the file holds exactly
// the text the formula's source has there (no macro or line join between).
import type { Formula } from '../../document';
import { LineIndex, type Range } from '../../source';
import type { TextEdit } from './textEdit';

export interface DocumentEdit {
  readonly range: Range;
  readonly replacement: string;
  readonly original: string;
}

export function documentEdit(lines: LineIndex, formula: Formula, edit: TextEdit): DocumentEdit | undefined {
  const range = { start: formula.toPosition(edit.start), end: formula.toPosition(edit.end) };
  const original = formula.latex.slice(edit.start, edit.end);
  if (lines.text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end)) !== original) return undefined;
  return { range, replacement: edit.text, original };
}

/**
 * The text with every applicable correction of `claims` applied (later
 * ones first so earlier offsets stay valid); an edit that overlaps one
 * already applied is left out. Returns the claims whose corrections went in.
 */
export function applyCorrections<C extends { readonly correction?: { readonly edit?: DocumentEdit } }>(text: string, claims: readonly C[]): { text: string; applied: C[] } {
  const lines = new LineIndex(text);
  const edits = claims
    .filter((c) => c.correction?.edit)
    .map((c) => ({ claim: c, from: lines.offsetAt(c.correction!.edit!.range.start), to: lines.offsetAt(c.correction!.edit!.range.end), replacement: c.correction!.edit!.replacement }))
    .sort((a, b) => b.from - a.from);
  let out = text;
  let limit = Infinity;
  const applied: C[] = [];
  for (const e of edits) {
    if (e.to > limit || text.slice(e.from, e.to) !== e.claim.correction!.edit!.original) continue;
    out = out.slice(0, e.from) + e.replacement + out.slice(e.to);
    limit = e.from;
    applied.unshift(e.claim);
  }
  return { text: out, applied };
}
