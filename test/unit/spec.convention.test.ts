// The `convention NAME` statement: one declared convention per line, a located
// did-you-mean for an unknown name, and a spec whose convention cannot be read
// checks nothing rather than check under the wrong reading.
import assert from 'node:assert/strict';
import { readDocument } from '../../src/core/document';
import { parseSpec, resolveDocumentSpec } from '../../src/core/netspec';

describe('spec parser: convention statements', () => {
  it('reads each declared convention with its range, and the index letters of layer-letters', () => {
    const spec = parseSpec('input 3\ndense 4 tanh\ndense 2 identity\nconvention a-pre-activation\nconvention layer-letters i j k  # Bishop\n');
    assert.deepEqual(spec.problems, []);
    assert.ok(spec.network);
    assert.deepEqual(spec.conventions.map((c) => [c.name, c.letters]), [['a-pre-activation', undefined], ['layer-letters', ['i', 'j', 'k']]]);
    assert.deepEqual(spec.conventions[0].range, { start: { line: 3, column: 0 }, end: { line: 3, column: 27 } });
  });

  it('reports an unknown name at its column with the convention it resembles, and drops the network', () => {
    const spec = parseSpec('input 3\ndense 2 sigmoid\nconvention row-vector\n');
    assert.equal(spec.problems.length, 1);
    const [p] = spec.problems;
    assert.equal(p.code, 'unknown-convention');
    assert.match(p.message, /unknown convention 'row-vector' — did you mean 'row-vectors'\?/);
    assert.equal(p.replacement, 'row-vectors');
    assert.deepEqual(p.range, { start: { line: 2, column: 11 }, end: { line: 2, column: 21 } });
    assert.equal(spec.network, undefined, 'a document must not be checked under a convention it did not get');
  });

  it('points names from the books at the conventions they mean, and lists all names when nothing is close', () => {
    assert.equal(parseSpec('convention ufldl').problems[0].replacement, 'layers-from-1');
    assert.equal(parseSpec('convention cs231n').problems[0].replacement, 'row-vectors');
    assert.match(parseSpec('convention xyzzy').problems[0].message, /use one of row-vectors, weights-input-first, layers-from-1, .*bias-index-0/);
  });

  it('suggests the keyword for a misspelt `convention`', () => {
    assert.match(parseSpec('convnetion row-vectors').problems[0].message, /did you mean 'convention'\?/);
  });

  it('rejects a missing name, junk after a name, a second declaration, and letters that are not single distinct letters', () => {
    const messages = (text: string) => parseSpec(text).problems.map((p) => `${p.code}@${p.range.start.line}:${p.range.start.column}`);
    assert.deepEqual(messages('convention'), ['missing-value@0:0']);
    assert.deepEqual(messages('convention bias-index-0 please'), ['trailing-junk@0:24']);
    assert.deepEqual(messages('convention row-vectors\nconvention row-vectors'), ['duplicate-convention@1:0']);
    assert.deepEqual(messages('convention layer-letters i'), ['missing-letters@0:0']);
    assert.deepEqual(messages('convention layer-letters i j j'), ['bad-letter@0:29']);
    assert.deepEqual(messages('convention layer-letters i jk'), ['bad-letter@0:27']);
  });
});

describe('conventions in a referenced .mlp file', () => {
  it('apply to the document, which may declare more of its own; the same name declared twice keeps the document\'s', () => {
    const blocks = readDocument('```mlp\nmlp: net.mlp\nconvention a-pre-activation\nconvention bias-index-0\n```\n', 'markdown').specBlocks;
    const file = 'input 3\ndense 2 tanh\nconvention layer-letters i j\nconvention bias-index-0\n';
    const { spec, problems } = resolveDocumentSpec(blocks, { path: '/notes/doc.md', readFile: (p) => (p === '/notes/net.mlp' ? file : undefined) });
    assert.deepEqual(problems, []);
    assert.deepEqual(spec.conventions.map((c) => [c.name, c.file]), [['layer-letters', '/notes/net.mlp'], ['a-pre-activation', undefined], ['bias-index-0', undefined]]);
  });
});
