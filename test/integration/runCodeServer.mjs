// Runs the integration suite (out/test/suite) inside a real VS Code extension
// host on this offline machine: code-server serves the workbench, Chromium
// opens it with our extension as a development extension plus the test
// runner, and the suite writes its results to a file we read here — the
// extension host exits 0 even when tests fail, so that file is the only
// trustworthy signal. Exit code: 0 only when every test passed.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEV_EXTENSION_ARGS, ensureCodeServer, findLogs, launchChromium, log, makeScratch, preflight, runHarness, startCodeServer, tail, workbenchUrl,
} from '../harness/codeServer.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const testsPath = join(root, 'out/test/suite/index.js');
const workspace = join(root, 'test/integration/fixtures/workspace');
const artifacts = join(root, 'test-results');
const timeoutMs = Number(process.env.GRADCHECK_TEST_TIMEOUT_MS ?? 180_000);

async function waitForResults(file, server) {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (server.child.exitCode !== null) throw new Error(`code-server exited (code ${server.child.exitCode}) before the suite reported`);
    if (Date.now() > deadline) throw new Error(`no test results after ${timeoutMs / 1000} s (expected ${file})`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

function printSummary(results) {
  const ms = (t) => (t.durationMs ? ` (${t.durationMs} ms)` : '');
  console.log('');
  for (const t of results.passes) {
    console.log(`  ✔ ${t.fullTitle}${ms(t)}`);
    // What the test printed (the stress tests' figures).
    for (const line of t.output ?? []) console.log(`      ${line}`);
  }
  for (const t of results.pending) console.log(`  - ${t.fullTitle} (pending)`);
  results.failures.forEach((t, i) => console.log(`  ${i + 1}) ${t.fullTitle}`));
  if (results.error) console.log(`\n  The suite did not run:\n${indent(results.error)}`);
  results.failures.forEach((t, i) => {
    console.log(`\n  ${i + 1}) ${t.fullTitle}${t.file ? `\n     ${t.file}` : ''}`);
    console.log(indent(t.error?.stack ?? t.error?.message ?? '(no error message)'));
    for (const line of t.output ?? []) console.log(`     ${line}`);
  });
  console.log('');
}

const indent = (text, by = '     ') => text.split('\n').map((l) => by + l).join('\n');

function dumpDiagnostics(consoleLines, server) {
  console.error('\n--- browser console (last 80 lines) ---');
  console.error(consoleLines.slice(-80).join('\n') || '(empty)');
  if (!server) return;
  console.error(`\n--- code-server log tail (${server.logFile}) ---`);
  console.error(tail(server.logFile) || '(empty)');
  for (const file of findLogs(join(server.userDataDir, 'logs'), /exthost\.log$/).slice(-1)) {
    console.error(`\n--- extension host log tail (${file}) ---`);
    console.error(tail(file));
  }
}

async function main(cleanups) {
  if (!existsSync(testsPath)) throw new Error(`${testsPath} is missing: run node scripts/build-tests.mjs first`);
  preflight();
  const install = ensureCodeServer();

  const scratch = makeScratch('gradcheck-integration-');
  const resultsFile = join(scratch, 'results.json');
  const consoleLines = [];
  let server;
  let passed = false;
  cleanups.push(async () => {
    // Keep the logs of a failed run for inspection.
    if (passed) rmSync(scratch, { recursive: true, force: true });
    else log(`state and logs kept in ${scratch}`);
  });

  try {
    server = await startCodeServer({ install, scratch, env: { GRADCHECK_TEST_RESULTS: resultsFile }, args: DEV_EXTENSION_ARGS });
    cleanups.push(server.stop);
    log(`code-server ${server.baseUrl}`);
    const browser = await launchChromium({ scratch });
    cleanups.push(browser.close);
    const { page } = browser;
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));

    const started = Date.now();
    await page.goto(workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: root, extensionTestsPath: testsPath }));
    let results;
    try {
      results = await waitForResults(resultsFile, server);
    } finally {
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, 'integration-workbench.png') })
        .catch((e) => log(`screenshot failed: ${e.message}`));
    }
    log(`suite finished ${Math.round((Date.now() - started) / 100) / 10} s after opening the workbench`);

    const failed = results.failures.length + (results.error ? 1 : 0);
    passed = failed === 0 && results.passes.length > 0;
    // Diagnostics first, so the failures end up next to the final count.
    if (!passed) dumpDiagnostics(consoleLines, server);
    printSummary(results);
    if (failed === 0 && results.passes.length === 0) console.error('No test passed: an empty suite is a failure.');
    console.log(`${results.passes.length} passed, ${failed || (passed ? 0 : 1)} failed`);
  } catch (err) {
    console.error(`\nIntegration harness failed: ${err.message}`);
    dumpDiagnostics(consoleLines, server);
    // The run as a whole counts as one failure, so the summary line is always there.
    console.log('0 passed, 1 failed');
  }
  return passed;
}

// Preflight and install errors: nothing was started, the message says what to do.
await runHarness('Integration harness', main);
