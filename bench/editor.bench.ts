// Editor benchmark: how fast GradCheck feels in VS Code. Medians of runs.
// - bundle sizes of a production build, and the .vsix `npm run package` makes;
// - with the one long-lived worker, warm: edit → new report for each example
//   and the MNIST-sized fixture (plain Node, the extension's CheckHost), and
//   the cold start of a fresh worker for comparison;
// - in a real VS Code (code-server, bench/editor.host.ts in its extension
//   host): activation time, edit → updated diagnostics through the whole
//   extension, hover latency. Activation is the median over several launches.
// Run: npm run bench:editor   (GRADCHECK_BENCH_LAUNCHES=N, default 3;
//      GRADCHECK_BENCH_EDITOR=0 skips the code-server part)
// Targets (issue 9): activation < 100 ms; edit → diagnostics < 100 ms on the
// examples; extension bundle < 2 MB; .vsix < 2 MB.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { CheckHost } from '../src/extension/checkHost';
import { languageOfPath } from '../src/core/document';
import { median } from './lib/timing';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = join(ROOT, 'bench/results');
const MB = 1024 * 1024;
const EDITS = 21;
const LAUNCHES = Number(process.env.GRADCHECK_BENCH_LAUNCHES ?? 3);
const TARGET = { activationMs: 100, editMs: 100, bundleBytes: 2 * MB, vsixBytes: 2 * MB };

function run(command: string, args: string[]): void {
  const r = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}

function sizes(): { files: Record<string, number>; vsix: number } {
  run(process.execPath, ['scripts/build.mjs', '--production', '--quiet']);
  const files = Object.fromEntries(readdirSync(join(ROOT, 'dist')).filter((f) => f.endsWith('.js')).map((f) => [f, statSync(join(ROOT, 'dist', f)).size]));
  const vsix = join(RESULTS, 'gradcheck.vsix');
  rmSync(vsix, { force: true });
  run(join(ROOT, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '--out', vsix]);
  return { files, vsix: statSync(vsix).size };
}

function documents(): string[] {
  const examples = readdirSync(join(ROOT, 'examples')).filter((f) => /\.(md|tex)$/.test(f)).sort().map((f) => `examples/${f}`);
  return [...examples, 'bench/fixtures/mnist-mlp.md'];
}

/** An edit of the last formula (`+0` at its end): that formula is read and its last claim evaluated again, the rest can be reused. */
function edited(text: string, path: string, on: boolean): string {
  if (!on) return text;
  const close = path.endsWith('.tex') ? text.lastIndexOf('\\]') : text.lastIndexOf('$$');
  return close > 0 ? `${text.slice(0, close)}+0${text.slice(close)}` : `${text} `;
}

async function workerTimes(): Promise<{ coldMs: Record<string, number>; warmEditMs: Record<string, number>; reused: Record<string, string> }> {
  const worker = join(ROOT, 'dist/checkWorker.js');
  const coldMs: Record<string, number> = {};
  const warmEditMs: Record<string, number> = {};
  const reused: Record<string, string> = {};
  for (const path of documents()) {
    const text = readFileSync(join(ROOT, path), 'utf8');
    const language = languageOfPath(path)!;
    const colds: number[] = [];
    for (let i = 0; i < 3; i++) {
      const fresh = new CheckHost(worker);
      const started = performance.now();
      await fresh.check({ key: path, text, language, path: join(ROOT, path) });
      colds.push(performance.now() - started);
      fresh.dispose();
    }
    coldMs[path] = median(colds);
    const host = new CheckHost(worker);
    for (let i = 0; i < 3; i++) await host.check({ key: path, text: edited(text, path, i % 2 === 1), language, path: join(ROOT, path) });
    const times: number[] = [];
    let last;
    for (let i = 0; i < EDITS; i++) {
      last = await host.check({ key: path, text: edited(text, path, i % 2 === 0), language, path: join(ROOT, path) });
      times.push(last.roundTripMs);
    }
    warmEditMs[path] = median(times);
    reused[path] = `parses ${last!.reuse.reusedFormulas}/${last!.reuse.formulas}, evaluations ${last!.reuse.reusedClaims}/${last!.reuse.claims}`;
    host.dispose();
  }
  return { coldMs, warmEditMs, reused };
}

interface HostResult {
  readonly activationMs: number;
  readonly editToDiagnosticsMs: Record<string, number>;
  readonly changeToDiagnosticsMs: Record<string, number>;
  readonly hoverMs: number;
  readonly workersStarted: number;
  readonly error?: string;
}

