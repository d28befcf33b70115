// Both pages inside a real VS Code (code-server in Chromium), opened through
// their commands from the palette: the real webview host, CSP and worker.
import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import * as harness from '../harness/codeServer.mjs';
import { XOR_STEP_BOUND } from './helpers/bounds';
import { ARTIFACTS } from './helpers/browser';
import { ROOT } from './helpers/fakeHost';
import { FIXTURES } from './helpers/fixtures';

type Server = harness.CodeServer;

const THEME = { dark: 'Default Dark Modern' } as const;

/** The webview frame (nested inside the workbench's iframes) that shows `selector`. */
async function pageFrame(page: Page, selector: string, timeoutMs = 60_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (await frame.$(selector).catch(() => null)) return frame;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no webview shows ${selector} after ${timeoutMs / 1000} s`);
}

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input');
  // fill, not type: keys typed before the input has focus would be lost on a busy machine.
  await page.fill('.quick-input-widget input', `>${title}`);
  // Click the row whose label starts with the title: Enter would take whichever row is first.
  const row = `.quick-input-list .monaco-list-row[aria-label^="${title.replace(/"/g, '\\"')}"]`;
  await page.waitForSelector(row, { timeout: 30_000 });
  await page.click(row);
}

/** Opens a file of the workspace in the first editor group (the panels live beside it), from the Explorer. */
async function openFile(page: Page, name: string): Promise<void> {
  // Focus the first group, so the file opens there and not over a panel.
  const editor = page.locator('.editor-group-container').first().locator('.monaco-editor .view-lines');
  if (await editor.count()) await editor.first().click();
  await page.click(`.explorer-folders-view .monaco-list-row[aria-label*="${name}"]`);
  // The window title names the active editor.
  await page.waitForFunction((file) => document.title.includes(file), name, { timeout: 20_000 }).catch(async (error) => {
    await page.screenshot({ path: join(ARTIFACTS, 'workbench-open-file.png') });
    throw new Error(`${name} did not become the active editor (window title: ${await page.title()}): ${error}`);
  });
}

