// The δ-flow page in Chromium with a fake host posting a real report.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { screenshot, useFakeHostAndBrowser, type Browser } from './helpers/browser';
import type { FakeHost } from './helpers/fakeHost';
import { flowFixture } from './helpers/fixtures';
import type { FlowDocument } from '../../src/webview/shared/protocol';

type Sent = { type: string; lines?: number[] };

async function open(browser: Browser, host: FakeHost, theme: 'light' | 'dark', doc: FlowDocument): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(host.url('deltaFlow', theme));
  await page.waitForFunction(() => (window as unknown as { __sent: Sent[] }).__sent.some((m) => m.type === 'ready'));
  await page.evaluate((d) => window.postMessage({ type: 'flowDocument', document: d }, '*'), doc);
  await page.waitForSelector('svg.diagram');
  return page;
}

const caption = (page: Page) => page.$eval('#caption', (c) => `${(c as HTMLElement).dataset.phase}:${(c as HTMLElement).dataset.layer}`);
const barValues = (page: Page) => page.$$eval('.norm-bars .bar', (bars) => bars.map((b) => Number(b.getAttribute('data-value'))));
const sent = (page: Page) => page.evaluate(() => (window as unknown as { __sent: Sent[] }).__sent);

describe('δ-flow page (standalone, fake host)', function () {
  const doc = flowFixture('backprop-drops-slope');
  const env = useFakeHostAndBrowser();

  it('steps forward through every layer, the loss, then back through every layer to layer 1', async () => {
    const page = await open(env.browser, env.host, 'dark', doc);
    const seen = [await caption(page)];
    const steps = Number(await page.getAttribute('#slider', 'max'));
    for (let i = 0; i < steps; i++) {
      await page.click('#step');
      seen.push(await caption(page));
    }
    assert.deepEqual(seen, ['forward:0', 'forward:1', 'forward:2', 'forward:3', 'loss:3', 'backward:3', 'backward:2', 'backward:1']);
    assert.equal(await page.locator('g.layer.backward').count(), 3);
    // Every unit of every layer now shows its δ.
    const labels = await page.$$eval('g.layer.backward .unit-value', (t) => t.map((n) => n.textContent));
    assert.equal(labels.filter((l) => l?.startsWith('δ')).length, 8 + 8 + 1);
    await screenshot(page, 'delta-flow-dark');
    await page.click('#step-back');
    assert.equal(await caption(page), 'backward:2');
    await page.fill('#slider', '0');
    assert.equal(await caption(page), 'forward:0');
  });

  it('plays the animation by itself and pauses', async () => {
    const page = await open(env.browser, env.host, 'dark', doc);
    await page.click('#play');
    await page.waitForFunction(() => (document.getElementById('caption') as HTMLElement).dataset.phase === 'backward', undefined, { timeout: 15_000 });
    await page.click('#play');
    const paused = await caption(page);
    await page.waitForTimeout(1000);
    assert.equal(await caption(page), paused);
  });

  it('marks the units where the document’s claimed δ disagrees with backprop, in the error colour', async () => {
    const page = await open(env.browser, env.host, 'light', doc);
    await page.fill('#slider', String(await page.getAttribute('#slider', 'max')));
    assert.equal(await page.locator('.unit.disagree').count(), 0);
    await page.check('#show-claimed');
    // The recursion without σ′ is wrong in layers 1 and 2; δ^L (layer 3) is right.
    const wrong = await page.$$eval('.unit.disagree', (units) => units.map((u) => u.closest('g.layer')!.getAttribute('data-layer')));
    assert.ok(wrong.length > 0);
    assert.deepEqual([...new Set(wrong)].sort(), ['1', '2']);
    const stroke = await page.$eval('.unit.disagree', (u) => getComputedStyle(u).stroke);
    assert.equal(stroke, 'rgb(229, 20, 0)'); // --vscode-errorForeground of the light theme
    await screenshot(page, 'delta-flow-light');
  });

  it('clicking a layer (or Enter on it) asks the host to reveal the lines of its claims', async () => {
    const page = await open(env.browser, env.host, 'dark', doc);
    await page.click('g.layer[data-layer="3"]');
    const reveal = (await sent(page)).filter((m) => m.type === 'revealLines');
    // Layer 3 is named by δ^L (line 13) and by every claim about a generic l.
    assert.deepEqual(reveal.at(-1)?.lines, [13, 17, 21, 23]);
    assert.match(await page.textContent('#claims-title') ?? '', /layer 3/);
    await page.focus('g.layer[data-layer="1"]');
    await page.keyboard.press('Enter');
    assert.deepEqual((await sent(page)).filter((m) => m.type === 'revealLines').at(-1)?.lines, [17, 21, 23]);
  });

  it('highlights the layers of the claim under the editor’s cursor', async () => {
    const page = await open(env.browser, env.host, 'dark', doc);
    await page.evaluate(() => window.postMessage({ type: 'highlightLayers', layers: [3] }, '*'));
    await page.waitForSelector('g.layer.highlighted');
    assert.deepEqual(await page.$$eval('g.layer.highlighted', (g) => g.map((n) => n.getAttribute('data-layer'))), ['3']);
  });

  it('switching sample, re-drawing weights and changing an activation change the gradient norms; reset brings the report back', async () => {
    const page = await open(env.browser, env.host, 'dark', doc);
    const report = await barValues(page);
    // The report's norms are the report's numbers.
    const reportDelta1 = Math.hypot(...(doc.layers[1].delta ?? []));
    assert.ok(Math.abs(report[0] - reportDelta1) < 1e-12);
    await page.selectOption('#sample', '2');
    const sample2 = await barValues(page);
    assert.notDeepEqual(sample2, report);
    await page.fill('#weight-seed', '42');
    await page.click('#redraw');
    const redrawn = await barValues(page);
    assert.notDeepEqual(redrawn, sample2);
    await page.selectOption('#activation-1', 'relu');
    const relu = await barValues(page);
    assert.notDeepEqual(relu, redrawn);
    assert.match(await page.textContent('#what-if') ?? '', /what-if/);
    await page.click('#reset');
    assert.deepEqual(await barValues(page), report);
    assert.equal(await page.inputValue('#activation-1'), 'tanh');
  });

  it('keeps its step and toggles across a reload (state restored), and is usable from the keyboard', async () => {
    const page = await open(env.browser, env.host, 'dark', doc);
    await page.focus('#step');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.focus('#show-claimed');
    await page.keyboard.press('Space');
    assert.equal(await caption(page), 'forward:2');
    await page.reload();
    await page.waitForSelector('svg.diagram');
    assert.equal(await caption(page), 'forward:2');
    assert.equal(await page.isChecked('#show-claimed'), true);
  });
});
