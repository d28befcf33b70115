// The command table: one entry per contributed command, each a thin call
// into the feature that owns the behaviour.
import * as vscode from 'vscode';
import type { GradCheckContext } from './context';
import { EXPLAIN_COMMAND, explainClaim } from './inlineVerdicts';
import { APPLIED_FIX_CONTEXT, RECHECK_COMMAND } from './quickFixes';
import { checkWorkspace } from './workspaceCheck';

type Command = (ctx: GradCheckContext, ...args: unknown[]) => unknown;

function targetDocument(uri: unknown): vscode.TextDocument | undefined {
  if (uri instanceof vscode.Uri) return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return vscode.window.activeTextEditor?.document;
}

const COMMANDS: Record<string, Command> = {
  'gradcheck.checkGradients': (ctx, uri?: unknown) => {
    const target = targetDocument(uri);
    if (!target) {
      void vscode.window.showWarningMessage('GradCheck: open a Markdown or LaTeX derivation to check its gradients.');
      return undefined;
    }
    return ctx.checking.check(target);
  },
  'gradcheck.checkWorkspace': (ctx) => checkWorkspace(ctx.checking.host, ctx.diagnostics, ctx.log),
  'gradcheck.showLog': (ctx) => ctx.log.channel.show(true),
  /** The walkthrough's first step: an example derivation as an untitled copy, so fixes never touch the extension's files. */
  'gradcheck.openExample': async (ctx) => {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(ctx.examplePath('nielsen-bp.md'))));
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    await vscode.window.showTextDocument(document);
    return document.uri;
  },
  [EXPLAIN_COMMAND]: (_ctx, uri: unknown, at: unknown) => (uri instanceof vscode.Uri && at instanceof vscode.Position ? explainClaim(uri, at) : undefined),
  [RECHECK_COMMAND]: async (ctx, uri: unknown) => {
    void vscode.commands.executeCommand('setContext', APPLIED_FIX_CONTEXT, true);
    const document = targetDocument(uri);
    return document ? ctx.checking.check(document, { quiet: true }) : undefined;
  },
};

export function registerCommands(ctx: GradCheckContext): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, command]) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await command(ctx, ...args);
      } catch (error) {
        ctx.log.error(`command ${id}`, error);
        void vscode.window.showErrorMessage(`GradCheck: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    }),
  );
}
