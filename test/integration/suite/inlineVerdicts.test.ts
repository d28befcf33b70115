// Inline verdicts beside the equations agree with the CLI's verdicts line by
// line, as decorations and as CodeLens, and follow the setting.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, checkGradients, cliVerdicts, ROOT } from './helpers';

const SYMBOL: Record<string, string> = { ok: '✓', mismatch: '✗', unchecked: '?', definition: '≔' };

async function setStyle(style: 'decoration' | 'codelens' | 'off'): Promise<void> {
  await vscode.workspace.getConfiguration('gradcheck').update('inlineVerdicts', style, vscode.ConfigurationTarget.Global);
}

describe('inline verdicts', () => {
  before(api);
  after(() => setStyle('decoration'));

  for (const example of ['nielsen-bp.md', 'softmax-mlp.vi.md', 'backprop.tex']) {
    it(`${example}: one mark per claim, on the CLI's line with the CLI's verdict`, async () => {
      const file = path.join(ROOT, 'examples', example);
      const document = await vscode.workspace.openTextDocument(file);
      await vscode.window.showTextDocument(document);
      await checkGradients(document);
      const shown = (await api()).inlineVerdicts(document.uri);
      assert.equal(shown?.style, 'decoration');
      const cli = cliVerdicts(file);
      assert.deepEqual(
        shown!.marks.map((m) => `${m.line + 1} ${m.text.split(' ')[0]}`),
        cli.claims.map((c) => `${c.line} ${SYMBOL[c.status]}`),
      );
      for (const mark of shown!.marks.filter((m) => m.verdict === 'ok')) assert.match(mark.text, /^✓ \d\.\de[+-]\d+$/, 'a ✓ carries its relative error');
    });
  }

  it('as CodeLens: a lens per claim on its line, a ✗ lens opens the explanation', async () => {
    await setStyle('codelens');
    const file = path.join(ROOT, 'examples', 'nielsen-bp.md');
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    await checkGradients(document);
    const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const ours = found.filter((l) => l.command?.command === 'gradcheck.explainClaim');
    const cli = cliVerdicts(file);
    assert.deepEqual(
      ours.map((l) => `${l.range.start.line + 1} ${l.command!.title.split(' ')[0]}`).sort(),
      cli.claims.map((c) => `${c.line} ${SYMBOL[c.status]}`).sort(),
    );
    const cross = ours.find((l) => l.command!.title.startsWith('✗'))!;
    await vscode.commands.executeCommand(cross.command!.command, ...(cross.command!.arguments ?? []));
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, cross.range.start.line, 'the explanation opens at the claim');
    assert.equal((await api()).inlineVerdicts(document.uri)?.style, 'codelens');
  });

  it('off: no marks and no lenses', async () => {
    await setStyle('off');
    const document = await vscode.workspace.openTextDocument(path.join(ROOT, 'examples', 'nielsen-bp.md'));
    await vscode.window.showTextDocument(document);
    await checkGradients(document);
    assert.equal((await api()).inlineVerdicts(document.uri), undefined);
    const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    assert.equal(found.filter((l) => l.command?.command === 'gradcheck.explainClaim').length, 0);
  });
});
