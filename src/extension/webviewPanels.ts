// Registers the two webview panels (δ flow, training playground); each owns its disposables.
import type * as vscode from 'vscode';
import { DeltaFlowPanel } from './deltaFlowPanel';
import { PlaygroundPanel } from './playgroundPanel';

export function registerWebviewPanels(context: vscode.ExtensionContext): void {
  context.subscriptions.push(new DeltaFlowPanel(context), new PlaygroundPanel(context));
}
