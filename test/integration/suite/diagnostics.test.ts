// "Check gradients" publishes the report as diagnostics, and they agree
// with the CLI's verdicts claim by claim.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { cliVerdicts, EXTENSION_ID, ROOT } from './helpers';

async function checkedDiagnostics(file: string): Promise<{ outcome: { summary?: Record<string, number> } | undefined; diagnostics: vscode.Diagnostic[] }> {
  const document = await vscode.workspace.openTextDocument(file);
  await vscode.window.showTextDocument(document);
  const outcome = await vscode.commands.executeCommand<{ summary?: Record<string, number> }>('gradcheck.checkGradients');
  return { outcome, diagnostics: vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'gradcheck') };
}

describe('diagnostics from "Check gradients"', () => {
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  });

  for (const example of ['nielsen-bp.md', 'softmax-mlp.vi.md', 'backprop.tex']) {
    it(`${example}: one error per CLI mismatch on the same line, one information per unchecked claim, same messages`, async () => {
      const file = path.join(ROOT, 'examples', example);
      const cli = cliVerdicts(file);
      const { outcome, diagnostics } = await checkedDiagnostics(file);

      assert.deepEqual(outcome?.summary, cli.summary, 'the command reports the same summary as the CLI');
      const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
      const mismatches = cli.claims.filter((c) => c.status === 'mismatch');
      assert.deepEqual(
        errors.map((d) => `${d.range.start.line + 1}: ${d.message}`).sort(),
        mismatches.map((c) => `${c.line}: ${c.message}${c.diagnosis ? ` — ${c.diagnosis}` : ''}`).sort(),
      );
      const infos = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Information);
      assert.deepEqual(
        infos.map((d) => d.message).sort(),
        cli.claims.filter((c) => c.status === 'unchecked').map((c) => c.message).sort(),
      );
    });
  }

  it('underlines the right-hand side of a mismatch and names its source and code', async () => {
    const file = path.join(ROOT, 'examples', 'nielsen-bp.md');
    const { diagnostics } = await checkedDiagnostics(file);
    const doubled = diagnostics.find((d) => d.message.includes('off by a constant factor'))!;
    const document = await vscode.workspace.openTextDocument(file);
    assert.equal(document.getText(doubled.range), '2 (a^L - y)');
    assert.equal(doubled.source, 'gradcheck');
  });

  it('reports spec errors at their line and column and checks nothing else', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '```mlp\ninput 3\ndense 4 sigmod\n```\n\n$$z^l = W^l o^{l-1} + b^l$$\n' });
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('gradcheck.checkGradients');
    const diagnostics = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'gradcheck');
    const spec = diagnostics.find((d) => d.severity === vscode.DiagnosticSeverity.Error)!;
    assert.match(spec.message, /did you mean 'sigmoid'/);
    assert.equal(spec.range.start.line, 2);
    assert.equal(document.getText(spec.range), 'sigmod');
  });
});
