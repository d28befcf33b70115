// What the worker keeps per open document between checks: the last report
// (returned as is when neither text nor settings changed) and every formula's
// parse (reused when its LaTeX is unchanged). Only what the latest text uses
// is kept, so the cache never outgrows the document.
import type { DocumentReport } from '../core/check';
import type { ParsedFormula } from '../core/math/parse';
import type { CheckReuse } from './protocol';

/** A parse cache that takes entries over from the previous check and counts what it reused. */
export class CarriedParses extends Map<string, ParsedFormula> {
  reused = 0;
  looked = 0;

  constructor(private readonly previous: ReadonlyMap<string, ParsedFormula>) {
    super();
  }

  override get(key: string): ParsedFormula | undefined {
    this.looked++;
    const own = super.get(key);
    if (own) return own;
    const carried = this.previous.get(key);
    if (carried) {
      this.reused++;
      super.set(key, carried);
    }
    return carried;
  }
}

interface DocumentEntry {
  inputKey: string;
  report: DocumentReport;
  parses: ReadonlyMap<string, ParsedFormula>;
}

export class DocumentCache {
  private readonly documents = new Map<string, DocumentEntry>();

  /**
   * Runs `check` unless the same input was checked last time; keeps the
   * parses the new check used. A report read from another file (an `mlp:`
   * reference) is never reused whole: that file may have changed.
   */
  check(key: string, inputKey: string, check: (parses: Map<string, ParsedFormula>) => DocumentReport): { report: DocumentReport; reuse: CheckReuse } {
    const previous = this.documents.get(key);
    if (previous?.inputKey === inputKey) {
      return { report: previous.report, reuse: { wholeReport: true, formulas: previous.parses.size, reusedFormulas: previous.parses.size } };
    }
    const parses = new CarriedParses(previous?.parses ?? new Map());
    const report = check(parses);
    this.documents.set(key, { inputKey: report.network?.source === 'file' ? '' : inputKey, report, parses });
    return { report, reuse: { wholeReport: false, formulas: parses.looked, reusedFormulas: parses.reused } };
  }

  forget(key: string): void {
    this.documents.delete(key);
  }

  get size(): number {
    return this.documents.size;
  }
}
