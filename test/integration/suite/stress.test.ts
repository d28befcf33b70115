// The editor under stress, in the real extension host: typing fast in a
// 2,000-formula document, memory over many re-checks, and a crashing check
// worker. Each test prints its figures (they appear under it in the runner
// output). The bounds are correctness bounds — the host never blocks for
// long, memory does not grow without bound — not speed benchmarks.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as vscode from 'vscode';
import { largeDerivation } from '../../fuzz/largeDocument';
import { api, checkGradients, closeActive, FIXTURES, gradcheckDiagnostics, openCopy, openText, printFigures, ROOT, waitFor } from './helpers';

const MB = 1024 * 1024;
const mb = (bytes: number) => (bytes / MB).toFixed(1);
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The host's heap after a full collection (the extension host is not started with --expose-gc: exposed on demand). */
function hostHeapUsed(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

/** Records the longest gap between ticks of a 10 ms timer: how long the host's event loop was blocked at most. */
function blockProbe(): { stop(): number } {
  let last = Date.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = Date.now();
    longest = Math.max(longest, now - last - 10);
    last = now;
  }, 10);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(longest, Date.now() - last - 10);
    },
  };
}

const endOf = (document: vscode.TextDocument) => document.lineAt(document.lineCount - 1).range.end;

describe('the editor under stress', () => {
  afterEach(closeActive);

  it('typing 100 characters one edit at a time, with no check-on-type delay, in a 2,000-formula document never blocks the host for 1 s, queues at most one check, and the last check reports the claim typed last', async function () {
    this.timeout(180_000);
    const gradcheck = await api();
    const editor = await openText(largeDerivation(2000));
    const { document } = editor;
    const first = await checkGradients(document);
    assert.equal(first?.summary?.ok !== undefined, true, 'the first check of the large document gave no summary');
    assert.equal(gradcheck.report(document.uri)?.claims.length, 2000);

    // A claim that does not hold (2δ^l for δ^l), typed after a line of prose: 100 characters.
    const typed = '\n\nOne more step, by the same rule so:\n\n$$\\frac{\\partial L}{\\partial b^{l}} = 2 \\delta^{l}$$ (wrong)\n';
    assert.equal(typed.length, 100);
    // No debounce: every keystroke asks for a check, so the queue is what keeps the worker from falling behind.
    const settings = vscode.workspace.getConfiguration('gradcheck');
    await settings.update('checkOnTypeDelay', 0, vscode.ConfigurationTarget.Global);
    const checksBefore = gradcheck.checksAnswered();
    let mostWaiting = 0;
    const probe = blockProbe();
    const waitingProbe = setInterval(() => (mostWaiting = Math.max(mostWaiting, gradcheck.waitingChecks())), 5);
    try {
      for (const char of typed) {
        assert.ok(await editor.edit((edit) => edit.insert(endOf(document), char)), 'an edit was refused');
        mostWaiting = Math.max(mostWaiting, gradcheck.waitingChecks());
      }
      const typedLine = document.lineCount - 2; // the claim; the text ends with a newline
      assert.ok(document.lineAt(typedLine).text.startsWith('$$\\frac'), `line ${typedLine + 1} is not the typed claim: ${document.lineAt(typedLine).text}`);
      const report = await waitFor(
        'a report of the final text, with the claim typed last',
        () => {
          const r = gradcheck.report(document.uri);
          return r && r.claims.length === 2001 && r.claims.some((c) => c.range.start.line === typedLine) && !gradcheck.isChecking(document.uri) && r;
        },
        120_000,
      );
      const longestBlockMs = probe.stop();
      clearInterval(waitingProbe);
      const checksRun = gradcheck.checksAnswered() - checksBefore;
      printFigures(`longest host event-loop block while typing ${typed.length} characters: ${longestBlockMs} ms; checks run: ${checksRun}; most checks waiting at once: ${mostWaiting}`);

      const claim = report.claims.find((c) => c.range.start.line === typedLine)!;
      assert.equal(claim.status, 'mismatch', `the typed claim 2δ^l was reported ${claim.status}`);
      const diagnostics = gradcheckDiagnostics(document.uri).filter((d) => d.range.start.line === typedLine);
      assert.equal(diagnostics.length, 1, 'no diagnostic (or more than one) on the claim typed last');
      assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Error);
      assert.ok(mostWaiting <= 1, `${mostWaiting} checks waited at once for one document`);
      assert.ok(checksRun >= 1 && checksRun <= typed.length, `${checksRun} checks ran for ${typed.length} edits`);
      assert.ok(longestBlockMs < 1000, `the extension host was blocked for ${longestBlockMs} ms while typing`);
    } finally {
      probe.stop();
      clearInterval(waitingProbe);
      await settings.update('checkOnTypeDelay', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  const RECHECKS = 1000;
  it(`the host's and the worker's heaps grow by less than 50 MB over ${RECHECKS} re-checks of nielsen-bp.md, edited between checks`, async function () {
    this.timeout(240_000);
    const gradcheck = await api();
    const editor = await openCopy(path.join(ROOT, 'examples/nielsen-bp.md'));
    const { document } = editor;
    await checkGradients(document);
    const host: number[] = [];
    const worker: number[] = [];
    const started = Date.now();
    for (let n = 1; n <= RECHECKS; n++) {
      // Alternately add and remove a trailing space, so each check sees new text.
      const ok = await editor.edit((edit) => (n % 2 ? edit.insert(endOf(document), ' ') : edit.delete(new vscode.Range(endOf(document).translate(0, -1), endOf(document)))));
      assert.ok(ok, 'an edit was refused');
      await gradcheck.recheck(document);
      // Samples every 50 checks once warm (after 100).
      if (n >= 100 && n % 50 === 0) {
        host.push(hostHeapUsed());
        worker.push(await gradcheck.workerHeapUsed());
      }
    }
    const seconds = (Date.now() - started) / 1000;
    assert.ok(gradcheck.report(document.uri)?.claims.length, 'the last re-check left no report');
    // Medians of the first and last four samples: one collection's noise does not decide.
    const hostGrowth = median(host.slice(-4)) - median(host.slice(0, 4));
    const workerGrowth = median(worker.slice(-4)) - median(worker.slice(0, 4));
    printFigures(`${RECHECKS} re-checks in ${seconds.toFixed(1)} s; heap growth from check 100 to ${RECHECKS}: host ${mb(hostGrowth)} MB (${mb(host[0])} → ${mb(host.at(-1)!)} MB), worker ${mb(workerGrowth)} MB (${mb(worker[0])} → ${mb(worker.at(-1)!)} MB)`);
    assert.ok(hostGrowth < 50 * MB, `the extension host's heap grew by ${mb(hostGrowth)} MB`);
    assert.ok(workerGrowth < 50 * MB, `the check worker's heap grew by ${mb(workerGrowth)} MB`);
  });

  it('a check worker that crashes mid-check is restarted: the failure is shown once, naming the document, and the next check succeeds', async function () {
    this.timeout(60_000);
    const gradcheck = await api();
    const document = await vscode.workspace.openTextDocument(path.join(FIXTURES, 'derivation.md'));
    await vscode.window.showTextDocument(document);
    const before = await checkGradients(document);
    assert.ok(before?.summary, 'the check before the crash failed');
    const workers = gradcheck.workersStarted();
    const failures = gradcheck.failuresShown().length;

    gradcheck.crashWorkerOnNextCheck();
    const crashed = (await checkGradients(document)) as { message?: string; summary?: unknown } | undefined;
    assert.equal(crashed?.summary, undefined, 'the check during the crash reported a summary');
    // A background check (typing, saving) must not show it again: give one a chance to run.
    await new Promise((r) => setTimeout(r, 1000));
    const shown = gradcheck.failuresShown().slice(failures);
    printFigures(`failure shown: ${shown.join(' | ')}`);
    assert.equal(shown.length, 1, `the crash was shown ${shown.length} times`);
    assert.match(shown[0], /derivation\.md/, 'the failure does not name the document');
    assert.match(shown[0], /stopped unexpectedly/);

    const after = await checkGradients(document);
    assert.deepEqual(after?.summary, before.summary, 'the check after the crash did not give the same verdicts');
    assert.equal(gradcheck.workersStarted(), workers + 1, 'the worker was not restarted exactly once');
    assert.equal(gradcheck.failuresShown().length, failures + 1, 'the failure was shown again after the restart');
  });
});
