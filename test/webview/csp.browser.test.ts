// The pages' Content Security Policy holds in a real browser: injected
// inline scripts and external images are blocked, and a page message with a
// bad shape is rejected and logged.
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { launch, type Browser } from './helpers/browser';
import { startFakeHost, type FakeHost } from './helpers/fakeHost';

describe('webview Content Security Policy', function () {
  let browser: Browser;
  let host: FakeHost;
  let elsewhere: Server;
  let elsewhereUrl = '';
  const elsewhereRequests: string[] = [];

  before(async () => {
    host = await startFakeHost();
    browser = await launch();
    // Another origin, standing in for the network: it must never be asked for anything.
    elsewhere = createServer((request, response) => {
      elsewhereRequests.push(request.url ?? '');
      response.writeHead(200, { 'content-type': 'image/png' }).end();
    });
    await new Promise<void>((done) => elsewhere.listen(0, '127.0.0.1', done));
    elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
  });
  after(async () => {
    await browser?.close();
    await host?.close();
    await new Promise<void>((done) => elsewhere?.close(() => done()));
  });

  for (const name of ['deltaFlow', 'playground'] as const) {
    it(`${name}: blocks an injected inline script and an external image`, async () => {
      const page = await browser.newPage();
      await page.goto(host.url(name, 'dark'));
      await page.waitForFunction(() => (window as unknown as { __sent: { type: string }[] }).__sent.some((m) => m.type === 'ready'));
      const result = await page.evaluate(async (imageUrl) => {
        const violations: string[] = [];
        document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
        const script = document.createElement('script');
        script.textContent = 'window.__injected = true;';
        document.body.append(script);
        const image = new Image();
        const loaded = new Promise<string>((resolve) => {
          image.onload = () => resolve('loaded');
          image.onerror = () => resolve('blocked');
        });
        image.src = `${imageUrl}/tracker.png`;
        document.body.append(image);
        const outcome = await loaded;
        await new Promise((r) => setTimeout(r, 100));
        return { injected: (window as unknown as { __injected?: boolean }).__injected === true, image: outcome, violations };
      }, elsewhereUrl);
      assert.equal(result.injected, false, 'the inline script ran');
      assert.equal(result.image, 'blocked');
      assert.ok(result.violations.some((v) => v.startsWith('script-src-elem inline')), result.violations.join('; '));
      assert.ok(result.violations.some((v) => v.startsWith('img-src') && v.includes('/tracker.png')), result.violations.join('; '));
      assert.deepEqual(elsewhereRequests, []);
    });

    it(`${name}: a message with a bad shape from the page is rejected and logged`, async () => {
      const page = await browser.newPage();
      await page.goto(host.url(name, 'light'));
      await page.waitForFunction(() => (window as unknown as { __sent: { type: string }[] }).__sent.some((m) => m.type === 'ready'));
      const before = await page.evaluate(() => (window as unknown as { __sent: unknown[] }).__sent.length);
      await page.evaluate(() => {
        const api = (window as unknown as { acquireVsCodeApi(): { postMessage(m: unknown): void } }).acquireVsCodeApi();
        api.postMessage({ type: 'revealLines', lines: ['1; rm -rf /'] });
        api.postMessage({ type: 'openExternal', url: 'https://example.com' });
      });
      const rejected = await page.evaluate(() => (window as unknown as { __rejected: string[] }).__rejected);
      assert.equal(rejected.length, 2);
      assert.match(rejected[0], /rejected a message from the page: revealLines needs `lines`/);
      assert.match(rejected[1], /unknown message type "openExternal"/);
      assert.ok(page.consoleLines.some((l) => l.startsWith('[warning]') && l.includes('rejected a message')));
      assert.equal(await page.evaluate(() => (window as unknown as { __sent: unknown[] }).__sent.length), before);
    });
  }
});
