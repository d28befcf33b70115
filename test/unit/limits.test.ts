// Every limit of a check (src/core/check/limits.ts): what it says, where it
// points, and that CheckOptions.limits moves it. Defaults must let the
// MNIST-sized fixture through and refuse a 10^9-parameter spec at its line.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument } from '../../src/core/check';
import { DEFAULT_LIMITS } from '../../src/core/check/limits';
import { locateMath } from '../../src/core/document';
import { largeDerivation } from '../fuzz/largeDocument';

const check = (text: string, limits?: Parameters<typeof checkDocument>[1]['limits']) => checkDocument(text, { language: 'markdown', limits });
const SMALL_NET = '```mlp\ninput 4\ndense 3 tanh\ndense 2 softmax\n```\n\n';

describe('limits of a check', function () {
  this.timeout(20000);

  it('lets the MNIST-sized fixture through with the default limits', () => {
    const text = readFileSync(join(__dirname, '..', '..', 'bench', 'fixtures', 'mnist-mlp.md'), 'utf8');
    const report = checkDocument(text, { language: 'markdown' });
    assert.ok(report.network, report.problems.map((p) => p.message).join('\n'));
    assert.deepEqual(report.problems.filter((p) => p.code?.startsWith('limit-')), []);
    assert.ok(report.summary.ok > 0);
  });

  it('keeps the 2,000-formula stress document (test/fuzz/largeDocument.ts) inside every default limit', () => {
    const text = largeDerivation(2000);
    const formulas = locateMath(text, 'markdown').formulas;
    assert.equal(formulas.length, 2000);
    assert.ok(text.length < DEFAULT_LIMITS.documentChars);
    assert.ok(formulas.every((f) => f.latex.length < DEFAULT_LIMITS.formulaChars));
    assert.ok(formulas.length < DEFAULT_LIMITS.claims, 'one claim per formula');
  });

  it('refuses a 10^9-parameter spec at its line, without allocating it', () => {
    const report = check('Intro\n\n```mlp\ninput 100000\ndense 10000 relu\ndense 10 softmax\n```\n\n$$\\delta^L = p - \\mathrm{onehot}(y)$$\n');
    assert.equal(report.network, undefined);
    const p = report.problems.find((x) => /parameters/.test(x.message))!;
    assert.match(p.message, /1,000,110,010 parameters, more than the limit/);
    assert.equal(p.range.start.line, 4, 'the dense line that crosses the limit');
    assert.equal(report.claims[0].status, 'unchecked');
  });

  it('parameters: a lower limit refuses the network at the dense line that crosses it', () => {
    const report = check('```mlp\ninput 100\ndense 100 relu\ndense 100 relu\ndense 10 softmax\n```\n\n$$ L = 1 $$\n', { parameters: 15_000 });
    const p = report.problems.find((x) => x.code === 'limit-parameters')!;
    assert.equal(p.message, 'the network has 21,210 parameters, more than the limit of 15,000 for one check');
    assert.deepEqual([p.range.start.line, p.range.start.column], [3, 6], 'the units of the second dense line');
    assert.equal(report.network, undefined);
  });

  it('width: a layer wider than the limit is refused at its units', () => {
    const report = check('```mlp\ninput 4\ndense 300 relu\ndense 2 softmax\n```\n\n$$ L = 1 $$\n', { width: 256 });
    const p = report.problems.find((x) => x.code === 'limit-width')!;
    assert.equal(p.message, 'a layer of 300 units is wider than the limit of 256');
    assert.deepEqual([p.range.start.line, p.range.start.column], [2, 6]);
  });

  it('layers: the first dense line past the limit is refused', () => {
    const report = check('```mlp\ninput 2\ndense 2 tanh\ndense 2 tanh\ndense 2 tanh\ndense 2 softmax\n```\n\n$$ L = 1 $$\n', { layers: 3 });
    const p = report.problems.find((x) => x.code === 'limit-layers')!;
    assert.equal(p.message, 'the network has 4 layers, more than the limit of 3');
    assert.equal(p.range.start.line, 5);
  });

  it('memory per check: too many samples of a large network are refused at the samples line', () => {
    const report = check('```mlp\ninput 1000\ndense 1000 relu\ndense 10 softmax\nsamples 500\n```\n\n$$ L = 1 $$\n');
    const p = report.problems.find((x) => x.code === 'limit-memory')!;
    assert.match(p.message, /^checking 500 samples of a 1,011,010-parameter network needs about 11,571 MB, more than the limit of 512 MB/);
    assert.equal(p.range.start.line, 4);
    assert.equal(check('```mlp\ninput 1000\ndense 1000 relu\ndense 10 softmax\nsamples 2\n```\n\n$$ L = 1 $$\n').problems.length, 0, 'two samples fit');
  });

  it('document size: refused whole, pointed at the first character over the limit', () => {
    const text = `$$ L = 1 $$\n${'prose '.repeat(200)}\n`;
    const report = check(text, { documentChars: 1000 });
    assert.deepEqual(report.claims, []);
    assert.equal(report.problems.length, 1);
    assert.match(report.problems[0].message, /this document has 1,213 characters, more than the limit of 1,000; it is not checked/);
    assert.deepEqual(report.problems[0].range.start, { line: 1, column: 1000 - 12 });
  });

  it('formula length: the long formula is left out with a warning at it, the others are checked', () => {
    const text = `$$ L = ${'x + '.repeat(100)}x $$\n\n$$ \\frac{\\partial L}{\\partial b^l} = \\delta^l $$\n`;
    const report = check(text, { formulaChars: 300 });
    const p = report.problems.find((x) => x.code === 'limit-formula-length')!;
    assert.equal(p.message, 'this formula has 405 characters, more than the limit of 300; it is not checked');
    assert.deepEqual(p.range.start, { line: 0, column: 3 });
    assert.deepEqual(report.claims.map((c) => c.status), ['ok']);
  });

  it('formula nesting: pointed at the brace that goes one level too deep', () => {
    const text = `$$ L = ${'{'.repeat(150)}x${'}'.repeat(150)} $$\n`;
    const report = check(text);
    const p = report.problems.find((x) => x.code === 'limit-formula-nesting')!;
    assert.equal(p.message, `this formula nests deeper than ${DEFAULT_LIMITS.formulaNesting} levels here; it is not checked`);
    assert.deepEqual(p.range.start, { line: 0, column: 7 + DEFAULT_LIMITS.formulaNesting });
    // 10,000 parentheses would overflow the parser's stack; the limit stops them first.
    const deep = check(`$$ L = ${'('.repeat(10_000)}x $$\n`, { formulaChars: 20_000 });
    assert.ok(deep.problems.some((x) => x.code === 'limit-formula-nesting'));
  });

  it('claims per document: the claims past the limit are unchecked, each at its place', () => {
    const text = Array.from({ length: 5 }, (_, k) => `$$ \\frac{\\partial L}{\\partial b^l} = \\delta^l + ${k} - ${k} $$\n`).join('\n');
    const report = check(text, { claims: 3 });
    assert.deepEqual(report.claims.map((c) => c.status), ['ok', 'ok', 'ok', 'unchecked', 'unchecked']);
    assert.equal(report.claims[3].message, 'not checked: this document has 5 claims, more than the limit of 3');
    assert.equal(report.claims[4].range.start.line, 8);
  });

  it('index range: a sum over more values than the limit is refused before any term is evaluated', () => {
    const report = check('$$ L = \\sum_{a=1}^{1000000} a $$\n');
    assert.equal(report.claims[0].message, 'not checked: the sum over a runs over 1,000,000 values, more than the limit of 100,000');
    assert.deepEqual(report.claims[0].focusRange.start, { line: 0, column: 7 });
  });

  it('index range: a free index whose range is too large is refused too', () => {
    const report = check(`${SMALL_NET.replace('dense 3 tanh', 'dense 300 tanh')}$$ \\frac{\\partial L}{\\partial b^1_i} = \\delta^1_i $$\n`, { indexRange: 100 });
    assert.equal(report.claims[0].message, 'not checked: i runs over 300 values, more than the limit of 100');
  });

  it('evaluations per claim: the claim that needs more says so, the rest are checked', () => {
    const text = `${SMALL_NET}$$ L = \\sum_{a=1}^{3} \\sum_{b=1}^{3} \\sum_{c=1}^{3} z^1_a z^1_b z^1_c $$\n\n$$ \\frac{\\partial L}{\\partial b^l} = \\delta^l $$\n`;
    const report = check(text, { evaluationsPerClaim: 20 });
    assert.equal(report.claims[0].message, 'not checked: this formula needs more than 20 evaluations (the limit per claim); simplify it or raise the limit');
    assert.equal(report.claims[0].range.start.line, 6);
    assert.equal(report.claims[1].status, 'ok');
  });

  it('time per claim: a claim still evaluating when its time is up stops with the limit named', () => {
    const text = `${SMALL_NET}$$ L = \\sum_{a=1}^{300} \\sum_{b=1}^{300} a b $$\n`;
    const report = check(text, { millisecondsPerClaim: 0 });
    assert.equal(report.claims[0].message, 'not checked: checking this claim took more than 0 ms (the limit per claim)');
  });

  it('time per document: claims after the deadline are reported unchecked, not dropped', () => {
    const report = check('$$ \\frac{\\partial L}{\\partial b^l} = \\delta^l $$\n\n$$ \\frac{\\partial L}{\\partial W^l} = \\delta^l (o^{l-1})^T $$\n', { millisecondsPerDocument: -1 });
    assert.deepEqual(report.claims.map((c) => c.status), ['unchecked', 'unchecked']);
    assert.equal(report.claims[1].message, 'not checked: the time for checking this document (-1 ms) ran out before this claim');
    assert.equal(report.claims[1].range.start.line, 2);
  });
});
