// The palette command, driven through the real command registry.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

// Derived from the bundle's folder (out/test/suite), so it does not depend on
// which folder the runner opened.
const FIXTURES = path.resolve(__dirname, '../../../test/integration/fixtures/workspace');
const EXTENSION_ID = 'gradcheck.gradcheck';

interface CheckOutcome {
  readonly uri: string;
  readonly message: string;
}

describe('gradcheck.checkGradients', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    await extension.activate();
  });

  it('resolves with the uri of the active Markdown derivation', async () => {
    const document = await vscode.workspace.openTextDocument(path.join(FIXTURES, 'derivation.md'));
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'markdown');

    const outcome = await vscode.commands.executeCommand<CheckOutcome | undefined>('gradcheck.checkGradients');

    assert.ok(outcome, 'the command returned nothing for a Markdown editor');
    assert.equal(outcome.uri, document.uri.toString());
    assert.equal(typeof outcome.message, 'string');
  });
});
