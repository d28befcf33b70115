// The training playground in Chromium with a fake host: training in the
// page's worker, the controls, and "train with my derivation".
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { screenshot, useFakeHostAndBrowser, type Browser } from './helpers/browser';
import { ROOT, type FakeHost } from './helpers/fakeHost';
import { playgroundFixture, type FixtureName } from './helpers/fixtures';
import { XOR_STEP_BOUND } from './helpers/bounds';

type Sent = { type: string; json?: string; spec?: string };

async function open(browser: Browser, host: FakeHost, theme: 'light' | 'dark'): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(host.url('playground', theme));
  await page.waitForFunction(() => document.body.dataset.backend !== undefined && document.getElementById('status')!.dataset.step !== undefined);
  return page;
}

const step = (page: Page) => page.$eval('#status', (s) => Number((s as HTMLElement).dataset.step));
const accuracy = (page: Page, run: 'backprop' | 'derivation') => page.$eval(`#${run}-metrics`, (m) => Number((m as HTMLElement).dataset.testAccuracy));
const testLoss = (page: Page, run: 'backprop' | 'derivation') => page.$eval(`#${run}-metrics`, (m) => Number((m as HTMLElement).dataset.testLoss));
const sent = (page: Page) => page.evaluate(() => (window as unknown as { __sent: Sent[] }).__sent);

async function trainAtLeast(page: Page, steps: number): Promise<void> {
  await page.click('#play');
  await page.waitForFunction((n) => Number(document.getElementById('status')!.dataset.step) >= n, steps, { timeout: 60_000 });
  await page.click('#play');
  await page.waitForTimeout(100); // the last snapshot after the pause
}

async function withDocument(page: Page, name: FixtureName): Promise<void> {
  await page.evaluate((d) => window.postMessage({ type: 'playgroundDocument', document: d }, '*'), playgroundFixture(name));
  await page.waitForSelector('#use-derivation:not([disabled])');
  await page.check('#use-derivation');
  await page.waitForFunction(() => !(document.getElementById('derivation-run') as HTMLElement).hidden);
}

