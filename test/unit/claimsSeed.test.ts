// The seed document (../shared/seed-derivation.md, a real derivation with
// OCR noise): every $$ formula is read without an exception, either into
// claims or into a located error, and split the way a reader splits it.
// The list below pins the printed claims of each formula, in order.

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { SEED_PATH } from './helpers/seed';
import { parseFormula, printClaim, printCondition, printExpr } from '../../src/core/math/claims/parse';

interface SeedPin {
  /** The formula's first characters (trimmed), to show which one this is. */
  readonly starts: string;
  readonly claims: readonly string[];
  readonly expressions?: readonly string[];
  readonly errors?: readonly string[];
  readonly continuation?: string;
}

const PINS: readonly SeedPin[] = [
  {
    starts: '\\begin{aligned} L(\\alpha, y) &= - \\sum_{',
    claims: ['L(\\alpha, y) = -sum_{c=1}^{C}([y = c] log(P(c | x)))', '-sum_{c=1}^{C}([y = c] log(P(c | x))) = -sum_{c=1}^{C}([y = c] log(exp(\\alpha_{c}) / sum_{c}(exp(\\alpha_{c}))))', '-sum_{c=1}^{C}([y = c] log(exp(\\alpha_{c}) / sum_{c}(exp(\\alpha_{c})))) = -sum_{c=1}^{C}([y = c] (\\alpha_{c} - log(sum_{c}(exp(\\alpha_{c})))))', '-sum_{c=1}^{C}([y = c] (\\alpha_{c} - log(sum_{c}(exp(\\alpha_{c}))))) = sum_{c=1}^{C}([y = c] \\alpha_{c}) + sum_{c=1}^{C}([y = c] log(sum_{c}(exp(\\alpha_{c}))))'],
  },
  {
    starts: '\\text{ma } \\sum_c I(y=c) \\alpha_c = \\alp',
    claims: ['sum_{c}([y = c] \\alpha_{c}) = \\alpha_{y}', 'sum_{c}([y = c] log(sum_{c}(exp(\\alpha_{c})))) = log(sum_{c}(exp(\\alpha_{c})))'],
  },
  {
    starts: '\\Rightarrow L(\\alpha, y) = -\\alpha_y + \\',
    claims: ['L(\\alpha, y) = (-\\alpha_{y}) + log(sum_{c=1}^{C}(exp(\\alpha_{c})))'],
  },
  {
    starts: '\\begin{aligned} \\frac{\\partial L}{\\parti',
    claims: ['grad(L, \\alpha_{a}) = grad((-\\alpha_{y}) + log(sum_{c}(exp(\\alpha_{c}))), \\alpha_{y})', 'grad((-\\alpha_{y}) + log(sum_{c}(exp(\\alpha_{c}))), \\alpha_{y}) = (-1) + ((1 / sum_{c}(exp(\\alpha_{c}))) · grad(sum_{c}(exp(\\alpha_{c})), \\alpha_{y}))'],
  },
  {
    starts: '\\frac{\\partial}{\\partial \\alpha_y} \\sum_',
    claims: ['grad(sum_{c}(exp(\\alpha_{c})), \\alpha_{y}) = exp(\\alpha_{y})'],
  },
  {
    starts: '\\frac{\\partial L}{\\partial \\alpha_y} = -',
    claims: ['grad(L, \\alpha_{y}) = (-1) + (exp(\\alpha_{y}) / sum_{c}(exp(\\alpha_{c})))', '(-1) + (exp(\\alpha_{y}) / sum_{c}(exp(\\alpha_{c}))) = p(y | x) - 1'],
  },
  {
    starts: '\\begin{aligned}\\frac{\\partial L}{\\partia',
    claims: ['grad(L, \\alpha_{a}) = grad((-\\alpha_{y}) + log(sum_{c}(exp(\\alpha_{c}))), \\alpha_{a})', 'grad((-\\alpha_{y}) + log(sum_{c}(exp(\\alpha_{c}))), \\alpha_{a}) = 0 + ((1 / sum_{c}(exp(\\alpha_{c}))) · exp(\\alpha_{a}))', '0 + ((1 / sum_{c}(exp(\\alpha_{c}))) · exp(\\alpha_{a})) = p(a | x)'],
  },
  {
    starts: '\\frac{\\partial L}{\\partial \\alpha_a} = p',
    claims: ['grad(L, \\alpha_{a}) = p(a | x) - \\Gamma(g = a) [if a ∈ 1..C]'],
  },
  {
    starts: '\\nabla_L = \\nabla_{\\alpha_L} L = P - X \\',
    claims: ['?{\\nabla_L: the gradient of what? nothing follows \\nabla_X} = grad(L, \\alpha_{L})', 'grad(L, \\alpha_{L}) = P - (X vec)'],
  },
  {
    starts: '\\delta^{l+1} = \\frac{\\partial L}{\\partia',
    claims: ['\\delta^{l + 1} = grad(L, o^{l + 1})'],
  },
  {
    starts: 'z^l = w_0^{l+1} o^l + b^{l+1} \\text{ và ',
    claims: ['z^{l} = (w^{l + 1}_{0} o^{l}) + b^{l + 1}', 'o^{l + 1} = \\sigma^{l + 1}(z^{l})'],
  },
  {
    starts: '\\frac{\\partial L}{\\partial o^l} = \\frac{',
    claims: ['grad(L, o^{l}) = grad(L, z^{l + 1}) grad(z^{l + 1}, o^{l})'],
  },
  {
    starts: '= (\\delta^{l+1} o^{l+1} \\sigma\'(z^l)) (w',
    claims: [],
    continuation: '= ((\\delta^{l + 1} o^{l + 1}) \\sigma\'(z^{l})) T(w^{l + 1})',
  },
  {
    starts: '\\text{vì } (AB)^T = B^T A^T, \\cancel{\\te',
    claims: ['T(A B) = T(B) T(A)'],
  },
  {
    starts: '\\delta^l = \\nabla_{o^l} L = (w^{l+1})^T ',
    claims: ['\\delta^{l} = grad(L, o^{l})', 'grad(L, o^{l}) = T(w^{l + 1}) ((\\delta^{l + 1} o^{l + 1}) \\sigma\'(z^{l}))'],
  },
  {
    starts: 'z^l = w_0^{l-1} o^{l-1} + b^l, o^l = o^l',
    claims: ['z^{l} = (w^{l - 1}_{0} o^{l - 1}) + b^{l}', 'o^{l} = o^{l}(z^{l})'],
  },
  {
    starts: '\\frac{\\partial L}{\\partial w_{a,b}^l} = ',
    claims: ['grad(L, w^{l}_{a,b}) = grad(L, z^{l}_{a}) grad(z^{l}_{a}, w^{l}_{a,b})'],
  },
  {
    starts: '\\text{Nhưng } z_a^l = \\sum_k w_{a,k}^l o',
    claims: ['z^{l}_{a} = sum_{k}(w^{l}_{a,k} o^{l - 1}_{k})'],
  },
  {
    starts: '\\text{Nhưng } z_a^l = \\sum_k w_{a,k}^l o',
    claims: ['z^{l}_{a} = sum_{k}(w^{l}_{a,k} o^{l - 1}_{k}) + b^{l}_{a}'],
  },
  {
    starts: '\\Rightarrow \\frac{\\partial z_a^l}{\\parti',
    claims: ['grad(z^{l}_{a}, w^{l}_{a,b}) = o^{l - 1}_{b}'],
  },
  {
    starts: '\\Rightarrow \\frac{\\partial L}{\\partial w',
    claims: ['grad(L, w^{e}_{a,b}) = pow(s_{a}, e) · o^{e - 1}_{b}'],
  },
  {
    starts: '\\frac{\\partial L}{\\partial b_a^e} = \\fra',
    claims: ['grad(L, b^{e}_{a}) = grad(L, z^{e}_{a}) grad(z^{e}_{a}, b^{e}_{a})', 'grad(L, z^{e}_{a}) grad(z^{e}_{a}, b^{e}_{a}) = pow(s_{a}, e) · 1', 'pow(s_{a}, e) · 1 = pow(s_{a}, e)'],
  },
  {
    starts: '\\nabla_w eL = s^e (\\vec{o}^{e-1})^T \\in ',
    claims: ['grad(e, w) L = pow(s, e) T(\\vec{o}^{e - 1}) [if pow(s, e) T(\\vec{o}^{e - 1}) ∈ pow(\\mathbb{R}, d_{e} × d_{e - 1})]'],
  },
  {
    starts: '\\nabla_b eL = s^e \\in \\mathbb{R}^{d_e}',
    claims: ['grad(e, b) L = pow(s, e) [if pow(s, e) ∈ pow(\\mathbb{R}, d_{e})]'],
  },
  {
    starts: 'w^e \\leftarrow w^e - \\eta s_{wL}',
    claims: ['update: w^{e} \\leftarrow w^{e} - (\\eta s_{w,L})'],
  },
  {
    starts: 'b^e \\leftarrow b^e - \\eta s_{bL}',
    claims: ['update: b^{e} \\leftarrow b^{e} - (\\eta s_{b,L})'],
  },
  {
    starts: '\\boxed{w^e \\leftarrow w^e - \\eta s^e (o^',
    claims: ['update: w^{e} \\leftarrow w^{e} - ((\\eta pow(s, e)) T(o^{e - 1}))'],
  },
  {
    starts: 'b^e \\leftarrow b^e - \\eta s^e',
    claims: ['update: b^{e} \\leftarrow b^{e} - (\\eta pow(s, e))'],
  },
];

