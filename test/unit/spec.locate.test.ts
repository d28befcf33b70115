// Finding the spec inside documents (.mlp, Markdown fences, `% mlp:` lines)
// with positions in the document, and resolving a document's network:
// its own blocks, a referenced .mlp file, or the default.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocument, type DocumentLanguage } from '../../src/core/document';
import {
  DEFAULT_NETWORK,
  resolveDocumentSpec as resolveBlocks,
  resolveSpecPath,
  specDocumentKind,
  specFileBlock,
  type ResolveOptions,
  type SpecBlock,
  type SpecLine,
} from '../../src/core/netspec';
import { LineIndex, type Range } from '../../src/core/source';

const fixtures = join(__dirname, 'fixtures', 'spec');
const read = (name: string): string => readFileSync(join(fixtures, name), 'utf8');

function span(range: Range): [number, number, number] {
  assert.equal(range.start.line, range.end.line);
  return [range.start.line, range.start.column, range.end.column];
}

/** The document text under a spec line's first token, to prove the mapping. */
function textAt(doc: string, line: SpecLine): string {
  const index = new LineIndex(doc);
  const first = /\S+/.exec(line.text);
  assert.ok(first, `line has a token: ${JSON.stringify(line.text)}`);
  const offset = index.offsetAt({ line: line.line, column: line.column + first.index });
  return doc.slice(offset, offset + first[0].length);
}

function nonBlank(lines: readonly SpecLine[]): SpecLine[] {
  return lines.filter((l) => l.text.trim() !== '');
}

/** The spec blocks of a document, as its one reading pass finds them. */
function findSpecBlocks(text: string, kind: DocumentLanguage | 'mlp'): readonly SpecBlock[] {
  return kind === 'mlp' ? [specFileBlock(text)] : readDocument(text, kind).specBlocks;
}

function resolveDocumentSpec(text: string, options: ResolveOptions & { readonly kind: DocumentLanguage }) {
  return resolveBlocks(findSpecBlocks(text, options.kind), options);
}

/** An in-memory file system for references. */
function files(entries: Record<string, string>): (path: string) => string | undefined {
  return (path) => entries[path];
}

describe('spec locator: .mlp files', () => {
  it('treats a whole .mlp file as one block at column 0', () => {
    const doc = read('classifier.mlp');
    const [block, ...rest] = findSpecBlocks(doc, 'mlp');
    assert.equal(rest.length, 0);
    assert.equal(block.lines.length, doc.split('\n').length);
    assert.ok(block.lines.every((l, i) => l.line === i && l.column === 0));
  });

  it('tells the kind of document from a path, a URI or a language id', () => {
    assert.equal(specDocumentKind('/home/a/notes.md'), 'markdown');
    assert.equal(specDocumentKind('vscode-vfs://github/u/r/README.markdown'), 'markdown');
    assert.equal(specDocumentKind('C:\\thesis\\ch2.TEX'), 'latex');
    assert.equal(specDocumentKind('latex'), 'latex');
    assert.equal(specDocumentKind('net.mlp'), 'mlp');
    assert.equal(specDocumentKind('file:///a/b.mlp?x=1'), 'mlp');
    assert.equal(specDocumentKind('main.py'), undefined);
  });
});

