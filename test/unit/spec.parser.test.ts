// The `.mlp` parser: what it builds from a valid spec, and for each mistake
// a newcomer makes, where the problem lands and what it says.
import { strict as assert } from 'node:assert';
import {
  DEFAULT_NETWORK,
  DEFAULT_SPEC_TEXT,
  SPEC_LIMITS,
  countParameters,
  editDistance,
  parseSpec,
  parseSpecLines,
  type ParsedSpec,
  type SpecProblem,
} from '../../src/core/netspec';
import type { Range } from '../../src/core/source';

/** [line, startColumn, endColumn] of a single-line range. */
function span(range: Range): [number, number, number] {
  assert.equal(range.start.line, range.end.line, 'single-line range');
  return [range.start.line, range.start.column, range.end.column];
}

function only(spec: ParsedSpec, code?: string): SpecProblem {
  const problems = code === undefined ? spec.problems : spec.problems.filter((p) => p.code === code);
  assert.equal(problems.length, 1, `one ${code ?? ''} problem, got: ${spec.problems.map((p) => `${p.code}: ${p.message}`).join(' | ')}`);
  return problems[0];
}

function clean(text: string): ParsedSpec {
  const spec = parseSpec(text);
  assert.deepEqual(spec.problems.map((p) => p.message), []);
  return spec;
}

describe('spec parser: valid specs', () => {
  it('reads the example of DESIGN.md into a network, a let binding, a seed and a sample count', () => {
    const spec = clean(
      [
        'input 4                    # input dimension n_0',
        'dense 5 sigmoid            # layer 1',
        'dense 4 sigmoid',
        'dense 3 softmax',
        'loss cross_entropy',
        'let \\alpha = z^{L}        # notation',
        'seed 1',
        'samples 3',
      ].join('\n'),
    );
    assert.deepEqual(spec.network, DEFAULT_NETWORK);
    assert.equal(spec.seed, 1);
    assert.equal(spec.samples, 3);
    assert.equal(spec.lets.length, 1);
    const [alpha] = spec.lets;
    assert.equal(alpha.symbol, '\\alpha');
    assert.equal(alpha.expression, 'z^{L}');
    assert.deepEqual(span(alpha.symbolRange), [5, 4, 10]);
    assert.deepEqual(span(alpha.expressionRange), [5, 13, 18]);
    assert.equal(spec.parameterCount, 5 * 5 + 4 * 6 + 3 * 5);
    assert.equal(spec.declaresNetwork, true);
  });

  it('exports the default network of DESIGN.md, and its text parses to the same config', () => {
    assert.deepEqual(DEFAULT_NETWORK, {
      inputSize: 4,
      layers: [
        { units: 5, activation: 'sigmoid' },
        { units: 4, activation: 'sigmoid' },
        { units: 3, activation: 'softmax' },
      ],
      loss: 'cross_entropy',
    });
    assert.deepEqual(clean(DEFAULT_SPEC_TEXT).network, DEFAULT_NETWORK);
  });

  it('defaults the loss to cross_entropy after a softmax output and to mse otherwise', () => {
    assert.equal(clean('input 2\ndense 3 softmax').network?.loss, 'cross_entropy');
    assert.equal(clean('input 2\ndense 3 tanh').network?.loss, 'mse');
    assert.equal(clean('input 2\ndense 1 sigmoid').network?.loss, 'mse');
  });

  it('accepts linear as an alias of identity and remembers how it was written', () => {
    const spec = clean('input 2\ndense 2 linear\nloss mse');
    assert.equal(spec.network?.layers[0].activation, 'identity');
    const dense = spec.statements.find((s) => s.kind === 'dense');
    assert.equal(dense?.kind === 'dense' ? dense.activationAlias : undefined, 'linear');
  });

  it('accepts mse after softmax and bce after one sigmoid unit', () => {
    assert.equal(clean('input 2\ndense 3 softmax\nloss mse').network?.loss, 'mse');
    assert.equal(clean('input 2\ndense 4 relu\ndense 1 sigmoid\nloss bce').network?.loss, 'bce');
  });

  it('ignores comments and blank lines but keeps an escaped \\# inside a let', () => {
    const spec = clean('# heading\n\n   \ninput 2 # n_0\ndense 1 sigmoid\nlet \\#a = b \\# c # comment');
    assert.equal(spec.lets[0].symbol, '\\#a');
    assert.equal(spec.lets[0].expression, 'b \\# c');
  });

  it('accepts := in a let', () => {
    const spec = clean('let \\delta^l := \\partial L / \\partial z^l');
    assert.equal(spec.lets[0].symbol, '\\delta^l');
    assert.equal(spec.lets[0].expression, '\\partial L / \\partial z^l');
  });

  it('records statements with the ranges of their keyword and values, and numbers dense layers from 1', () => {
    const spec = clean('input 3\ndense 6 tanh\n  dense 2 softmax  # out');
    const kinds = spec.statements.map((s) => s.kind);
    assert.deepEqual(kinds, ['input', 'dense', 'dense']);
    const last = spec.statements[2];
    assert.ok(last.kind === 'dense');
    assert.equal(last.layer, 2);
    assert.deepEqual(span(last.keywordRange), [2, 2, 7]);
    assert.deepEqual(span(last.unitsRange), [2, 8, 9]);
    assert.deepEqual(span(last.activationRange), [2, 10, 17]);
    assert.deepEqual(span(last.range), [2, 2, 17]);
  });

  it('a spec of only settings declares no network', () => {
    const spec = clean('seed 4\nlet \\alpha = z^{L}');
    assert.equal(spec.declaresNetwork, false);
    assert.equal(spec.network, undefined);
  });

  it('reads positions relative to the document when lines come from inside it', () => {
    const spec = parseSpecLines([
      { text: 'input 2', line: 10, column: 2 },
      { text: 'dense 3 sigmod', line: 11, column: 4 },
    ]);
    assert.deepEqual(span(only(spec).range), [11, 12, 18]);
  });

  it('handles CRLF line endings without shifting columns', () => {
    const spec = parseSpec('input 2\r\ndense 3 tanhh\r\n');
    assert.deepEqual(span(only(spec).range), [1, 8, 13]);
  });
});

