// Checking a small Markdown document and reading its verdicts by claim text,
// so a test names the claim it pins instead of a line number.
import assert from 'node:assert/strict';
import { checkDocument, type ClaimReport, type DocumentReport } from '../../../src/core/check';

export function checkMarkdown(text: string, seed?: number): DocumentReport {
  return checkDocument(text, { language: 'markdown', path: 'test.md', ...(seed !== undefined ? { seed } : {}) });
}

/** The one claim whose LaTeX starts with `start`, or is exactly `start` when several start so (whitespace-insensitive). */
export function claimStarting(report: DocumentReport, start: string): ClaimReport {
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  const starting = report.claims.filter((c) => squeeze(c.latex).startsWith(squeeze(start)));
  const found = starting.length > 1 ? starting.filter((c) => squeeze(c.latex) === squeeze(start)) : starting;
  assert.equal(found.length, 1, `expected one claim starting with ${start}, found ${found.length}: ${report.claims.map((c) => c.latex).join(' | ')}`);
  return found[0];
}

/** "status" or "status: message" when the status is not the expected one, so a failure shows why. */
export function verdict(report: DocumentReport, start: string): string {
  return claimStarting(report, start).status;
}

export function explain(report: DocumentReport): string {
  return report.claims.map((c) => `${c.rhsRange.start.line + 1} ${c.status} ${c.latex} — ${c.message}`).join('\n');
}
