// "Check gradients in workspace": every .md/.tex/.mlp file with math
// (files.exclude respected), one at a time through the same worker, with a
// cancellable progress notification; results land in Problems.
import * as vscode from 'vscode';
import type { CheckHost } from './checkHost';
import { readSettings } from './config';
import type { DiagnosticsPresenter } from './diagnostics';
import { specDocumentKind } from '../core/netspec';
import { mayHaveMath, workspaceRoot } from './documents';
import type { Log } from './log';
import { displayName } from './checking';

export interface WorkspaceCheckOutcome {
  readonly files: number;
  readonly ok: number;
  readonly mismatch: number;
  readonly unchecked: number;
  readonly cancelled: boolean;
}

export async function checkWorkspace(host: CheckHost, presenter: DiagnosticsPresenter, log: Log): Promise<WorkspaceCheckOutcome> {
  // No `exclude` argument: findFiles then applies files.exclude itself.
  const uris = await vscode.workspace.findFiles('**/*.{md,markdown,tex,mlp}');
  const started = performance.now();
  const total = { files: 0, ok: 0, mismatch: 0, unchecked: 0, cancelled: false };
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'GradCheck: checking the workspace', cancellable: true },
    async (progress, token) => {
      for (const [i, uri] of uris.entries()) {
        if (token.isCancellationRequested) {
          total.cancelled = true;
          break;
        }
        progress.report({ message: `${displayName(uri)} (${i + 1}/${uris.length})`, increment: 100 / Math.max(1, uris.length) });
        const language = specDocumentKind(uri.path);
        if (!language) continue;
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        const text = open?.getText() ?? new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        if (!mayHaveMath(text, language)) continue;
        try {
          const key = `workspace:${uri.toString()}`;
          const result = await host.check({ key, text, language, path: uri.scheme === 'file' ? uri.fsPath : undefined, root: workspaceRoot(uri), ...readSettings(uri).check });
          // Workspace files are checked once; the worker need not keep them.
          host.forget(key);
          log.checked(displayName(uri), result);
          presenter.show(uri, result.report);
          total.files++;
          total.ok += result.report.summary.ok;
          total.mismatch += result.report.summary.mismatch;
          total.unchecked += result.report.summary.unchecked;
        } catch (error) {
          log.error(`workspace check of ${displayName(uri)}`, error);
        }
      }
    },
  );
  log.info(`workspace check: ${total.files} files, ✓ ${total.ok} ✗ ${total.mismatch} ? ${total.unchecked} in ${(performance.now() - started).toFixed(0)} ms${total.cancelled ? ' (cancelled)' : ''}`);
  return total;
}