async function editorTimes(): Promise<HostResult[]> {
  const harness = await import('../test/harness/codeServer.mjs');
  harness.preflight();
  const install = harness.ensureCodeServer();
  const hostBundle = join(ROOT, 'out/bench/editor.host.js');
  await esbuild.build({ entryPoints: [join(ROOT, 'bench/editor.host.ts')], outfile: hostBundle, bundle: true, platform: 'node', format: 'cjs', target: 'es2022', external: ['vscode'], logLevel: 'warning' });
  const results: HostResult[] = [];
  for (let launch = 0; launch < LAUNCHES; launch++) {
    const scratch = harness.makeScratch('gradcheck-bench-');
    const resultsFile = join(scratch, 'bench.json');
    const server = await harness.startCodeServer({ install, scratch, env: { GRADCHECK_BENCH_RESULTS: resultsFile }, args: harness.DEV_EXTENSION_ARGS });
    const browser = await harness.launchChromium({ scratch });
    try {
      await browser.page.goto(harness.workbenchUrl(server, { folder: join(ROOT, 'test/integration/fixtures/workspace'), extensionDevelopmentPath: ROOT, extensionTestsPath: hostBundle }));
      const deadline = Date.now() + 180_000;
      while (!existsSync(resultsFile)) {
        if (Date.now() > deadline) throw new Error('the in-editor benchmark did not report within 180 s');
        await new Promise((r) => setTimeout(r, 250));
      }
      const result = JSON.parse(readFileSync(resultsFile, 'utf8')) as HostResult;
      if (result.error) throw new Error(`in-editor benchmark failed: ${result.error}`);
      results.push(result);
    } finally {
      await browser.close();
      await server.stop();
      if (process.env.GRADCHECK_BENCH_KEEP) console.log(`kept ${scratch}`);
      else rmSync(scratch, { recursive: true, force: true });
    }
  }
  return results;
}

const ms = (x: number | undefined) => (x === undefined ? '—' : `${x.toFixed(1)} ms`);
const kb = (x: number) => `${(x / 1024).toFixed(0)} KB`;
const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER');

async function main(): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  const size = sizes();
  const worker = await workerTimes();
  const editor = process.env.GRADCHECK_BENCH_EDITOR === '0' ? [] : await editorTimes();

  const rows: string[][] = [['measure', 'median', 'target', '']];
  if (editor.length > 0) {
    const activation = median(editor.map((r) => r.activationMs));
    rows.push([`activation (activate(), ${editor.length} launches)`, ms(activation), '< 100 ms', verdict(activation < TARGET.activationMs)]);
  }
  for (const path of documents()) {
    const isExample = path.startsWith('examples/');
    const inEditor = editor.length > 0 ? median(editor.map((r) => r.editToDiagnosticsMs[path])) : undefined;
    rows.push([`edit → report, warm worker: ${path} (reused ${worker.reused[path]})`, ms(worker.warmEditMs[path]), isExample ? '< 100 ms' : '', isExample ? verdict(worker.warmEditMs[path] < TARGET.editMs) : '']);
    if (inEditor !== undefined) {
      const fromChange = median(editor.map((r) => r.changeToDiagnosticsMs[path]));
      rows.push([`edit → diagnostics in VS Code, from editor.edit: ${path}`, ms(inEditor), isExample ? '< 100 ms' : '', isExample ? verdict(inEditor < TARGET.editMs) : '']);
      rows.push([`  … from the change reaching the extension host`, ms(fromChange), isExample ? '< 100 ms' : '', isExample ? verdict(fromChange < TARGET.editMs) : '']);
    }
    rows.push([`fresh worker + first check: ${path}`, ms(worker.coldMs[path]), '', '']);
  }
  if (editor.length > 0) rows.push(['hover on δ^l (executeHoverProvider)', ms(median(editor.map((r) => r.hoverMs))), '', '']);
  for (const [file, bytes] of Object.entries(size.files)) rows.push([`bundle dist/${file} (production)`, kb(bytes), file === 'extension.js' ? '< 2 MB' : '', file === 'extension.js' ? verdict(bytes < TARGET.bundleBytes) : '']);
  rows.push(['gradcheck.vsix', kb(size.vsix), '< 2 MB', verdict(size.vsix < TARGET.vsixBytes)]);

  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log([line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n'));
  writeFileSync(join(RESULTS, 'editor.json'), JSON.stringify({ date: new Date().toISOString(), size, worker, editor }, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
