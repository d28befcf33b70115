// "GradCheck: Open training playground": trains the active derivation's
// network (or one edited in the page) on toy data in the page's worker; the
// document's text goes along so the page can train a second copy with the
// gradients the document states. Exports land in new editors or, for the
// mlp block, in the document through one undoable edit.
import * as vscode from 'vscode';
import { languageOfId } from '../core/document';
import { specEdit } from '../webview/playground/spec';
import { PLAYGROUND_VIEW } from '../webview/shared/protocol';
import { PagePanel } from './pagePanel';
import type { Log } from './log';

export class PlaygroundPanel implements vscode.Disposable {
  private readonly panel: PagePanel;
  private readonly subscriptions: vscode.Disposable[];
  private followed: vscode.TextDocument | undefined;

  constructor(context: vscode.ExtensionContext, log: Log) {
    this.panel = new PagePanel(context.extensionUri, PLAYGROUND_VIEW, 'playground', 'GradCheck: training playground', {
      ready: () => this.update(),
      message: (message) => {
        if (message.type === 'exportWeights') void vscode.workspace.openTextDocument({ content: message.json, language: 'json' }).then((doc) => vscode.window.showTextDocument(doc, vscode.ViewColumn.One));
        if (message.type === 'insertSpec') void this.insertSpec(message.spec);
      },
    }, log);
    this.subscriptions = [
      this.panel,
      vscode.commands.registerCommand('gradcheck.openPlayground', () => this.show()),
      vscode.commands.registerCommand('gradcheck.insertPlaygroundSpec', (spec?: unknown) => this.insertSpec(spec)),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && languageOfId(editor.document.languageId) && editor.document !== this.followed && this.panel.isOpen) {
          this.followed = editor.document;
          this.update();
        }
      }),
    ];
  }

  show(): void {
    const editor = vscode.window.activeTextEditor;
    if (editor && languageOfId(editor.document.languageId)) this.followed = editor.document;
    this.panel.show();
    this.update();
  }

  private update(): void {
    const document = this.followed;
    const language = document && languageOfId(document.languageId);
    if (!document || !language) return;
    this.panel.post({ type: 'playgroundDocument', document: { file: vscode.workspace.asRelativePath(document.uri), text: document.getText(), language } });
  }

  /** The page's settings as an mlp block in the followed document: one undoable edit. */
  private async insertSpec(spec: unknown): Promise<boolean> {
    if (spec === undefined && this.panel.isOpen) {
      this.panel.post({ type: 'requestSpec' }); // from the palette: the page sends its settings back
      return false;
    }
    const document = this.followed;
    const language = document && languageOfId(document.languageId);
    if (typeof spec !== 'string' || !document || !language) {
      void vscode.window.showWarningMessage('GradCheck: open the training playground from a Markdown or LaTeX derivation to insert its network.');
      return false;
    }
    const edit = specEdit(document.getText(), language, spec);
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.replace(document.uri, new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.insert);
    return vscode.workspace.applyEdit(workspaceEdit);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
