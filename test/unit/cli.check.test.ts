// `gradcheck check`: exit codes, the human lines and the JSON contract of DESIGN.md.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCheckCommand } from './helpers/runCli';

const ROOT = join(__dirname, '..', '..');
const example = (name: string) => join(ROOT, 'examples', name);
const fixture = (name: string) => join(__dirname, 'fixtures', 'cli', name);

const run = runCheckCommand;

describe('gradcheck check', () => {
  it('exits 0 when every claim holds and 1 when one is a mismatch', () => {
    assert.equal(run({ files: [fixture('correct.md')] }).code, 0);
    assert.equal(run({ files: [example('nielsen-bp.md')] }).code, 1);
  });

  it('exits 2 for an unreadable file or one that is neither Markdown nor LaTeX, and says which', () => {
    const missing = run({ files: [fixture('no-such-file.md')] });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read .*no-such-file\.md/);
    const other = run({ files: [fixture('relu.mlp')] });
    assert.equal(other.code, 2);
    assert.match(other.stderr, /neither Markdown \(\.md\) nor LaTeX \(\.tex\)/);
  });

  it('prints one line per claim with file:line, a mark, the relative error and the diagnosis, then a summary', () => {
    const { stdout } = run({ files: [example('nielsen-bp.md')] });
    const lines = stdout.trim().split('\n');
    assert.match(lines[0], /nielsen-bp\.md: document network 3-4-2 \(sigmoid, sigmoid\), mse; seed 11, 3 samples/);
    assert.equal(lines[1], 'network: document spec at line 7');
    assert.ok(lines.some((l) => /nielsen-bp\.md:35  ✗  \\nabla_a C = 2 \(a\^L - y\).*off by a constant factor/.test(l)));
    assert.ok(lines.some((l) => /nielsen-bp\.md:51  ✓ /.test(l)));
    assert.equal(lines[lines.length - 1], '11 ok, 3 mismatch, 0 unchecked, 0 definitions');
  });

  it('prints the conventions the document was read with under the network line, declared and detected', () => {
    const lines = run({ files: [fixture('conventions.md')] }).stdout.trim().split('\n');
    assert.match(lines[2], /^convention: declared: the index letter names the layer/);
    assert.match(lines[3], /^convention: declared: a is the pre-activation/);
    assert.match(lines[4], /^convention: y is the network's output/);
    assert.ok(!run({ files: [fixture('correct.md')] }).stdout.includes('convention:'), 'a document in the default notation lists none');
  });

  it('prints the JSON contract: file, network, claims with one-based line, status, maxRelError, where, summary', () => {
    const { stdout } = run({ files: [example('softmax-mlp.vi.md')], json: true });
    const report = JSON.parse(stdout);
    assert.equal(report.file, example('softmax-mlp.vi.md'));
    assert.deepEqual(report.network, { source: 'document', line: 8, layers: [4, 5, 4, 3], activations: ['sigmoid', 'sigmoid', 'softmax'], loss: 'cross_entropy' });
    const signSlip = report.claims.find((c: { line: number; latex: string }) => c.line === 41);
    assert.equal(signSlip.status, 'mismatch');
    assert.equal(signSlip.kind, 'claim');
    assert.equal(signSlip.diagnosis, 'sign flipped: swap the two sides of the minus — p(a|x) - I(y=a) holds');
    assert.equal(signSlip.diagnosisKind, 'sign');
    assert.deepEqual(signSlip.fix, { line: 41, column: 42, endLine: 41, endColumn: 57, latex: 'p(a|x) - I(y=a)' });
    assert.equal(typeof signSlip.maxRelError, 'number');
    assert.ok('a' in signSlip.where && 'y' in signSlip.where);
    assert.deepEqual(report.summary, { ok: 17, mismatch: 5, unchecked: 1, definition: 1 });
  });

  it('prints a JSON array for several files', () => {
    const { stdout } = run({ files: [fixture('correct.md'), example('cs231n-relu.md')], json: true });
    const reports = JSON.parse(stdout);
    assert.ok(Array.isArray(reports));
    assert.deepEqual(reports.map((r: { summary: { mismatch: number } }) => r.summary.mismatch), [0, 2]);
  });

  it('replaces the network with --network and reports the source as file', () => {
    const { stdout } = run({ files: [fixture('correct.md')], json: true, networkPath: fixture('relu.mlp') });
    const report = JSON.parse(stdout);
    assert.deepEqual(report.network, { source: 'file', path: fixture('relu.mlp'), layers: [3, 4, 2], activations: ['relu', 'softmax'], loss: 'cross_entropy' });
    assert.equal(report.summary.mismatch, 0);
  });

  it('says which network was used: a document without a spec is checked against the default, and says so', () => {
    const { stdout } = run({ files: [fixture('no-spec.md')] });
    assert.equal(stdout.split('\n')[1], 'network: default network (no network spec in this document)');
    const json = JSON.parse(run({ files: [fixture('no-spec.md')], json: true }).stdout);
    assert.equal(json.network.source, 'default');
    assert.equal('line' in json.network, false);
  });

  it('honours --seed and --samples', () => {
    const report = JSON.parse(run({ files: [fixture('correct.md')], json: true, seed: 42, samples: 5 }).stdout);
    assert.equal(report.seed, 42);
    assert.equal(report.samples, 5);
  });
});