describe('spec parser: names and keywords', () => {
  it('reports an unknown activation at its column with a did-you-mean suggestion', () => {
    const p = only(parseSpec('input 4\ndense 5 sigmod\ndense 3 softmax'));
    assert.equal(p.code, 'unknown-activation');
    assert.equal(p.severity, 'error');
    assert.deepEqual(span(p.range), [1, 8, 14]);
    assert.equal(p.message, "unknown activation 'sigmod' — did you mean 'sigmoid'?");
    assert.equal(p.replacement, 'sigmoid');
  });

  it('suggests the lower-case spelling for ReLU', () => {
    const p = only(parseSpec('input 4\ndense 5 ReLU\ndense 3 softmax'));
    assert.match(p.message, /lower case: did you mean 'relu'\?/);
    assert.equal(p.replacement, 'relu');
  });

  it('suggests for transposed letters, other tools\' names and dashes', () => {
    const guess = (word: string) => only(parseSpec(`input 1\ndense 2 ${word}\ndense 1 sigmoid`)).replacement;
    assert.equal(guess('sigmiod'), 'sigmoid');
    assert.equal(guess('logistic'), 'sigmoid');
    assert.equal(guess('leaky-relu'), 'leaky_relu');
    assert.equal(guess('softplus2'), 'softplus');
  });

  it('lists the activations when no name is close', () => {
    const p = only(parseSpec('input 4\ndense 5 swish\ndense 3 softmax'));
    assert.equal(p.replacement, undefined);
    assert.match(p.message, /unknown activation 'swish'; use one of identity \(or linear\), sigmoid, tanh, relu, leaky_relu, softplus, softmax/);
  });

  it('suggests the loss meant by a misspelling or another tool\'s name', () => {
    const guess = (name: string) => only(parseSpec(`input 2\ndense 3 softmax\nloss ${name}`), 'unknown-loss');
    const p = guess('crossentropy');
    assert.deepEqual(span(p.range), [2, 5, 17]);
    assert.equal(p.message, "unknown loss 'crossentropy' — did you mean 'cross_entropy'?");
    assert.equal(guess('ce').replacement, 'cross_entropy');
    assert.equal(guess('mean_squared_error').replacement, 'mse');
    assert.equal(guess('binary_crossentropy').replacement, 'bce');
    assert.match(guess('hinge').message, /use one of cross_entropy, mse, bce/);
  });

  it('reports an unknown statement with the keyword it resembles', () => {
    const guess = (line: string) => only(parseSpec(line), 'unknown-statement');
    const dens = guess('dens 4 tanh');
    assert.deepEqual(span(dens.range), [0, 0, 4]);
    assert.equal(dens.message, "unknown statement 'dens' — did you mean 'dense'?");
    assert.equal(guess('layer 4 tanh').replacement, 'dense');
    assert.equal(guess('sample 3').replacement, 'samples');
    assert.equal(guess('Input 3').replacement, 'input');
    assert.equal(guess('mlp nets/a.mlp').replacement, 'mlp:');
    assert.match(guess('banana').message, /a line starts with one of input, dense, loss, let, seed, samples, batch, layout, mlp:/);
  });

  it('reads `5 relu` as a layer missing its keyword', () => {
    const p = only(parseSpec('input 2\n5 relu\ndense 1 sigmoid'));
    assert.deepEqual(span(p.range), [1, 0, 6]);
    assert.equal(p.replacement, 'dense 5 relu');
  });

  it('does not build a network around a misspelt layer line', () => {
    const spec = parseSpec('input 2\ndens 5 relu\ndense 1 sigmoid');
    assert.equal(spec.network, undefined);
    assert.equal(spec.declaresNetwork, true);
  });

  it('keeps the network when the misspelt line is clearly a setting', () => {
    const spec = parseSpec('input 2\ndense 1 sigmoid\nsed 3');
    assert.equal(only(spec).replacement, 'seed');
    assert.ok(spec.network);
  });
});

