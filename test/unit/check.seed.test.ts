// The document that started the project (../shared/seed-derivation.md): a
// real derivation with OCR noise and genuine mistakes. The checker must run
// on it, explain every line it cannot check, and find the sign slip in the
// rewriting of L once α is declared.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkDocument } from '../../src/core/check';
import { SEED_PATH } from './helpers/seed';

const SEED = SEED_PATH;

describe('checking the seed derivation', function () {
  it('runs without an exception and reports every claim with a verdict', () => {
    const report = checkDocument(readFileSync(SEED, 'utf8'), { language: 'markdown', path: SEED });
    assert.ok(report.claims.length >= 40, `${report.claims.length} claims`);
    assert.equal(report.network?.source, 'default');
    const s = report.summary;
    assert.equal(s.ok + s.mismatch + s.unchecked + s.definition, report.claims.length);
  });

  it('says for each unchecked line which symbol or construct stopped it', () => {
    const report = checkDocument(readFileSync(SEED, 'utf8'), { language: 'markdown', path: SEED });
    const unchecked = report.claims.filter((c) => c.status === 'unchecked');
    assert.ok(unchecked.length > 0);
    for (const c of unchecked) {
      assert.match(c.message, /^not checked: (unknown symbol \S+|.+ is not supported|.+ needs a layer|.+Jacobian|.+: .+)/, `${c.latex}: ${c.message}`);
      assert.ok(c.focusRange.start.line >= c.range.start.line, 'the reason points inside the claim');
    }
    // Without a declaration, α (the logits) is what stops the softmax part.
    assert.ok(unchecked.some((c) => c.message.startsWith('not checked: unknown symbol α') && c.symbol === '\\alpha'));
  });

  it('flags δ^{l+1} = ∂L/∂o^{l+1} against the default convention and offers to treat it as a definition', () => {
    const report = checkDocument(readFileSync(SEED, 'utf8'), { language: 'markdown', path: SEED });
    const delta = report.claims.find((c) => c.latex.startsWith('\\delta^{l+1} = \\frac{\\partial L}{\\partial o^{l+1}}'))!;
    assert.equal(delta.status, 'mismatch');
    assert.equal(delta.code, 'convention-conflict');
    assert.match(delta.message, /make this line a definition with :=/);
  });

  it('with `let \\alpha = z^{L}` declared, reports the dropped minus sign in the rewriting of L as a mismatch and the other rows as ok', () => {
    const declared = '```mlp\nlet \\alpha = z^{L}\n```\n\n' + readFileSync(SEED, 'utf8');
    const report = checkDocument(declared, { language: 'markdown', path: 'seed-with-spec.md' });
    const chain = report.claims.filter((c) => c.rhsRange.start.line === report.claims.find((x) => x.latex.startsWith('L(\\alpha, y) = - \\sum'))!.rhsRange.start.line);
    assert.deepEqual(
      chain.map((c) => c.status),
      ['ok', 'ok', 'ok', 'mismatch'],
      chain.map((c) => `${c.latex}: ${c.message}`).join('\n'),
    );
    assert.match(chain[3].latex, /= \\sum_\{c=1\}\^C I\(y=c\) \\alpha_c \+/);
    // The compact form that follows is right again.
    const compact = report.claims.find((c) => c.latex.startsWith('L(\\alpha, y) = -\\alpha_y'))!;
    assert.equal(compact.status, 'ok');
  });

  it('lets the document\'s own δ stand once the author writes := (δ^{l+1} := ∂L/∂o^{l+1}), so δ^l = ∇_{o^l} L then holds', () => {
    const confirmed = readFileSync(SEED, 'utf8').replace('\\delta^{l+1} = \\frac{\\partial L}{\\partial o^{l+1}}', '\\delta^{l+1} := \\frac{\\partial L}{\\partial o^{l+1}}');
    assert.notEqual(confirmed, readFileSync(SEED, 'utf8'), 'the definition line was found');
    const report = checkDocument(confirmed, { language: 'markdown', path: 'seed-confirmed.md' });
    const definition = report.claims.find((c) => c.latex.startsWith('\\delta^{l+1} :='))!;
    assert.equal(definition.status, 'definition');
    const recursion = report.claims.find((c) => c.latex === '\\delta^l = \\nabla_{o^l} L')!;
    assert.equal(recursion.status, 'ok', recursion.message);
    assert.ok(recursion.bindings.some((b) => b.symbol === '\\delta' && /definition on line \d+/.test(b.boundBy)));
  });
});
