// Applying the report's verified corrections to a document's text, as
// `gradcheck check --fix` and the editor's quick fix do, for round-trip tests.
import type { ClaimReport } from '../../../src/core/check';
import type { Range } from '../../../src/core/source';

function offset(lines: readonly string[], line: number, column: number): number {
  let at = 0;
  for (let i = 0; i < line; i++) at += lines[i].length + 1;
  return at + column;
}

/** The text with `range` replaced. */
export function replaceRange(text: string, range: Range, replacement: string): string {
  const lines = text.split('\n');
  return text.slice(0, offset(lines, range.start.line, range.start.column)) + replacement + text.slice(offset(lines, range.end.line, range.end.column));
}

/** Every claim with an applicable correction. */
export function applicable(claims: readonly ClaimReport[]): ClaimReport[] {
  return claims.filter((c) => c.correction?.edit !== undefined);
}

/** The claim whose right side starts where `claim`'s did (after an edit on its own line, the start does not move). */
export function sameClaim(claims: readonly ClaimReport[], claim: ClaimReport): ClaimReport | undefined {
  const { line, column } = claim.rhsRange.start;
  return claims.find((c) => c.rhsRange.start.line === line && c.rhsRange.start.column === column);
}
