// The "check gradients" feature: runs checks of a document in the one
// long-lived worker, stores the report for the presenters, and keeps it
// fresh on save and (debounced) while typing once a document was checked.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Summary } from '../core/check';
import { CheckCancelled, CheckHost, type CheckResult } from './checkHost';
import { readSettings } from './config';
import { checkLanguage, workspaceRoot } from './documents';
import type { Log } from './log';
import type { ReportStore } from './reportStore';

/** What a command run produced; returned so tests and other commands can read it. */
export interface CheckOutcome {
  readonly uri: string;
  readonly message: string;
  readonly summary?: Summary;
}

function summaryText(summary: Summary): string {
  const parts = [`${summary.ok} ok`, `${summary.mismatch} mismatch${summary.mismatch === 1 ? '' : 'es'}`, `${summary.unchecked} unchecked`];
  if (summary.definition > 0) parts.push(`${summary.definition} definition${summary.definition === 1 ? '' : 's'}`);
  return parts.join(', ');
}

export const displayName = (uri: vscode.Uri) => (uri.scheme === 'file' ? path.basename(uri.fsPath) : uri.toString());

export class GradientChecking implements vscode.Disposable {
  readonly host: CheckHost;
  /** Documents checked once: re-checked on save and while typing. */
  private readonly tracked = new Set<string>();
  private readonly typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[];
  /** Every check failure shown to the user, in order: the test API reads it to prove each is shown once. */
  readonly failuresShown: string[] = [];

  constructor(
    extensionPath: string,
    private readonly store: ReportStore,
    private readonly log: Log,
  ) {
    this.host = new CheckHost(path.join(extensionPath, 'dist', 'checkWorker.js'));
    this.subscriptions = [
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (this.tracked.has(doc.uri.toString()) && readSettings(doc).checkOnSave) void this.check(doc, { quiet: true });
      }),
      vscode.workspace.onDidChangeTextDocument((e) => this.typed(e)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('gradcheck.seed') || e.affectsConfiguration('gradcheck.samples') || e.affectsConfiguration('gradcheck.tolerance')) this.recheckTracked();
      }),
    ];
  }

  isTracked(uri: vscode.Uri): boolean {
    return this.tracked.has(uri.toString());
  }

  async check(document: vscode.TextDocument, options: { quiet?: boolean } = {}): Promise<CheckOutcome | undefined> {
    const language = checkLanguage(document);
    if (!language || language === 'mlp') {
      if (!options.quiet) void vscode.window.showWarningMessage('GradCheck: open a Markdown or LaTeX derivation to check its gradients.');
      return undefined;
    }
    const key = document.uri.toString();
    this.tracked.add(key);
    const version = document.version;
    this.store.setChecking(document.uri, true);
    try {
      const settings = readSettings(document);
      const result = await this.host.check({ key, text: document.getText(), language, path: document.uri.scheme === 'file' ? document.uri.fsPath : undefined, root: workspaceRoot(document.uri), ...settings.check });
      if (!this.tracked.has(key)) return undefined; // closed meanwhile
      this.store.setChecking(document.uri, this.host.isChecking(key));
      this.log.checked(displayName(document.uri), result);
      this.store.set(document.uri, result.report, version);
      return this.announce(key, result, options.quiet);
    } catch (error) {
      if (error instanceof CheckCancelled) return undefined;
      this.store.setChecking(document.uri, false);
      this.log.error(`check ${displayName(document.uri)}`, error);
      // Named, since a failure (a crashed or runaway worker) may come from a background check of another document.
      const message = `GradCheck: checking ${displayName(document.uri)} failed: ${error instanceof Error ? error.message : String(error)}`;
      this.failuresShown.push(message);
      void vscode.window.showErrorMessage(message);
      return { uri: key, message };
    }
  }

  private announce(key: string, result: CheckResult, quiet: boolean | undefined): CheckOutcome {
    const { report } = result;
    const message = report.claims.length === 0 ? 'GradCheck: no equations found in this document.' : `GradCheck: ${summaryText(report.summary)}.`;
    if (!quiet) void this.notify(message, report.summary);
    return { uri: key, message, summary: report.summary };
  }

  private async notify(message: string, summary: Summary): Promise<void> {
    if (summary.mismatch === 0 && summary.unchecked === 0) {
      void vscode.window.showInformationMessage(message);
      return;
    }
    const choice = await vscode.window.showInformationMessage(message, 'Show Problems');
    if (choice) await vscode.commands.executeCommand('workbench.actions.view.problems');
  }

  /** Check as you type: a checked document is checked again once typing pauses. */
  private typed(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    if (e.contentChanges.length === 0 || !this.tracked.has(key)) return;
    const settings = readSettings(e.document);
    if (!settings.checkOnType) return;
    clearTimeout(this.typingTimers.get(key));
    this.typingTimers.set(
      key,
      setTimeout(() => {
        this.typingTimers.delete(key);
        void this.check(e.document, { quiet: true });
      }, settings.checkOnTypeDelayMs),
    );
  }

  private recheckTracked(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (this.tracked.has(document.uri.toString())) void this.check(document, { quiet: true });
    }
  }

  /** Everything kept for a closed document goes: worker state, report, timers. */
  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.typingTimers.get(key));
    this.typingTimers.delete(key);
    this.tracked.delete(key);
    this.host.forget(key);
    this.store.drop(uri);
  }

  dispose(): void {
    for (const timer of this.typingTimers.values()) clearTimeout(timer);
    for (const s of this.subscriptions) s.dispose();
    this.host.dispose();
  }
}
