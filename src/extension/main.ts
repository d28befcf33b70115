// Entry point: activate() only wires features to VS Code. Each feature owns
// its disposables through the context.
import * as vscode from 'vscode';
import { registerCommands } from './commands';

export function activate(context: vscode.ExtensionContext): void {
  registerCommands(context);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