describe('spec locator: Markdown', () => {
  const doc = read('notes.md');
  const blocks = findSpecBlocks(doc, 'markdown');

  it('finds each ```mlp fenced block and ignores other languages', () => {
    assert.equal(blocks.length, 3);
    assert.deepEqual(
      blocks.map((b) => nonBlank(b.lines).map((l) => l.text.trim())),
      [['input 3', 'dense 6 relu   # hidden layer', 'dense 2 softmax'], ['let \\hat{y} = o^{L}'], ['seed 11']],
    );
  });

  it('maps a top-level block line by line to document lines', () => {
    const lines = nonBlank(blocks[0].lines);
    assert.deepEqual(lines.map((l) => [l.line, l.column]), [[5, 0], [6, 0], [7, 0]]);
    assert.deepEqual(blocks[0].range, { start: { line: 4, column: 0 }, end: { line: 8, column: 3 } });
  });

  it('maps a block inside a block quote past the > prefix', () => {
    const [line] = nonBlank(blocks[1].lines);
    assert.deepEqual([line.line, line.column], [13, 2]);
    assert.equal(textAt(doc, line), 'let');
  });

  it('maps a block inside a list item past the indentation', () => {
    const [line] = nonBlank(blocks[2].lines);
    assert.deepEqual([line.line, line.column], [19, 3]);
    assert.equal(textAt(doc, line), 'seed');
  });

  it('places a problem in a quoted block at its document line and column', () => {
    const text = ['Intro', '', '> ```mlp', '> input 2', '>   dense 3 sigmod', '> ```', ''].join('\n');
    const result = resolveDocumentSpec(text, { kind: 'markdown' });
    const [p] = result.problems;
    assert.equal(p.code, 'unknown-activation');
    assert.deepEqual(span(p.range), [4, 12, 18]);
    assert.equal(text.split('\n')[4].slice(12, 18), 'sigmod');
  });

  it('handles tabs, ~~~ fences, info strings with attributes, upper case and CRLF', () => {
    const text = ['- item', '', '\t~~~MLP title="net"', '\tinput 2', '\tdense 1 tanhh', '\t~~~', ''].join('\r\n');
    const [block] = findSpecBlocks(text, 'markdown');
    const lines = nonBlank(block.lines);
    assert.deepEqual(lines.map((l) => [l.line, l.column, l.text]), [[3, 1, 'input 2'], [4, 1, 'dense 1 tanhh']]);
    const result = resolveDocumentSpec(text, { kind: 'markdown' });
    assert.deepEqual(span(result.problems[0].range), [4, 9, 14]);
  });

  it('reads an unclosed fence to the end of the document', () => {
    const [block] = findSpecBlocks('text\n\n```mlp\ninput 2\ndense 1 sigmoid\n', 'markdown');
    assert.deepEqual(nonBlank(block.lines).map((l) => l.line), [3, 4]);
  });

  it('does not take an mlp fence shown inside another code block or math', () => {
    const text = ['````markdown', '```mlp', 'input 9', '```', '````', '', '$$', 'x', '$$', ''].join('\n');
    assert.deepEqual(findSpecBlocks(text, 'markdown'), []);
  });
});

describe('spec locator: LaTeX', () => {
  const doc = read('notes.tex');
  const blocks = findSpecBlocks(doc, 'latex');

  it('groups consecutive `% mlp:` lines into one block and starts a new one after other lines', () => {
    assert.equal(blocks.length, 2);
    assert.deepEqual(blocks[0].lines.map((l) => l.line), [1, 2, 3, 4]);
    assert.deepEqual(blocks[1].lines.map((l) => l.line), [7]);
  });

  it('maps each statement to the column after the marker, whatever the spacing', () => {
    assert.deepEqual(blocks[0].lines.map((l) => textAt(doc, l)), ['input', 'dense', 'dense', 'loss']);
    assert.equal(blocks[0].lines[2].column, '%   mlp:'.length);
    assert.equal(textAt(doc, blocks[1].lines[0]), 'let');
  });

  it('ignores ordinary comments that merely mention the spec words', () => {
    assert.ok(blocks.every((b) => b.lines.every((l) => l.line !== 5)));
  });

  it('reads the network the `% mlp:` lines describe', () => {
    const result = resolveDocumentSpec(doc, { kind: 'latex' });
    assert.deepEqual(result.problems, []);
    assert.equal(result.source, 'document');
    assert.deepEqual(result.spec.network, {
      inputSize: 2,
      layers: [
        { units: 3, activation: 'tanh' },
        { units: 1, activation: 'sigmoid' },
      ],
      loss: 'bce',
    });
    assert.equal(result.spec.lets[0].symbol, '\\sigma');
    assert.deepEqual(span(result.spec.lets[0].symbolRange), [7, 13, 19]);
  });

  it('reports an error in a `% mlp:` line at its document column', () => {
    const text = 'Intro\n%mlp: input 2\n  % mlp: dense 2 rleu\n';
    const result = resolveDocumentSpec(text, { kind: 'latex' });
    const [p] = result.problems;
    assert.deepEqual(span(p.range), [2, 17, 21]);
    assert.equal(p.replacement, 'relu');
  });
});

