// Hovers read the report: δ^l names the rule that bound it and shows its
// numbers per layer, equal to the engine's own backward pass on the first
// sample; a claim shows left side, right side and finite differences.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { backward, drawInstance, type NetworkConfig } from '../../../src/core/engine';
import { parseSpec } from '../../../src/core/netspec';
import { api, checkGradients, closeActive, FIXTURES, hoverText, lineOf, openCopy, positionOf } from './helpers';

/** The network and seed the fixture's spec block declares, read by the spec parser (not by the checker under test). */
function declaredNetwork(text: string): { net: NetworkConfig; seed: number } {
  const block = /```mlp\n([\s\S]*?)```/.exec(text);
  const spec = parseSpec(block![1]);
  assert.ok(spec.network && spec.seed !== undefined, 'the fixture declares its network and seed');
  // Sample 0 of a check is drawn with the spec's seed.
  return { net: spec.network, seed: spec.seed };
}

// A function replacement: in a replacement string `$$` would mean one `$`.
const confirmed = (text: string) => text.replace('$$\\delta^{l+1} = \\frac', () => '$$\\delta^{l+1} := \\frac');

/** Rows `| layer | shape | norm | min | max | first |` of a per-layer table. */
function layerRows(markdown: string): Map<number, { shape: string; norm: number; min: number; max: number }> {
  const rows = new Map<number, { shape: string; norm: number; min: number; max: number }>();
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length >= 7 && /^\d+$/.test(cells[1]) && /^\d+(×\d+)?$/.test(cells[2])) {
      rows.set(Number(cells[1]), { shape: cells[2], norm: Number(cells[3]), min: Number(cells[4]), max: Number(cells[5]) });
    }
  }
  return rows;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 5e-4 * Math.max(Math.abs(a), Math.abs(b), 1e-12);

describe('hovers', () => {
  before(api);
  afterEach(closeActive);

  it('δ^l in a seed-like document names its definition and shows ∂L/∂o per layer, equal to the engine', async () => {
    const editor = await openCopy(path.join(FIXTURES, 'seed-like.md'), confirmed);
    const document = editor.document;
    await checkGradients(document);
    const recursion = lineOf(document, '$$\\delta^l = (W^{l+1})^T');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, recursion, '\\delta^l', 2));
    const text = hoverText(hovers);

    const definitionLine = lineOf(document, '\\delta^{l+1} := ') + 1;
    assert.match(text, new RegExp(`definition on line ${definitionLine}`), `names where δ was defined:\n${text}`);
    assert.match(text, /∂L\/∂o per layer, first sample/);

    const { net, seed } = declaredNetwork(document.getText());
    const instance = drawInstance(net, seed);
    const dO = backward(net, instance.params, instance.state, instance.label).dO;
    const rows = layerRows(text);
    assert.deepEqual([...rows.keys()], [0, 1, 2, 3], `one row per layer:\n${text}`);
    for (const [layer, row] of rows) {
      const engine = dO[layer];
      const norm = Math.hypot(...engine);
      assert.equal(row.shape, String(engine.length), `layer ${layer} shape`);
      assert.ok(close(row.norm, norm), `layer ${layer}: hover ‖∂L/∂o‖ ${row.norm}, engine ${norm}`);
      assert.ok(close(row.min, Math.min(...engine)) && close(row.max, Math.max(...engine)), `layer ${layer} min/max`);
    }
  });

  it('a concrete layer shows its vector: z^L is the engine’s last pre-activation', async () => {
    const editor = await openCopy(path.join(FIXTURES, 'seed-like.md'), confirmed);
    const document = editor.document;
    await checkGradients(document);
    const line = lineOf(document, '\\partial z^L}');
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, line, 'z^L')));
    assert.match(text, /pre-activation/);
    assert.match(text, /at layer 3 \(2\)/, text);
    const { net, seed } = declaredNetwork(document.getText());
    const instance = drawInstance(net, seed);
    const values = text
      .split('\n')
      .map((l) => /^\| (\d+) \| (-?[\d.e+-]+) \|$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[2]));
    assert.equal(values.length, 2, text);
    values.forEach((v, i) => assert.ok(close(v, instance.state.z[3][i]), `z^L_${i + 1}: hover ${v}, engine ${instance.state.z[3][i]}`));
  });

  it('a claim shows left side, right side and finite differences at the worst case, with error and tolerance', async () => {
    const editor = await openCopy(path.join(FIXTURES, 'seed-like.md'));
    const document = editor.document;
    await checkGradients(document);
    const mismatch = lineOf(document, '$$\\delta^{l+1} = \\frac');
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, mismatch, '= \\frac')));
    assert.match(text, /✗ does not hold/);
    assert.match(text, /\| entry \| left side \| right side \| finite differences \|/);
    assert.match(text, /relative error 1\.0e\+0/);
    assert.match(text, /tolerance: \|left − right\| ≤ 0\.000001 \+ 0\.00001·\|left\|/);
    assert.match(text, /worst case \(sample \d of 3, l = 2\)/);
    const rows = text.split('\n').filter((l) => /^\| \d+ \| -?[\d.e+-]+ \| -?[\d.e+-]+ \| -?[\d.e+-]+ \|$/.test(l));
    assert.ok(rows.length >= 1, `three numeric columns:\n${text}`);
  });
});