describe('webviews inside the VS Code workbench (code-server)', function () {
  this.timeout(300_000);
  let scratch: string;
  let server: Server | undefined;
  let browser: { page: Page; close(): Promise<void> } | undefined;
  const consoleLines: string[] = [];
  let passed = true;

  const setTheme = (theme: keyof typeof THEME) => {
    const file = join(scratch, 'user-data/User/settings.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), 'workbench.colorTheme': THEME[theme] }, null, 2));
  };

  before(async () => {
    harness.preflight();
    const install = harness.ensureCodeServer();
    scratch = harness.makeScratch('gradcheck-webview-');
    const workspace = join(scratch, 'workspace');
    mkdirSync(workspace);
    cpSync(FIXTURES, workspace, { recursive: true });
    setTheme('dark');
    server = (await harness.startCodeServer({ install, scratch, args: harness.DEV_EXTENSION_ARGS })) as Server;
    browser = await harness.launchChromium({ scratch });
    browser!.page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    await browser!.page.goto(harness.workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: ROOT }));
    await browser!.page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  });

  afterEach(function () {
    if (this.currentTest?.state !== 'passed') passed = false;
  });

  after(async () => {
    if (!passed) {
      console.error(consoleLines.slice(-60).join('\n'));
      if (server) console.error(harness.tail(server.logFile));
    }
    await browser?.close();
    await server?.stop();
    if (passed && scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('"GradCheck: Show δ flow" shows the active derivation and its animation steps through every layer', async () => {
    const page = browser!.page;
    await openFile(page, 'backprop-drops-slope.md');
    await runCommand(page, 'GradCheck: Show δ flow');
    const frame = await pageFrame(page, 'svg.diagram');
    assert.match((await frame.textContent('#file')) ?? '', /backprop-drops-slope\.md/);
    const phases: string[] = [];
    const steps = Number(await frame.getAttribute('#slider', 'max'));
    for (let i = 0; i <= steps; i++) {
      phases.push(await frame.$eval('#caption', (c) => `${(c as HTMLElement).dataset.phase}:${(c as HTMLElement).dataset.layer}`));
      if (i < steps) await frame.click('#step');
    }
    assert.deepEqual(phases, ['forward:0', 'forward:1', 'forward:2', 'forward:3', 'loss:3', 'backward:3', 'backward:2', 'backward:1']);
    await frame.check('#show-claimed');
    assert.ok((await frame.locator('.unit.disagree').count()) > 0);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'workbench-delta-flow-dark.png') });
    // Clicking a layer selects its claims' lines (17, 21, 23) in the editor.
    const selected = () => page.locator('.monaco-editor .selected-text').count();
    assert.equal(await selected(), 0);
    await frame.click('g.layer[data-layer="1"]');
    await page.waitForFunction(() => document.querySelectorAll('.monaco-editor .selected-text').length >= 3, undefined, { timeout: 10_000 });
    // The panel follows the active derivation: a correct one shows no disagreeing unit.
    await openFile(page, 'backprop-correct.md');
    await frame.waitForFunction(() => /backprop-correct\.md/.test(document.getElementById('file')?.textContent ?? ''), undefined, { timeout: 60_000 });
    assert.equal(await frame.isChecked('#show-claimed'), true);
    assert.equal(await frame.locator('.unit.disagree').count(), 0);
    assert.ok((await frame.locator('g.layer.backward').count()) === 3);
  });

  it('"GradCheck: Open training playground" trains in its worker under VS Code’s CSP, with and without the derivation', async () => {
    const page = browser!.page;
    await openFile(page, 'backprop-drops-slope.md');
    await runCommand(page, 'GradCheck: Open training playground');
    const frame = await pageFrame(page, '#use-derivation:not([disabled])');
    assert.match((await frame.textContent('#document')) ?? '', /backprop-drops-slope\.md/);
    await frame.waitForFunction(() => document.body.dataset.backend !== undefined);
    assert.equal(await frame.evaluate(() => document.body.dataset.backend), 'worker');
    await frame.check('#use-derivation');
    await frame.waitForSelector('#derivation-run:not([hidden])');
    await frame.click('#play');
    await frame.waitForFunction((n) => Number(document.getElementById('status')!.dataset.step) >= n, XOR_STEP_BOUND, { timeout: 120_000 });
    await frame.click('#play');
    await page.waitForTimeout(200);
    const accuracy = (run: string) => frame.$eval(`#${run}-metrics`, (m) => Number((m as HTMLElement).dataset.testAccuracy));
    assert.ok((await accuracy('backprop')) >= 0.95, `backprop ${await accuracy('backprop')}`);
    assert.ok((await accuracy('derivation')) < 0.7, `derivation ${await accuracy('derivation')}`);
    // "Insert as mlp block" edits the document once, undoably.
    const editorHas = (text: string) => page.evaluate((t) => Array.from(document.querySelectorAll('.monaco-editor .view-lines')).some((v) => (v.textContent ?? '').replace(/\u00a0/g, ' ').includes(t)), text);
    assert.equal(await editorHas('# playground: xor'), false);
    await frame.click('#insert-spec');
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.monaco-editor .view-lines')).some((v) => (v.textContent ?? '').replace(/\u00a0/g, ' ').includes('# playground: xor')), undefined, { timeout: 10_000 });
    // Keys go to the webview while it has focus: click into the document's editor first.
    await page.locator('.editor-group-container').first().locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Z');
    await page.waitForFunction(() => !Array.from(document.querySelectorAll('.monaco-editor .view-lines')).some((v) => (v.textContent ?? '').replace(/\u00a0/g, ' ').includes('# playground: xor')), undefined, { timeout: 10_000 });
    // The page follows VS Code's theme: switch to the light one and look again.
    await runCommand(page, 'Preferences: Color Theme');
    await page.waitForTimeout(1500); // the theme picker replaces the palette
    await page.fill('.quick-input-widget input', 'Light Modern');
    const lightModern = '.quick-input-list .monaco-list-row[aria-label^="Light Modern"]';
    await page.waitForSelector(lightModern).catch(async (error) => {
      await page.screenshot({ path: join(ARTIFACTS, 'workbench-theme-picker.png') });
      throw error;
    });
    await page.click(lightModern);
    await frame.waitForFunction(() => document.body.classList.contains('vscode-light'), undefined, { timeout: 20_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(ARTIFACTS, 'workbench-playground-light.png') });
  });

  it('the δ-flow panel comes back after a window reload, with its step (WebviewPanelSerializer and page state)', async () => {
    const page = browser!.page;
    await runCommand(page, 'Developer: Reload Window');
    await page.waitForTimeout(3000);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    // A panel's page loads when its tab is shown.
    await page.click('.tab[aria-label*="δ flow"]', { timeout: 60_000 });
    const frame = await pageFrame(page, 'svg.diagram', 90_000);
    assert.equal(await frame.$eval('#caption', (c) => `${(c as HTMLElement).dataset.phase}:${(c as HTMLElement).dataset.layer}`), 'backward:1');
    // It follows the active derivation, which the playground test switched back to.
    assert.match((await frame.textContent('#file')) ?? '', /backprop-drops-slope\.md/);
  });
});