describe('spec parser: structure of the network', () => {
  it('reports a missing input at the first dense line', () => {
    const p = only(parseSpec('# no input\ndense 5 relu\ndense 2 softmax'));
    assert.equal(p.code, 'missing-input');
    assert.deepEqual(span(p.range), [1, 0, 5]);
    assert.match(p.message, /no `input` line: add `input N`/);
  });

  it('reports a duplicate input at the second one, naming the line of the first', () => {
    const p = only(parseSpec('input 3\ndense 2 softmax\ninput 4'));
    assert.equal(p.code, 'duplicate-input');
    assert.deepEqual(span(p.range), [2, 0, 5]);
    assert.match(p.message, /already given on line 1/);
  });

  it('reports an input that comes after a dense line', () => {
    const spec = parseSpec('dense 5 relu\ninput 3\ndense 2 softmax');
    const p = only(spec);
    assert.equal(p.code, 'input-not-first');
    assert.deepEqual(span(p.range), [1, 0, 5]);
    assert.match(p.message, /must come first, before the first `dense` \(line 1\)/);
    assert.equal(spec.network, undefined);
  });

  it('lets comments and settings come before the input', () => {
    assert.ok(clean('# net\nseed 2\nlet a = z^1\ninput 3\ndense 2 softmax').network);
  });

  it('reports an input without any dense layer', () => {
    const p = only(parseSpec('input 3'));
    assert.equal(p.code, 'no-layers');
    assert.match(p.message, /at least one `dense` layer/);
  });

  it('reports a loss without layers instead of silently changing the default network', () => {
    const p = only(parseSpec('loss mse'));
    assert.equal(p.code, 'loss-without-layers');
  });

  it('reports a duplicate loss', () => {
    const p = only(parseSpec('input 3\ndense 2 softmax\nloss mse\nloss cross_entropy'));
    assert.equal(p.code, 'duplicate-loss');
    assert.deepEqual(span(p.range), [3, 0, 4]);
  });

  it('reports softmax on a hidden layer at the activation name', () => {
    const spec = parseSpec('input 3\ndense 4 softmax\ndense 2 sigmoid');
    const p = only(spec);
    assert.equal(p.code, 'softmax-not-last');
    assert.deepEqual(span(p.range), [1, 8, 15]);
    assert.match(p.message, /only supported on the last layer/);
    assert.equal(spec.network, undefined);
  });

  it('warns about a one-unit softmax but still builds the network', () => {
    const spec = parseSpec('input 3\ndense 1 softmax');
    const p = only(spec);
    assert.equal(p.severity, 'warning');
    assert.equal(p.code, 'softmax-single-unit');
    assert.ok(spec.network);
  });

  it('reports cross_entropy without a softmax output at the loss name', () => {
    const p = only(parseSpec('input 3\ndense 4 tanh\nloss cross_entropy'));
    assert.equal(p.code, 'cross-entropy-needs-softmax');
    assert.deepEqual(span(p.range), [2, 5, 18]);
    assert.match(p.message, /make it `dense 4 softmax`, or use `loss mse`/);
  });

  it('suggests bce when cross_entropy follows one sigmoid unit', () => {
    const p = only(parseSpec('input 3\ndense 1 sigmoid\nloss cross_entropy'));
    assert.equal(p.replacement, 'bce');
  });

  it('reports bce unless the output is exactly one sigmoid unit', () => {
    const three = only(parseSpec('input 3\ndense 3 sigmoid\nloss bce'));
    assert.equal(three.code, 'bce-needs-one-sigmoid');
    assert.deepEqual(span(three.range), [2, 5, 8]);
    assert.match(three.message, /exactly one output unit with sigmoid, but the last layer \(line 2\) has 3 units with 'sigmoid'/);
    const softmax = only(parseSpec('input 3\ndense 3 softmax\nloss bce'));
    assert.equal(softmax.replacement, 'cross_entropy');
    only(parseSpec('input 3\ndense 1 tanh\nloss bce'), 'bce-needs-one-sigmoid');
  });
});