const SEED = SEED_PATH;

function seedFormulas(): string[] {
  const text = readFileSync(SEED, 'utf8');
  return [...text.matchAll(/\$\$([\s\S]*?)\$\$/g)].map((m) => m[1]);
}

describe('the seed derivation (../shared/seed-derivation.md)', function () {
  it('reads every $$ formula without an exception, into claims, expressions or located errors', () => {
    const formulas = seedFormulas();
    assert.equal(formulas.length, PINS.length, 'number of $$ formulas');
    for (const latex of formulas) {
      const r = parseFormula(latex);
      assert.ok(r.claims.length + r.expressions.length + r.errors.length > 0 || r.continuation, `nothing read from ${latex}`);
      for (const e of r.errors) assert.ok(e.span.start >= 0 && e.span.end <= latex.length && e.span.start < e.span.end, `error located in ${latex}`);
      for (const c of r.claims) assert.ok(c.span.start >= 0 && c.span.end <= latex.length, `claim inside ${latex}`);
    }
  });

  it('splits each formula into the claims a reader sees (pinned list)', () => {
    const formulas = seedFormulas();
    formulas.forEach((latex, i) => {
      const pin = PINS[i];
      const r = parseFormula(latex);
      assert.ok(latex.trim().startsWith(pin.starts), `formula ${i} is ${latex.slice(0, 40)}`);
      assert.deepEqual(r.claims.map(printClaim), pin.claims, `claims of formula ${i}: ${latex}`);
      assert.deepEqual(r.expressions.map((e) => printExpr(e.expr)), pin.expressions ?? [], `expressions of formula ${i}`);
      assert.deepEqual(r.errors.map((e) => e.message), pin.errors ?? [], `errors of formula ${i}`);
      const cont = r.continuation ? `${r.continuation.relation} ${printExpr(r.continuation.rhs)}` : undefined;
      assert.equal(cont, pin.continuation, `continuation of formula ${i}`);
    });
  });

  it('reads the aligned derivation of the loss as a chain: each row is claimed equal to the row above', () => {
    const r = parseFormula(seedFormulas()[0]);
    assert.equal(r.claims.length, 4);
    for (let i = 1; i < r.claims.length; i++) assert.deepEqual(r.claims[i].lhs, r.claims[i - 1].rhs);
    // each claim is reported at its right-hand side: the row it is written on
    const rows = seedFormulas()[0].split('\\\\');
    let offset = 0;
    rows.forEach((row, i) => {
      const c = r.claims[i];
      assert.ok(c.rhsSpan.start >= offset && c.rhsSpan.end <= offset + row.length, `claim ${i} points at row ${i}`);
      offset += row.length + 2;
    });
  });

  it('attaches the index range a = 1, 2, ..., C to the claim instead of claiming a = 1', () => {
    const latex = seedFormulas().find((f) => f.includes('\\Gamma'))!;
    const [c] = parseFormula(latex).claims;
    assert.deepEqual(c.conditions.map(printCondition), ['a ∈ 1..C']);
    assert.equal(latex.slice(c.conditions[0].span.start, c.conditions[0].span.end), 'a=1, 2, \\dots, C');
  });

  it('drops the struck-out step and keeps the formula that continues the previous one', () => {
    const formulas = seedFormulas();
    const struck = parseFormula(formulas.find((f) => f.includes('\\cancel{\\delta'))!);
    assert.equal(struck.claims.length, 1);
    const cont = parseFormula(formulas.find((f) => f.trim().startsWith('='))!);
    assert.equal(cont.claims.length, 0);
    assert.equal(cont.continuation?.relation, '=');
  });

  it('reads the SGD lines as updates, the boxed one included', () => {
    const updates = seedFormulas()
      .map((f) => parseFormula(f))
      .flatMap((r) => r.claims)
      .filter((c) => c.kind === 'update');
    assert.equal(updates.length, 4);
  });
});
