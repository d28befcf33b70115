// Each quick fix applies as one edit, is undone by one undo, and the re-check
// that follows changes the verdict the way the fix intends.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GradCheckApi } from '../../../src/extension/testApi';
import { api, checkGradients, closeActive, FIXTURES, lineOf, openCopy, openText, waitFor } from './helpers';

async function fixesAt(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, vscode.CodeActionKind.QuickFix.value);
  return actions.filter((a) => a.command?.command === 'gradcheck.recheckAfterFix');
}

/** Applies a quick fix the way the light bulb does: its edit, then its command. */
async function apply(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `${action.title} has an edit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit), `${action.title} applied`);
  await vscode.commands.executeCommand(action.command!.command, ...(action.command!.arguments ?? []));
}

let gradcheck: GradCheckApi;

const summaryOf = (document: vscode.TextDocument) => gradcheck.report(document.uri)?.summary;

/** The report reaches these counts (a check as you type may still be on its way). */
async function expectSummary(document: vscode.TextDocument, expected: object): Promise<void> {
  const want = JSON.stringify(expected);
  await waitFor(`verdicts ${want}`, () => JSON.stringify(summaryOf(document)) === want).catch(() => assert.deepEqual(summaryOf(document), expected));
}

/** One undo restores the text; the check as you type then brings the verdicts of before the fix back. */
async function undoAndRecheck(document: vscode.TextDocument, original: string, before: object): Promise<void> {
  await vscode.commands.executeCommand('undo');
  assert.equal(document.getText(), original, 'one undo restores the document');
  const expected = JSON.stringify(before);
  await waitFor(`verdicts ${expected} again after the undo`, () => JSON.stringify(summaryOf(document)) === expected);
}

describe('quick fixes', () => {
  before(async () => {
    gradcheck = await api();
  });
  afterEach(closeActive);

  it('= → := turns the seed’s δ^{l+1} = ∂L/∂o^{l+1} into a definition; the recursion then holds', async () => {
    const editor = await openCopy(path.join(FIXTURES, 'seed-like.md'));
    const document = editor.document;
    const original = document.getText();
    await checkGradients(document);
    await expectSummary(document, { ok: 1, mismatch: 2, unchecked: 0, definition: 0 });
    const line = lineOf(document, '$$\\delta^{l+1} = \\frac');
    const [fix] = (await fixesAt(document, document.lineAt(line).range)).filter((a) => /definition \(= → :=\)/.test(a.title));
    assert.ok(fix, 'a "treat as definition" fix on the conflicting line');
    await apply(fix);
    assert.match(document.lineAt(line).text, /^\$\$\\delta\^\{l\+1\} := \\frac/);
    await expectSummary(document, { ok: 2, mismatch: 0, unchecked: 0, definition: 1 });
    await undoAndRecheck(document, original, { ok: 1, mismatch: 2, unchecked: 0, definition: 0 });
  });

  it('declares an unknown symbol in the spec block with the meaning the checker infers (α = z^L)', async () => {
    const text = '# Softmax\n\n```mlp\ninput 3\ndense 2 softmax\nloss cross_entropy\n```\n\n$$p = \\mathrm{softmax}(\\alpha)$$\n';
    const { document } = await openText(text);
    await checkGradients(document);
    await expectSummary(document, { ok: 0, mismatch: 0, unchecked: 1, definition: 0 });
    const line = lineOf(document, '\\alpha');
    const [fix] = (await fixesAt(document, document.lineAt(line).range)).filter((a) => a.title.startsWith('Declare \\alpha as z^{L}'));
    assert.ok(fix, 'a "declare" fix offering z^{L}');
    await apply(fix);
    assert.equal(document.lineAt(lineOf(document, 'loss cross_entropy') + 1).text, 'let \\alpha = z^{L}', 'declared inside the spec block');
    await expectSummary(document, { ok: 1, mismatch: 0, unchecked: 0, definition: 0 });
    await undoAndRecheck(document, text, { ok: 0, mismatch: 0, unchecked: 1, definition: 0 });
  });

  it('inserts a spec block with the default network the check used; the verdicts stay and the network is the document’s', async () => {
    const text = '# Output layer\n\n$$\\delta^L = p - \\mathrm{onehot}(y)$$\n';
    const { document } = await openText(text);
    await checkGradients(document);
    assert.equal(gradcheck.report(document.uri)?.network?.source, 'default');
    const [fix] = (await fixesAt(document, document.lineAt(2).range)).filter((a) => a.title.startsWith('Insert a network spec block'));
    assert.ok(fix, 'an "insert spec block" fix on a claim');
    await apply(fix);
    assert.match(document.getText(), /^# Output layer\n\n```mlp\ninput 4\ndense 5 sigmoid\ndense 4 sigmoid\ndense 3 softmax\nloss cross_entropy\n```\n/);
    const report = gradcheck.report(document.uri);
    assert.equal(report?.network?.source, 'document');
    assert.deepEqual(report?.summary, { ok: 1, mismatch: 0, unchecked: 0, definition: 0 });
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), text, 'one undo restores the document');
    await waitFor('the default network again after the undo', () => gradcheck.report(document.uri)?.network?.source === 'default');
  });

  it("changes a misspelt activation the spec error names ('sigmod' → 'sigmoid'); the claims are then checked", async () => {
    const text = '```mlp\ninput 3\ndense 4 sigmod\ndense 2 softmax\n```\n\n$$\\delta^L = p - \\mathrm{onehot}(y)$$\n';
    const { document } = await openText(text);
    await checkGradients(document);
    await expectSummary(document, { ok: 0, mismatch: 0, unchecked: 1, definition: 0 });
    const [fix] = (await fixesAt(document, document.lineAt(2).range)).filter((a) => a.title === "Change to 'sigmoid'");
    assert.ok(fix, "a \"Change to 'sigmoid'\" fix on the spec line");
    await apply(fix);
    assert.equal(document.lineAt(2).text, 'dense 4 sigmoid');
    await expectSummary(document, { ok: 1, mismatch: 0, unchecked: 0, definition: 0 });
    await undoAndRecheck(document, text, { ok: 0, mismatch: 0, unchecked: 1, definition: 0 });
  });
});

