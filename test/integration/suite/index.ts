// The mocha runner VS Code calls inside the extension host (extensionTestsPath).
// The extension host exits 0 even when run() rejects, so the harness cannot
// trust exit codes: run() always writes a JSON results file, also when the
// suite fails to load, and the harness reads that file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface TestResult {
  readonly title: string;
  readonly fullTitle: string;
  readonly file?: string;
  readonly durationMs?: number;
  readonly error?: { readonly message: string; readonly stack?: string };
  /** What the test printed with console.log (e.g. the stress tests' figures): the harness shows it under the test. */
  readonly output?: readonly string[];
}

export interface SuiteResults {
  passes: TestResult[];
  failures: TestResult[];
  pending: TestResult[];
  /** Set when the suite could not run at all (load error, crash). */
  error?: string;
  startedAt: string;
  finishedAt?: string;
}

/** The harness chooses the path; the fallback keeps a manual run inspectable. */
function resultsPath(): string {
  return process.env.GRADCHECK_TEST_RESULTS ?? path.resolve(__dirname, '../../../test-results/integration-results.json');
}

function describeTest(test: Mocha.Runnable, err?: unknown, output?: readonly string[]): TestResult {
  const error =
    err === undefined
      ? undefined
      : err instanceof Error
        ? { message: err.message, stack: err.stack }
        : { message: String(err) };
  return { title: test.title, fullTitle: test.fullTitle(), file: test.file, durationMs: test.duration, error, output: output?.length ? output : undefined };
}

function runMocha(results: SuiteResults): Promise<number> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  // Each *.test.ts is bundled on its own, so new suites are picked up here.
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  if (files.length === 0) throw new Error(`no *.test.js files in ${__dirname}`);
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  // What a test prints with printFigures (helpers.ts) is kept with its result. The test bundles are
  // separate from this one, so they share it through a global; console.log cannot be wrapped in the host.
  const printed = ((globalThis as { gradcheckTestOutput?: string[] }).gradcheckTestOutput = []);
  const taken = () => printed.splice(0);
  return new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('test', () => printed.splice(0));
    runner.prependListener('pass', (t) => results.passes.push(describeTest(t, undefined, taken())));
    // 'fail' also fires for failing hooks, which must count as failures.
    runner.prependListener('fail', (t, err) => results.failures.push(describeTest(t, err, taken())));
    runner.on('pending', (t) => results.pending.push(describeTest(t)));
  });
}

export async function run(): Promise<void> {
  const results: SuiteResults = { passes: [], failures: [], pending: [], startedAt: new Date().toISOString() };
  try {
    await runMocha(results);
  } catch (err) {
    results.error = err instanceof Error ? (err.stack ?? err.message) : String(err);
  } finally {
    results.finishedAt = new Date().toISOString();
    const file = resultsPath();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Write then rename, so the harness never reads a half-written file.
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(results, null, 2));
    fs.renameSync(`${file}.tmp`, file);
  }
  if (results.error !== undefined) throw new Error(results.error);
  if (results.failures.length > 0) throw new Error(`${results.failures.length} integration test(s) failed`);
}
