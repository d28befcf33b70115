// Collects the problems of one parse so statement readers stay short.
import type { Range, Severity } from '../source';
import type { SpecProblem } from './types';

export class ProblemSink {
  readonly problems: SpecProblem[] = [];
  private errors = 0;

  error(range: Range, code: string, message: string, replacement?: string): void {
    this.add('error', range, code, message, replacement);
  }

  warning(range: Range, code: string, message: string, replacement?: string): void {
    this.add('warning', range, code, message, replacement);
  }

  /** How many errors so far; compare before and after reading a line to know if it failed. */
  get errorCount(): number {
    return this.errors;
  }

  private add(severity: Severity, range: Range, code: string, message: string, replacement?: string): void {
    if (severity === 'error') this.errors++;
    this.problems.push(replacement === undefined ? { range, message, severity, code } : { range, message, severity, code, replacement });
  }
}

/** "line 3" for messages: editors and people count lines from 1. */
export function lineLabel(range: Range): string {
  return `line ${range.start.line + 1}`;
}
