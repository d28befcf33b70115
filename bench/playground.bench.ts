// The training playground's speed, in the page itself: Debian's Chromium
// loads the playground (fake host, same HTML and CSP as in VS Code), trains
// in its Web Worker, and we read the steps done and the page's frames per
// second over several windows; the median of the windows goes in the table.
// A Node row (the same Trainer without a page) gives the engine's ceiling.
// Run: npm run bench:playground
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import type { NetworkConfig } from '../src/core/engine';
import { DEFAULT_SETTINGS } from '../src/webview/playground/defaults';
import { Trainer } from '../src/webview/playground/training';
import type { PlaygroundSettings } from '../src/webview/shared/protocol';
import { launch } from '../test/webview/helpers/browser';
import { startFakeHost } from '../test/webview/helpers/fakeHost';
import { measure, median } from './lib/timing';

const RESULTS = join(__dirname, 'results', 'playground.json');
const WINDOWS = 7;
const WINDOW_MS = 1000;
const TARGET_FPS = 30;
const TARGET_SAMPLE_GRADIENTS = 20_000;

const tanh = (units: number) => ({ units, activation: 'tanh' as const });
const WORKLOADS: { name: string; settings: PlaygroundSettings }[] = [
  { name: '2-8-8-1', settings: DEFAULT_SETTINGS },
  { name: '2-16-16-16-1', settings: { ...DEFAULT_SETTINGS, network: { ...DEFAULT_SETTINGS.network, layers: [tanh(16), tanh(16), tanh(16), { units: 1, activation: 'sigmoid' }] } } },
];

interface Row {
  workload: string;
  where: string;
  stepsPerSecond: number;
  sampleGradientsPerSecond: number;
  fps?: number;
  windows: number;
}

async function inPage(): Promise<Row[]> {
  const host = await startFakeHost();
  const browser = await launch();
  const rows: Row[] = [];
  try {
    for (const { name, settings } of WORKLOADS) {
      const page = await browser.newPage();
      await page.goto(host.url('playground', 'dark'));
      await page.evaluate((s) => sessionStorage.setItem('gradcheck-state', JSON.stringify({ settings: s, useDerivation: false })), settings);
      await page.reload();
      await page.waitForFunction(() => document.body.dataset.backend === 'worker' && document.getElementById('status')!.dataset.step === '0');
      await page.click('#play');
      await page.waitForTimeout(1500); // JIT warm-up, and the fps counter's first full second
      const rates: number[] = [];
      const fps: number[] = [];
      for (let w = 0; w < WINDOWS; w++) {
        const before = await page.evaluate(() => [Number(document.getElementById('status')!.dataset.step), performance.now()]);
        await page.waitForTimeout(WINDOW_MS);
        const after = await page.evaluate(() => [Number(document.getElementById('status')!.dataset.step), performance.now(), Number(document.body.dataset.fps)]);
        rates.push(((after[0] - before[0]) * 1000) / (after[1] - before[1]));
        fps.push(after[2]);
      }
      await page.click('#play');
      await page.close();
      const steps = median(rates);
      rows.push({ workload: name, where: 'page (worker)', stepsPerSecond: steps, sampleGradientsPerSecond: steps * settings.batchSize, fps: median(fps), windows: WINDOWS });
    }
  } finally {
    await browser.close();
    await host.close();
  }
  return rows;
}

function inNode(): Row[] {
  return WORKLOADS.map(({ name, settings }) => {
    const trainer = new Trainer(settings, settings.network as NetworkConfig);
    const m = measure(() => trainer.train(10), { minMs: 200, runs: 7, warmupMs: 300 });
    const steps = (10 * 1000) / m.medianMs;
    return { workload: name, where: 'Node (no page)', stepsPerSecond: steps, sampleGradientsPerSecond: steps * settings.batchSize, windows: m.perCallMs.length };
  });
}

async function main(): Promise<void> {
const rows = [...(await inPage()), ...inNode()];
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
console.log(`\nPlayground training, batch ${DEFAULT_SETTINGS.batchSize}, median of ${WINDOWS} windows of ${WINDOW_MS} ms (${cpus().length} cores, ${cpus()[0]?.model ?? '?'})\n`);
console.log('| network | where | steps/s | sample-gradients/s | fps while training |');
console.log('| --- | --- | ---: | ---: | ---: |');
for (const r of rows) console.log(`| ${r.workload} | ${r.where} | ${fmt(r.stepsPerSecond)} | ${fmt(r.sampleGradientsPerSecond)} | ${r.fps === undefined ? '—' : fmt(r.fps)} |`);
const target = rows.find((r) => r.workload === '2-8-8-1' && r.fps !== undefined)!;
const met = target.fps! >= TARGET_FPS && target.sampleGradientsPerSecond >= TARGET_SAMPLE_GRADIENTS;
console.log(`\nTargets for 2-8-8-1 in the page: ≥ ${TARGET_FPS} fps and ≥ ${fmt(TARGET_SAMPLE_GRADIENTS)} sample-gradients/s — ${met ? 'met' : 'NOT met'}.`);
mkdirSync(dirname(RESULTS), { recursive: true });
writeFileSync(RESULTS, JSON.stringify({ date: new Date().toISOString(), rows }, null, 2) + '\n');
}

void main();