describe('spec parser: numbers and line shape', () => {
  const width = (text: string) => only(parseSpec(`input 2\ndense ${text} relu\ndense 1 sigmoid`));

  it('reports a non-integer width as not a whole number', () => {
    const p = width('2.5');
    assert.equal(p.code, 'bad-width');
    assert.deepEqual(span(p.range), [1, 6, 9]);
    assert.equal(p.message, "the number of units of layer 1 must be a whole number, got '2.5'");
  });

  it('reports zero and negative widths as needing to be positive', () => {
    assert.match(width('0').message, /must be positive \(at least 1\), got 0/);
    assert.match(width('-3').message, /must be positive \(at least 1\), got -3/);
    assert.match(only(parseSpec('input 0\ndense 1 sigmoid')).message, /the input dimension must be positive/);
  });

  it('offers plain digits for a whole number written as 1e3 or 4.0', () => {
    assert.equal(width('1e3').replacement, '1000');
    assert.equal(width('4.0').replacement, '4');
  });

  it('reports a word where a width should be', () => {
    assert.match(width('many').message, /must be a whole number, got 'many'/);
  });

  it('reports units and activation in the wrong order with the fix', () => {
    const p = only(parseSpec('input 2\ndense relu 5\ndense 1 sigmoid'));
    assert.equal(p.code, 'swapped-dense');
    assert.deepEqual(span(p.range), [1, 6, 12]);
    assert.equal(p.replacement, '5 relu');
  });

  it('reports a dense line without units or activation', () => {
    assert.equal(only(parseSpec('input 2\ndense\ndense 1 sigmoid')).code, 'missing-units');
    const p = only(parseSpec('input 2\ndense 5\ndense 1 sigmoid'));
    assert.equal(p.code, 'missing-activation');
    assert.match(p.message, /`dense 5` needs an activation .* e\.g\. `dense 5 sigmoid`/);
  });

  it('reports trailing junk after a complete statement, spanning the junk', () => {
    const p = only(parseSpec('input 2 3\ndense 1 sigmoid'));
    assert.equal(p.code, 'trailing-junk');
    assert.deepEqual(span(p.range), [0, 8, 9]);
    assert.match(p.message, /unexpected '3' after `input 2`: write one statement per line/);
    const two = only(parseSpec('input 2\ndense 1 sigmoid loss bce'));
    assert.deepEqual(span(two.range), [1, 16, 24]);
  });

  it('reports seed and samples out of range, and repeated', () => {
    assert.equal(only(parseSpec('seed -1')).code, 'bad-seed');
    assert.equal(only(parseSpec(`seed ${SPEC_LIMITS.maxSeed + 1}`)).code, 'bad-seed');
    assert.equal(clean(`seed ${SPEC_LIMITS.maxSeed}`).seed, SPEC_LIMITS.maxSeed);
    assert.equal(only(parseSpec('samples 0')).code, 'bad-samples');
    assert.equal(only(parseSpec(`samples ${SPEC_LIMITS.maxSamples + 1}`)).code, 'bad-samples');
    const dup = only(parseSpec('seed 1\nsamples 2\nseed 3'));
    assert.equal(dup.code, 'duplicate-seed');
    assert.match(dup.message, /already set on line 1/);
    assert.equal(parseSpec('seed 1\nseed 3').seed, 1);
  });
});

