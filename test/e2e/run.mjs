// The workbench end to end, in Chromium against code-server, as a person
// would use it: open a derivation, run "Check gradients" from the palette,
// see ✓/✗ beside the equations, hover δ and read its numbers, apply a quick
// fix and watch the ✗ turn ✓. Every step leaves a screenshot in
// test-results/ (look at them: they are the evidence). Exit 0 only when all
// steps passed.
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEV_EXTENSION_ARGS, ensureCodeServer, findLogs, launchChromium, log, makeScratch, preflight, runHarness, startCodeServer, tail, workbenchUrl,
} from '../harness/codeServer.mjs';
import { marksOnLine, pointOf, quickOpen, runFromPalette, waitForWorkbench, waitUntil } from './workbench.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const artifacts = join(root, 'test-results');
const MISMATCH_LINE = '$$\\delta^{l+1} = \\frac{\\partial L}{\\partial o^{l+1}}$$';
const RECURSION = '\\delta^l = (W^{l+1})^T';

const results = [];
async function step(page, name, shot, body) {
  const started = Date.now();
  try {
    await body();
    results.push({ name, ok: true, ms: Date.now() - started });
  } catch (error) {
    results.push({ name, ok: false, ms: Date.now() - started, error });
    throw error;
  } finally {
    await page.screenshot({ path: join(artifacts, `e2e-${shot}.png`) }).catch((e) => log(`screenshot ${shot} failed: ${e.message}`));
  }
}

async function main(cleanups) {
  preflight();
  const install = ensureCodeServer();
  const scratch = makeScratch('gradcheck-e2e-');
  // The workspace is a copy: the quick fix edits it, never the repository.
  const workspace = join(scratch, 'workspace');
  mkdirSync(workspace, { recursive: true });
  cpSync(join(root, 'test/integration/fixtures/workspace/seed-like.md'), join(workspace, 'seed-like.md'));
  cpSync(join(root, 'examples/nielsen-bp.md'), join(workspace, 'nielsen-bp.md'));
  mkdirSync(artifacts, { recursive: true });

  const server = await startCodeServer({ install, scratch, args: DEV_EXTENSION_ARGS });
  cleanups.push(server.stop);
  const browser = await launchChromium({ scratch, viewport: { width: 1500, height: 950 } });
  cleanups.push(browser.close);
  const { page } = browser;
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));

  try {
    await step(page, 'the workbench opens with the extension', '1-workbench', async () => {
      await page.goto(workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: root }));
      await waitForWorkbench(page);
      await quickOpen(page, 'seed-like.md');
      await waitUntil('the derivation in the editor', () => pointOf(page, MISMATCH_LINE));
    });

    await step(page, 'Check gradients from the palette puts ✓ and ✗ beside the equations', '2-verdicts', async () => {
      // The extension activates on Markdown; the status bar item shows once it has.
      await page.locator('.statusbar-item', { hasText: 'GradCheck' }).first().waitFor({ timeout: 60_000 });
      await runFromPalette(page, 'GradCheck: Check gradients');
      const marks = await waitUntil('✗ beside the conflicting line', async () => {
        const m = await marksOnLine(page, MISMATCH_LINE);
        return m?.some((t) => t.startsWith('✗')) && m;
      });
      log(`marks beside the δ line: ${JSON.stringify(marks)}`);
      await waitUntil('✓ beside the output-layer gradient', async () => (await marksOnLine(page, '\\partial z^L} = p'))?.some((t) => t.startsWith('✓')));
      await page.locator('.statusbar-item', { hasText: 'GradCheck ✓ 1 ✗ 2 ? 0' }).first().waitFor({ timeout: 10_000 });
    });

    await step(page, 'hovering δ shows what it means and its numbers per layer', '3-hover-delta', async () => {
      const at = await pointOf(page, RECURSION, 1);
      await page.mouse.move(at.x, at.y);
      const hover = page.locator('.monaco-hover:visible', { hasText: 'per layer, first sample' }).first();
      await hover.waitFor({ timeout: 15_000 });
      const text = await hover.innerText();
      if (!/δ\^l = ∂L\/∂z\^l/.test(text) || !/\d\.\d{3}/.test(text)) throw new Error(`hover without meaning or numbers:\n${text}`);
      log(`hover: ${text.split('\n').slice(0, 8).join(' | ')}`);
    });

    await step(page, 'the quick fix turns = into := and the ✗ turns ✓', '4-quick-fix', async () => {
      await page.mouse.move(10, 10);
      await page.keyboard.press('Escape');
      const at = await pointOf(page, MISMATCH_LINE, MISMATCH_LINE.indexOf('= \\frac'));
      await page.mouse.click(at.x, at.y);
      await page.keyboard.press('Control+Period');
      const item = page.locator('.action-widget .monaco-list-row', { hasText: 'Treat this line as a definition' }).first();
      await item.waitFor({ timeout: 15_000 });
      await page.screenshot({ path: join(artifacts, 'e2e-4a-quick-fix-menu.png') });
      await item.click();
      const fixed = MISMATCH_LINE.replace('= \\frac', ':= \\frac');
      await waitUntil('≔ beside the fixed line', async () => (await marksOnLine(page, fixed))?.some((t) => t.startsWith('≔')));
      await waitUntil('✓ beside the recursion', async () => (await marksOnLine(page, RECURSION))?.some((t) => t.startsWith('✓')));
      await page.locator('.statusbar-item', { hasText: 'GradCheck ✓ 2 ✗ 0 ? 0' }).first().waitFor({ timeout: 10_000 });
    });
    return true;
  } catch (error) {
    console.error(`\ne2e failed: ${error.message}`);
    console.error('--- browser console (last 40 lines) ---');
    console.error(consoleLines.slice(-40).join('\n') || '(empty)');
    for (const file of findLogs(join(server.userDataDir, 'logs'), /exthost\.log$/).slice(-1)) console.error(`--- ${file} ---\n${tail(file, 40)}`);
    log(`state and logs kept in ${scratch}`);
    return false;
  }
}

await runHarness('e2e harness', async (cleanups) => {
  let ok = false;
  try {
    ok = await main(cleanups);
  } finally {
    for (const r of results) console.log(`  ${r.ok ? '✔' : '✗'} ${r.name} (${r.ms} ms)${r.ok ? '' : `\n      ${r.error?.message}`}`);
    console.log(`${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length || (ok ? 0 : 1)} failed; screenshots in ${artifacts}/e2e-*.png`);
  }
  return ok;
});
