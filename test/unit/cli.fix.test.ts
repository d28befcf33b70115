// `gradcheck check --fix`: verified corrections are written into the file,
// a .bak keeps the old text, and a line without a verified correction is
// never touched. Runs on copies of the bundled examples in a temp folder.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyCorrections, checkDocument } from '../../src/core/check';
import { runCheckCommand } from './helpers/runCli';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

const run = runCheckCommand;

describe('gradcheck check --fix', function () {
  this.timeout(60000);
  let dir: string;
  const copy = (name: string) => {
    copyFileSync(join(EXAMPLES, name), join(dir, name));
    return join(dir, name);
  };
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'gradcheck-fix-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints "fix: <corrected LaTeX>" under each diagnosed line that has a verified correction', () => {
    const { stdout } = run({ files: [join(EXAMPLES, 'nielsen-bp.md')] });
    const lines = stdout.split('\n');
    const at = lines.findIndex((l) => /nielsen-bp\.md:35  ✗/.test(l));
    assert.equal(lines[at + 1], '    fix: \\nabla_a C = a^L - y');
  });

  it('writes every verified correction, keeps the old text in FILE.bak, and reports the file as it now is', () => {
    const file = copy('nielsen-bp.md');
    const before = readFileSync(file, 'utf8');
    const { code, stdout } = run({ files: [file], fix: { backup: true } });
    assert.equal(code, 0, stdout);
    assert.equal(readFileSync(`${file}.bak`, 'utf8'), before);
    const after = readFileSync(file, 'utf8').split('\n');
    const old = before.split('\n');
    const changed = old.map((line, i) => (line === after[i] ? -1 : i + 1)).filter((i) => i > 0);
    assert.deepEqual(changed, [35, 43, 53]);
    assert.equal(after[34], '$$\\nabla_a C = a^L - y$$');
    assert.equal(after[42], "$$\\delta^l = ((w^{l+1})^T \\delta^{l+1}) \\odot \\sigma'(z^l)$$");
    assert.equal(after[52], '$$\\frac{\\partial C}{\\partial w^l_{jk}} = a^{l-1}_k \\delta^l_j$$');
    assert.match(stdout, /applied 3 verified corrections \(the old text is in .*nielsen-bp\.md\.bak\)/);
    assert.match(stdout, /0 mismatch/);
  });

  it('--no-backup writes no .bak', () => {
    const file = copy('cs231n-relu.md');
    assert.equal(run({ files: [file], fix: { backup: false } }).code, 0);
    assert.equal(existsSync(`${file}.bak`), false);
  });

  it('leaves a file alone when no mismatch has a verified correction, and still exits 1', () => {
    const file = copy('backprop.tex');
    const before = readFileSync(file, 'utf8');
    const { code, stdout } = run({ files: [file], fix: { backup: true } });
    assert.equal(code, 1);
    assert.equal(readFileSync(file, 'utf8'), before);
    assert.equal(existsSync(`${file}.bak`), false);
    assert.match(stdout, /no verified correction to apply/);
  });

  it('never touches a line whose correction is not applicable (the shared step of a chain), and lists what it fixed in JSON', () => {
    const file = join(dir, 'chain.md');
    const text = '# Chain\n\n$$\\frac{\\partial L}{\\partial b^l} = 2 \\delta^l = \\delta^l + \\delta^l$$\n\n$$\\frac{\\partial L}{\\partial W^2} = h^1 (\\delta^2)^T$$\n';
    writeFileSync(file, text);
    const { stdout } = run({ files: [file], fix: { backup: false }, json: true });
    const report = JSON.parse(stdout);
    assert.deepEqual(report.fixed, [{ line: 5, latex: '\\frac{\\partial L}{\\partial W^2} = \\delta^2 (h^1)^T' }]);
    const after = readFileSync(file, 'utf8').split('\n');
    assert.equal(after[2], text.split('\n')[2]);
    assert.equal(after[4], '$$\\frac{\\partial L}{\\partial W^2} = \\delta^2 (h^1)^T$$');
  });

  it('applies nothing where the file no longer holds the text the check saw (a stale report)', () => {
    const text = readFileSync(join(EXAMPLES, 'nielsen-bp.md'), 'utf8');
    const report = checkDocument(text, { language: 'markdown' });
    const stale = text.replace('2 (a^L - y)', '3 (a^L - y)');
    const { text: fixed, applied } = applyCorrections(stale, report.claims);
    assert.equal(applied.length, 2, 'the two corrections whose text is unchanged still apply');
    assert.ok(fixed.includes('$$\\nabla_a C = 3 (a^L - y)$$'), 'the changed line is left alone');
  });
});
