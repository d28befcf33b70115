// The extension's context: owns every feature and its disposables, so
// activate() only creates it and registers the command table.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { GradientChecking } from './checking';
import { DiagnosticsPresenter } from './diagnostics';
import { GradCheckHover } from './hover';
import { InlineVerdicts } from './inlineVerdicts';
import { Log } from './log';
import { QuickFixProvider } from './quickFixes';
import { ReportStore } from './reportStore';
import { StatusBar } from './statusBar';

export class GradCheckContext implements vscode.Disposable {
  readonly log = new Log();
  readonly store = new ReportStore();
  readonly diagnostics = new DiagnosticsPresenter(this.store);
  readonly checking: GradientChecking;
  readonly hover = new GradCheckHover(this.store);
  readonly inlineVerdicts = new InlineVerdicts(this.store);
  readonly quickFixes = new QuickFixProvider((document) => this.store.current(document));
  readonly statusBar = new StatusBar(this.store);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(readonly extensionPath: string) {
    this.checking = new GradientChecking(extensionPath, this.store, this.log);
    // Disposed in reverse: presenters before the store they listen to, the log last.
    this.disposables.push(this.log, this.store, this.diagnostics, this.checking, this.hover, this.inlineVerdicts, this.quickFixes, this.statusBar);
  }

  push(...disposables: vscode.Disposable[]): void {
    this.disposables.push(...disposables);
  }

  examplePath(name: string): string {
    return path.join(this.extensionPath, 'examples', name);
  }

  dispose(): void {
    for (const d of this.disposables.reverse()) {
      try {
        d.dispose();
      } catch (error) {
        this.log.error('dispose', error);
      }
    }
  }
}
