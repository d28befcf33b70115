// The latest report of every checked, open document, and whether a check of
// it is running. Presenters (diagnostics, inline verdicts, hovers, status
// bar, quick fixes) read from here and redraw on its events.
import * as vscode from 'vscode';
import type { DocumentReport } from '../core/check';

export interface ReportChange {
  readonly uri: vscode.Uri;
  /** Undefined when the document's state was dropped (closed). */
  readonly report: DocumentReport | undefined;
}

export class ReportStore implements vscode.Disposable {
  private readonly reports = new Map<string, { report: DocumentReport; version: number }>();
  private readonly running = new Set<string>();
  private readonly changed = new vscode.EventEmitter<ReportChange>();
  private readonly busy = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  readonly onDidChangeBusy = this.busy.event;

  get(uri: vscode.Uri): DocumentReport | undefined {
    return this.reports.get(uri.toString())?.report;
  }

  /** The report only if it was made from this version of the document (positions still valid). */
  current(document: vscode.TextDocument): DocumentReport | undefined {
    const entry = this.reports.get(document.uri.toString());
    return entry && entry.version === document.version ? entry.report : undefined;
  }

  set(uri: vscode.Uri, report: DocumentReport, version: number): void {
    this.reports.set(uri.toString(), { report, version });
    this.changed.fire({ uri, report });
  }

  drop(uri: vscode.Uri): void {
    const key = uri.toString();
    const had = this.reports.delete(key) || this.running.delete(key);
    this.running.delete(key);
    if (had) this.changed.fire({ uri, report: undefined });
  }

  isChecking(uri: vscode.Uri): boolean {
    return this.running.has(uri.toString());
  }

  setChecking(uri: vscode.Uri, checking: boolean): void {
    const key = uri.toString();
    if (checking === this.running.has(key)) return;
    if (checking) this.running.add(key);
    else this.running.delete(key);
    this.busy.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
    this.busy.dispose();
  }
}
