// Debian's Chromium through playwright-core (TESTING.md's flags), one
// throwaway profile per run; screenshots go to test-results/.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ROOT, startFakeHost, type FakeHost } from './fakeHost';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'test-results');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Browser {
  readonly context: BrowserContext;
  newPage(): Promise<Page & { consoleLines: string[] }>;
  close(): Promise<void>;
}

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing; the webview tests need Debian's Chromium. As root, run:\n  apt-get update && apt-get install -y chromium`);
  const profile = mkdtempSync(join(tmpdir(), 'gradcheck-webview-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 } });
  return {
    context,
    newPage: async () => {
      const page = (await context.newPage()) as Page & { consoleLines: string[] };
      page.consoleLines = [];
      page.on('console', (m) => page.consoleLines.push(`[${m.type()}] ${m.text()}`));
      page.on('pageerror', (e) => page.consoleLines.push(`[pageerror] ${e.message}`));
      return page;
    },
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** A fake host and a browser for one mocha suite, started before it and closed after it. */
export function useFakeHostAndBrowser(): { readonly browser: Browser; readonly host: FakeHost } {
  const shared = {} as { browser: Browser; host: FakeHost };
  before(async () => {
    shared.host = await startFakeHost();
    shared.browser = await launch();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.host?.close();
  });
  return shared;
}
