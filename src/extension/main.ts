// Entry point: activate() only wires features to VS Code. Each feature owns
// its disposables; the extension context owns the features.
import * as vscode from 'vscode';
import { GradientChecking } from './checking';
import { registerCommands } from './commands';
import { registerCorrections } from './corrections';

export function activate(context: vscode.ExtensionContext): void {
  const checking = new GradientChecking(context.extensionPath);
  context.subscriptions.push(checking, ...registerCommands({ checking }));
  context.subscriptions.push(registerCorrections(checking));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
