// A fake VS Code host for the webview pages: a local HTTP server that
// serves dist/webview and media/webview, and each page's real HTML (the same
// pageHtml and Content Security Policy as in VS Code) with a nonce'd prelude
// that stubs acquireVsCodeApi. Messages the page posts are validated with the
// real protocol (rejected ones logged to the console), state is kept in
// sessionStorage so hide/show and reloads can be tested.
import { buildSync } from 'esbuild';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { pageHtml } from '../../../src/webview/shared/pageHtml';
import { THEMES, type ThemeName } from './themes';

export const ROOT = resolve(__dirname, '../../..');
const SERVED = ['dist/webview', 'media/webview'];
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.map': 'application/json', '.png': 'image/png' };

/** The stub's validation: the real protocol module, bundled for the browser. */
function fakeApiScript(): string {
  const protocol = buildSync({
    stdin: { contents: "export { acceptPageMessage } from './src/webview/shared/protocol';", resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'GradcheckProtocol',
    platform: 'browser',
  }).outputFiles[0].text;
  return `${protocol}
window.__sent = [];
window.__rejected = [];
window.acquireVsCodeApi = () => ({
  postMessage(message) {
    GradcheckProtocol.acceptPageMessage(message, document.title, (m) => window.__sent.push(m), (line) => { window.__rejected.push(line); console.warn(line); });
  },
  getState() { return JSON.parse(sessionStorage.getItem('gradcheck-state') || 'null'); },
  setState(state) { sessionStorage.setItem('gradcheck-state', JSON.stringify(state)); },
});`;
}

export interface FakeHost {
  readonly origin: string;
  url(page: 'deltaFlow' | 'playground', theme: ThemeName): string;
  /** Requests the server saw, by path (to prove a blocked resource was never fetched). */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startFakeHost(): Promise<FakeHost> {
  for (const bundle of ['deltaFlow.js', 'playground.js', 'playgroundWorker.js', 'katex/katex.min.css']) {
    if (!existsSync(join(ROOT, 'dist/webview', bundle))) throw new Error(`dist/webview/${bundle} is missing: run npm run build first`);
  }
  const api = fakeApiScript();
  const requests: string[] = [];
  let origin = '';
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    requests.push(url.pathname);
    const page = /^\/(deltaFlow|playground)\.html$/.exec(url.pathname);
    if (page) {
      const name = page[1] as 'deltaFlow' | 'playground';
      const theme = THEMES[(url.searchParams.get('theme') ?? 'dark') as ThemeName] ?? THEMES.dark;
      const nonce = randomBytes(18).toString('base64url');
      const prelude = `<script nonce="${nonce}">${api}
document.body.classList.add(${JSON.stringify(theme.bodyClass)});
for (const [k, v] of Object.entries(${JSON.stringify(theme.variables)})) document.documentElement.style.setProperty(k, v);
</script>\n`;
      const html = pageHtml(
        {
          cspSource: origin,
          nonce,
          title: name,
          scriptUri: `${origin}/dist/webview/${name}.js`,
          styleUris: [`${origin}/dist/webview/katex/katex.min.css`, `${origin}/media/webview/common.css`, `${origin}/media/webview/${name}.css`],
          data: name === 'playground' ? { worker: `${origin}/dist/webview/playgroundWorker.js` } : {},
        },
        prelude,
      );
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      return;
    }
    const path = normalize(decodeURIComponent(url.pathname)).replace(/^\/+/, '');
    if (!SERVED.some((dir) => path.startsWith(dir + '/')) || !existsSync(join(ROOT, path))) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(join(ROOT, path)));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    url: (page, theme) => `${origin}/${page}.html?theme=${theme}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
