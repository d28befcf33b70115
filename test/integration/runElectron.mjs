// The standard @vscode/test-electron runner, for machines with internet
// access: it downloads VS Code (cached in .vscode-test/) and runs the same
// bundled suite as runCodeServer.mjs. It cannot work on the offline CI
// machines (no route to update.code.visualstudio.com); CI uses runCodeServer.mjs.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const resultsFile = join(root, 'test-results', 'integration-results-electron.json');
mkdirSync(dirname(resultsFile), { recursive: true });
rmSync(resultsFile, { force: true });

let exitCode = 1;
try {
  exitCode = await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out/test/suite/index.js'),
    extensionTestsEnv: { GRADCHECK_TEST_RESULTS: resultsFile },
    launchArgs: [
      join(root, 'test/integration/fixtures/workspace'),
      // Only the extension under test, and no trust prompt for the fixture folder.
      '--disable-extensions',
      '--disable-workspace-trust',
    ],
  });
} catch (err) {
  console.error(`VS Code test run failed: ${err instanceof Error ? err.message : err}`);
}

// Desktop VS Code does report failures through its exit code, but the results
// file is checked too, so both runners fail on the same conditions.
let results;
try {
  results = JSON.parse(readFileSync(resultsFile, 'utf8'));
} catch {
  console.error(`No results file at ${resultsFile}.`);
}
const failed = results ? results.failures.length + (results.error ? 1 : 0) : 1;
const passed = results ? results.passes.length : 0;
console.log(`${passed} passed, ${failed} failed`);
process.exit(exitCode === 0 && failed === 0 && passed > 0 ? 0 : 1);
