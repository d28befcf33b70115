// A correction in a chain `A = B = C` edits B, which the next step also
// reads. Such an edit is kept only when the whole document, re-checked with
// it, confirms it: the corrected claim holds and no claim that held before
// stops holding (correcting B usually repairs both steps). Otherwise the
// correction is shown but not applicable.
import { LineIndex, type Range } from '../../source';
import type { ClaimReport } from '../report';

const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.column < q.column);
const overlaps = (a: Range, b: Range) => before(a.start, b.end) && before(b.start, a.end);

/** Each confirmation is a whole re-check of the document: at most this many per check, the rest are shown only. */
export const MAX_CONFIRMATIONS = 8;

export function confirmSharedEdits(text: string, reports: readonly ClaimReport[], recheck: (text: string) => readonly ClaimReport[]): ClaimReport[] {
  const lines = new LineIndex(text);
  let confirmations = 0;
  return reports.map((r, i) => {
    const edit = r.correction?.edit;
    if (!edit || !reports.some((o) => o !== r && (overlaps(o.lhsRange, edit.range) || overlaps(o.rhsRange, edit.range)))) return r;
    if (confirmations++ >= MAX_CONFIRMATIONS) return { ...r, correction: { latex: r.correction!.latex } };
    const edited = text.slice(0, lines.offsetAt(edit.range.start)) + edit.replacement + text.slice(lines.offsetAt(edit.range.end));
    const after = recheck(edited);
    const confirmed = after.length === reports.length && after[i].status === 'ok' && reports.every((o, j) => o.status !== 'ok' || after[j].status === 'ok');
    return confirmed ? r : { ...r, correction: { latex: r.correction!.latex } };
  });
}
