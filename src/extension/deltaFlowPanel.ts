// "GradCheck: Show δ flow": the active derivation's network and first sample,
// forward and backward, from the report of the editor's own check (the shared
// report store: the panel never checks or computes anything itself). It
// follows the active Markdown or LaTeX editor, redraws after each check of
// that document, reveals the lines of a clicked layer and highlights the
// layer of the claim under the cursor.
import * as vscode from 'vscode';
import type { DocumentReport } from '../core/check';
import { languageOfId } from '../core/document';
import { flowDocument } from '../webview/shared/flowDocument';
import { DELTA_FLOW_VIEW, type FlowDocument } from '../webview/shared/protocol';
import type { GradientChecking } from './checking';
import type { Log } from './log';
import type { ReportStore } from './reportStore';
import { PagePanel } from './pagePanel';

export class DeltaFlowPanel implements vscode.Disposable {
  private readonly panel: PagePanel;
  private readonly subscriptions: vscode.Disposable[];
  private followed: vscode.TextDocument | undefined;
  private shown: { report: DocumentReport; flow: FlowDocument } | undefined;
  private refresh: ReturnType<typeof setTimeout> | undefined;
  private pending = false;
  /** The layers last highlighted on the page, joined. */
  private highlighted = '';

  constructor(
    context: vscode.ExtensionContext,
    private readonly store: ReportStore,
    private readonly checking: GradientChecking,
    log: Log,
  ) {
    this.panel = new PagePanel(context.extensionUri, DELTA_FLOW_VIEW, 'deltaFlow', 'GradCheck: δ flow', {
      ready: () => this.update(),
      message: (message) => {
        if (message.type === 'revealLines') void this.reveal(message.lines);
      },
    }, log);
    this.subscriptions = [
      this.panel,
      vscode.commands.registerCommand('gradcheck.showDeltaFlow', () => this.show()),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && languageOfId(editor.document.languageId) && this.panel.isOpen) this.follow(editor.document);
      }),
      // After any check of the followed document, show the fresh numbers.
      this.store.onDidChange((change) => {
        if (this.followed && this.panel.isOpen && change.uri.toString() === this.followed.uri.toString()) this.schedule(0);
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => this.highlightAt(event.textEditor)),
    ];
  }

  show(): FlowDocument | undefined {
    const editor = vscode.window.activeTextEditor;
    if (editor && languageOfId(editor.document.languageId)) this.followed = editor.document;
    this.panel.show();
    this.schedule(0);
    return this.shown?.flow;
  }

  private follow(document: vscode.TextDocument): void {
    if (document === this.followed) return;
    this.followed = document;
    this.shown = undefined;
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.refresh) clearTimeout(this.refresh);
    this.pending = true;
    this.refresh = setTimeout(() => void this.check().finally(() => (this.pending = false)), delayMs);
  }

  private async check(): Promise<void> {
    const document = this.followed;
    const language = document && languageOfId(document.languageId);
    if (!document || !language) {
      this.panel.post({ type: 'noDocument', message: 'Open a Markdown or LaTeX derivation, then run “GradCheck: Show δ flow”.' });
      return;
    }
    try {
      const text = document.getText();
      // The editor's report of this version of the document; a document not checked yet is checked once, quietly.
      let report = this.store.current(document);
      if (!report) {
        const outcome = await this.checking.check(document, { quiet: true });
        report = this.store.current(document);
        if (!report) {
          if (outcome) this.panel.post({ type: 'noDocument', message: outcome.message });
          return;
        }
      }
      const flow = flowDocument(report, vscode.workspace.asRelativePath(document.uri), text, language);
      this.shown = flow && { report, flow };
      this.update();
    } catch (error) {
      this.panel.post({ type: 'noDocument', message: `The check failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  private update(): void {
    if (this.shown) this.panel.post({ type: 'flowDocument', document: this.shown.flow });
    else if (!this.followed) this.panel.post({ type: 'noDocument', message: 'Open a Markdown or LaTeX derivation, then run “GradCheck: Show δ flow”.' });
    else if (!this.pending) this.panel.post({ type: 'noDocument', message: 'This document has no network to show: fix the errors of its mlp spec.' });
  }

  /** Clicking a layer: select the lines of its claims in the document's editor. */
  private async reveal(lines: readonly number[]): Promise<void> {
    if (!this.followed || lines.length === 0) return;
    const editor = await vscode.window.showTextDocument(this.followed, { viewColumn: vscode.ViewColumn.One, preserveFocus: true });
    const last = this.followed.lineCount - 1;
    editor.selections = lines.map((line) => {
      const l = Math.min(line - 1, last);
      return new vscode.Selection(l, 0, l, this.followed!.lineAt(l).text.length);
    });
    editor.revealRange(editor.selections[0], vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** The cursor on a claim highlights the layers that claim concerns. */
  private highlightAt(editor: vscode.TextEditor): void {
    if (!this.shown || !this.panel.isOpen || editor.document !== this.followed) return;
    const line = editor.selection.active.line;
    const claims = this.shown.report.claims.filter((c) => c.range.start.line <= line && line <= c.range.end.line);
    const layers = [...new Set(claims.flatMap((c) => this.shown!.flow.claims.find((f) => f.line === c.rhsRange.start.line + 1 && f.latex === c.latex)?.layers ?? []))];
    // Cursor moves within a claim (or between prose lines) change nothing on the page: post only a change.
    const key = layers.join();
    if (key === this.highlighted) return;
    this.highlighted = key;
    this.panel.post({ type: 'highlightLayers', layers });
  }

  dispose(): void {
    if (this.refresh) clearTimeout(this.refresh);
    for (const s of this.subscriptions) s.dispose();
  }
}
