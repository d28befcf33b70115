// The protocol between the extension and its pages: a page is untrusted
// input, so every message it sends is checked before use.
import * as assert from 'node:assert/strict';
import { claimLayers } from '../../src/webview/shared/flowDocument';
import { contentSecurityPolicy } from '../../src/webview/shared/pageHtml';
import { acceptPageMessage, parsePageMessage } from '../../src/webview/shared/protocol';

describe('webview protocol', () => {
  it('accepts the messages pages send', () => {
    assert.deepEqual(parsePageMessage({ type: 'ready' }), { message: { type: 'ready' } });
    assert.deepEqual(parsePageMessage({ type: 'revealLines', lines: [3, 17] }), { message: { type: 'revealLines', lines: [3, 17] } });
    assert.deepEqual(parsePageMessage({ type: 'insertSpec', spec: 'input 2\n' }), { message: { type: 'insertSpec', spec: 'input 2\n' } });
  });

  for (const [what, data] of [
    ['a string', 'ready'],
    ['null', null],
    ['an array', [{ type: 'ready' }]],
    ['an unknown type', { type: 'runCommand', command: 'rm' }],
    ['line numbers that are not whole positive numbers', { type: 'revealLines', lines: [1.5, -2] }],
    ['lines that are not an array', { type: 'revealLines', lines: '3' }],
    ['a spec that is not text', { type: 'insertSpec', spec: { evil: true } }],
    ['an oversized export', { type: 'exportWeights', json: 'x'.repeat(1_000_001) }],
  ] as const) {
    it(`rejects ${what} and logs why, never calling the handler`, () => {
      const logged: string[] = [];
      let handled = false;
      const accepted = acceptPageMessage(data, 'playground', () => (handled = true), (line) => logged.push(line));
      assert.equal(accepted, false);
      assert.equal(handled, false);
      assert.equal(logged.length, 1);
      assert.match(logged[0], /^\[playground\] rejected a message from the page: /);
    });
  }

  it('allows scripts only by nonce and nothing from the network', () => {
    const csp = contentSecurityPolicy('https://res.example', 'abc');
    assert.match(csp, /^default-src 'none'/);
    assert.match(csp, /script-src 'nonce-abc'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*(?!\.)|https?:(?!\/\/res\.example)/);
  });

  it('maps a claim to the layers it names: L, a number, or every layer for a generic l', () => {
    assert.deepEqual(claimLayers('\\delta^L = o^L - y', 3), [3]);
    assert.deepEqual(claimLayers('\\frac{\\partial L}{\\partial W^{2}} = \\delta^{2} (o^{1})^T', 3), [1, 2]);
    assert.deepEqual(claimLayers('\\delta^l = ((W^{l+1})^T \\delta^{l+1}) \\odot \\sigma\'(z^l)', 3), [1, 2, 3]);
    assert.deepEqual(claimLayers('\\sigma\'(z) = \\sigma(z)(1 - \\sigma(z))', 3), []);
  });
});
