// docs/cli-json.md lists every field of the CLI's JSON report. This test
// reads that table and compares it with the paths of real reports (every
// example, a document without a spec, an `mlp:` reference, --network, a spec
// with errors, an unbound symbol with a suggestion), both ways, so the
// documentation cannot drift from reportJson.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCheck } from '../../src/cli/check';
import type { Output } from '../../src/cli/output';

const ROOT = join(__dirname, '..', '..');
const example = (name: string) => join(ROOT, 'examples', name);
const fixture = (dir: string, name: string) => join(__dirname, 'fixtures', dir, name);

/** The field paths of the table under "## JSON report" (`claims[].line`, `network.source`, …). */
function documentedPaths(): Set<string> {
  const doc = readFileSync(join(ROOT, 'docs', 'cli-json.md'), 'utf8');
  const section = doc.split(/^## JSON report$/m)[1]?.split(/^## /m)[0] ?? '';
  const paths = [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
  assert.ok(paths.length > 20, `found only ${paths.length} documented fields: did the table's format change?`);
  return new Set(paths);
}

/** Every path in a JSON value; array items as `[]` (documented through their fields), `where` (keys are the claim's own index names) not descended into. */
function pathsOf(value: unknown, prefix: string, out: Set<string>): void {
  if (prefix && !prefix.endsWith('[]')) out.add(prefix);
  if (Array.isArray(value)) value.forEach((item) => pathsOf(item, `${prefix}[]`, out));
  else if (value !== null && typeof value === 'object' && !prefix.endsWith('.where')) {
    for (const [key, child] of Object.entries(value)) pathsOf(child, prefix ? `${prefix}.${key}` : key, out);
  }
}

function jsonOf(files: string[], networkPath?: string): unknown[] {
  let stdout = '';
  const out: Output = { colour: false, write: (t) => void (stdout += t) };
  const err: Output = { colour: false, write: () => undefined };
  runCheck({ files, json: true, networkPath }, out, err);
  const parsed = JSON.parse(stdout);
  return Array.isArray(parsed) ? parsed : [parsed];
}

describe('docs/cli-json.md: the documented JSON fields are exactly the ones reported', () => {
  const produced = new Set<string>();
  before(() => {
    const reports = [
      ...jsonOf(['softmax-mlp.vi.md', 'nielsen-bp.md', 'cs231n-relu.md', 'backprop.tex', 'vectorised-batch.md'].map(example)),
      ...jsonOf([fixture('cli', 'no-spec.md'), fixture('spec', 'referencing.md'), fixture('cli', 'spec-errors.md'), fixture('cli', 'suggestion.md'), fixture('cli', 'conventions.md')]),
      ...jsonOf([fixture('cli', 'correct.md')], fixture('cli', 'relu.mlp')),
    ];
    for (const report of reports) pathsOf(report, '', produced);
  });

  it('every field a report contains is documented', () => {
    const documented = documentedPaths();
    assert.deepEqual([...produced].filter((p) => !documented.has(p)).sort(), []);
  });

  it('every documented field occurs in a real report', () => {
    assert.deepEqual([...documentedPaths()].filter((p) => !produced.has(p)).sort(), []);
  });

  it('the reports cover every network source, so the network fields are compared for each', () => {
    assert.ok(produced.has('network.line') && produced.has('network.path'));
  });
});
