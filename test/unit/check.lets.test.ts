// `let` accepts any symbol form a claim can use: a layer parameter
// (Z^{l}, \alpha^{l}, Z^{[l]}), a particular layer (W^{(O)}, z^{L}), a layer
// number written as a subscript (b_2), a bare name (z, \alpha) and a bare
// alias of a layered quantity (A = a). A let that uses itself is a located
// spec error, and no let ends in an internal error.
import { strict as assert } from 'node:assert';
import { checkDocument, type DocumentReport } from '../../src/core/check';

const SPEC = ['```mlp', 'input 3', 'dense 4 sigmoid', 'dense 2 softmax', 'loss cross_entropy'];

/** A document whose spec has the given lets (starting on line 6, 1-based) and one display per claim. */
function check(lets: readonly string[], claims: readonly string[]): DocumentReport {
  const text = [...SPEC, ...lets, '```', '', ...claims.flatMap((c) => [`$$${c}$$`, ''])].join('\n');
  return checkDocument(text, { language: 'markdown', samples: 2 });
}

function verdicts(report: DocumentReport): string[] {
  return report.claims.map((c) => c.status);
}

function noInternalError(report: DocumentReport): void {
  const texts = [...report.claims.map((c) => c.message), ...report.problems.map((p) => p.message)];
  assert.deepEqual(texts.filter((t) => /call stack|internal error/i.test(t)), []);
}

describe('let: every symbol form a claim can use', () => {
  const cases: { let: string; holds: string; fails: string }[] = [
    { let: 'let b_2 = b^{2}', holds: '\\frac{\\partial L}{\\partial b_2} = \\delta^{2}', fails: '\\frac{\\partial L}{\\partial b_2} = 2 \\delta^{2}' },
    { let: 'let z = z^{L}', holds: '\\frac{\\partial L}{\\partial z} = p - y', fails: '\\frac{\\partial L}{\\partial z} = y - p' },
    { let: 'let W^{(O)} = W^{2}', holds: '\\frac{\\partial L}{\\partial W^{(O)}} = \\delta^{2} (o^{1})^T', fails: '\\frac{\\partial L}{\\partial W^{(O)}} = -\\delta^{2} (o^{1})^T' },
    { let: 'let Z^{l} = z^{l}', holds: 'Z^{l} = W^{l} o^{l-1} + b^{l}', fails: 'Z^{l} = W^{l} o^{l-1} - b^{l}' },
    { let: 'let \\alpha^{l} = z^{l}', holds: '\\alpha^{l} = W^{l} o^{l-1} + b^{l}', fails: '\\alpha^{l} = W^{l} o^{l-1}' },
    { let: 'let Z^{[l]} = z^{l}', holds: 'Z^{[l]} = W^{[l]} o^{l-1} + b^{l}', fails: 'Z^{[l]} = W^{[l]} o^{l} + b^{l}' },
    { let: 'let A = a', holds: 'A^{[1]} = \\sigma(z^{1})', fails: 'A^{[1]} = \\sigma(z^{2})' },
  ];
  for (const c of cases) {
    it(`\`${c.let}\` binds its symbol: a correct claim holds, a wrong one is a mismatch`, () => {
      const report = check([c.let], [c.holds, c.fails]);
      noInternalError(report);
      assert.deepEqual(report.problems, []);
      assert.deepEqual(verdicts(report), ['ok', 'mismatch']);
      assert.match(report.claims[0].bindings.map((b) => b.boundBy).join(), /let on line 6/);
    });
  }

  it('`let z = z^{L}` binds bare z only: z^{l} keeps its conventional meaning at every layer', () => {
    const report = check(['let z = z^{L}'], ['z^{l} = W^{l} o^{l-1} + b^{l}', 'z = W^{L} o^{L-1} + b^{L}']);
    assert.deepEqual(verdicts(report), ['ok', 'ok']);
  });

  it('`let b_2 = b^{2}` and `let b_1 = b^{1}` are two symbols, and b^{l} is still the bias', () => {
    const report = check(['let b_1 = b^{1}', 'let b_2 = b^{2}'], ['\\frac{\\partial L}{\\partial b_1} = \\delta^{1}', '\\frac{\\partial L}{\\partial b_2} = \\delta^{2}', '\\frac{\\partial L}{\\partial b^{l}} = \\delta^{l}']);
    assert.deepEqual(verdicts(report), ['ok', 'ok', 'ok']);
  });

  it('`let W^{(O)} = W^{2}` also binds the entries W^{(O)}_{jk}', () => {
    const report = check(['let W^{(O)} = W^{2}'], ['\\frac{\\partial L}{\\partial W^{(O)}_{jk}} = \\delta^{2}_j o^{1}_k']);
    assert.deepEqual(verdicts(report), ['ok']);
  });

  it('`let A = a`: A alone is a alone (the last layer, as for a), and the binding says it', () => {
    const report = check(['let A = a'], ['A = p']);
    assert.deepEqual(verdicts(report), ['ok']);
    assert.match(report.claims[0].bindings[0].meaning, /A = a/);
  });

  it('`let \\alpha = z^{L}` does not silently give \\alpha a layer: \\alpha^{l} is reported as unknown', () => {
    const report = check(['let \\alpha = z^{L}'], ['\\alpha_a = z^{L}_a', '\\frac{\\partial L}{\\partial \\alpha^{l}} = \\delta^{l}']);
    assert.deepEqual(verdicts(report), ['ok', 'unchecked']);
  });

  const selfReferences: [string, number][] = [
    ['let z = z', 8],
    ['let z^{l} = z^{l}', 12],
    ['let Z^{[l]} = Z^{[l+1]}', 14],
  ];
  for (const [line, column] of selfReferences) {
    it(`\`${line}\` is a located spec error at its expression, not a stack overflow`, () => {
      const report = check([line], ['z^{1} = W^{1} x + b^{1}']);
      noInternalError(report);
      const [problem] = report.problems;
      assert.equal(problem.code, 'let-self-reference');
      assert.deepEqual(problem.range.start, { line: 5, column });
      assert.match(problem.message, /in terms of itself/);
    });
  }

  it('a cycle through two lets is caught at the let that closes it', () => {
    const report = check(['let u = v', 'let v = u'], ['u = p']);
    noInternalError(report);
    assert.deepEqual(report.problems.map((p) => [p.code, p.range.start.line]), [['let-self-reference', 6]]);
  });

  it('a let whose left side is not a symbol is a located error naming the forms it accepts', () => {
    const report = check(['let a + b = z^{L}'], []);
    assert.equal(report.problems[0].code, 'let-symbol');
    assert.match(report.problems[0].message, /w_1, Z\^\{\[l\]\}/);
  });

  it('no pair of let forms ends in an internal error, whatever the claims do with them', () => {
    const forms = ['z', 'z^{L}', 'z^{l}', 'Z^{l}', 'Z^{[l]}', 'W^{(O)}', 'W^{2}', 'b_2', 'A', 'a', '\\alpha', 'u_k'];
    const failures: string[] = [];
    for (const symbol of forms) {
      for (const expression of forms) {
        const report = check([`let ${symbol} = ${expression}`], [`\\frac{\\partial L}{\\partial ${symbol}} = ${expression}`, `${expression} = ${symbol}`]);
        const texts = [...report.claims.map((c) => c.message), ...report.problems.map((p) => p.message)];
        if (texts.some((t) => /call stack|internal error|could not evaluate/i.test(t))) failures.push(`let ${symbol} = ${expression}`);
      }
    }
    assert.deepEqual(failures, []);
  });
});
