// Pins the KaTeX parse-tree shapes the reader depends on (src/core/math/
// katexRaw.ts, katexTree.ts). `katex.__parse` is internal API; package.json
// pins katex exactly, and these tests make an upgrade that changes a shape
// fail here, by name, rather than as a misread formula somewhere else.

import { strict as assert } from 'node:assert';
import katex from 'katex';
import { callKatex, isFailure, type RawNode } from '../../src/core/math/katex/katexRaw';

function parse(src: string): RawNode[] {
  const r = callKatex(src, {});
  if (isFailure(r)) throw new Error(`unexpected KaTeX failure: ${r.message}`);
  return r;
}

function one(src: string): RawNode {
  const nodes = parse(src);
  assert.equal(nodes.length, 1, `expected one node for ${src}, got ${nodes.map((n) => n.type).join(' ')}`);
  return nodes[0];
}

const listOf = (n: RawNode | undefined | null): readonly RawNode[] => (n?.body ?? []) as readonly RawNode[];
const locText = (src: string, n: RawNode | undefined | null): string | undefined => (n?.loc ? src.slice(n.loc.start, n.loc.end) : undefined);

describe('KaTeX parse-tree shapes we depend on', () => {
  it('is the pinned KaTeX version 0.19.1', () => {
    assert.equal(katex.version, '0.19.1');
  });

  it('gives letters as mathord and digits/\\partial/\\nabla as textord, located in the source (control words include the space after them)', () => {
    const src = '\\partial L 1 \\nabla';
    const nodes = parse(src);
    assert.deepEqual(
      nodes.map((n) => [n.type, n.text, locText(src, n)]),
      [
        ['textord', '\\partial', '\\partial '],
        ['mathord', 'L', 'L'],
        ['textord', '1', '1'],
        ['textord', '\\nabla', '\\nabla'],
      ],
    );
    assert.equal(nodes[0].loc?.lexer.input, src);
  });

  it('gives operators as atoms with a family', () => {
    const nodes = parse('+-\\cdot\\times\\odot\\circ=<\\le\\in\\leftarrow\\mid,()[]\\{\\}\\ldots');
    assert.deepEqual(
      nodes.map((n) => `${n.type}:${n.family}:${n.text}`),
      [
        'atom:bin:+', 'atom:bin:-', 'atom:bin:\\cdot', 'atom:bin:\\times', 'atom:bin:\\odot', 'atom:bin:\\circ',
        'atom:rel:=', 'atom:rel:<', 'atom:rel:\\le', 'atom:rel:\\in', 'atom:rel:\\leftarrow', 'atom:rel:\\mid',
        'atom:punct:,', 'atom:open:(', 'atom:close:)', 'atom:open:[', 'atom:close:]', 'atom:open:\\{', 'atom:close:\\}',
        'atom:inner:\\ldots',
      ],
    );
  });

  it('gives `|`, `\\|` and `/` as textords', () => {
    assert.deepEqual(parse('|\\|/').map((n) => `${n.type}:${n.text}`), ['textord:|', 'textord:\\|', 'textord:/']);
  });

  it('gives :=  as two adjacent rel atoms', () => {
    const src = 'a := b';
    const [, colon, eq] = parse(src);
    assert.equal(colon.text, ':');
    assert.equal(eq.text, '=');
    assert.equal(colon.loc?.end, eq.loc?.start);
  });

  it('gives scripts as an unlocated supsub with base/sup/sub, sub and sup as located ordgroups including braces', () => {
    const src = 'W^{l+1}_{a,b}';
    const n = one(src);
    assert.equal(n.type, 'supsub');
    assert.equal(n.loc, undefined);
    assert.equal(n.base?.type, 'mathord');
    assert.equal(n.sup?.type, 'ordgroup');
    assert.equal(locText(src, n.sup), '{l+1}');
    assert.equal(locText(src, n.sub), '{a,b}');
    assert.deepEqual(listOf(n.sub).map((x) => x.type), ['mathord', 'atom', 'mathord']);
  });

  it('gives a single-token script without a group', () => {
    const n = one('a^L_j');
    assert.equal(n.sup?.type, 'mathord');
    assert.equal(n.sub?.type, 'mathord');
  });

  it('gives primes as an unlocated sup group of \\prime textords', () => {
    const n = one("f''");
    assert.equal(n.sup?.type, 'ordgroup');
    assert.equal(n.sup?.loc, undefined);
    assert.deepEqual(listOf(n.sup).map((x) => x.text), ['\\prime', '\\prime']);
  });

  it('puts a script on a closing parenthesis on the close atom: (AB)^T', () => {
    const nodes = parse('(AB)^T');
    const last = nodes[nodes.length - 1];
    assert.equal(last.type, 'supsub');
    assert.equal(last.base?.type, 'atom');
    assert.equal(last.base?.family, 'close');
  });

  it('gives \\frac as an unlocated genfrac with numer/denom ordgroups; \\binom has no bar', () => {
    const f = one('\\frac{\\partial L}{\\partial X}');
    assert.equal(f.type, 'genfrac');
    assert.equal(f.loc, undefined);
    assert.equal(f.hasBarLine, true);
    assert.deepEqual(listOf(f.numer).map((x) => x.text), ['\\partial', 'L']);
    assert.deepEqual(listOf(f.denom).map((x) => x.text), ['\\partial', 'X']);
    assert.equal(one('\\binom{a}{b}').hasBarLine, false);
  });

  it('wraps \\dfrac and \\displaystyle in styling nodes', () => {
    const n = one('\\dfrac{a}{b}');
    assert.equal(n.type, 'styling');
    assert.equal(listOf(n)[0].type, 'genfrac');
  });

  it('gives \\sum, \\log, \\max, \\int, \\lim as unlocated op nodes with a name; bounds make a supsub', () => {
    for (const name of ['\\sum', '\\log', '\\max', '\\int', '\\lim', '\\exp', '\\ln']) {
      const n = one(name);
      assert.equal(n.type, 'op', name);
      assert.equal(n.name, name);
    }
    const s = one('\\sum\\limits_{c=1}^{C}');
    assert.equal(s.type, 'supsub');
    assert.equal(s.base?.type, 'op');
    assert.equal(s.base?.name, '\\sum');
    assert.deepEqual(listOf(s.sub).map((x) => x.text), ['c', '=', '1']);
  });

  it('gives \\operatorname{softmax} as an operatorname node over mathords', () => {
    const n = one('\\operatorname{softmax}');
    assert.equal(n.type, 'operatorname');
    assert.equal(listOf(n).map((x) => x.text).join(''), 'softmax');
  });

  it('gives \\mathbf{x} as font with the braces dropped, \\mathrm{softmax} as font over an ordgroup, \\mathbb{1} as font over textord 1', () => {
    const bf = one('\\mathbf{x}');
    assert.deepEqual([bf.type, bf.font, (bf.body as RawNode).type], ['font', 'mathbf', 'mathord']);
    const rm = one('\\mathrm{softmax}');
    assert.deepEqual([rm.font, (rm.body as RawNode).type], ['mathrm', 'ordgroup']);
    const bb = one('\\mathbb{1}');
    assert.deepEqual([bb.font, (bb.body as RawNode).type, (bb.body as RawNode).text], ['mathbb', 'textord', '1']);
  });

  it('gives \\boldsymbol{\\delta} as mclass(mord) around font boldsymbol', () => {
    const n = one('\\boldsymbol{\\delta}');
    assert.deepEqual([n.type, n.mclass], ['mclass', 'mord']);
    const inner = listOf(n)[0];
    assert.deepEqual([inner.type, inner.font], ['font', 'boldsymbol']);
  });

  it('gives \\hat{y} and \\vec{o} as accent nodes with a label and base', () => {
    const n = one('\\hat{y}');
    assert.deepEqual([n.type, n.label, n.base?.text], ['accent', '\\hat', 'y']);
    assert.equal(one('\\vec{o}').label, '\\vec');
  });

  it('gives \\text{..} as a text node of located textords and spacing', () => {
    const src = '\\text{for }';
    const n = one(src);
    assert.equal(n.type, 'text');
    assert.deepEqual(listOf(n).map((x) => x.type), ['textord', 'textord', 'textord', 'spacing']);
    assert.equal(listOf(n)[0].loc?.lexer.input, src);
  });

  it('gives \\cancel as enclose and \\boxed as enclose \\fbox', () => {
    assert.deepEqual([one('\\cancel{a}').type, one('\\cancel{a}').label], ['enclose', '\\cancel']);
    assert.deepEqual([one('\\boxed{a}').type, one('\\boxed{a}').label], ['enclose', '\\fbox']);
  });

  it('gives \\left( .. \\right) as leftright with delimiters, and \\big( as delimsizing with an mclass', () => {
    const lr = one('\\left( a \\right)');
    assert.deepEqual([lr.type, lr.left, lr.right, listOf(lr).length], ['leftright', '(', ')', 1]);
    const [open, , close] = parse('\\bigl( a \\bigr)');
    assert.deepEqual([open.type, open.delim, open.mclass, close.mclass], ['delimsizing', '(', 'mopen', 'mclose']);
    assert.equal(parse('\\big( a')[0].mclass, 'mord');
  });

  it('gives spacing as kern with a dimension: \\quad 1em, \\qquad 2em, \\, 3mu', () => {
    assert.deepEqual(
      parse('\\quad\\qquad\\,').map((n) => [n.type, n.dimension?.number, n.dimension?.unit]),
      [
        ['kern', 1, 'em'],
        ['kern', 2, 'em'],
        ['kern', 3, 'mu'],
      ],
    );
  });

  it('gives \\neq and \\coloneqq as htmlmathml whose MathML holds the character', () => {
    const ne = parse('a \\neq b')[1];
    assert.equal(ne.type, 'htmlmathml');
    const text = (ns: readonly RawNode[] | undefined): string => (ns ?? []).map((x) => (x.text ?? '') + text(listOf(x))).join('');
    assert.equal(text(ne.mathml), '≠');
    assert.equal(text(parse('a \\coloneqq b')[1].mathml), '≔');
  });

  it('gives \\overset{def}{=} as mclass(mrel) over supsub(op[=], sup def)', () => {
    const n = one('\\overset{def}{=}');
    assert.deepEqual([n.type, n.mclass], ['mclass', 'mrel']);
    const ss = listOf(n)[0];
    assert.equal(ss.type, 'supsub');
    assert.equal(ss.base?.type, 'op');
    assert.equal(listOf(ss.base)[0].text, '=');
    assert.deepEqual(listOf(ss.sup).map((x) => x.text), ['d', 'e', 'f']);
  });

  it('gives aligned/gathered as array rows of cells with a colSeparationType, and a top-level \\\\ as cr', () => {
    const a = one('\\begin{aligned} a &= b \\\\ &= c \\end{aligned}');
    assert.equal(a.type, 'array');
    assert.equal(a.colSeparationType, 'align');
    const rows = a.body as readonly (readonly RawNode[])[];
    assert.deepEqual(rows.map((r) => r.length), [2, 2]);
    assert.equal(one('\\begin{gathered} a \\\\ b \\end{gathered}').colSeparationType, 'gather');
    assert.equal(parse('a \\\\ b')[1].type, 'cr');
  });

  it('locates tokens from a macro expansion in the expansion text, not in the source', () => {
    const src = 'a \\neq b';
    const r = callKatex('\\ab', { '\\ab': 'x y' });
    assert.ok(!isFailure(r));
    assert.notEqual(r[0].loc?.lexer.input, '\\ab');
    const eq = parse(src)[1].html;
    assert.ok(eq, 'html branch present');
  });

  it('reports a ParseError with a position and a length (a control word length includes the space after it)', () => {
    const r = callKatex('a = \\foo b', {});
    assert.ok(isFailure(r));
    assert.equal(r.position, 4);
    assert.equal(r.length, 5);
  });
});