describe('spec parser: let and mlp:', () => {
  it('reports a let without = over what follows the keyword', () => {
    const p = only(parseSpec('let \\alpha z^{L}'));
    assert.equal(p.code, 'bad-let');
    assert.deepEqual(span(p.range), [0, 4, 16]);
    assert.match(p.message, /expected '=' .* `let \\alpha = z\^\{L\}`/);
  });

  it('reports an empty symbol, an empty expression and a second =', () => {
    assert.match(only(parseSpec('let = z')).message, /needs a symbol before '='/);
    assert.match(only(parseSpec('let a =  # nothing')).message, /needs an expression after '='/);
    const p = only(parseSpec('let a = b = c'));
    assert.deepEqual(span(p.range), [0, 10, 11]);
    assert.equal(only(parseSpec('let')).code, 'bad-let');
  });

  it('reports an unbalanced brace at the brace', () => {
    const open = only(parseSpec('let a = z^{L'));
    assert.equal(open.code, 'unbalanced-brace');
    assert.deepEqual(span(open.range), [0, 10, 11]);
    const close = only(parseSpec('let a} = z'));
    assert.deepEqual(span(close.range), [0, 5, 6]);
    clean('let a = \\{ x \\}');
  });

  it('reports a symbol bound twice, ignoring spacing', () => {
    const spec = parseSpec('let \\alpha = z^{L}\nlet \\alpha  = o^{L}');
    const p = only(spec);
    assert.equal(p.code, 'duplicate-let');
    assert.match(p.message, /'\\alpha' is already bound on line 1/);
    assert.equal(spec.lets.length, 1);
  });

  it('reads mlp: references, quoted or not, with the range of the path', () => {
    const spec = clean('mlp: nets/net one.mlp  # shared');
    assert.deepEqual(spec.includes.map((i) => i.path), ['nets/net one.mlp']);
    assert.deepEqual(span(spec.includes[0].range), [0, 5, 21]);
    assert.equal(clean('mlp:"a b.mlp"').includes[0].path, 'a b.mlp');
    assert.equal(clean('mlp:a.mlp').includes[0].path, 'a.mlp');
  });

  it('reports an mlp: without a path and a second reference', () => {
    assert.equal(only(parseSpec('mlp:   # later')).code, 'missing-path');
    const p = only(parseSpec('mlp: a.mlp\nmlp: b.mlp'));
    assert.equal(p.code, 'duplicate-include');
    assert.deepEqual(span(p.range), [1, 5, 10]);
  });
});

