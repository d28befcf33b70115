// `gradcheck selftest`: the table it prints and its exit code.
import assert from 'node:assert/strict';
import { runSelftest } from '../../src/cli/selftest';
import type { Output } from '../../src/cli/output';
import { DEFAULT_NETWORK } from '../../src/core/netspec/defaults';

function capture(): Output & { text: () => string } {
  let text = '';
  return { colour: false, write: (chunk) => void (text += chunk), text: () => text };
}

describe('gradcheck selftest', () => {
  it('prints one ok row per weight and bias tensor of the default network and exits 0', () => {
    const out = capture();
    assert.equal(runSelftest({ network: DEFAULT_NETWORK, seed: 1, samples: 2, json: false }, out), 0);
    const rows = out.text().split('\n').filter((line) => /^\| [Wb]\^\d/.test(line));
    assert.deepEqual(rows.map((row) => row.split('|')[1].trim()), ['W^3', 'b^3', 'W^2', 'b^2', 'W^1', 'b^1']);
    assert.ok(rows.every((row) => row.includes('| ok')));
    assert.match(out.text(), /\| W\^1\s+\| 5×4 /);
  });

  it('reports the network and every tensor as JSON with --json', () => {
    const out = capture();
    runSelftest({ network: DEFAULT_NETWORK, seed: 3, samples: 1, json: true }, out);
    const report = JSON.parse(out.text());
    assert.deepEqual(report.network.layers, [4, 5, 4, 3]);
    assert.equal(report.tensors.length, 6);
    assert.equal(report.passed, true);
    assert.ok(report.tensors.every((t: { maxRelError: number }) => t.maxRelError < 1e-6));
  });
});
