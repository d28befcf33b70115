// The layering rules of src/: the core never imports vscode, code outside a
// core folder reaches it only through the folder's index.ts, and the core has
// no runtime import cycles. A failure names the file and the import to change.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const src = join(root, 'src');

interface Import {
  readonly from: string;
  readonly specifier: string;
  /** Absolute path of the imported file, for relative imports. */
  readonly target?: string;
  readonly typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveRelative(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base].find((p) => existsSync(p) && statSync(p).isFile());
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const found: Import[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const specifier = m[3];
    found.push({ from: file, specifier, typeOnly: Boolean(m[2]), target: specifier.startsWith('.') ? resolveRelative(file, specifier) : undefined });
  }
  return found;
}

const rel = (p: string) => relative(root, p);
/** `src/core/check/evaluate.ts` → `check`; files directly in src/core (source.ts) have no folder. */
function coreFolder(path: string): string | undefined {
  const parts = relative(join(src, 'core'), path).split('/');
  return parts.length > 1 && !parts[0].startsWith('..') ? parts[0] : undefined;
}

const files = sourceFiles(src);
const imports = files.flatMap(importsOf);

describe('architecture: how src/ is layered', () => {
  it('every relative import resolves to a file (the scan itself works)', () => {
    const unresolved = imports.filter((i) => i.specifier.startsWith('.') && !i.target).map((i) => `${rel(i.from)}: '${i.specifier}'`);
    assert.deepEqual(unresolved, []);
    assert.ok(imports.length > 100, `only ${imports.length} imports found: the scanner is broken`);
  });

  it('the core (src/core) never imports vscode, so it runs in Node, a worker, the CLI and the browser', () => {
    const offenders = imports.filter((i) => coreFolder(i.from) !== undefined || rel(i.from).startsWith('src/core/')).filter((i) => i.specifier === 'vscode');
    assert.deepEqual(offenders.map((i) => rel(i.from)), []);
  });

  it('code outside a core folder imports it only through its index.ts', () => {
    const offenders = imports
      .filter((i) => i.target && coreFolder(i.target) !== undefined && coreFolder(i.target) !== coreFolder(i.from))
      .filter((i) => rel(i.target!) !== `src/core/${coreFolder(i.target!)}/index.ts`)
      .map((i) => `${rel(i.from)} imports '${i.specifier}' — import '${coreFolder(i.target!)}' through src/core/${coreFolder(i.target!)}/index.ts instead`);
    assert.deepEqual(offenders, []);
  });

  it('the core has no runtime import cycles (type-only imports aside)', () => {
    const coreFiles = files.filter((f) => rel(f).startsWith('src/core/'));
    const edges = new Map(coreFiles.map((f) => [f, imports.filter((i) => i.from === f && !i.typeOnly && i.target).map((i) => i.target!)]));
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(f)), f].map(rel).join(' → '));
        return;
      }
      state.set(f, 'visiting');
      for (const t of edges.get(f) ?? []) visit(t, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of coreFiles) visit(f, []);
    assert.deepEqual(cycles, []);
  });
});
