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
  /** Checks the worker answered so far, and checks waiting for the running one (all documents). */
  checksAnswered(): number;
  waitingChecks(): number;
  /** Whether a check of the document is running or waiting. */
  isChecking(uri: vscode.Uri): boolean;
  /** The check worker's heap in use after a garbage collection, in bytes. */
  workerHeapUsed(): Promise<number>;
  /** Every check failure shown to the user so far, in order. */
  failuresShown(): readonly string[];
  /** Checks a document the way check-as-you-type does (quietly); resolves once its report is stored. */
  recheck(document: vscode.TextDocument): Promise<void>;
  /** Test only: the check worker exits during its next check, as a crash would. */
  crashWorkerOnNextCheck(): void;
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
    checksAnswered: () => ctx.checking.host.checksAnswered,
    waitingChecks: () => ctx.checking.host.waitingChecks,
    isChecking: (uri) => ctx.checking.host.isChecking(uri.toString()),
    workerHeapUsed: () => ctx.checking.host.workerHeapUsed(),
    failuresShown: () => [...ctx.checking.failuresShown],
    recheck: async (document) => {
      await ctx.checking.check(document, { quiet: true });
    },
    crashWorkerOnNextCheck: () => ctx.checking.host.crashWorkerOnNextCheck(),
    onDidReport: (listener, thisArg, disposables) => ctx.store.onDidChange(({ uri }) => listener.call(thisArg, uri), undefined, disposables),
  };
}
