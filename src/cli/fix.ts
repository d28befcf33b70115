// `gradcheck check --fix`: writes the verified corrections into the file.
// Only corrections the checker verified and could place exactly in the
// file are applied; every other line is left as it is. The old text is kept
// in FILE.bak unless --no-backup.
import { writeFileSync } from 'node:fs';
import { applyCorrections, type ClaimReport, type DocumentReport } from '../core/check';
import type { Output } from './output';

export interface FixOutcome {
  /** The check of the file as it is now (after the corrections). */
  readonly report: DocumentReport;
  /** The corrections written, by the line of the claim they corrected (one-based). */
  readonly applied: readonly { readonly line: number; readonly latex: string }[];
  readonly backup?: string;
}

/** Applies and writes; undefined (with a message on `err`) when the file cannot be written. */
export function writeCorrections(file: string, text: string, report: DocumentReport, backup: boolean, check: (text: string) => DocumentReport, err: Output): FixOutcome | undefined {
  const { text: fixed, applied } = applyCorrections<ClaimReport>(text, report.claims);
  const lines = applied.map((c) => ({ line: c.rhsRange.start.line + 1, latex: c.correction!.latex }));
  if (applied.length === 0) return { report, applied: lines };
  try {
    if (backup) writeFileSync(`${file}.bak`, text);
    writeFileSync(file, fixed);
  } catch (error) {
    err.write(`gradcheck: cannot write ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
  return { report: check(fixed), applied: lines, backup: backup ? `${file}.bak` : undefined };
}

export function printFixes(file: string, outcome: FixOutcome, out: Output): void {
  const n = outcome.applied.length;
  out.write(`${file}: ${n === 0 ? 'no verified correction to apply' : `applied ${n} verified correction${n === 1 ? '' : 's'}${outcome.backup ? ` (the old text is in ${outcome.backup})` : ''}`}\n`);
  for (const a of outcome.applied) out.write(`${file}:${a.line}  fixed: ${a.latex}\n`);
}
