// The command table: one entry per contributed command.
import * as vscode from 'vscode';

/** What a command run produced; returned so tests and other commands can read it. */
export interface CheckOutcome {
  readonly uri: string;
  readonly message: string;
}

const SUPPORTED_LANGUAGES = new Set(['markdown', 'latex', 'tex']);

async function checkGradients(): Promise<CheckOutcome | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !SUPPORTED_LANGUAGES.has(editor.document.languageId)) {
    void vscode.window.showWarningMessage('GradCheck: open a Markdown or LaTeX derivation to check its gradients.');
    return undefined;
  }
  const message = 'GradCheck: nothing to check yet — the equation checker is not part of this build.';
  void vscode.window.showInformationMessage(message);
  return { uri: editor.document.uri.toString(), message };
}

const COMMANDS: Record<string, (...args: unknown[]) => unknown> = {
  'gradcheck.checkGradients': checkGradients,
};

export function registerCommands(context: vscode.ExtensionContext): void {
  for (const [id, handler] of Object.entries(COMMANDS)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, handler));
  }
}
