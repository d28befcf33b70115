// A claim that still fails once the document is read another way (UFLDL's
// layers numbered from 1, readings.ts) is diagnosed under that reading: the
// mistake is named and the correction, read the same way, holds.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument } from '../../src/core/check';
import { replaceRange, sameClaim } from './helpers/corrections';

const FILE = join(__dirname, '..', 'corpus', 'notation', 'ufldl.md');
const OPTIONS = { language: 'markdown' as const, path: 'test/corpus/notation/ufldl.md' };
const GRADIENT = '\\nabla_{W^{(l)}} J(W,b;x,y) = ';

describe('repairs under an adopted reading (UFLDL numbering from 1)', () => {
  for (const [what, wrong, kinds] of [
    ['a flipped sign', '-\\delta^{(l+1)} (a^{(l)})^T', ['sign']],
    ['a missing transpose', '\\delta^{(l+1)} (a^{(l)})', ['transpose-missing', 'outer-product-order']],
    ['a shifted layer', '\\delta^{(l)} (a^{(l)})^T', ['layer-index']],
  ] as const) {
    it(`${what} in ∇_W J is named, and its correction holds when the document is re-checked`, () => {
      const text = readFileSync(FILE, 'utf8').replace(`${GRADIENT}\\delta^{(l+1)} (a^{(l)})^T`, `${GRADIENT}${wrong}`);
      const report = checkDocument(text, OPTIONS);
      assert.ok(report.problems.some((p) => p.code === 'reading'), 'the document is no longer read with UFLDL numbering; the test needs another document');
      const claim = report.claims.find((c) => c.latex === `${GRADIENT}${wrong}`);
      assert.equal(claim?.status, 'mismatch', claim?.message);
      assert.ok((kinds as readonly string[]).includes(claim!.diagnosisKind ?? ''), `diagnosed ${claim!.diagnosisKind}: ${claim!.diagnosis}`);
      const edit = claim!.correction?.edit;
      assert.ok(edit, 'no correction offered');
      const after = sameClaim(checkDocument(replaceRange(text, edit.range, edit.replacement), OPTIONS).claims, claim!);
      assert.equal(after?.status, 'ok', after?.message);
    });
  }
});
