// The walkthrough's steps complete on events the extension really raises:
// commands it registers and context keys it sets.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { HOVERED_DELTA_CONTEXT } from '../../../src/extension/hover';
import { APPLIED_FIX_CONTEXT } from '../../../src/extension/quickFixes';
import { api, closeActive, ROOT } from './helpers';

interface Step {
  readonly id: string;
  readonly completionEvents: readonly string[];
}

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const steps: Step[] = manifest.contributes.walkthroughs[0].steps;

describe('walkthrough', () => {
  before(api);

  it('completes each step on a registered command or a context key the extension sets', async () => {
    const commands = new Set(await vscode.commands.getCommands(true));
    const contexts = new Set([HOVERED_DELTA_CONTEXT, APPLIED_FIX_CONTEXT]);
    assert.deepEqual(steps.map((s) => s.id), ['openExample', 'runCheck', 'hoverDelta', 'quickFix']);
    for (const step of steps) {
      assert.ok(step.completionEvents.length > 0, `${step.id} completes on some event`);
      for (const event of step.completionEvents) {
        const [kind, name] = event.split(':');
        if (kind === 'onCommand') assert.ok(commands.has(name), `${step.id}: command ${name} is registered`);
        else if (kind === 'onContext') assert.ok(contexts.has(name), `${step.id}: context ${name} is set by the extension`);
        else assert.fail(`${step.id}: unexpected completion event ${event}`);
      }
    }
  });

  it('opens the example as an untitled Markdown copy, so fixes never edit the extension', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('gradcheck.openExample');
    const document = vscode.window.activeTextEditor!.document;
    assert.equal(document.uri.toString(), uri.toString());
    assert.equal(document.uri.scheme, 'untitled');
    assert.equal(document.languageId, 'markdown');
    assert.match(document.getText(), /The four equations of backpropagation/);
    await closeActive();
  });
});