describe('spec parser: limits', () => {
  it('counts parameters arithmetically as Σ n_l (n_{l-1} + 1)', () => {
    assert.equal(countParameters(4, [5, 4, 3]), 25 + 24 + 15);
    assert.equal(countParameters(100_000, [100_000, 100_000]), 100_000 * 100_001 * 2);
  });

  it('rejects more than 10^7 parameters at the layer that crosses the limit, without allocating', () => {
    const started = Date.now();
    const spec = parseSpec('input 1000\ndense 5000 relu\ndense 5000 relu\ndense 10 softmax');
    const p = only(spec);
    assert.equal(p.code, 'too-many-parameters');
    assert.deepEqual(span(p.range), [2, 6, 10]);
    assert.match(p.message, /has 30,060,010 parameters, more than the limit of 10,000,000 \(layer 2 alone has 25,005,000\)/);
    assert.equal(spec.network, undefined);
    assert.ok(Date.now() - started < 500);
  });

  it('accepts a network just under the parameter limit', () => {
    // 999 · (10000 + 1) + 1 · (999 + 1) = 9,990,999 + 1,000 = 9,991,999
    assert.ok(clean('input 10000\ndense 999 relu\ndense 1 sigmoid').network);
  });

  it('rejects a width above the per-layer limit with the limit in the message', () => {
    const p = only(parseSpec(`input 2\ndense ${SPEC_LIMITS.maxWidth + 1} relu\ndense 1 sigmoid`));
    assert.equal(p.code, 'bad-width');
    assert.match(p.message, /at most 100000, got 100001 \(a limit that keeps the check within memory\)/);
  });

  it('rejects a 65th dense layer at that line', () => {
    const lines = ['input 2', ...Array.from({ length: 65 }, () => 'dense 2 tanh')];
    const p = only(parseSpec(lines.join('\n')));
    assert.equal(p.code, 'too-many-layers');
    assert.deepEqual(span(p.range), [65, 0, 5]);
    assert.match(p.message, /at most 64 dense layers/);
    assert.ok(clean(lines.slice(0, 65).join('\n')).network);
  });
});

describe('spec parser: robustness', () => {
  it('never throws on random lines and keeps every problem inside the text', () => {
    const words = ['input', 'dense', 'loss', 'let', 'seed', 'samples', 'mlp:', '3', '-1', '2.5', 'relu', 'softmax', 'bce', '=', '{', '}', '\\alpha', '#', 'x', '', '1e9'];
    let state = 12345;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    for (let round = 0; round < 300; round++) {
      const lines = Array.from({ length: 1 + next(8) }, () => Array.from({ length: next(6) }, () => words[next(words.length)]).join(next(3) === 0 ? '  ' : ' '));
      const spec = parseSpec(lines.join('\n'));
      for (const p of spec.problems) {
        assert.ok(p.range.start.line < lines.length, p.message);
        assert.ok(p.range.end.column <= lines[p.range.end.line].length, `${p.message} in ${JSON.stringify(lines)}`);
        assert.ok(p.message.length > 0);
      }
    }
  });

  it('measures edit distance with a transposition as one edit', () => {
    assert.equal(editDistance('sigmiod', 'sigmoid'), 1);
    assert.equal(editDistance('sigmod', 'sigmoid'), 1);
    assert.equal(editDistance('', 'abc'), 3);
  });
});
