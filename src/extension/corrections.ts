// Quick fixes from the report's verified corrections: "Apply the verified
// correction" on each diagnosed mismatch that has one, and "Fix all verified
// corrections in this document". The report carries the edits (ranges and
// replacement text); this provider only turns them into WorkspaceEdits, and
// only from a report of the document's current version whose text at the
// edit is still what the check saw.
import * as vscode from 'vscode';
import type { ClaimReport, DocumentReport } from '../core/check';
import { DIAGNOSTIC_SOURCE, toRange } from './diagnostics';

/** The report made from the document's current text (the report store), if any. */
export type ReportSource = (document: vscode.TextDocument) => DocumentReport | undefined;

export const APPLY_TITLE = 'Apply the verified correction';
export const FIX_ALL_TITLE = 'Fix all verified corrections in this document';

type Fixable = ClaimReport & { readonly correction: { readonly latex: string; readonly edit: NonNullable<NonNullable<ClaimReport['correction']>['edit']> } };

function fixable(document: vscode.TextDocument, report: DocumentReport): Fixable[] {
  return report.claims.filter((c): c is Fixable => c.correction?.edit !== undefined && document.getText(toRange(c.correction.edit.range)) === c.correction.edit.original);
}

function editOf(document: vscode.TextDocument, claims: readonly Fixable[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const c of claims) edit.replace(document.uri, toRange(c.correction.edit.range), c.correction.edit.replacement);
  return edit;
}

class CorrectionActions implements vscode.CodeActionProvider {
  constructor(private readonly reports: ReportSource) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const report = this.reports(document);
    if (!report) return [];
    const claims = fixable(document, report);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const claim = claims.find((c) => toRange(c.rhsRange).isEqual(diagnostic.range));
      if (!claim) continue;
      const action = new vscode.CodeAction(`${APPLY_TITLE}: ${claim.correction.latex}`, vscode.CodeActionKind.QuickFix);
      action.edit = editOf(document, [claim]);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      actions.push(action);
    }
    if (actions.length > 0 && claims.length > 1) {
      const all = new vscode.CodeAction(`${FIX_ALL_TITLE} (${claims.length})`, vscode.CodeActionKind.QuickFix);
      all.edit = editOf(document, claims);
      all.diagnostics = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && claims.some((c) => toRange(c.rhsRange).isEqual(d.range)));
      actions.push(all);
    }
    return actions;
  }
}

export function registerCorrections(reports: ReportSource): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(['markdown', 'latex'], new CorrectionActions(reports), { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] });
}
