// The status bar item for the active derivation: "GradCheck ✓ 18 ✗ 2 ? 3",
// spinning while a check runs; a click runs the check. Hidden for documents
// without math.
import * as vscode from 'vscode';
import { checkLanguage, mayHaveMath } from './documents';
import type { ReportStore } from './reportStore';

export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('gradcheck.status', vscode.StatusBarAlignment.Left, 50);
  /** Whether the item is shown: the API cannot tell. */
  visible = false;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly store: ReportStore) {
    this.item.name = 'GradCheck';
    this.item.command = 'gradcheck.checkGradients';
    this.subscriptions = [
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      store.onDidChange(() => this.update()),
      store.onDidChangeBusy(() => this.update()),
      vscode.workspace.onDidChangeTextDocument((e) => e.document === vscode.window.activeTextEditor?.document && !this.item.text && this.update()),
    ];
    this.update();
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const language = document && checkLanguage(document);
    if (!document || !language || language === 'mlp' || !mayHaveMath(document.getText(), language)) {
      this.item.text = '';
      this.item.hide();
      this.visible = false;
      return;
    }
    const report = this.store.get(document.uri);
    const spin = this.store.isChecking(document.uri) ? '$(sync~spin) ' : '';
    if (report) {
      const s = report.summary;
      this.item.text = `${spin}GradCheck ✓ ${s.ok} ✗ ${s.mismatch} ? ${s.unchecked}`;
      this.item.tooltip = `GradCheck: ${s.ok} hold, ${s.mismatch} do not, ${s.unchecked} not checked, ${s.definition} definitions. Click to check again.`;
      this.item.backgroundColor = s.mismatch > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    } else {
      this.item.text = `${spin || '$(beaker) '}GradCheck`;
      this.item.tooltip = 'Check the gradients of this derivation';
      this.item.backgroundColor = undefined;
    }
    this.item.show();
    this.visible = true;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
