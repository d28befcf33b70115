// The verified corrections as quick fixes, in a real extension host: apply
// one, re-check and the line holds; one undo restores it. The same for
// "Fix all verified corrections in this document". Each test runs on its own
// untitled copy of an example, so no file on disk changes; the copies stay
// open (closing one lets the next reuse its URI while its close event is
// still on the way, which clears the new copy's diagnostics).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const ROOT = path.resolve(__dirname, '../../..');
const EXTENSION_ID = 'gradcheck.gradcheck';
const NIELSEN = readFileSync(path.join(ROOT, 'examples', 'nielsen-bp.md'), 'utf8');

interface Outcome {
  readonly summary?: { readonly ok: number; readonly mismatch: number };
}

async function checkedCopy(): Promise<{ document: vscode.TextDocument; outcome: Outcome }> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: NIELSEN });
  await vscode.window.showTextDocument(document);
  const outcome = (await vscode.commands.executeCommand<Outcome>('gradcheck.checkGradients'))!;
  return { document, outcome };
}

const errorsOn = (document: vscode.TextDocument, line: number) =>
  vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'gradcheck' && d.severity === vscode.DiagnosticSeverity.Error && d.range.start.line === line);

async function actionsAt(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range)) ?? [];
}

async function recheck(): Promise<Outcome> {
  return (await vscode.commands.executeCommand<Outcome>('gradcheck.checkGradients'))!;
}

describe('quick fixes: the verified corrections', () => {
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  });

  it('"Apply the verified correction" fixes the doubled gradient; re-checked the line holds; one undo restores it', async () => {
    const { document, outcome } = await checkedCopy();
    assert.equal(outcome.summary?.mismatch, 3);
    const line = 34; // $$\nabla_a C = 2 (a^L - y)$$
    const [diagnostic] = errorsOn(document, line);
    assert.ok(diagnostic, 'the doubled gradient is a mismatch');
    const apply = (await actionsAt(document, diagnostic.range)).find((a) => a.title.startsWith('Apply the verified correction'));
    assert.ok(apply?.edit, 'a quick fix with an edit is offered');
    assert.equal(apply.title, 'Apply the verified correction: \\nabla_a C = a^L - y');
    assert.equal(apply.kind?.value, vscode.CodeActionKind.QuickFix.value);

    assert.ok(await vscode.workspace.applyEdit(apply.edit));
    assert.equal(document.lineAt(line).text, '$$\\nabla_a C = a^L - y$$');
    const after = await recheck();
    assert.equal(after.summary?.mismatch, 2);
    assert.deepEqual(errorsOn(document, line), [], 'no error on the corrected line');

    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), NIELSEN, 'one undo restores the text');
  });

  it('"Fix all verified corrections in this document" fixes every mismatch at once; one undo restores all', async () => {
    const { document } = await checkedCopy();
    const [diagnostic] = errorsOn(document, 42); // the wrong weight matrix
    const all = (await actionsAt(document, diagnostic.range)).find((a) => a.title.startsWith('Fix all verified corrections in this document'));
    assert.ok(all?.edit);
    assert.equal(all.title, 'Fix all verified corrections in this document (3)');

    assert.ok(await vscode.workspace.applyEdit(all.edit));
    const after = await recheck();
    assert.deepEqual(after.summary && { ok: after.summary.ok, mismatch: after.summary.mismatch }, { ok: 14, mismatch: 0 });

    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), NIELSEN);
  });

  it('offers no correction from a report of an older version of the document', async () => {
    // Without check-as-you-type, the edited document keeps only the report of its previous version.
    const settings = vscode.workspace.getConfiguration('gradcheck');
    await settings.update('checkOnType', false, vscode.ConfigurationTarget.Global);
    try {
      const { document } = await checkedCopy();
      const [diagnostic] = errorsOn(document, 34);
      const editor = vscode.window.activeTextEditor!;
      await editor.edit((b) => b.replace(diagnostic.range, '3 (a^L - y)'));
      const titles = (await actionsAt(document, diagnostic.range)).map((a) => a.title);
      assert.ok(!titles.some((t) => t.startsWith('Apply the verified correction')), titles.join('; '));
    } finally {
      await settings.update('checkOnType', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
