// What the extension exports: read-only views of its state, so tests in the
// extension host (and the editor benchmark) can compare what is shown with
// the report. Decorations and the status bar cannot be read back otherwise.
import type * as vscode from 'vscode';
import type { DocumentReport } from '../core/check';
import type { GradCheckContext } from './context';
import type { VerdictMark } from './inlineVerdicts';
import type { InlineVerdictStyle } from './config';

export interface GradCheckApi {
  readonly activationMs: number;
  report(uri: vscode.Uri): DocumentReport | undefined;
  isTracked(uri: vscode.Uri): boolean;
  inlineVerdicts(uri: vscode.Uri): { style: InlineVerdictStyle; marks: VerdictMark[] } | undefined;
  statusBar(): { text: string; visible: boolean };
  workersStarted(): number;
  /** Fires after a document's report (and so its diagnostics) was replaced or dropped. */
  readonly onDidReport: vscode.Event<vscode.Uri>;
}

export function testApi(ctx: GradCheckContext, activationMs: number): GradCheckApi {
  return {
    activationMs,
    report: (uri) => ctx.store.get(uri),
    isTracked: (uri) => ctx.checking.isTracked(uri),
    inlineVerdicts: (uri) => ctx.inlineVerdicts.rendered(uri),
    statusBar: () => ({ text: ctx.statusBar.item.text, visible: ctx.statusBar.visible }),
    workersStarted: () => ctx.checking.host.workersStarted,
    onDidReport: (listener, thisArg, disposables) => ctx.store.onDidChange(({ uri }) => listener.call(thisArg, uri), undefined, disposables),
  };
}
