// The security properties of SECURITY.md, one test each: document text is
// never executed (mathjs sees only trees the product builds, and its
// dangerous functions are gone), no part of the product touches the network,
// no eval or dynamic require, `mlp:` references stay inside the workspace,
// and the manifest declares how untrusted and virtual workspaces are served.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as esbuild from 'esbuild';
import { contentSecurityPolicy } from '../../src/webview/shared/pageHtml';
import type { MathNode } from 'mathjs';
import { checkDocument } from '../../src/core/check';
import { Environment } from '../../src/core/check/conventions';
import { compileClaim } from '../../src/core/check/evaluate';
import { math } from '../../src/core/check/functions';
import { parseFormula } from '../../src/core/math';
import { workspaceReader } from '../../src/node/workspaceFiles';

const ROOT = join(__dirname, '..', '..');

/** Names that would run or change something if document text ever reached mathjs or JavaScript by name. */
const DANGEROUS = ['import', 'evaluate', 'parse', 'compile', 'createUnit', 'simplify', 'derivative', 'config', 'create', 'reviver', 'chain', 'typed', 'constructor', '__proto__', 'process', 'require', 'eval', 'Function', 'toString'];
const SPELLINGS = (name: string) => [`\\operatorname{${name}}(x)`, `\\mathrm{${name}}(1)`, `\\text{${name}}(1)`, `\\mathit{${name}}`];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('security', function () {
  this.timeout(60000);

  describe('document text is never executed', () => {
    it('mathjs names written in a document are unknown symbols, never called', () => {
      const calls: string[] = [];
      const instance = math as unknown as Record<string, unknown>;
      const saved = DANGEROUS.map((name) => [name, instance[name]] as const);
      for (const [name] of saved) instance[name] = () => calls.push(name);
      try {
        for (const name of DANGEROUS) {
          for (const spelling of SPELLINGS(name)) {
            const report = checkDocument(`$$ L = ${spelling} $$\n\n$$ L = 1 + ${spelling} $$\n`, { language: 'markdown' });
            for (const claim of report.claims) assert.notEqual(claim.status, 'ok', `${spelling}: ${claim.message}`);
          }
          const viaLet = checkDocument(`\`\`\`mlp\nlet \\alpha = \\operatorname{${name}}(1)\n\`\`\`\n\n$$ L = \\alpha $$\n`, { language: 'markdown' });
          assert.notEqual(viaLet.claims[0]?.status, 'ok');
        }
      } finally {
        for (const [name, fn] of saved) instance[name] = fn;
      }
      assert.deepEqual(calls, []);
    });

    it('a compiled claim names only the product\'s functions and prefixed variables, whatever the document wrote', () => {
      const allowedFunctions = /^gc_\w+$/;
      const allowedVariables = /^(ctx|[ilr]_\w+)$/;
      let compiledClaims = 0;
      for (const name of DANGEROUS) {
        for (const latex of [`\\sum_{${name[0]}=1}^{3} ${name[0]} = 6`, `\\operatorname{${name}}(x) = x`, `x^{\\mathrm{${name}}} = x`]) {
          for (const claim of parseFormula(latex).claims) {
            let compiled: ReturnType<typeof compileClaim>['compiled'];
            try {
              compiled = compileClaim(claim, new Environment()).compiled;
            } catch {
              continue; // refused while lowering: nothing reaches mathjs
            }
            compiledClaims++;
            for (const node of [compiled.lhs, compiled.rhs, ...compiled.conditions]) {
              node.traverse((n: MathNode, path: string) => {
                if (n.type !== 'SymbolNode') return;
                const symbol = (n as unknown as { name: string }).name;
                assert.match(symbol, path === 'fn' ? allowedFunctions : allowedVariables, `${latex} lowered to a node naming ${symbol}`);
              });
            }
          }
        }
      }
      assert.ok(compiledClaims >= DANGEROUS.length, `only ${compiledClaims} claims compiled: the test would prove nothing`);
    });

    it('the mathjs instance can neither parse strings nor import, create units or be reconfigured', () => {
      const instance = math as unknown as Record<string, (...args: unknown[]) => unknown>;
      for (const name of ['import', 'evaluate', 'parse', 'compile', 'createUnit', 'simplify', 'derivative', 'config', 'create', 'chain', 'reviver', 'resolve']) {
        assert.throws(() => instance[name]({ x: 1 }, 'x'), new RegExp(`${name} is disabled`), name);
      }
    });

    it('no source file uses eval, new Function, or a require/import whose module is not a literal', () => {
      const offenders: string[] = [];
      for (const file of sourceFiles(join(ROOT, 'src'))) {
        const text = readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '');
        const patterns: [RegExp, string][] = [
          [/(^|[^.\w])eval\s*\(/, 'eval('],
          [/\bnew\s+Function\s*\(/, 'new Function('],
          [/(^|[^.\w])Function\s*\(/, 'Function('],
          [/(^|[^.\w])require\s*\(\s*[^'"\s)]/, 'require of a computed name'],
          [/(^|[^.\w])import\s*\(\s*[^'"\s)]/, 'import() of a computed name'],
        ];
        for (const [pattern, what] of patterns) if (pattern.test(text)) offenders.push(`${relative(ROOT, file)}: ${what}`);
      }
      assert.deepEqual(offenders, []);
    });
  });

  describe('no network access from any part', () => {
    const NETWORK_MODULES = /\b(?:require\s*\(\s*|from\s+|import\s*\(\s*)['"](?:node:)?(?:http|https|http2|net|tls|dgram|dns|undici|ws)['"]/;
    const NETWORK_GLOBALS = /(^|[^.\w$])(?:fetch\s*\((?!\)\s*\{)|XMLHttpRequest|WebSocket|EventSource)|sendBeacon/;

    // The one fetch allowed: the playground page reads its own Web Worker bundle
    // from the extension's files (a webview can only start a worker from a blob).
    // The page's CSP confines connect-src to the extension's own resources; the
    // test below pins that, so this fetch can reach nothing else.
    const OWN_WORKER_FETCH = { source: 'src/webview/playground.ts', bundle: 'playground.js', pattern: /fetch\(source\)/g };
    const withoutOwnWorkerFetch = (name: string, text: string, own: string) => (name === own ? text.replace(OWN_WORKER_FETCH.pattern, '') : text);

    it('the webview pages may connect only to the extension\'s own files (CSP connect-src)', () => {
      const csp = contentSecurityPolicy('vscode-resource:', 'n0nce');
      assert.match(csp, /(^|; )connect-src vscode-resource:(;|$)/);
      assert.match(csp, /(^|; )default-src 'none'(;|$)/);
    });

    it('no source file imports a network module or calls a network API', () => {
      const offenders = sourceFiles(join(ROOT, 'src')).filter((file) => {
        const text = withoutOwnWorkerFetch(relative(ROOT, file), readFileSync(file, 'utf8').replace(/\/\/.*$/gm, ''), OWN_WORKER_FETCH.source);
        return NETWORK_MODULES.test(text) || NETWORK_GLOBALS.test(text);
      });
      assert.deepEqual(offenders.map((f) => relative(ROOT, f)), []);
    });

    it('no bundle (extension, worker, CLI, webviews), dependencies included, does either', async () => {
      const entries = ['src/extension/main.ts', 'src/cli/main.ts', 'src/worker/checkWorker.ts'];
      const webviews = join(ROOT, 'src', 'webview');
      let webviewEntries: string[] = [];
      try {
        webviewEntries = readdirSync(webviews).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts')).map((f) => `src/webview/${f}`);
      } catch {
        // no webviews on this branch
      }
      const build = async (entryPoints: string[], platform: 'node' | 'browser') =>
        esbuild.build({ absWorkingDir: ROOT, entryPoints, bundle: true, write: false, outdir: 'out', platform, format: platform === 'node' ? 'cjs' : 'iife', external: ['vscode'], logLevel: 'silent' });
      const results = [await build(entries, 'node'), ...(webviewEntries.length ? [await build(webviewEntries, 'browser')] : [])];
      const bundles = results.flatMap((r) => r.outputFiles);
      assert.ok(bundles.length >= entries.length);
      for (const bundle of bundles) {
        const text = withoutOwnWorkerFetch(bundle.path.split('/').pop() ?? '', bundle.text, OWN_WORKER_FETCH.bundle);
        const hit = NETWORK_MODULES.exec(text) ?? NETWORK_GLOBALS.exec(text);
        assert.equal(hit, null, `${relative(ROOT, bundle.path)}: ${hit?.[0]}`);
      }
    });
  });

  describe('mlp: references stay inside the workspace', () => {
    const reads: string[] = [];
    const readFile = (path: string) => {
      reads.push(path);
      return 'input 2\ndense 2 softmax\n';
    };
    const check = (reference: string, path = '/work/space/notes/derivation.md', root = '/work/space') =>
      checkDocument(`Intro\n\n\`\`\`mlp\nmlp: ${reference}\n\`\`\`\n\n$$ L = 1 $$\n`, { language: 'markdown', path, root, readFile });

    beforeEach(() => (reads.length = 0));

    it('a path that climbs out of the workspace is refused at its line, unread', () => {
      const report = check('../../../../etc/passwd');
      const p = report.problems.find((x) => x.code === 'outside-workspace')!;
      assert.equal(p.message, "'../../../../etc/passwd' is outside the workspace (it resolves to /etc/passwd): a spec may reference files only inside the workspace folder");
      assert.deepEqual([p.range.start.line, p.range.start.column], [3, 5], 'the path after mlp:');
      assert.deepEqual(reads, []);
      assert.equal(report.network, undefined);
    });

    it('an absolute path elsewhere is refused, one inside the workspace is read', () => {
      assert.ok(check('/etc/passwd').problems.some((x) => x.code === 'outside-workspace'));
      assert.deepEqual(reads, []);
      assert.deepEqual(check('../nets/net.mlp').problems, []);
      assert.deepEqual(reads, ['/work/space/nets/net.mlp']);
    });

    it('the same holds for Windows paths and URIs (virtual workspaces)', () => {
      assert.ok(check('..\\..\\..\\secret.mlp', 'C:\\work\\space\\notes\\d.md', 'C:\\work\\space').problems.some((x) => x.code === 'outside-workspace'));
      assert.deepEqual(check('..\\nets\\net.mlp', 'C:\\work\\space\\notes\\d.md', 'C:\\Work\\Space').problems, [], 'drive letters and case fold on Windows');
      const uri = 'vscode-vfs://github/owner/repo';
      assert.ok(check('../../../other/repo/x.mlp', `${uri}/notes/d.md`, uri).problems.some((x) => x.code === 'outside-workspace'));
      assert.deepEqual(check('../x.mlp', `${uri}/notes/d.md`, uri).problems, []);
    });

    it('a symbolic link out of the workspace is refused by the Node reader, with a located error', () => {
      const base = mkdtempSync(join(tmpdir(), 'gradcheck-security-'));
      const workspace = join(base, 'workspace');
      const outside = join(base, 'outside');
      mkdirSync(workspace);
      mkdirSync(outside);
      writeFileSync(join(outside, 'secret.mlp'), 'input 2\ndense 2 softmax\n');
      writeFileSync(join(workspace, 'inside.mlp'), 'input 3\ndense 2 softmax\n');
      symlinkSync(join(outside, 'secret.mlp'), join(workspace, 'link.mlp'));
      const doc = (name: string) => `\`\`\`mlp\nmlp: ${name}\n\`\`\`\n\n$$ L = 1 $$\n`;
      const options = { language: 'markdown' as const, path: join(workspace, 'd.md'), root: workspace, readFile: workspaceReader(workspace) };
      const linked = checkDocument(doc('link.mlp'), options);
      const p = linked.problems.find((x) => x.code === 'outside-workspace')!;
      assert.match(p.message, /is a link to .*outside.*secret\.mlp, outside the workspace/);
      assert.equal(p.range.start.line, 1);
      assert.equal(linked.network, undefined);
      assert.deepEqual(checkDocument(doc('inside.mlp'), options).network?.layers, [3, 2]);
      rmSync(base, { recursive: true, force: true });
    });
  });

  describe('untrusted and virtual workspaces', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { capabilities: { untrustedWorkspaces: { supported: unknown; description?: string }; virtualWorkspaces: unknown } };

    it('the manifest supports untrusted workspaces fully and says why that is safe', () => {
      assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
      assert.match(manifest.capabilities.untrustedWorkspaces.description ?? '', /never runs code from the workspace/);
    });

    it('virtual workspaces are supported: a check needs no file system, and a reference it cannot read is a located error', () => {
      assert.equal(manifest.capabilities.virtualWorkspaces, true);
      const report = checkDocument('```mlp\nmlp: net.mlp\n```\n\n$$ \\frac{\\partial L}{\\partial b^l} = \\delta^l $$\n', { language: 'markdown', path: 'vscode-vfs://github/o/r/d.md' });
      const p = report.problems.find((x) => x.code === 'missing-file')!;
      assert.equal(p.range.start.line, 1);
      assert.match(p.message, /cannot read the network spec 'net\.mlp'/);
    });
  });
});
