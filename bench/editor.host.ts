// The in-editor half of bench/editor.bench.ts: runs inside the extension host
// of a real VS Code (code-server), loaded as the "tests" of a development
// extension. Measures what only the editor can: activation, the time from an
// edit to updated diagnostics through the whole extension (debounce set to
// 0), and hover latency. Writes JSON to $GRADCHECK_BENCH_RESULTS.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { GradCheckApi } from '../src/extension/testApi';

const ROOT = path.resolve(__dirname, '../..');
const EDITS = 15;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

let api: GradCheckApi;

/** GradCheck's diagnostics are set in the same event that announces the report; other extensions' diagnostics (Markdown link checks) must not stop the clock. */
function diagnosticsUpdated(uri: vscode.Uri): Promise<void> {
  return new Promise((resolve) => {
    const sub = api.onDidReport((u) => {
      if (u.toString() === uri.toString()) {
        sub.dispose();
        resolve();
      }
    });
  });
}

/** When the extension host hears of the next change to the document. */
function changeArrives(uri: vscode.Uri): Promise<number> {
  return new Promise((resolve) => {
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.toString() === uri.toString()) {
        sub.dispose();
        resolve(performance.now());
      }
    });
  });
}

/**
 * Edits the last formula (`+0` before its closing `$$`), then takes the edit
 * back. Times edit → diagnostics from the `editor.edit` call (includes
 * the workbench applying the edit and telling the extension host) and from
 * the moment the extension host hears of the change (GradCheck's own part).
 */
async function editToDiagnostics(file: string): Promise<{ fromEdit: number[]; fromChange: number[] }> {
  const document = await vscode.workspace.openTextDocument({ language: file.endsWith('.tex') ? 'latex' : 'markdown', content: fs.readFileSync(file, 'utf8') });
  const editor = await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('gradcheck.checkGradients', document.uri);
  const text = document.getText();
  const close = file.endsWith('.tex') ? text.lastIndexOf('\\]') : text.lastIndexOf('$$');
  const at = document.positionAt(close > 0 ? close : text.length);
  const fromEdit: number[] = [];
  const fromChange: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const updated = diagnosticsUpdated(document.uri);
    const heard = changeArrives(document.uri);
    const started = performance.now();
    await editor.edit((b) => (i % 2 === 0 ? b.insert(at, '+0') : b.delete(new vscode.Range(at, at.translate(0, 2)))));
    await updated;
    const done = performance.now();
    fromEdit.push(done - started);
    fromChange.push(done - (await heard));
  }
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  return { fromEdit, fromChange };
}

async function hoverLatency(): Promise<number[]> {
  const file = path.join(ROOT, 'examples/nielsen-bp.md');
  const document = await vscode.workspace.openTextDocument(file);
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('gradcheck.checkGradients', document.uri);
  const line = document.getText().split('\n').findIndex((l) => l.startsWith('$$\\delta^l = ((w^{l+1})^T'));
  const position = new vscode.Position(line, 3);
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    times.push(performance.now() - started);
    if (hovers.length === 0) throw new Error('no hover on δ^l');
  }
  return times;
}

export async function run(): Promise<void> {
  const out = process.env.GRADCHECK_BENCH_RESULTS ?? path.join(ROOT, 'bench/results/editor-host.json');
  const result: Record<string, unknown> = {};
  try {
    const extension = vscode.extensions.getExtension<GradCheckApi>('gradcheck.gradcheck')!;
    api = (await extension.activate()) as GradCheckApi;
    result.activationMs = api.activationMs;
    await vscode.workspace.getConfiguration('gradcheck').update('checkOnTypeDelay', 0, vscode.ConfigurationTarget.Global);
    const documents = [...fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => /\.(md|tex)$/.test(f)).sort().map((f) => `examples/${f}`), 'bench/fixtures/mnist-mlp.md'];
    const edits: Record<string, { fromEdit: number[]; fromChange: number[] }> = {};
    for (const doc of documents) edits[doc] = await editToDiagnostics(path.join(ROOT, doc));
    result.editToDiagnosticsMs = Object.fromEntries(Object.entries(edits).map(([k, v]) => [k, median(v.fromEdit)]));
    result.changeToDiagnosticsMs = Object.fromEntries(Object.entries(edits).map(([k, v]) => [k, median(v.fromChange)]));
    result.hoverMs = median(await hoverLatency());
    result.workersStarted = api.workersStarted();
  } catch (error) {
    result.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(`${out}.tmp`, JSON.stringify(result, null, 2));
  fs.renameSync(`${out}.tmp`, out);
}
