// Inline verdicts: ✓ / ✗ / ? / ≔ and the relative error after each checked
// formula, as decorations (themeable colours) or as CodeLens, per the
// `gradcheck.inlineVerdicts` setting. A ✗ explains itself on hover; its
// CodeLens opens the explanation at the claim.
import * as vscode from 'vscode';
import type { ClaimReport, DocumentReport, Verdict } from '../core/check';
import { readSettings, type InlineVerdictStyle } from './config';
import { claimHover } from './hoverText';
import type { ReportStore } from './reportStore';

export const EXPLAIN_COMMAND = 'gradcheck.explainClaim';

const SYMBOL: Record<Verdict, string> = { ok: '✓', mismatch: '✗', unchecked: '?', definition: '≔' };
const COLOR: Record<Verdict, string> = { ok: 'gradcheck.verdict.ok', mismatch: 'gradcheck.verdict.mismatch', unchecked: 'gradcheck.verdict.unchecked', definition: 'gradcheck.verdict.definition' };

export interface VerdictMark {
  /** Zero-based line: the line of the claim's right-hand side, as the CLI reports it. */
  readonly line: number;
  readonly verdict: Verdict;
  readonly text: string;
}

export function markText(claim: ClaimReport): string {
  const error = claim.maxRelError;
  if (claim.status === 'ok' || claim.status === 'mismatch') {
    return `${SYMBOL[claim.status]} ${error !== undefined && Number.isFinite(error) ? error.toExponential(1) : claim.code === 'shape' ? 'shapes' : ''}`.trimEnd();
  }
  return claim.status === 'definition' ? `${SYMBOL.definition} definition` : SYMBOL[claim.status];
}

export function verdictMarks(report: DocumentReport): VerdictMark[] {
  return report.claims.map((c) => ({ line: c.rhsRange.start.line, verdict: c.status, text: markText(c) }));
}

export class InlineVerdicts implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly types = Object.fromEntries(
    (Object.keys(SYMBOL) as Verdict[]).map((v) => [v, vscode.window.createTextEditorDecorationType({ after: { margin: '0 0 0 1.5em', color: new vscode.ThemeColor(COLOR[v]) } })]),
  ) as Record<Verdict, vscode.TextEditorDecorationType>;
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.lensesChanged.event;
  /** What each document shows now: tests read it, since decorations cannot be read back from the editor. */
  private readonly shown = new Map<string, { style: InlineVerdictStyle; marks: VerdictMark[] }>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly store: ReportStore) {
    this.subscriptions = [
      ...Object.values(this.types),
      this.lensesChanged,
      vscode.languages.registerCodeLensProvider(['markdown', 'latex'], this),
      store.onDidChange(({ uri }) => this.refresh(uri)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshAll()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('gradcheck.inlineVerdicts') && this.refreshAll()),
    ];
  }

  /** The marks a document shows and how; undefined when it shows none. */
  rendered(uri: vscode.Uri): { style: InlineVerdictStyle; marks: VerdictMark[] } | undefined {
    return this.shown.get(uri.toString());
  }

  private refreshAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.refresh(editor.document.uri);
    this.lensesChanged.fire();
  }

  private refresh(uri: vscode.Uri): void {
    const report = this.store.get(uri);
    const style = readSettings(uri).inlineVerdicts;
    if (!report || style === 'off') this.shown.delete(uri.toString());
    else this.shown.set(uri.toString(), { style, marks: verdictMarks(report) });
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() === uri.toString()) this.decorate(editor, style === 'decoration' ? report : undefined);
    }
    this.lensesChanged.fire();
  }

  private decorate(editor: vscode.TextEditor, report: DocumentReport | undefined): void {
    const byVerdict: Record<Verdict, vscode.DecorationOptions[]> = { ok: [], mismatch: [], unchecked: [], definition: [] };
    for (const claim of report?.claims ?? []) {
      const line = claim.rhsRange.start.line;
      if (line >= editor.document.lineCount) continue;
      const end = editor.document.lineAt(line).range.end;
      const hoverMessage = claim.status === 'mismatch' || claim.status === 'unchecked' ? new vscode.MarkdownString(claimHover(claim, report!)) : undefined;
      byVerdict[claim.status].push({ range: new vscode.Range(end, end), hoverMessage, renderOptions: { after: { contentText: markText(claim) } } });
    }
    for (const verdict of Object.keys(byVerdict) as Verdict[]) editor.setDecorations(this.types[verdict], byVerdict[verdict]);
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const report = this.store.get(document.uri);
    if (!report || readSettings(document).inlineVerdicts !== 'codelens') return [];
    return report.claims
      .filter((c) => c.rhsRange.start.line < document.lineCount)
      .map((c) => {
        const at = new vscode.Position(c.rhsRange.start.line, c.rhsRange.start.column);
        const title = `${markText(c)} ${c.status === 'mismatch' || c.status === 'unchecked' ? c.message : c.latex}`.slice(0, 120);
        return new vscode.CodeLens(new vscode.Range(at, at), { title, command: EXPLAIN_COMMAND, arguments: [document.uri, at], tooltip: 'Show why' });
      });
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

/** Moves the cursor to a claim and opens its hover (the explanation and the diagnostic). */
export async function explainClaim(uri: vscode.Uri, at: vscode.Position): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri, { preserveFocus: false });
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  await vscode.commands.executeCommand('editor.action.showHover');
}
