// Presents a report in the Problems panel: mismatches as errors on the
// claim's right-hand side, unchecked claims as information at what stopped
// them, spec and parse problems where they are. Reads the report only.
import * as vscode from 'vscode';
import type { ClaimReport, DocumentReport } from '../core/check';
import type { Problem, Range } from '../core/source';
import type { ReportStore } from './reportStore';

export const DIAGNOSTIC_SOURCE = 'gradcheck';

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.column, range.end.line, range.end.column);
}

const SEVERITY: Record<Problem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

function claimDiagnostic(claim: ClaimReport): vscode.Diagnostic | undefined {
  if (claim.status === 'mismatch') {
    const diagnosis = claim.diagnosis ? ` — ${claim.diagnosis}` : '';
    const d = new vscode.Diagnostic(toRange(claim.rhsRange), `${claim.message}${diagnosis}`, vscode.DiagnosticSeverity.Error);
    d.source = DIAGNOSTIC_SOURCE;
    d.code = claim.code ?? 'mismatch';
    return d;
  }
  if (claim.status === 'unchecked') {
    const d = new vscode.Diagnostic(toRange(claim.focusRange), claim.message, vscode.DiagnosticSeverity.Information);
    d.source = DIAGNOSTIC_SOURCE;
    d.code = claim.code ?? 'unchecked';
    return d;
  }
  return undefined;
}

function problemDiagnostic(problem: Problem): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(problem.range), problem.message, SEVERITY[problem.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  if (problem.code) d.code = problem.code;
  return d;
}

export function reportDiagnostics(report: DocumentReport): vscode.Diagnostic[] {
  const fromClaims = report.claims.map(claimDiagnostic).filter((d): d is vscode.Diagnostic => d !== undefined);
  return [...report.problems.map(problemDiagnostic), ...fromClaims];
}

/** Owns the diagnostic collection: follows the report store, and takes workspace-check results for files not open. */
export class DiagnosticsPresenter implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly subscriptions: vscode.Disposable[];

  constructor(store: ReportStore) {
    this.subscriptions = [
      this.collection,
      store.onDidChange(({ uri, report }) => (report ? this.show(uri, report) : this.collection.delete(uri))),
    ];
  }

  show(uri: vscode.Uri, report: DocumentReport): void {
    this.collection.set(uri, reportDiagnostics(report));
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