describe('document spec resolution', () => {
  it('uses the default network and says so when the document has no spec', () => {
    const result = resolveDocumentSpec('# Title\n\n$$a = b$$\n', { kind: 'markdown' });
    assert.equal(result.source, 'default');
    assert.deepEqual(result.spec.network, DEFAULT_NETWORK);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.blocks, []);
  });

  it('uses the document network and merges every block of the document', () => {
    const text = ['```mlp', 'input 3', 'dense 2 softmax', '```', '', 'Later:', '', '```mlp', 'let p = o^{L}', 'seed 9', '```'].join('\n');
    const result = resolveDocumentSpec(text, { kind: 'markdown' });
    assert.equal(result.source, 'document');
    assert.equal(result.spec.network?.inputSize, 3);
    assert.equal(result.spec.seed, 9);
    assert.deepEqual(span(result.spec.lets[0].symbolRange), [8, 4, 5]);
    assert.equal(result.blocks.length, 2);
  });

  it('keeps the default network when a block only sets notation and settings', () => {
    const result = resolveDocumentSpec('```mlp\nlet \\alpha = z^{L}\nsamples 2\n```\n', { kind: 'markdown' });
    assert.equal(result.source, 'default');
    assert.deepEqual(result.spec.network, DEFAULT_NETWORK);
    assert.equal(result.spec.samples, 2);
    assert.equal(result.spec.lets.length, 1);
  });

  it('gives no network, and located problems, when the document spec has an error', () => {
    const result = resolveDocumentSpec('x\n\n```mlp\ninput 3\ndense 2 softmx\n```\n', { kind: 'markdown' });
    assert.equal(result.source, 'document');
    assert.equal(result.spec.network, undefined);
    assert.deepEqual(span(result.problems[0].range), [4, 8, 14]);
  });

  it('reads a referenced file relative to the document and takes its network', () => {
    const requested: string[] = [];
    const readFile = (path: string) => {
      requested.push(path);
      return files({ '/notes/nets/reg.mlp': 'input 2\ndense 1 identity\nseed 5\nsamples 4\nlet \\hat{y} = o^{1}\nlet p = o^1\n' })(path);
    };
    const text = '```mlp\nmlp: nets/reg.mlp\nseed 8\nlet p = z^1\n```\n';
    const result = resolveDocumentSpec(text, { kind: 'markdown', path: '/notes/week1.md', readFile });
    assert.deepEqual(requested, ['/notes/nets/reg.mlp']);
    assert.deepEqual(result.problems, []);
    assert.equal(result.source, 'file');
    assert.deepEqual(result.spec.network, { inputSize: 2, layers: [{ units: 1, activation: 'identity' }], loss: 'mse' });
    assert.equal(result.spec.seed, 8, "the document's seed wins");
    assert.equal(result.spec.samples, 4, "the file's samples apply when the document sets none");
    const hat = result.spec.lets.find((l) => l.symbol === '\\hat{y}');
    assert.equal(hat?.file, '/notes/nets/reg.mlp');
    const p = result.spec.lets.filter((l) => l.symbol === 'p');
    assert.equal(p.length, 1);
    assert.equal(p[0].expression, 'z^1', "the document's binding wins");
    assert.equal(result.file?.reference, 'nets/reg.mlp');
  });

  it('reports a missing referenced file at the reference, with the path it looked for', () => {
    const text = 'Text\n\n```mlp\nmlp: ../nets/none.mlp\n```\n';
    const result = resolveDocumentSpec(text, { kind: 'markdown', path: '/a/b/doc.md', readFile: files({}) });
    const [p] = result.problems;
    assert.equal(p.code, 'missing-file');
    assert.equal(p.severity, 'error');
    assert.deepEqual(span(p.range), [3, 5, 21]);
    assert.match(p.message, /cannot read the network spec '\.\.\/nets\/none\.mlp' \(looked for \/a\/nets\/none\.mlp\)/);
    assert.equal(result.source, 'file');
    assert.equal(result.spec.network, undefined);
  });

  it("reports the referenced file's own errors at the reference, naming the file, line and column", () => {
    const result = resolveDocumentSpec(read('broken-reference.md'), {
      kind: 'markdown',
      path: join(fixtures, 'broken-reference.md'),
      readFile: (path) => {
        try {
          return readFileSync(path, 'utf8');
        } catch {
          return undefined;
        }
      },
    });
    const [p] = result.problems;
    assert.equal(p.code, 'in-referenced-file');
    assert.deepEqual(span(p.range), [3, 5, 20]);
    assert.equal(p.message, "in broken.mlp (line 2, column 9): unknown activation 'sigmod' — did you mean 'sigmoid'?");
    assert.equal(result.spec.network, undefined);
    const own = result.file?.spec.problems[0];
    assert.ok(own);
    assert.deepEqual(span(own.range), [1, 8, 14], 'the file keeps its own positions for diagnostics on that file');
  });

  it('reads the fixture reference end to end from disk', () => {
    const result = resolveDocumentSpec(read('referencing.md'), {
      kind: 'markdown',
      path: join(fixtures, 'referencing.md'),
      readFile: (path) => readFileSync(path, 'utf8'),
    });
    assert.deepEqual(result.problems, []);
    assert.equal(result.source, 'file');
    assert.equal(result.spec.network?.layers.length, 2);
    assert.equal(result.spec.seed, 3);
  });

  it('reports a document that both declares layers and references a file', () => {
    const text = '% mlp: mlp: net.mlp\n% mlp: input 2\n% mlp: dense 1 sigmoid\n';
    const result = resolveDocumentSpec(text, { kind: 'latex', path: 'doc.tex', readFile: files({ 'net.mlp': 'input 3\ndense 2 softmax' }) });
    const p = result.problems.find((q) => q.code === 'include-and-layers');
    assert.ok(p);
    assert.deepEqual(span(p.range), [0, 12, 19]);
    assert.equal(result.spec.network, undefined);
  });

  it('refuses a referenced file that references another one', () => {
    const result = resolveDocumentSpec('% mlp: mlp: a.mlp\n', {
      kind: 'latex',
      path: '/t/doc.tex',
      readFile: files({ '/t/a.mlp': 'mlp: b.mlp\ninput 2\ndense 1 sigmoid', '/t/b.mlp': 'input 1\ndense 1 sigmoid' }),
    });
    const [p] = result.problems;
    assert.match(p.message, /^in a\.mlp \(line 1, column 6\): a\.mlp is itself referenced by a document, so it cannot reference 'b\.mlp'/);
    assert.equal(result.spec.network, undefined);
  });

  it('reports a referenced file that declares no network', () => {
    const result = resolveDocumentSpec('% mlp: mlp: a.mlp\n', { kind: 'latex', readFile: files({ 'a.mlp': 'seed 3\n' }) });
    assert.equal(result.problems[0].code, 'no-network-in-file');
  });
});

