// Registers the two webview panels (δ flow, training playground); each owns its disposables.
import type * as vscode from 'vscode';
import type { GradientChecking } from './checking';
import type { Log } from './log';
import { DeltaFlowPanel } from './deltaFlowPanel';
import { PlaygroundPanel } from './playgroundPanel';
import type { ReportStore } from './reportStore';

/** The δ-flow panel reads the editor's reports (the store) and asks the checker for one when a document has none. */
export function registerWebviewPanels(context: vscode.ExtensionContext, store: ReportStore, checking: GradientChecking, log: Log): void {
  context.subscriptions.push(new DeltaFlowPanel(context, store, checking, log), new PlaygroundPanel(context, log));
}
