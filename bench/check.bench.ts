// How long checking a whole document takes: checkDocument in-process (warm
// median, and the cold first call of a fresh process) and the whole CLI run
// (`node dist/cli.js check FILE --json`), on every example, on a network the
// document defines itself, and on the MNIST-sized fixtures (one example, and
// a batch of 64); for the latter two also the cost relative to one forward +
// backward pass of its network per example checked. Each row says how many
// lines were ok, ✗ and unchecked: a fast row that checked nothing is no result.
// Run: npm run bench:check   (or: npx tsx bench/check.bench.ts)
// Targets (issues 5 and 8): each small example and the document-defined network
// < 50 ms in-process; the MNIST-sized documents < 1 s, and within 20×
// (samples × examples per sample × one forward + backward pass).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { checkDocument, type DocumentReport } from '../src/core/check';
import { backward, drawInstance, forward } from '../src/core/engine';
import { languageOfPath, readDocument } from '../src/core/document';
import { resolveDocumentSpec } from '../src/core/netspec';
import { measure, median, type MeasureOptions } from './lib/timing';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const RESULTS = join(ROOT, 'bench/results/check.json');
const CLI = join(ROOT, 'dist/cli.js');
const MNIST = 'bench/fixtures/mnist-mlp.md';
/** A network the document defines itself (issue 8): nodes, its own loss, a running gradient. */
const GRAPH = 'bench/fixtures/document-graph.md';
/** deeplearning.ai's columns over a batch of 64 (issue 8's `batch`/`layout` statements), 784-256-128-10. */
const BATCH = 'bench/fixtures/batch-mnist.md';

const TIMING: MeasureOptions = { minMs: 100, runs: 7, warmupMs: 300 };
const FORWARD_BACKWARD_TIMING: MeasureOptions = { minMs: 200, runs: 7, warmupMs: 500 };
/** Fresh processes per document for the cold first call (median taken). */
const COLD_RUNS = 3;
/** Timed CLI runs per document (after one untimed run that warms the file cache). */
const CLI_RUNS = 7;
/** Rounds of (one MNIST check, then forward + backward passes lasting about as long), back to back. */
const RATIO_ROUNDS = 9;

const SMALL_TARGET_MS = 50;
const MNIST_TARGET_MS = 1000;
const MNIST_TARGET_RATIO = 20;

const readText = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/** Paths relative to the repository root, as the CLI is run from there. */
function documents(): string[] {
  const examples = readdirSync(join(ROOT, 'examples'))
    .filter((f) => /\.(md|tex)$/.test(f))
    .sort()
    .map((f) => `examples/${f}`);
  return [...examples, GRAPH, MNIST, BATCH];
}

function check(path: string, text: string): DocumentReport {
  const language = languageOfPath(path);
  if (!language) throw new Error(`${path}: neither Markdown nor LaTeX`);
  // Relative `mlp:` references resolve against the repository root (the CLI's working directory here).
  return checkDocument(text, { language, path, readFile: (p) => readText(resolve(ROOT, p)) });
}

/** Child mode: one checkDocument call in a fresh process, timed; prints JSON. */
function coldChild(path: string): void {
  const text = readFileSync(join(ROOT, path), 'utf8');
  const start = performance.now();
  const report = check(path, text);
  const ms = performance.now() - start;
  process.stdout.write(JSON.stringify({ ms, claims: report.claims.length }) + '\n');
}

function coldFirstCall(path: string): { medianMs: number; runsMs: number[] } {
  const runsMs = Array.from({ length: COLD_RUNS }, () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', SELF, '--cold', path], { cwd: ROOT, encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`cold run of ${path} failed (${child.status}): ${child.stderr}`);
    return (JSON.parse(child.stdout.trim().split('\n').pop()!) as { ms: number }).ms;
  });
  return { medianMs: median(runsMs), runsMs };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds dist/ when the CLI bundle is missing or older than src/ (so both halves of the table time the same code). */
