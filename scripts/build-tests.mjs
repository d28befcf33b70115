// Bundles the integration suite that runs inside the VS Code extension host:
// out/test/suite/index.js (the mocha runner VS Code loads through
// extensionTestsPath) plus one bundle per *.test.ts, which index.js discovers
// at run time — so a new suite file needs no change here or in index.ts.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const suiteDir = 'test/integration/suite';
const outdir = 'out/test/suite';
const tests = readdirSync(suiteDir).filter((f) => f.endsWith('.test.ts')).map((f) => join(suiteDir, f));

// A stale bundle of a deleted test file would otherwise still run.
rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints: [join(suiteDir, 'index.ts'), ...tests],
  outdir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'es2022',
  sourcemap: true,
  external: ['vscode'],
  // mocha is bundled so the suite loads in any extension host without
  // require(esm); the warnings are about its parallel mode, which we never use.
  logOverride: { 'require-resolve-not-external': 'silent' },
  logLevel: 'info',
});
