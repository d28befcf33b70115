// Source spans for KaTeX nodes that KaTeX itself does not locate
// (src/core/math/katex/spans.ts): every node must point at what the author wrote.

import { strict as assert } from 'node:assert';
import type { KNode } from '../../src/core/math/katex/katexTree';
import { readTree } from '../../src/core/math/katex/readTree';
import { children } from '../../src/core/math/katex/spans';

/** `type:text` of every node, depth-first, e.g. ['frac:\\frac{a}{b}', 'group:{a}', 'ord:a', ...]. */
function spans(latex: string, environment?: string, macros: Record<string, string> = {}): string[] {
  const r = readTree(latex, macros, environment);
  assert.equal(r.error, undefined, r.error?.message);
  const out: string[] = [];
  const walk = (n: KNode): void => {
    out.push(`${n.t}:${latex.slice(n.span.start, n.span.end)}`);
    children(n).forEach(walk);
  };
  r.nodes.forEach(walk);
  return out;
}

describe('source spans of KaTeX nodes', () => {
  it('widens \\frac to its command and braces', () => {
    assert.deepEqual(spans('\\frac{\\partial L}{\\partial X}'), [
      'frac:\\frac{\\partial L}{\\partial X}',
      'group:{\\partial L}',
      'ord:\\partial',
      'ord:L',
      'group:{\\partial X}',
      'ord:\\partial',
      'ord:X',
    ]);
  });

  it('covers a symbol with both scripts, and finds the \\sum before \\limits and its scripts', () => {
    assert.deepEqual(spans('W^{l+1}_{a,b}').slice(0, 2), ['supsub:W^{l+1}_{a,b}', 'ord:W']);
    assert.deepEqual(spans('\\sum\\limits_{c=1}^{C} x').slice(0, 2), ['supsub:\\sum\\limits_{c=1}^{C}', 'op:\\sum']);
  });

  it("locates primes, which KaTeX does not: \\sigma' and f''_j", () => {
    assert.deepEqual(spans("\\sigma'"), ["supsub:\\sigma'", 'ord:\\sigma', "ord:'"]);
    assert.deepEqual(spans("f''_j"), ["supsub:f''_j", 'ord:f', "group:''", "ord:'", "ord:'", 'ord:j']);
  });

  it('covers \\left( .. \\right) with a script, and \\big( as command plus delimiter', () => {
    assert.deepEqual(spans('\\left( a \\right)^T').slice(0, 2), ['supsub:\\left( a \\right)^T', 'leftright:\\left( a \\right)']);
    assert.deepEqual(spans('\\big( a \\Bigr]'), ['delim:\\big(', 'ord:a', 'delim:\\Bigr]']);
  });

  it('widens fonts, accents and \\text to their command and closing brace', () => {
    assert.deepEqual(spans('\\mathbf{x} \\hat{y} \\mathbb 1 \\text{for }').filter((s) => !s.startsWith('ord')), [
      'font:\\mathbf{x}',
      'accent:\\hat{y}',
      'font:\\mathbb 1',
      'text:\\text{for }',
    ]);
    assert.deepEqual(spans('\\boldsymbol{\\delta}').slice(0, 1), ['font:\\boldsymbol{\\delta}']);
  });

  it('gives relations KaTeX builds from pieces the span of their command', () => {
    assert.deepEqual(spans('a \\neq b \\coloneqq c \\overset{def}{=} d'), [
      'ord:a',
      'atom:\\neq',
      'ord:b',
      'atom:\\coloneqq',
      'ord:c',
      'atom:\\overset{def}{=}',
      'ord:d',
    ]);
  });

  it('gives every piece of a multi-node macro (\\implies) the command span, without stealing the next token', () => {
    assert.deepEqual(spans('a \\implies b'), ['ord:a', 'space:\\implies', 'atom:\\implies', 'space:\\implies', 'ord:b']);
  });

  it('gives the nodes of a user macro the macro call, and its arguments their own place', () => {
    const out = spans('\\pd{L}{W} + \\ab', undefined, { '\\pd': '\\frac{\\partial #1}{\\partial #2}', '\\ab': 'a b' });
    assert.equal(out[0], 'frac:\\pd{L}{W}');
    assert.ok(out.includes('ord:L') && out.includes('ord:W'));
    assert.deepEqual(out.slice(-2), ['ord:\\ab', 'ord:\\ab']);
  });

  it('locates spacing commands between located nodes', () => {
    assert.deepEqual(spans('a ,\\quad b'), ['ord:a', 'atom:,', 'space:\\quad', 'ord:b']);
  });

  it('shifts spans back when an environment body is wrapped for KaTeX', () => {
    const body = 'a &= b \\label{eq:1} \\\\ &= c';
    const out = spans(body, 'align*');
    assert.ok(out.includes('ord:a') && out.includes('ord:b') && out.includes('ord:c'), out.join(' | '));
    assert.ok(out.filter((s) => s.startsWith('atom:=')).length === 2);
  });

  it('maps a KaTeX error to a span in the caller string, also inside a wrapped environment', () => {
    const r = readTree('a &= \\foo b', {}, 'align');
    assert.ok(r.error);
    assert.equal('a &= \\foo b'.slice(r.error.span.start, r.error.span.end), '\\foo');
    assert.match(r.error.message, /Undefined control sequence/);
  });
});
