// What the worker keeps per open document between checks: the last report
// (returned as is when neither text nor settings changed) and the check's
// memory — every formula's parse, every claim's evaluation, the first
// sample — each reused only under a key that holds all it depends on (see
// CheckMemory). Only what the latest check used is kept, so the cache never
// outgrows the document.
import type { CheckMemory, DocumentReport } from '../core/check';
import type { CheckReuse } from './protocol';

/**
 * A map that takes entries over from the previous check on first use and
 * counts what it reused. Sealed once its check is done, so it holds only
 * what that check used and no chain of older generations.
 */
export class Carried<V> extends Map<string, V> {
  reused = 0;
  looked = 0;

  constructor(private previous: ReadonlyMap<string, V>) {
    super();
  }

  /** Drops the previous generation: what was not used by now is not kept. */
  seal(): void {
    this.previous = new Map();
  }

  override get(key: string): V | undefined {
    this.looked++;
    const own = super.get(key);
    if (own !== undefined) return own;
    // The previous generation's own entries only (it is sealed, but be explicit).
    const carried = Map.prototype.get.call(this.previous, key) as V | undefined;
    if (carried !== undefined) {
      this.reused++;
      super.set(key, carried);
    }
    return carried;
  }
}

interface DocumentEntry {
  inputKey: string;
  report: DocumentReport;
  memory: CheckMemory;
}

const EMPTY: CheckMemory = { parses: new Map(), evaluations: new Map(), firstSample: new Map() };

export class DocumentCache {
  private readonly documents = new Map<string, DocumentEntry>();

  /**
   * Runs `check` unless the same input was checked last time, with the
   * memory of the previous check. A report read from another file (an `mlp:`
   * reference) is never reused whole: that file may have changed.
   */
  check(key: string, inputKey: string, check: (memory: CheckMemory) => DocumentReport): { report: DocumentReport; reuse: CheckReuse } {
    const previous = this.documents.get(key);
    if (previous?.inputKey === inputKey) {
      const { parses, evaluations } = previous.memory;
      return { report: previous.report, reuse: { wholeReport: true, formulas: parses.size, reusedFormulas: parses.size, claims: evaluations.size, reusedClaims: evaluations.size } };
    }
    const before = previous?.memory ?? EMPTY;
    const memory = { parses: new Carried(before.parses), evaluations: new Carried(before.evaluations), firstSample: new Carried(before.firstSample) };
    const report = check(memory);
    for (const carried of Object.values(memory)) carried.seal();
    this.documents.set(key, { inputKey: report.network?.source === 'file' ? '' : inputKey, report, memory });
    return {
      report,
      reuse: { wholeReport: false, formulas: memory.parses.looked, reusedFormulas: memory.parses.reused, claims: memory.evaluations.looked, reusedClaims: memory.evaluations.reused },
    };
  }

  forget(key: string): void {
    this.documents.delete(key);
  }

  get size(): number {
    return this.documents.size;
  }
}