describe('spec reference paths', () => {
  it('resolves against the folder of a POSIX path, collapsing . and ..', () => {
    assert.equal(resolveSpecPath('/home/u/notes/a.md', 'nets/x.mlp'), '/home/u/notes/nets/x.mlp');
    assert.equal(resolveSpecPath('/home/u/notes/a.md', './../x.mlp'), '/home/u/x.mlp');
    assert.equal(resolveSpecPath('/a.md', '../../x.mlp'), '/x.mlp');
  });

  it('resolves against Windows paths and URIs in their own style', () => {
    assert.equal(resolveSpecPath('C:\\notes\\a.md', 'nets\\x.mlp'), 'C:\\notes\\nets\\x.mlp');
    assert.equal(resolveSpecPath('C:\\notes\\a.md', '../x.mlp'), 'C:\\x.mlp');
    assert.equal(resolveSpecPath('vscode-vfs://github/u/repo/docs/a.md', '../nets/x.mlp'), 'vscode-vfs://github/u/repo/nets/x.mlp');
    assert.equal(resolveSpecPath('file:///home/u/a.md', 'x.mlp'), 'file:///home/u/x.mlp');
  });

  it('keeps absolute references and relative documents as they are', () => {
    assert.equal(resolveSpecPath('/a/b.md', '/etc/net.mlp'), '/etc/net.mlp');
    assert.equal(resolveSpecPath('/a/b.md', 'D:\\nets\\x.mlp'), 'D:\\nets\\x.mlp');
    assert.equal(resolveSpecPath(undefined, 'x.mlp'), 'x.mlp');
    assert.equal(resolveSpecPath('docs/a.md', '../x.mlp'), 'x.mlp');
    assert.equal(resolveSpecPath('a.md', '../x.mlp'), '../x.mlp');
  });
});
