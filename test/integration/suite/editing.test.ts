// Check as you type on one long-lived worker, state dropped on close, the
// status bar's counts, and the workspace-wide check.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GradCheckApi } from '../../../src/extension/testApi';
import { api, checkGradients, closeActive, cliVerdicts, FIXTURES, gradcheckDiagnostics, lineOf, openCopy, openText, ROOT, waitFor } from './helpers';

let gradcheck: GradCheckApi;

describe('editing a checked document', () => {
  before(async () => {
    gradcheck = await api();
  });

  it('typing one character updates the diagnostics without a save', async () => {
    const editor = await openCopy(path.join(FIXTURES, 'seed-like.md'));
    const document = editor.document;
    await checkGradients(document);
    const errors = () => gradcheckDiagnostics(document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    assert.equal(errors(), 2);
    const line = lineOf(document, '$$\\delta^{l+1} = \\frac');
    const at = new vscode.Position(line, document.lineAt(line).text.indexOf('= \\frac'));
    // Typing ':' before '=' makes the line a definition: both mismatches go.
    await editor.edit((b) => b.insert(at, ':'));
    await waitFor('diagnostics of the edited text', () => errors() === 0);
    assert.ok(document.isDirty, 'nothing was saved');
    assert.deepEqual(gradcheck.report(document.uri)?.summary, { ok: 2, mismatch: 0, unchecked: 0, definition: 1 });
    await closeActive();
  });

  it('a document that was never checked is not checked while typing', async () => {
    const editor = await openText('$$\\delta^L = p - \\mathrm{onehot}(y)$$\n');
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), '\n'));
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(gradcheck.report(editor.document.uri), undefined);
    assert.equal(gradcheck.isTracked(editor.document.uri), false);
    await closeActive();
  });

  it('every check runs in the same worker', async () => {
    const before = gradcheck.workersStarted();
    const editor = await openText('$$\\delta^L = p - \\mathrm{onehot}(y)$$\n');
    for (let i = 0; i < 3; i++) {
      await checkGradients(editor.document);
      await editor.edit((b) => b.insert(new vscode.Position(1, 0), ' '));
    }
    assert.equal(gradcheck.workersStarted(), Math.max(before, 1), 'no new worker per check');
    await closeActive();
  });

  it('closing the document drops its report, diagnostics and re-checking', async () => {
    const editor = await openCopy(path.join(FIXTURES, 'seed-like.md'));
    const uri = editor.document.uri;
    await checkGradients(editor.document);
    assert.ok(gradcheck.report(uri));
    assert.ok(gradcheckDiagnostics(uri).length > 0);
    await closeActive();
    await waitFor('the state of the closed document to go', () => gradcheck.report(uri) === undefined);
    assert.equal(gradcheck.isTracked(uri), false);
    assert.equal(gradcheckDiagnostics(uri).length, 0);
    assert.equal(gradcheck.inlineVerdicts(uri), undefined);
  });
});

describe('status bar', () => {
  before(async () => {
    gradcheck = await api();
  });

  it('shows the report’s counts for the active derivation', async () => {
    const file = path.join(ROOT, 'examples', 'softmax-mlp.vi.md');
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    await checkGradients(document);
    const { summary } = cliVerdicts(file);
    await waitFor('status bar counts', () => gradcheck.statusBar().text === `GradCheck ✓ ${summary.ok} ✗ ${summary.mismatch} ? ${summary.unchecked}`).catch(() =>
      assert.equal(gradcheck.statusBar().text, `GradCheck ✓ ${summary.ok} ✗ ${summary.mismatch} ? ${summary.unchecked}`),
    );
    assert.equal(gradcheck.statusBar().visible, true);
  });

  it('is hidden for a document without math, and offers a check for one with math', async () => {
    await openText('# Notes\n\nNo formulas here.\n');
    await waitFor('the item to hide', () => !gradcheck.statusBar().visible);
    await closeActive();
    await openText('Forward: $z = W x + b$\n');
    await waitFor('the item to show', () => gradcheck.statusBar().visible);
    assert.match(gradcheck.statusBar().text, /GradCheck$/);
    await closeActive();
  });
});

describe('check gradients in workspace', () => {
  it('checks every Markdown, LaTeX and .mlp file with math and puts the results in Problems', async () => {
    const outcome = await vscode.commands.executeCommand<{ files: number; mismatch: number; cancelled: boolean }>('gradcheck.checkWorkspace');
    assert.equal(outcome?.cancelled, false);
    // The fixture workspace: derivation.md, seed-like.md and broken.mlp; excluded/skipped.md is in files.exclude.
    assert.equal(outcome?.files, 3);
    const spec = gradcheckDiagnostics(vscode.Uri.file(path.join(FIXTURES, 'broken.mlp')));
    assert.deepEqual(spec.map((d) => [d.range.start.line, d.message.includes("did you mean 'sigmoid'")]), [[1, true]]);
    assert.equal(gradcheckDiagnostics(vscode.Uri.file(path.join(FIXTURES, 'excluded/skipped.md'))).length, 0, 'files.exclude is honoured');
    const seedLike = vscode.Uri.file(path.join(FIXTURES, 'seed-like.md'));
    const expected = cliVerdicts(seedLike.fsPath).claims.filter((c) => c.status === 'mismatch').map((c) => c.line);
    const errors = gradcheckDiagnostics(seedLike).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((d) => d.range.start.line + 1).sort(), expected.sort());
  });
});

describe('settings', () => {
  const config = () => vscode.workspace.getConfiguration('gradcheck');
  after(async () => {
    for (const key of ['samples', 'seed', 'tolerance.rtol']) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
  });

  it('gradcheck.seed, .samples and .tolerance reach the check and re-check checked documents', async () => {
    gradcheck = await api();
    const editor = await openText('$$\\delta^L = p - \\mathrm{onehot}(y)$$\n');
    const uri = editor.document.uri;
    await checkGradients(editor.document);
    assert.equal(gradcheck.report(uri)?.samples, 3);
    await config().update('samples', 2, vscode.ConfigurationTarget.Global);
    await config().update('seed', 42, vscode.ConfigurationTarget.Global);
    await config().update('tolerance.rtol', 1e-3, vscode.ConfigurationTarget.Global);
    await waitFor('a re-check with the new settings', () => gradcheck.report(uri)?.samples === 2 && gradcheck.report(uri)?.tolerance?.rtol === 1e-3);
    assert.equal(gradcheck.report(uri)?.seed, 42);
    await closeActive();
  });
});
