// The command table: one entry per contributed command, each a thin call
// into the feature that owns the behaviour.
import * as vscode from 'vscode';
import type { GradientChecking } from './checking';

export interface Features {
  readonly checking: GradientChecking;
}

type Command = (features: Features, ...args: unknown[]) => unknown;

const COMMANDS: Record<string, Command> = {
  'gradcheck.checkGradients': (features, uri?: unknown) => {
    const target = uri instanceof vscode.Uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : vscode.window.activeTextEditor?.document;
    if (!target) {
      void vscode.window.showWarningMessage('GradCheck: open a Markdown or LaTeX derivation to check its gradients.');
      return undefined;
    }
    return features.checking.check(target);
  },
};

export function registerCommands(features: Features): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, command]) => vscode.commands.registerCommand(id, (...args: unknown[]) => command(features, ...args)));
}
