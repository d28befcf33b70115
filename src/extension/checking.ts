// The "check gradients" feature: runs a check of a document in the worker,
// shows the report, and keeps it fresh on save once a document was checked.
import * as vscode from 'vscode';
import type { DocumentReport, Summary } from '../core/check';
import { languageOfId } from '../core/document';
import { CheckCancelled, CheckHost } from './checkHost';
import { DiagnosticsPresenter } from './diagnostics';

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

export class GradientChecking implements vscode.Disposable {
  private readonly host: CheckHost;
  private readonly presenter = new DiagnosticsPresenter();
  /** Documents checked once, re-checked on save. */
  private readonly checked = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(extensionPath: string) {
    this.host = new CheckHost(extensionPath);
    this.subscriptions = [
      this.host,
      this.presenter,
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (this.checked.has(doc.uri.toString())) void this.check(doc, { quiet: true });
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        const key = doc.uri.toString();
        this.host.cancel(key);
        this.checked.delete(key);
      }),
    ];
  }

  /** The last report shown for a document. */
  reportFor(uri: vscode.Uri): DocumentReport | undefined {
    return this.presenter.reportFor(uri);
  }

  async check(document: vscode.TextDocument, options: { quiet?: boolean } = {}): Promise<CheckOutcome | undefined> {
    const language = languageOfId(document.languageId);
    if (!language) {
      if (!options.quiet) void vscode.window.showWarningMessage('GradCheck: open a Markdown or LaTeX derivation to check its gradients.');
      return undefined;
    }
    const key = document.uri.toString();
    this.checked.add(key);
    try {
      const report = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'GradCheck: checking gradients…' },
        () => this.host.check(key, { text: document.getText(), language, path: document.uri.scheme === 'file' ? document.uri.fsPath : undefined }),
      );
      this.presenter.show(document.uri, report);
      const message = report.claims.length === 0 ? 'GradCheck: no equations found in this document.' : `GradCheck: ${summaryText(report.summary)}.`;
      if (!options.quiet) void this.announce(message, report.summary);
      return { uri: key, message, summary: report.summary };
    } catch (error) {
      if (error instanceof CheckCancelled) return undefined;
      const message = `GradCheck: ${error instanceof Error ? error.message : String(error)}`;
      void vscode.window.showErrorMessage(message);
      return { uri: key, message };
    }
  }

  private async announce(message: string, summary: Summary): Promise<void> {
    if (summary.mismatch === 0 && summary.unchecked === 0) {
      void vscode.window.showInformationMessage(message);
      return;
    }
    const choice = await vscode.window.showInformationMessage(message, 'Show Problems');
    if (choice) await vscode.commands.executeCommand('workbench.actions.view.problems');
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