describe('training playground (standalone, fake host)', function () {
  const env = useFakeHostAndBrowser();

  it(`trains xor with the default settings in its Web Worker to ≥ 95% test accuracy within ${XOR_STEP_BOUND} steps`, async () => {
    const page = await open(env.browser, env.host, 'dark');
    assert.equal(await page.evaluate(() => document.body.dataset.backend), 'worker');
    let reached = 0;
    while ((await step(page)) < XOR_STEP_BOUND) {
      await page.click('#step'); // ten steps
      await page.waitForFunction((n) => Number(document.getElementById('status')!.dataset.step) > n, await step(page) - 1);
      reached = await accuracy(page, 'backprop');
      if (reached >= 0.95) break;
    }
    assert.ok(reached >= 0.95, `test accuracy ${reached} at step ${await step(page)}`);
  });

  it('plays, pauses, and stops training when the panel is hidden', async () => {
    const page = await open(env.browser, env.host, 'dark');
    await page.click('#play');
    await page.waitForFunction(() => Number(document.getElementById('status')!.dataset.step) > 200);
    await page.click('#play');
    await page.waitForTimeout(200);
    const paused = await step(page);
    await page.waitForTimeout(500);
    assert.equal(await step(page), paused);
    await page.click('#play');
    await page.waitForFunction((n) => Number(document.getElementById('status')!.dataset.step) > n + 100, paused);
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { value: true, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await page.waitForTimeout(200);
    const hidden = await step(page);
    await page.waitForTimeout(500);
    assert.equal(await step(page), hidden);
    assert.equal(await page.textContent('#play'), 'Play');
  });

  it('responds to its controls: dataset, network editor, reset, regression curve', async () => {
    const page = await open(env.browser, env.host, 'light');
    await trainAtLeast(page, 100);
    await page.selectOption('#dataset', 'circle');
    await page.waitForFunction(() => document.getElementById('status')!.dataset.step === '0');
    await page.click('#add-layer');
    assert.equal(await page.locator('#units-3').count(), 1);
    await page.fill('#units-3', '5');
    await page.press('#units-3', 'Enter');
    await page.waitForFunction(() => (document.getElementById('units-3') as HTMLInputElement).value === '5');
    await trainAtLeast(page, 50);
    await page.click('#reset');
    await page.waitForFunction(() => document.getElementById('status')!.dataset.step === '0');
    await page.selectOption('#dataset', 'regression');
    assert.match((await page.textContent('#network-editor')) ?? '', /output: 1 identity/);
    await trainAtLeast(page, 500);
    assert.ok((await testLoss(page, 'backprop')) < 0.2, `regression test loss ${await testLoss(page, 'backprop')}`);
    await screenshot(page, 'playground-regression-light');
  });

  it('exports the weights as JSON and the settings as an mlp block', async () => {
    const page = await open(env.browser, env.host, 'dark');
    await trainAtLeast(page, 20);
    await page.click('#export-weights');
    const exported = (await sent(page)).find((m) => m.type === 'exportWeights');
    const json = JSON.parse(exported!.json!);
    assert.equal(json.layers.length, 3);
    assert.equal(json.layers[0].W.length, 8);
    await page.evaluate((d) => window.postMessage({ type: 'playgroundDocument', document: d }, '*'), playgroundFixture('backprop-correct'));
    await page.waitForSelector('#insert-spec:not([disabled])');
    await page.click('#insert-spec');
    assert.match((await sent(page)).find((m) => m.type === 'insertSpec')!.spec!, /^input 2\ndense 8 tanh\ndense 8 tanh\ndense 1 sigmoid\nloss bce\n/);
  });

  it('trains with a derivation that drops σ′ beside backprop: the derivation plainly fails to learn, backprop succeeds', async () => {
    const page = await open(env.browser, env.host, 'dark');
    await withDocument(page, 'backprop-drops-slope');
    await trainAtLeast(page, XOR_STEP_BOUND);
    const backprop = await accuracy(page, 'backprop');
    const derivation = await accuracy(page, 'derivation');
    assert.ok(backprop >= 0.95, `backprop ${backprop}`);
    assert.ok(derivation < 0.7, `derivation ${derivation}`);
    assert.ok((await testLoss(page, 'derivation')) > 0.6);
    assert.deepEqual(await page.$$eval('#claims-used li', (li) => li.map((n) => Number(n.getAttribute('data-line')))), [13, 17, 21, 23]);
    assert.match(await page.textContent('#claims-missing') ?? '', /Every gradient comes from the document/);
    assert.match(await page.textContent('#divergence') ?? '', /first diverge at step 1 .*δ\^2 already differs/);
    await screenshot(page, 'playground-derivation-dark');
  });

  it('trains with a correct derivation: the two runs agree to 1e-9', async () => {
    const page = await open(env.browser, env.host, 'light');
    await withDocument(page, 'backprop-correct');
    await trainAtLeast(page, 1000);
    assert.equal(await page.getAttribute('#divergence', 'class'), 'agree');
    const a = await testLoss(page, 'backprop');
    const b = await testLoss(page, 'derivation');
    assert.ok(Math.abs(a - b) <= 1e-9 * Math.abs(a), `${a} vs ${b}`);
    await screenshot(page, 'playground-derivation-light');
  });

  it('adopts the document’s network (its input fitted to the data) and trains it', async () => {
    const page = await open(env.browser, env.host, 'dark');
    const cs231n = readFileSync(join(ROOT, 'examples/cs231n-relu.md'), 'utf8');
    await page.evaluate((text) => window.postMessage({ type: 'playgroundDocument', document: { file: 'cs231n-relu.md', text, language: 'markdown' } }, '*'), cs231n);
    await page.waitForSelector('#use-document-network:not([disabled])');
    await page.click('#use-document-network');
    assert.equal(await page.inputValue('#units-1'), '6');
    assert.equal(await page.inputValue('#layer-activation-1'), 'relu');
    assert.equal(await page.inputValue('#loss'), 'cross_entropy');
    assert.match((await page.textContent('#network-editor')) ?? '', /output: 2 softmax/);
    await trainAtLeast(page, 300);
    assert.ok(Number.isFinite(await testLoss(page, 'backprop')));
  });

  it('keeps its settings across a reload', async () => {
    const page = await open(env.browser, env.host, 'dark');
    await page.selectOption('#learning-rate', '0.1');
    await page.selectOption('#dataset', 'spiral');
    await page.reload();
    await page.waitForFunction(() => document.getElementById('status')!.dataset.step !== undefined);
    assert.equal(await page.inputValue('#learning-rate'), '0.1');
    assert.equal(await page.inputValue('#dataset'), 'spiral');
    await screenshot(page, 'playground-spiral-dark');
  });
});
