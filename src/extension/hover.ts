// Hovers: on a symbol, what it means here and its numbers on the first
// sample; on a claim, its two sides against finite differences. Reads the
// stored report only. Hovering δ also completes the walkthrough's step.
import * as vscode from 'vscode';
import type { ClaimReport, DocumentReport, SymbolBinding } from '../core/check';
import type { Range } from '../core/source';
import { toRange } from './diagnostics';
import { claimHover, symbolHover } from './hoverText';
import type { ReportStore } from './reportStore';

export const HOVERED_DELTA_CONTEXT = 'gradcheck.hoveredDelta';

const contains = (range: Range, p: vscode.Position) => toRange(range).contains(p);
const size = (r: Range) => (r.end.line - r.start.line) * 1e6 + (r.end.column - r.start.column);

/** Where a claim can be hovered: its sides, and the relation between them when both sit in one formula. */
function claimSpans(c: ClaimReport): Range[] {
  const adjacent = c.lhsRange.end.line === c.rhsRange.start.line || c.lhsRange.end.line + 1 === c.rhsRange.start.line;
  return adjacent ? [{ start: c.lhsRange.start, end: c.rhsRange.end }] : [c.lhsRange, c.rhsRange];
}

/** The innermost symbol use at a position, and the claim it belongs to (or the claim under the position). */
export function findAt(report: DocumentReport, position: vscode.Position): { binding?: SymbolBinding; claim?: ClaimReport } {
  let found: { binding: SymbolBinding; claim: ClaimReport } | undefined;
  let claim: { claim: ClaimReport; span: Range } | undefined;
  for (const c of report.claims) {
    for (const b of c.bindings) {
      if (contains(b.range, position) && (!found || size(b.range) < size(found.binding.range))) found = { binding: b, claim: c };
    }
    for (const span of claimSpans(c)) {
      if (contains(span, position) && (!claim || size(span) < size(claim.span))) claim = { claim: c, span };
    }
  }
  return found ?? { claim: claim?.claim };
}

export class GradCheckHover implements vscode.HoverProvider, vscode.Disposable {
  private readonly registration: vscode.Disposable;
  private deltaHovered = false;

  constructor(private readonly store: ReportStore) {
    this.registration = vscode.languages.registerHoverProvider(['markdown', 'latex'], this);
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const report = this.store.get(document.uri);
    if (!report) return undefined;
    const { binding, claim } = findAt(report, position);
    const sections: string[] = [];
    let range: vscode.Range | undefined;
    if (binding) {
      range = toRange(binding.range);
      sections.push(symbolHover(binding, document.getText(range), report));
      if (binding.symbol === '\\delta' && !this.deltaHovered) {
        this.deltaHovered = true;
        void vscode.commands.executeCommand('setContext', HOVERED_DELTA_CONTEXT, true);
      }
    }
    if (claim) sections.push(claimHover(claim, report));
    if (sections.length === 0) return undefined;
    const markdown = new vscode.MarkdownString(sections.join('\n\n---\n\n'));
    return new vscode.Hover(markdown, range ?? toRange(claim!.rhsRange));
  }

  dispose(): void {
    this.registration.dispose();
  }
}
