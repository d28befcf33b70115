// Tokenises .mlp, Markdown and LaTeX samples with the real TextMate engine
// (vscode-textmate + oniguruma) and the grammars as package.json wires them:
// the injection is registered for the hosts named in its `injectTo`, exactly
// as VS Code does, so these tests fail if that wiring breaks.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const root = join(__dirname, '..', '..');
const fixtures = join(__dirname, 'fixtures', 'spec');

interface GrammarContribution {
  scopeName: string;
  path: string;
  language?: string;
  injectTo?: string[];
  embeddedLanguages?: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { grammars: GrammarContribution[]; languages: { id: string; extensions: string[]; configuration: string }[] };
};
const contributed = manifest.contributes.grammars;

/** Grammar files by scope: ours from package.json, the hosts from test stand-ins. */
const grammarFiles: Record<string, string> = {
  'text.html.markdown': join(fixtures, 'hosts', 'markdown.tmLanguage.json'),
  'text.tex.latex': join(fixtures, 'hosts', 'latex.tmLanguage.json'),
};
for (const g of contributed) grammarFiles[g.scopeName] = join(root, g.path);

let onigLib: Promise<vsctm.IOnigLib> | undefined;
function loadOniguruma(): Promise<vsctm.IOnigLib> {
  onigLib ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    };
  })();
  return onigLib;
}

function makeRegistry(withInjections: boolean): vsctm.Registry {
  return new vsctm.Registry({
    onigLib: loadOniguruma(),
    loadGrammar: async (scopeName) => {
      const file = grammarFiles[scopeName];
      return file === undefined ? null : vsctm.parseRawGrammar(readFileSync(file, 'utf8'), file);
    },
    getInjections: (scopeName) =>
      withInjections ? contributed.filter((g) => g.injectTo?.includes(scopeName)).map((g) => g.scopeName) : undefined,
  });
}

interface Token {
  readonly text: string;
  readonly scopes: readonly string[];
}

