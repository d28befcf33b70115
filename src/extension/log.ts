// The "GradCheck" output channel: one line per check with its timings, and
// the stack of every internal error. Nothing goes to the console.
import * as vscode from 'vscode';
import type { Summary } from '../core/check';
import type { CheckResult } from './checkHost';
import { CheckFailed } from './checkHost';

export class Log implements vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('GradCheck', { log: true });

  checked(name: string, result: CheckResult): void {
    const s = result.report.summary;
    const r = result.reuse;
    const reuse = r.wholeReport ? 'unchanged, report reused' : `reused ${r.reusedFormulas}/${r.formulas} parses, ${r.reusedClaims}/${r.claims} claim evaluations`;
    this.channel.info(`check ${name}: ${summaryLine(s)} in ${result.roundTripMs.toFixed(1)} ms (worker ${result.checkMs.toFixed(1)} ms; ${reuse})`);
  }

  /** An internal error: message and stack to the channel, never to the console. */
  error(context: string, error: unknown): void {
    const stack = error instanceof CheckFailed ? (error.workerStack ?? error.stack) : error instanceof Error ? error.stack : undefined;
    this.channel.error(`${context}: ${error instanceof Error ? error.message : String(error)}${stack ? `\n${stack}` : ''}`);
  }

  info(message: string): void {
    this.channel.info(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  dispose(): void {
    this.channel.dispose();
  }
}

export function summaryLine(s: Summary): string {
  return `✓ ${s.ok} ✗ ${s.mismatch} ? ${s.unchecked}${s.definition > 0 ? ` ≔ ${s.definition}` : ''}`;
}
