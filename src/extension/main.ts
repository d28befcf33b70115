// Entry point: activate() only wires features to VS Code. Each feature owns
// its disposables; the extension context owns the features.
import * as vscode from 'vscode';
import { GradientChecking } from './checking';
import { registerCommands } from './commands';
import { registerWebviewPanels } from './webviewPanels';

export function activate(context: vscode.ExtensionContext): void {
  const checking = new GradientChecking(context.extensionPath);
  context.subscriptions.push(checking, ...registerCommands({ checking }));
  registerWebviewPanels(context);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