async function tokenize(scopeName: string, text: string, withInjections = true): Promise<Token[][]> {
  const grammar = await makeRegistry(withInjections).loadGrammar(scopeName);
  assert.ok(grammar, `grammar ${scopeName} loads`);
  let state = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** Scopes of the token where `needle` starts on the (0-based) line, with the token's own text. */
function at(lines: Token[][], line: number, needle: string, occurrence = 0): Token {
  const tokens = lines[line];
  assert.ok(tokens, `line ${line} exists`);
  const text = tokens.map((t) => t.text).join('');
  let index = -1;
  for (let i = 0; i <= occurrence; i++) index = text.indexOf(needle, index + 1);
  assert.ok(index >= 0, `'${needle}' on line ${line}: ${JSON.stringify(text)}`);
  let offset = 0;
  for (const token of tokens) {
    if (index < offset + token.text.length) return token;
    offset += token.text.length;
  }
  throw new Error('unreachable');
}

function assertScope(token: Token, scope: string): void {
  assert.ok(token.scopes.includes(scope), `'${token.text}' has ${scope}; got ${token.scopes.join(' ')}`);
}

function assertNoScopeLike(token: Token, prefix: string): void {
  assert.ok(!token.scopes.some((s) => s.startsWith(prefix)), `'${token.text}' has no ${prefix}*; got ${token.scopes.join(' ')}`);
}

const read = (name: string): string => readFileSync(join(fixtures, name), 'utf8');

describe('mlp grammar: .mlp files', () => {
  let lines: Token[][];
  before(async () => {
    lines = await tokenize('source.mlp', read('classifier.mlp'));
  });

  it('scopes a whole comment line and a trailing comment as comments', () => {
    assertScope(at(lines, 0, '# Three'), 'comment.line.number-sign.mlp');
    assertScope(at(lines, 1, '# n_0'), 'comment.line.number-sign.mlp');
    assertScope(at(lines, 1, '#'), 'punctuation.definition.comment.mlp');
  });

  it('scopes each statement keyword', () => {
    assertScope(at(lines, 1, 'input'), 'keyword.other.input.mlp');
    assertScope(at(lines, 2, 'dense'), 'keyword.other.dense.mlp');
    assertScope(at(lines, 5, 'loss'), 'keyword.other.loss.mlp');
    assertScope(at(lines, 7, 'let'), 'keyword.other.let.mlp');
    assertScope(at(lines, 9, 'seed'), 'keyword.other.seed.mlp');
    assertScope(at(lines, 10, 'samples'), 'keyword.other.samples.mlp');
  });

  it('scopes widths, seed and samples as integers', () => {
    assertScope(at(lines, 1, '3'), 'constant.numeric.integer.mlp');
    assertScope(at(lines, 2, '6'), 'constant.numeric.integer.mlp');
    assertScope(at(lines, 9, '7'), 'constant.numeric.integer.mlp');
  });

  it('scopes activation names as whole words, leaky_relu included', () => {
    const leaky = at(lines, 2, 'leaky_relu');
    assert.equal(leaky.text, 'leaky_relu');
    assertScope(leaky, 'support.function.activation.mlp');
    assertScope(at(lines, 3, 'tanh'), 'support.function.activation.mlp');
    assertScope(at(lines, 4, 'softmax'), 'support.function.activation.mlp');
  });

  it('scopes the loss name', () => {
    const loss = at(lines, 5, 'cross_entropy');
    assert.equal(loss.text, 'cross_entropy');
    assertScope(loss, 'support.constant.loss.mlp');
  });

  it('scopes both sides of a let as embedded LaTeX with commands as support.function.latex', () => {
    const hat = at(lines, 7, '\\hat');
    assertScope(hat, 'meta.embedded.inline.latex');
    assertScope(hat, 'support.function.latex');
    assertScope(at(lines, 7, '='), 'keyword.operator.assignment.mlp');
    const o = at(lines, 7, 'o^');
    assertScope(o, 'meta.embedded.inline.latex');
    assertScope(at(lines, 7, '# the notes'), 'comment.line.number-sign.mlp');
  });

  it('keeps an escaped \\# inside the LaTeX of a let instead of starting a comment', () => {
    const escaped = at(lines, 8, '\\#');
    assertScope(escaped, 'meta.embedded.inline.latex');
    assertNoScopeLike(escaped, 'comment');
    assertNoScopeLike(at(lines, 8, 'backslash'), 'comment');
  });

  it('does not scope activation names inside comments', async () => {
    const [line] = await tokenize('source.mlp', 'input 2 # relu later');
    assertNoScopeLike(at([line], 0, 'relu'), 'support.function.activation');
  });

  it('scopes a `convention` statement and the names it takes, not a misspelt one', async () => {
    const [line] = await tokenize('source.mlp', 'convention layer-letters i j k # Bishop');
    assertScope(at([line], 0, 'convention'), 'keyword.other.convention.mlp');
    assertScope(at([line], 0, 'layer-letters'), 'support.constant.convention.mlp');
    assertScope(at([line], 0, '# Bishop'), 'comment.line.number-sign.mlp');
    const [wrong] = await tokenize('source.mlp', 'convention row-vector');
    assertNoScopeLike(at([wrong], 0, 'row-vector'), 'support.constant.convention');
  });

  it('scopes an `mlp:` reference and its path', async () => {
    const [line] = await tokenize('source.mlp', 'mlp: nets/a b.mlp # shared');
    assertScope(at([line], 0, 'mlp:'), 'keyword.control.import.mlp');
    const path = at([line], 0, 'nets');
    assert.equal(path.text, 'nets/a b.mlp');
    assertScope(path, 'string.unquoted.path.mlp');
  });

  it('still scopes the LaTeX of an unfinished let that has no = yet', async () => {
    const [line] = await tokenize('source.mlp', 'let \\alpha');
    assertScope(at([line], 0, '\\alpha'), 'support.function.latex');
  });
});

describe('mlp grammar injected into Markdown', () => {
  let lines: Token[][];
  before(async () => {
    lines = await tokenize('text.html.markdown', read('notes.md'));
  });

  it('highlights statements inside a top-level ```mlp fence as embedded mlp', () => {
    const dense = at(lines, 6, 'dense');
    assertScope(dense, 'keyword.other.dense.mlp');
    assertScope(dense, 'meta.embedded.block.mlp');
    assertScope(dense, 'markup.fenced_code.block.markdown');
    assertScope(at(lines, 5, 'input'), 'keyword.other.input.mlp');
    assertScope(at(lines, 6, 'relu'), 'support.function.activation.mlp');
    assertScope(at(lines, 6, '# hidden'), 'comment.line.number-sign.mlp');
    assertScope(at(lines, 4, 'mlp'), 'fenced_code.block.language.markdown');
  });

  it('highlights an mlp block inside a block quote, after the > prefix', () => {
    const hat = at(lines, 13, '\\hat');
    assertScope(hat, 'markup.quote.markdown');
    assertScope(hat, 'support.function.latex');
    assertScope(at(lines, 13, 'let'), 'keyword.other.let.mlp');
  });

  it('highlights an mlp block nested in a list item', () => {
    const seed = at(lines, 19, 'seed');
    assertScope(seed, 'markup.list.numbered.markdown');
    assertScope(seed, 'keyword.other.seed.mlp');
  });

  it('leaves other fenced languages and the text after the blocks alone', () => {
    const python = at(lines, 23, 'dense');
    assertScope(python, 'meta.embedded.block.python');
    assertNoScopeLike(python, 'keyword.other');
    const prose = at(lines, 26, 'dense');
    assertNoScopeLike(prose, 'meta.embedded.block.mlp');
    assertNoScopeLike(prose, 'keyword.other');
  });

  it('is applied through the injection: without it the same block is plain fenced code', async () => {
    const plain = await tokenize('text.html.markdown', read('notes.md'), false);
    const dense = at(plain, 6, 'dense');
    assertScope(dense, 'markup.fenced_code.block.markdown');
    assertNoScopeLike(dense, 'keyword.other.dense');
  });

  it('highlights an `mlp:` reference inside a block', async () => {
    const ref = await tokenize('text.html.markdown', read('referencing.md'));
    assertScope(at(ref, 3, 'mlp:'), 'keyword.control.import.mlp');
    assertScope(at(ref, 3, 'nets/'), 'string.unquoted.path.mlp');
  });
});

describe('mlp grammar injected into LaTeX', () => {
  let lines: Token[][];
  before(async () => {
    lines = await tokenize('text.tex.latex', read('notes.tex'));
  });

  it('highlights the statement after `% mlp:` and keeps the % a comment mark', () => {
    assertScope(at(lines, 2, 'dense'), 'keyword.other.dense.mlp');
    assertScope(at(lines, 2, 'tanh'), 'support.function.activation.mlp');
    assertScope(at(lines, 2, '3'), 'constant.numeric.integer.mlp');
    assertScope(at(lines, 2, '%'), 'comment.line.percentage.tex');
    assertScope(at(lines, 2, 'mlp:'), 'keyword.control.directive.mlp');
    assertScope(at(lines, 4, 'bce'), 'support.constant.loss.mlp');
  });

  it('accepts spaces between % and mlp: and before %', () => {
    assertScope(at(lines, 3, 'sigmoid'), 'support.function.activation.mlp');
    assertScope(at(lines, 3, '# one'), 'comment.line.number-sign.mlp');
    assertScope(at(lines, 7, '\\sigma'), 'support.function.latex');
  });

  it('leaves ordinary comments and LaTeX commands to the LaTeX grammar', () => {
    const mention = at(lines, 5, 'dense');
    assertScope(mention, 'comment.line.percentage.tex');
    assertNoScopeLike(mention, 'keyword.other');
    assertScope(at(lines, 0, '\\documentclass'), 'support.function.general.tex');
  });

  it('is applied through the injection: without it `% mlp:` lines are plain comments', async () => {
    const plain = await tokenize('text.tex.latex', read('notes.tex'), false);
    const dense = at(plain, 2, 'dense');
    assertScope(dense, 'comment.line.percentage.tex');
    assertNoScopeLike(dense, 'keyword.other');
  });
});

describe('mlp editor contributions', () => {
  it('registers the mlp language for *.mlp with a # line comment', () => {
    const language = manifest.contributes.languages.find((l) => l.id === 'mlp');
    assert.ok(language);
    assert.deepEqual(language.extensions, ['.mlp']);
    const config = JSON.parse(readFileSync(join(root, language.configuration), 'utf8')) as { comments: { lineComment: string } };
    assert.equal(config.comments.lineComment, '#');
  });

  it('injects into Markdown and LaTeX and maps the fenced block to the mlp language', () => {
    const injection = contributed.find((g) => g.injectTo !== undefined);
    assert.ok(injection);
    assert.deepEqual([...(injection.injectTo ?? [])].sort(), ['text.html.markdown', 'text.tex.latex']);
    assert.equal(injection.embeddedLanguages?.['meta.embedded.block.mlp'], 'mlp');
  });
});
