// The extension's side of the one long-lived check worker: checks share one
// worker, only the newest waiting request per document runs, a runaway
// check stops the worker (and only then is a new one started), and worker
// failures reach the caller with the worker's stack.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { CheckCancelled, CheckFailed, CheckHost, CheckTimedOut } from '../../src/extension/checkHost';

const WORKER = join(__dirname, 'fixtures/worker/scripted.cjs');
const request = (key: string, text: string) => ({ key, text, language: 'markdown' as const });

describe('the check host', () => {
  let host: CheckHost;
  afterEach(() => host.dispose());

  it('runs every check in one worker that keeps its state', async () => {
    host = new CheckHost(WORKER);
    const first = await host.check(request('a', '0'));
    const second = await host.check(request('b', '0'));
    assert.equal(host.workersStarted, 1);
    assert.equal(second.report.seed, first.report.seed, 'the same worker thread answered');
    assert.equal(second.report.samples, 2, 'the worker counted both checks');
  });

  it('while a check runs, a newer request for the same document replaces the waiting one', async () => {
    host = new CheckHost(WORKER);
    const running = host.check(request('a', '50'));
    const superseded = host.check(request('a', '0'));
    const newest = host.check(request('a', '0'));
    await assert.rejects(superseded, CheckCancelled);
    await running;
    const result = await newest;
    assert.equal(result.report.samples, 2, 'the superseded request never reached the worker');
  });

  it('stops a runaway check with a clear error and starts a fresh worker for the next', async () => {
    // The limit counts from sending the request, a worker's start included: long enough for that.
    host = new CheckHost(WORKER, 1500);
    await assert.rejects(host.check(request('a', 'hang')), (e: unknown) => e instanceof CheckTimedOut && /longer than 2 s and was stopped/.test(e.message));
    const next = await host.check(request('a', '0'));
    assert.equal(host.workersStarted, 2);
    assert.equal(next.report.samples, 1, 'a new worker starts from nothing');
  });

  it('passes on a worker error with its stack, and survives a worker that exits', async () => {
    host = new CheckHost(WORKER);
    await assert.rejects(host.check(request('a', 'fail')), (e: unknown) => e instanceof CheckFailed && /scripted\.cjs/.test(e.workerStack ?? ''));
    await assert.rejects(host.check(request('a', 'crash')), (e: unknown) => e instanceof CheckFailed && /stopped unexpectedly/.test(e.message));
    assert.ok((await host.check(request('a', '0'))).report);
  });

  it('forgetting a document cancels its waiting check', async () => {
    host = new CheckHost(WORKER);
    const running = host.check(request('a', '30'));
    const waiting = host.check(request('b', '0'));
    host.forget('b');
    await assert.rejects(waiting, CheckCancelled);
    await running;
  });
});
