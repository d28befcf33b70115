// Quick fixes, each one WorkspaceEdit (one undo step), each followed by a
// re-check of the document: a conventional-looking claim becomes a
// definition (= → :=), an unknown symbol is declared in the spec block, a
// spec block is inserted where the document has none, and a spec error that
// names its fix ('sigmod' → 'sigmoid') is fixed. Reads the report only.
import * as vscode from 'vscode';
import type { ClaimReport, DocumentReport, NetworkSummary } from '../core/check';
import { toRange } from './diagnostics';
import { checkLanguage } from './documents';

export const RECHECK_COMMAND = 'gradcheck.recheckAfterFix';
export const APPLIED_FIX_CONTEXT = 'gradcheck.appliedQuickFix';

/** The spec text of the network the report used. */
export function specText(network: NetworkSummary): string {
  const [input, ...units] = network.layers;
  return [`input ${input}`, ...units.map((n, i) => `dense ${n} ${network.activations[i]}`), `loss ${network.loss}`].join('\n');
}

/** The `=` between a claim's sides, when both sit on one line of the document. */
function relationRange(document: vscode.TextDocument, claim: ClaimReport): vscode.Range | undefined {
  const { lhsRange: l, rhsRange: r } = claim;
  const between = new vscode.Range(l.end.line, l.end.column, r.start.line, r.start.column);
  const text = document.getText(between);
  const at = text.indexOf('=');
  if (at < 0 || text.indexOf('=', at + 1) >= 0 || text[at - 1] === ':') return undefined;
  const start = document.offsetAt(between.start) + at;
  return new vscode.Range(document.positionAt(start), document.positionAt(start + 1));
}

/** Where a new spec line goes and how it is written: before a Markdown block's closing fence, after the last `% mlp:` line. */
function specLineInsertion(document: vscode.TextDocument, report: DocumentReport, line: string): { at: vscode.Position; text: string } | undefined {
  const kind = checkLanguage(document);
  const block = report.specBlocks?.[report.specBlocks.length - 1];
  if (!kind || !block) return undefined;
  if (kind === 'markdown') return { at: new vscode.Position(block.end.line, 0), text: `${line}\n` };
  if (kind === 'latex') return { at: document.lineAt(block.end.line).range.end, text: `\n% mlp: ${line}` };
  return { at: document.lineAt(block.end.line).range.end, text: `\n${line}` };
}

/** A new spec block: after a Markdown title, at the top of a LaTeX file. */
function specBlockInsertion(document: vscode.TextDocument, spec: string): { at: vscode.Position; text: string } {
  if (checkLanguage(document) === 'latex') return { at: new vscode.Position(0, 0), text: spec.split('\n').map((l) => `% mlp: ${l}`).join('\n') + '\n' };
  const title = document.lineCount > 0 && /^#\s/.test(document.lineAt(0).text);
  return { at: new vscode.Position(title ? 1 : 0, 0), text: `${title ? '\n' : ''}\`\`\`mlp\n${spec}\n\`\`\`\n${title ? '' : '\n'}` };
}

function fix(title: string, document: vscode.TextDocument, build: (edit: vscode.WorkspaceEdit) => void, diagnostic?: vscode.Diagnostic, preferred = false): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  build(action.edit);
  if (diagnostic) action.diagnostics = [diagnostic];
  action.isPreferred = preferred;
  action.command = { command: RECHECK_COMMAND, title: 'Check again', arguments: [document.uri] };
  return action;
}

const touches = (a: vscode.Range, b: vscode.Range) => a.intersection(b) !== undefined;

export function quickFixes(document: vscode.TextDocument, range: vscode.Range, report: DocumentReport, diagnostics: readonly vscode.Diagnostic[]): vscode.CodeAction[] {
  const actions: vscode.CodeAction[] = [];
  const diagnosticAt = (r: vscode.Range) => diagnostics.find((d) => d.range.isEqual(r));
  for (const claim of report.claims) {
    const rhs = toRange(claim.rhsRange);
    const focus = toRange(claim.focusRange);
    if (claim.code === 'convention-conflict' && touches(new vscode.Range(toRange(claim.lhsRange).start, rhs.end), range)) {
      const relation = relationRange(document, claim);
      if (relation) actions.push(fix('Treat this line as a definition (= → :=)', document, (e) => e.replace(document.uri, relation, ':='), diagnosticAt(rhs), true));
    }
    if (claim.code === 'unknown-symbol' && claim.symbol && touches(focus, range)) {
      const meaning = claim.suggestedMeaning ?? 'z^{L}';
      const line = `let ${claim.symbol} = ${meaning}`;
      const title = claim.suggestedMeaning ? `Declare ${claim.symbol} as ${meaning} in the network spec` : `Declare ${claim.symbol} in the network spec (edit what it stands for)`;
      const insertion = specLineInsertion(document, report, line);
      const edit = insertion ?? (report.network ? specBlockInsertion(document, `${specText(report.network)}\n${line}`) : undefined);
      if (edit) actions.push(fix(title, document, (e) => e.insert(document.uri, edit.at, edit.text), diagnosticAt(focus), claim.suggestedMeaning !== undefined));
    }
  }
  for (const problem of report.problems) {
    const at = toRange(problem.range);
    if (problem.replacement !== undefined && touches(at, range)) {
      const replacement = problem.replacement;
      actions.push(fix(`Change to '${replacement}'`, document, (e) => e.replace(document.uri, at, replacement), diagnosticAt(at), true));
    }
  }
  const onClaim = report.claims.some((c) => touches(new vscode.Range(toRange(c.lhsRange).start, toRange(c.rhsRange).end), range));
  if (report.network?.source === 'default' && onClaim) {
    const block = specBlockInsertion(document, specText(report.network));
    actions.push(fix('Insert a network spec block (the default network this check used)', document, (e) => e.insert(document.uri, block.at, block.text)));
  }
  return actions;
}

export class QuickFixProvider implements vscode.CodeActionProvider, vscode.Disposable {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };
  private readonly registration: vscode.Disposable;

  constructor(private readonly reportOf: (document: vscode.TextDocument) => DocumentReport | undefined) {
    this.registration = vscode.languages.registerCodeActionsProvider(['markdown', 'latex'], this, QuickFixProvider.metadata);
  }

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    // Only a report of this very text: positions of an older one could edit the wrong place.
    const report = this.reportOf(document);
    return report ? quickFixes(document, range, report, context.diagnostics) : [];
  }

  dispose(): void {
    this.registration.dispose();
  }
}