function ensureCli(): string {
  const reason = !existsSync(CLI) ? 'missing' : statSync(CLI).mtimeMs < newestMtime(join(ROOT, 'src')) ? 'older than src/' : undefined;
  if (!reason) return 'up to date';
  console.log(`dist/cli.js is ${reason}: building (node scripts/build.mjs --quiet)`);
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--quiet'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) throw new Error('the build failed');
  return `rebuilt (was ${reason})`;
}

/** Median wall time of a bare `node ARGS` (start-up alone). */
function timeNode(args: string[]): { medianMs: number; runsMs: number[] } {
  const runsMs = Array.from({ length: CLI_RUNS + 1 }, () => {
    const start = performance.now();
    spawnSync(process.execPath, args, { cwd: ROOT });
    return performance.now() - start;
  }).slice(1);
  return { medianMs: median(runsMs), runsMs };
}

function runCli(args: string[]): { ms: number; status: number | null; stdout: string; stderr: string } {
  const start = performance.now();
  const child = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - start;
  return { ms, status: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** Median wall time of `node dist/cli.js ARGS`; exit 0 or 1 (a mismatch) both count as a completed check. */
function timeCli(args: string[]): { medianMs: number; runsMs: number[]; last: string } {
  let last = runCli(args); // untimed: file cache
  const runsMs: number[] = [];
  for (let i = 0; i < CLI_RUNS; i++) {
    last = runCli(args);
    if (last.status !== 0 && last.status !== 1) throw new Error(`gradcheck ${args.join(' ')} exited ${last.status}: ${last.stderr}`);
    runsMs.push(last.ms);
  }
  return { medianMs: median(runsMs), runsMs, last: last.stdout };
}

interface Row {
  readonly document: string;
  readonly claims: number;
  readonly samples: number;
  readonly network: string;
  readonly summary: DocumentReport['summary'];
  readonly inProcessMedianMs: number;
  readonly inProcessRunsMs: number[];
  readonly iterations: number;
  readonly coldMs: number;
  readonly coldRunsMs: number[];
  readonly cliMedianMs: number;
  readonly cliRunsMs: number[];
  readonly targetMs: number;
  readonly met: boolean;
}

/** Examples per sample: the spec's `batch m`, else 1 (read from the text, so the row works before and after the spec language has it). */
function examplesPerSample(text: string): number {
  const batch = /^\s*batch\s+(\d+)\s*(?:#.*)?$/m.exec(text);
  return batch ? Number(batch[1]) : 1;
}

/** ok / ✗ / unchecked (and definitions) of a row, and whether anything was checked at all. */
function verdicts(summary: DocumentReport['summary']): string {
  const counts = `${summary.ok} ok, ${summary.mismatch} ✗, ${summary.unchecked} unchecked, ${summary.definition} def`;
  return summary.ok + summary.mismatch === 0 ? `${counts} (**nothing checked**)` : counts;
}

/** A row's target is met only when it checked something: an all-unchecked document is fast for the wrong reason. */
const checkedSomething = (summary: DocumentReport['summary']): boolean => summary.ok + summary.mismatch > 0;

// Results land here so the optimiser cannot drop the work as dead code.
let sink: unknown;

/**
 * The MNIST ratio again, robust to the shared machine's load changing
 * between the two medians: each round times one check and right after it
 * enough forward + backward passes to last about as long, so both halves of
 * each round's ratio see the same load; the median round is reported.
 */
function interleavedRatio(checkOnce: () => unknown, pass: () => unknown, samples: number, passesPerRound: number): { median: number; ratios: number[] } {
  const ratios = Array.from({ length: RATIO_ROUNDS }, () => {
    let start = performance.now();
    sink = checkOnce();
    const checkMs = performance.now() - start;
    start = performance.now();
    for (let i = 0; i < passesPerRound; i++) sink = pass();
    const passMs = (performance.now() - start) / passesPerRound;
    return checkMs / (samples * passMs);
  });
  return { median: median(ratios), ratios };
}

/**
 * A document's check against one forward + backward pass of its network per
 * example checked (samples × examples per sample), the pass timed on an
 * instance drawn as the checker draws its first one. Undefined when the
 * document has no network (its spec is not understood).
 */
function forwardBackwardRatio(path: string, row: Row) {
  const text = readFileSync(join(ROOT, path), 'utf8');
  const net = resolveDocumentSpec(readDocument(text, 'markdown').specBlocks, { path }).spec.network;
  if (!net) return undefined;
  const report = check(path, text);
  const examples = examplesPerSample(text);
  const instance = drawInstance(net, report.seed);
  const pass = () => backward(net, instance.params, forward(net, instance.params, instance.x, instance.label), instance.label);
  const passTime = measure(pass, FORWARD_BACKWARD_TIMING);
  const passes = report.samples * examples;
  const ratio = row.inProcessMedianMs / (passes * passTime.medianMs);
  const interleaved = interleavedRatio(() => check(path, text), pass, passes, Math.max(1, Math.round(row.inProcessMedianMs / passTime.medianMs)));
  return {
    network: row.network,
    samples: report.samples,
    examplesPerSample: examples,
    forwardBackwardMedianMs: passTime.medianMs,
    forwardBackwardRunsMs: passTime.perCallMs,
    checkMedianMs: row.inProcessMedianMs,
    ratio,
    interleavedRatio: interleaved.median,
    interleavedRatios: interleaved.ratios,
    targetRatio: MNIST_TARGET_RATIO,
    // Judged on the interleaved ratio: the two medians are taken seconds apart and the load moves in between.
    met: interleaved.median < MNIST_TARGET_RATIO && checkedSomething(report.summary),
  };
}

function gitState(): { commit: string; srcDirty: boolean } {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  return { commit: git('rev-parse', 'HEAD') || 'unknown', srcDirty: git('status', '--porcelain', '--', 'src') !== '' };
}

function main(): void {
  const loadBefore = loadavg();
  const cliState = ensureCli();
  const nodeStartup = timeNode(['-e', '0']);
  const startup = timeCli(['--version']);

  const rows: Row[] = [];
  for (const path of documents()) {
    const text = readFileSync(join(ROOT, path), 'utf8');
    const cold = coldFirstCall(path);
    const report = check(path, text);
    const warm = measure(() => check(path, text), TIMING);
    const cli = timeCli(['check', path, '--json']);
    const cliClaims = (JSON.parse(cli.last) as { claims: unknown[] }).claims.length;
    if (cliClaims !== report.claims.length) throw new Error(`${path}: the CLI reports ${cliClaims} claims, checkDocument ${report.claims.length} (is dist/ stale?)`);
    const targetMs = path === MNIST || path === BATCH ? MNIST_TARGET_MS : SMALL_TARGET_MS;
    const net = report.network;
    rows.push({
      document: path,
      claims: report.claims.length,
      samples: report.samples,
      network: net ? `${net.layers.join('-')} ${net.activations.join('/')} ${net.loss}` : 'none',
      summary: report.summary,
      inProcessMedianMs: warm.medianMs,
      inProcessRunsMs: warm.perCallMs,
      iterations: warm.iterations,
      coldMs: cold.medianMs,
      coldRunsMs: cold.runsMs,
      cliMedianMs: cli.medianMs,
      cliRunsMs: cli.runsMs,
      targetMs,
      met: warm.medianMs < targetMs && checkedSomething(report.summary),
    });
  }

  const ratios = [MNIST, BATCH].map((path) => forwardBackwardRatio(path, rows.find((r) => r.document === path)!));
  const loadAfter = loadavg();

  const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  console.log();
  console.log('| document | claims | verdicts | in-process median (ms) | cold (ms) | CLI median (ms) | target | met? |');
  console.log('|---|---:|---|---:|---:|---:|---|:---:|');
  for (const r of rows) {
    console.log(`| ${r.document} | ${r.claims} | ${verdicts(r.summary)} | ${fmt(r.inProcessMedianMs)} | ${fmt(r.coldMs)} | ${fmt(r.cliMedianMs)} | in-process < ${r.targetMs} ms | ${r.met ? 'yes' : '**no**'} |`);
  }
  for (const [i, path] of [MNIST, BATCH].entries()) {
    const ratio = ratios[i];
    if (!ratio) {
      console.log(`| ${path}: check ÷ forward+backward | | no network (the spec is not understood) | | | | < ${MNIST_TARGET_RATIO}× | **no** |`);
      continue;
    }
    const per = ratio.examplesPerSample === 1 ? 'one forward+backward' : `${ratio.examplesPerSample} examples × one forward+backward`;
    console.log(
      `| ${path}: check ÷ (${ratio.samples} samples × ${per}, ${fmt(ratio.forwardBackwardMedianMs)} ms) | | | **${ratio.interleavedRatio.toFixed(1)}×** (from the medians: ${ratio.ratio.toFixed(1)}×) | | | < ${MNIST_TARGET_RATIO}× | ${ratio.met ? 'yes' : '**no**'} |`,
    );
  }
  console.log();
  console.log(
    `In-process: checkDocument, median of ${TIMING.runs} runs of ≥${TIMING.minMs} ms after ${TIMING.warmupMs} ms of warm-up. ` +
      `Cold: the first checkDocument call of a fresh process (node --import tsx; modules already loaded), median of ${COLD_RUNS} processes. ` +
      `CLI: wall time of \`node dist/cli.js check FILE --json\` (spawnSync), median of ${CLI_RUNS} runs after one untimed; ` +
      `\`node dist/cli.js --version\` alone (node start-up + loading the bundle) takes ${fmt(startup.medianMs)} ms, \`node -e 0\` ${fmt(nodeStartup.medianMs)} ms. ` +
      `Forward+backward: engine forward + backward of one example on drawInstance(network, seed), median of ${FORWARD_BACKWARD_TIMING.runs} runs (a batch document's sample is its m examples); ` +
      `the ratio (and met?) is the median of ${RATIO_ROUNDS} rounds each timing one check and then about as long of passes back to back (both halves see the same load); "from the medians" divides the two medians above. ` +
      `A row that checked nothing (every line unchecked) never meets its target.`,
  );
  const environment = { node: process.version, platform: `${process.platform}-${process.arch}`, cpu: cpus()[0]?.model ?? 'unknown', cpus: cpus().length, ...gitState(), dist: cliState };
  console.log(
    `node ${environment.node}, ${environment.cpu} × ${environment.cpus}; load average (1/5/15 min) ${load(loadBefore)} before, ${load(loadAfter)} after (shared machine: expect noise)`,
  );

  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(
    RESULTS,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        environment,
        loadavg: { before: loadBefore, after: loadAfter },
        timing: { inProcess: TIMING, forwardBackward: FORWARD_BACKWARD_TIMING, coldRuns: COLD_RUNS, cliRuns: CLI_RUNS, ratioRounds: RATIO_ROUNDS },
        targets: { smallMs: SMALL_TARGET_MS, mnistMs: MNIST_TARGET_MS, mnistRatio: MNIST_TARGET_RATIO },
        cliStartup: { medianMs: startup.medianMs, runsMs: startup.runsMs },
        nodeStartup,
        rows,
        ratios: Object.fromEntries([MNIST, BATCH].map((path, i) => [path, ratios[i] ?? null])),
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`results: ${relative(process.cwd(), RESULTS)}`);
}

const coldIndex = process.argv.indexOf('--cold');
try {
  if (coldIndex >= 0) coldChild(process.argv[coldIndex + 1]);
  else main();
} catch (error: unknown) {
  console.error(error);
  process.exitCode = 1;
}
