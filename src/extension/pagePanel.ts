// What both GradCheck webview panels share: one panel per page, created or
// revealed by a command, restored after a window reload by a serializer,
// and every message from the page validated before use.
import * as vscode from 'vscode';
import { acceptPageMessage, type HostMessage, type PageMessage } from '../webview/shared/protocol';
import type { Log } from './log';
import { webviewHtml, webviewOptions } from './webviewHtml';

export interface PageHandlers {
  /** The page (re)loaded and listens: send it what it shows. */
  ready(): void;
  message(message: PageMessage): void;
}

export class PagePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    readonly viewType: string,
    private readonly page: 'deltaFlow' | 'playground',
    private readonly title: string,
    private readonly handlers: PageHandlers,
    /** Where messages that fail validation are logged (they are never acted on). */
    private readonly log: Log,
  ) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(viewType, {
        deserializeWebviewPanel: async (panel) => this.adopt(panel),
      }),
    );
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  show(): void {
    if (this.panel) {
      this.panel.reveal(undefined, true);
      return;
    }
    this.adopt(vscode.window.createWebviewPanel(this.viewType, this.title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(this.extensionUri)));
  }

  post(message: HostMessage): void {
    void this.panel?.webview.postMessage(message);
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel?.dispose();
    this.panel = panel;
    panel.webview.options = webviewOptions(this.extensionUri);
    panel.webview.html = webviewHtml(panel.webview, this.extensionUri, this.page, this.title);
    const subscriptions = [
      panel.webview.onDidReceiveMessage((data: unknown) => {
        acceptPageMessage(
          data,
          this.page,
          (message) => (message.type === 'ready' ? this.handlers.ready() : this.handlers.message(message)),
          (line) => this.log.warn(line),
        );
      }),
      panel.onDidDispose(() => {
        if (this.panel === panel) this.panel = undefined;
        for (const s of subscriptions) s.dispose();
      }),
    ];
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
