// Builds the bundles: the extension host (node/cjs, `vscode` external), the
// check worker it starts, the `gradcheck` CLI (node/cjs) and the webview
// scripts (browser/iife).
import * as esbuild from 'esbuild';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const quiet = process.argv.includes('--quiet');

// A production build (the .vsix) starts from an empty dist/, so no source
// map of an earlier development build is packaged.
if (production) rmSync('dist', { recursive: true, force: true });

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: quiet ? 'warning' : 'info',
  target: 'es2022',
};

const webviewDir = 'src/webview';
const webviewEntries = existsSync(webviewDir)
  ? readdirSync(webviewDir).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts')).map((f) => join(webviewDir, f))
  : [];

const configs = [
  { ...common, entryPoints: ['src/extension/main.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
  // Checks run in a worker thread so the extension host never waits on one.
  { ...common, entryPoints: ['src/worker/checkWorker.ts'], outfile: 'dist/checkWorker.js', platform: 'node', format: 'cjs' },
];
if (webviewEntries.length > 0) {
  // Web Workers have no DOM: their bundles take packages' `worker` builds.
  const isWorker = (f) => /Worker\.tsx?$/.test(f);
  const pages = webviewEntries.filter((f) => !isWorker(f));
  const workers = webviewEntries.filter(isWorker);
  if (pages.length > 0) configs.push({ ...common, entryPoints: pages, outdir: 'dist/webview', platform: 'browser', format: 'iife' });
  if (workers.length > 0) configs.push({ ...common, entryPoints: workers, outdir: 'dist/webview', platform: 'browser', format: 'iife', conditions: ['worker'] });
  // KaTeX's stylesheet and fonts, served to the webviews from dist/webview (no network).
  cpSync('node_modules/katex/dist/katex.min.css', 'dist/webview/katex/katex.min.css');
  cpSync('node_modules/katex/dist/fonts', 'dist/webview/katex/fonts', { recursive: true });
}

if (watch) {
  const contexts = await Promise.all(configs.map((c) => esbuild.context(c)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(configs.map((c) => esbuild.build(c)));
}
