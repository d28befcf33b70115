// Checking a whole document: read it once (its math and its network spec
// come from the same scan), read every formula into claims, bind notation in
// document order, evaluate, report.
import { createRng, DEFAULT_TOLERANCE, directionalParameterCheck, drawBatch, drawInstance, entryRelativeError, layerSizes, type NetworkConfig, type Tolerance } from '../engine';
import { type Claim, DEFAULT_FUNCTION_SYMBOLS, introducesDefinition, parseFormula, type ParsedFormula, type ParseOptions, type Span } from '../math';
import { readDocument, type DocumentLanguage, type Formula } from '../document';
import { LineIndex, type Problem, type Range } from '../source';
import { DEFAULT_NETWORK, parseSpec, resolveDocumentSpec, type BatchSpec, type ReadFile } from '../netspec';
import { bindBatchSize, markClaimExamples } from './batch';
import { BatchContext } from './batchContext';
import { bindLets, bindSymbol, declaredNotation, definedSymbol, lossNames } from './bindings';
import { claimReport, definitionReport, uncheckedReport } from './claimReport';
import { Environment, type Binding } from './conventions';
import { InstanceContext } from './context';
import { diagnose, type Diagnosis } from './diagnose';
import { OutOfTime } from './errors';
import { alternativeReading, bindProseConstants, bindProseFunctions, definitionAfterCheck, documentConventions, documentDefinition, isLossName, outputWhenLabelRenamed, proseFunctions, RunningVariables, suggestMeanings } from './graph';
import { claimedGradients, derivationFromClaims, type DerivationGradients, type DerivationOptions } from './derivationGradients';
import { evaluateClaim, type ClaimEvaluation } from './evaluate';
import { documentLimitProblem, formulasWithinLimits, limitsWith, networkLimitProblems, networkRange, type CheckLimits } from './limits';
import { spanRange, type LocatedClaim } from './located';
import { ReadingJudge } from './readings';
import { confirmSharedEdits, documentEdit } from './repair';
import { summarize, type ClaimReport, type DocumentReport, type LayerState, type NetworkSummary } from './report';

export interface CheckOptions {
  readonly language: DocumentLanguage;
  /** The document's path or URI: named in the report, and the base of `mlp:` references. */
  readonly path?: string;
  readonly readFile?: ReadFile;
  /** The workspace folder: `mlp:` references outside it are refused (SECURITY.md). */
  readonly root?: string;
  readonly seed?: number;
  readonly samples?: number;
  /** A spec that replaces the document's network (the CLI's --network). */
  readonly network?: { readonly text: string; readonly path: string };
  readonly tolerance?: Tolerance;
  /** Raises or lowers any of the limits (check/limits.ts DEFAULT_LIMITS). */
  readonly limits?: Partial<CheckLimits>;
  /** What a long-lived caller keeps between checks of one document (check as you type). */
  readonly memory?: CheckMemory;
  /** Called after each fresh diagnosis of a mismatch with what it cost and the (zero-based) line of the claim's right side: the diagnosis benchmark. */
  readonly onDiagnosis?: (diagnosis: Diagnosis, line: number) => void;
}

/**
 * Results kept between checks of the same document, each under a key that
 * holds everything it depends on, so a reused result is exactly what a fresh
 * check would compute: a formula's parse (its LaTeX, environment, macros);
 * a claim's evaluation and diagnosis (its formulas and spans, the network,
 * seed, samples, tolerance, the document's loss names, and every `let` and
 * definition before it with its line); the first sample's state (network,
 * seed). The caller owns the maps and bounds their size.
 */
export interface CheckMemory {
  readonly parses: Map<string, ParsedFormula>;
  readonly evaluations: Map<string, RememberedEvaluation>;
  readonly firstSample: Map<string, FirstSample>;
}

/** The first random instance and what the report shows of it; the instance itself is kept for the claimed values, which depend on the claims. */
export interface FirstSample extends Pick<DocumentReport, 'state' | 'engineCheck'> {
  readonly context: InstanceContext;
}

export interface RememberedEvaluation {
  readonly evaluation: ClaimEvaluation;
  /** Its repair is in formula offsets, so it stays right when the formula moves in the document. */
  readonly diagnosis?: Diagnosis;
  /** What the check bound as it went (graph/): replayed when the evaluation is reused, so later claims see the same graph. */
  readonly binds?: readonly GraphBind[];
  readonly convention?: string;
  readonly verdict?: 'definition';
}

/** A binding the check makes from an evaluation's outcome: another reading of a symbol, or a forward equation that becomes a node. */
interface GraphBind {
  readonly name: string;
  readonly binding: Binding;
}

function remembered<V>(cache: Map<string, V> | undefined, key: string, compute: () => V, replay?: (value: V) => void): V {
  if (!cache) return compute();
  let value = cache.get(key);
  if (value !== undefined) replay?.(value);
  if (value === undefined) {
    value = compute();
    cache.set(key, value);
  }
  return value;
}

/** The parser's applied symbols with the document's own functions added. */
function withFunctionSymbols(names: readonly string[]): Pick<ParseOptions, 'functionSymbols'> {
  return names.length > 0 ? { functionSymbols: new Set([...DEFAULT_FUNCTION_SYMBOLS, ...names]) } : {};
}

/** Parses a formula, or reuses its earlier parse when the cache has it. */
function parseCached(formula: Formula, options: ParseOptions, cache: Map<string, ParsedFormula> | undefined): ParsedFormula {
  const setting = { display: formula.display, before: formula.before };
  // Every parse option is part of the key; Sets (layered symbols, declared names) do not survive JSON.stringify, so they are spelled out.
  const key = JSON.stringify([formula.environment ?? '', options, setting, formula.latex], (_, value: unknown) => (value instanceof Set ? [...value].sort() : value));
  return remembered(cache, key, () => parseFormula(formula.latex, { ...options, environment: formula.environment, setting }));
}

/** What a claim's evaluation depends on in its own text: both formulas and where in them its parts are. */
function claimKey(located: LocatedClaim): string {
  const { claim, lhsFormula, rhsFormula } = located;
  const spans = [claim.span, claim.lhsSpan, claim.rhsSpan].map((sp) => `${sp.start}-${sp.end}`).join(',');
  return `${lhsFormula === rhsFormula ? '' : lhsFormula.latex}\u0000${rhsFormula.latex}\u0000${spans}`;
}

/** Every formula's claims in document order, continuations (a display starting with `=`) joined to the claim before. */
export function readClaims(formulas: readonly Formula[], options: ParseOptions, problems: Problem[], cache?: Map<string, ParsedFormula>): LocatedClaim[] {
  const claims: LocatedClaim[] = [];
  for (const formula of formulas) {
    const parsed = parseCached(formula, options, cache);
    for (const error of parsed.errors) problems.push({ range: spanRange(formula, error.span), severity: 'warning', message: `cannot read this formula: ${error.message}`, code: 'parse-error' });
    const previous = claims[claims.length - 1];
    if (parsed.continuation && previous) {
      const c = parsed.continuation;
      const lhs = previous.claim.rhs;
      const claim: Claim = {
        kind: c.kind,
        relation: c.relation,
        lhs,
        rhs: c.rhs,
        conditions: c.conditions,
        span: { start: c.relationSpan.start, end: c.rhsSpan.end },
        lhsSpan: previous.claim.rhsSpan,
        rhsSpan: c.rhsSpan,
        relationSpan: c.relationSpan,
        latex: '',
      };
      const lhsText = previous.rhsFormula.latex.slice(previous.claim.rhsSpan.start, previous.claim.rhsSpan.end);
      const rhsText = formula.latex.slice(c.rhsSpan.start, c.rhsSpan.end);
      const relationText = formula.latex.slice(c.relationSpan.start, c.relationSpan.end);
      claims.push({ claim, lhsFormula: previous.rhsFormula, rhsFormula: formula, latex: `${lhsText} ${relationText} ${rhsText}`.replace(/\s+/g, ' ') });
    }
    for (const claim of parsed.claims) claims.push({ claim, lhsFormula: formula, rhsFormula: formula, latex: claim.latex });
  }
  return claims;
}

/** The author's text of a span of a claim (a continuation's left side lives in the previous formula). */
function sourceOf(located: LocatedClaim): (span: Span) => string {
  const { claim, lhsFormula, rhsFormula } = located;
  return (span) => {
    const inLhs = lhsFormula !== rhsFormula && span.start >= claim.lhsSpan.start && span.end <= claim.lhsSpan.end;
    return (inLhs ? lhsFormula : rhsFormula).latex.slice(span.start, span.end);
  };
}

/**
 * Never fall back silently: the default network is used although the document
 * holds something that looks like a spec block its reading did not take (an
 * mlp fence inside a `$$` display or another fence, a `% mlp:` line in verbatim).
 */
function unreadSpecProblems(marks: readonly Range[]): Problem[] {
  return marks.slice(0, 3).map((range) => ({
    range,
    severity: 'information',
    code: 'spec-not-read',
    message: 'this looks like a network spec but is not read as one (it is inside math, a code block or verbatim text), so the default network is used; move it out to use it',
  }));
}

/** Where the network came from: the document's spec block or `mlp:` reference (with its range), a file, or the default. */
type NetworkOrigin = Pick<NetworkSummary, 'source' | 'range' | 'path'>;

function networkSummary(origin: NetworkOrigin, net: NetworkConfig, batch: BatchSpec | undefined): NetworkSummary {
  return { ...origin, layers: layerSizes(net), activations: net.layers.map((l) => l.activation), loss: net.loss, ...(batch ? { batch } : {}) };
}

function firstSampleState(ctx: InstanceContext): DocumentReport['state'] {
  const g = ctx.grads;
  const layers: LayerState[] = ctx.state.o.map((o, l) => {
    const array = (a: Float64Array) => a.slice();
    if (l === 0) return { layer: 0, o: array(o), dO: array(g.dO[0]) };
    const W = ctx.params.W[l];
    return {
      layer: l,
      activation: ctx.net.layers[l - 1].activation,
      z: array(ctx.state.z[l]),
      o: array(o),
      delta: array(g.dZ[l]),
      dO: array(g.dO[l]),
      dW: { rows: W.rows, cols: W.cols, data: array(g.dW[l].data) },
      db: array(g.db[l]),
      W: { rows: W.rows, cols: W.cols, data: array(W.data) },
      b: array(ctx.params.b[l]),
    };
  });
  return { loss: ctx.loss, label: typeof ctx.label === 'number' ? ctx.label + 1 : Array.from(ctx.label), layers };
}

/** The engine verifies itself on the first instance: one directional derivative over all parameters (two forward passes). */
function engineCheck(ctx: InstanceContext): DocumentReport['engineCheck'] {
  const r = directionalParameterCheck(ctx, ctx.grads, createRng(7919));
  const error = entryRelativeError(r.analytic, r.numeric);
  return { directionalRelError: error, passed: error < 1e-5 };
}

/** The engine could not draw an instance (every ReLU input kept away from 0 is improbable in a very wide layer). */
class NoInstance extends Error {}

function drawInstances(net: NetworkConfig, seed: number, count: number, batch?: BatchSpec): InstanceContext[] {
  try {
    return batch ? batches(net, seed, count, batch) : instances(net, seed, count);
  } catch (error) {
    throw new NoInstance(`cannot check with this network: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function instances(net: NetworkConfig, seed: number, samples: number): InstanceContext[] {
  return Array.from({ length: samples }, (_, s) => {
    const instance = drawInstance(net, seed + s);
    // A learning rate drawn per instance, so an update rule cannot pass with a particular η.
    const ctx = InstanceContext.of(instance, createRng(seed + s + 0x5eed).uniform(0.05, 0.5));
    ctx.verifies = s === 0;
    return ctx;
  });
}

/** Batch s is drawn from seed + s alone, like an instance; its first example alone verifies the engine along a direction. */
function batches(net: NetworkConfig, seed: number, samples: number, batch: BatchSpec): InstanceContext[] {
  return Array.from({ length: samples }, (_, s) => {
    const drawn = drawBatch(net, seed + s, batch.size);
    const eta = createRng(seed + s + 0x5eed).uniform(0.05, 0.5);
    const examples = drawn.examples.map((example, k) => {
      const ctx = InstanceContext.of(example, eta);
      ctx.verifies = s === 0 && k === 0;
      return ctx;
    });
    return new BatchContext(examples, batch.layout, eta);
  });
}

/** The whole number (above 1) every case's right side is times its left, when there is one: the same scalar quantity at another scale. */
function constantScale(evaluation: ClaimEvaluation): number | undefined {
  if (evaluation.status !== 'mismatch' || evaluation.results.length === 0) return undefined;
  const ratios = evaluation.results.map((r) => (r.pair && r.pair[0] !== 0 ? r.pair[1] / r.pair[0] : NaN));
  const first = Math.round(ratios[0]);
  if (!(first > 1)) return undefined;
  return ratios.every((r) => Math.abs(r - first) <= 1e-9 * first) ? first : undefined;
}

export function checkDocument(text: string, options: CheckOptions): DocumentReport {
  return checkText(text, options, true);
}

/** Without `diagnoseMismatches`, mismatches get no diagnosis: for confirming an edit shared by two steps of a chain. */
function checkText(text: string, options: CheckOptions, diagnoseMismatches: boolean): DocumentReport {
  const problems: Problem[] = [];
  const limits = limitsWith(options.limits);
  const deadline = Date.now() + limits.millisecondsPerDocument;
  // A diagnosis re-evaluates many candidate corrections: all of them together get one claim's time, never the document's.
  const diagnosisDeadline = () => Math.min(deadline, Date.now() + limits.millisecondsPerClaim);
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const tooLarge = documentLimitProblem(text, limits);
  if (tooLarge) return { file: options.path, seed: options.seed ?? 1, samples: options.samples ?? 3, tolerance, claims: [], problems: [tooLarge], summary: summarize([]) };
  const located = readDocument(text, options.language);
  problems.push(...located.problems);
  const documentSpec = resolveDocumentSpec(located.specBlocks, { path: options.path, readFile: options.readFile, root: options.root });
  problems.push(...documentSpec.problems);
  let spec = documentSpec.spec;
  let origin: NetworkOrigin = {
    source: documentSpec.source,
    ...(documentSpec.origin ? { range: documentSpec.origin } : {}),
    ...(documentSpec.file ? { path: documentSpec.file.path } : {}),
  };
  if (options.network) {
    const external = parseSpec(options.network.text);
    for (const p of external.problems) problems.push({ ...p, range: { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } }, message: `in ${options.network.path} (line ${p.range.start.line + 1}): ${p.message}` });
    spec = { ...spec, network: external.network, lets: [...external.lets, ...spec.lets], batch: external.batch ?? spec.batch };
    origin = { source: 'file', path: options.network.path };
  }
  const source = origin.source;
  if (source === 'default') problems.push(...unreadSpecProblems(located.unreadSpecMarks));
  const seed = options.seed ?? spec.seed ?? 1;
  const samples = options.samples ?? spec.samples ?? 3;
  const formulas = formulasWithinLimits(located.formulas, limits, problems);
  // "$h = \tanh$" in the text: h is that function, so h(a_j) is a call (graph/constants.ts).
  const namedFunctions = proseFunctions(formulas);
  const parseOptions: ParseOptions = { macros: located.macros, ...declaredNotation(spec.lets, formulas), ...withFunctionSymbols(namedFunctions.map((f) => f.name)) };
  const claims = readClaims(formulas, parseOptions, problems, options.memory?.parses);
  const specBlocks = documentSpec.blocks.map((b) => b.range);
  let net = spec.network ?? (source === 'default' ? DEFAULT_NETWORK : undefined);
  const overLimits = net ? networkLimitProblems(spec, net, samples, limits) : [];
  problems.push(...overLimits);
  if (overLimits.length > 0) net = undefined;

  // The document's own notation (graph/): conventions it detectably uses, names it computes (nodes, not losses), its lets and prose constants.
  const detected = documentConventions({ claims, declared: spec.conventions, letSymbols: spec.lets.map((l) => l.symbol), lastLayer: net?.layers.length });
  problems.push(...detected.problems);
  const conventionsUsed = detected.used;
  const reading = detected.reading;
  const root = new Environment();
  const env = new Environment(undefined, lossNames(detected.claims.map((c) => c.claim), (name) => root.lookup(name)));
  bindLets(env, spec.lets, problems);
  const labelConvention = outputWhenLabelRenamed(spec.lets, env);
  if (labelConvention) conventionsUsed.push(labelConvention);
  bindProseFunctions(namedFunctions, detected.claims.map((c) => c.claim), env);
  const constants = bindProseConstants(formulas, env);
  const batch = spec.batch;
  if (batch) bindBatchSize(env, batch.size, detected.claims.map((c) => c.claim));
  // x^{(i)}, y^{(i)}: in a batch document a lone letter on them marks the example (batch.ts).
  const documentClaims = batch ? detected.claims.map((c) => ({ ...c, claim: markClaimExamples(c.claim, env) })) : detected.claims;

  const withoutNetwork = (why: string): DocumentReport => {
    const reports = documentClaims.map((c) => uncheckedReport(c, why, 'spec-error'));
    return { file: options.path, specBlocks, seed, samples, tolerance, claims: reports, problems, summary: summarize(reports) };
  };
  if (!net) return withoutNetwork('the network spec of this document has errors; fix them to check this claim');
  const network = net;
  const memory = options.memory;
  // Instances are drawn only when needed: the first for the report's state
  // (remembered per network and seed), the others when some claim is evaluated
  // afresh. Instance s is drawn from seed + s alone: the first of one sample is
  // the first of many.
  let drawn: InstanceContext[] | undefined;
  const contexts = () => (drawn ??= drawInstances(network, seed, samples, batch));
  const lines = new LineIndex(text);
  // readings.ts: failures another numbering or layout explains are judged once every claim has been read.
  const diagnosisEntry = (located: LocatedClaim, diagnosis: Diagnosis) => {
    const repair = diagnosis.repair;
    const correction = repair ? { latex: repair.claim, edit: documentEdit(lines, located.rhsFormula, repair.edit) } : undefined;
    return { kind: diagnosis.kind, text: diagnosis.text, correction };
  };
  const judge = new ReadingJudge(contexts, (located, evaluation, env, lower) =>
    diagnosisEntry(located, diagnose({ located, evaluation, env, contexts: contexts(), parseOptions, tolerance, limits, documentDeadline: diagnosisDeadline(), lower, lossName, readClaim: detected.rewrite })),
  );
  // The loss update rules step on: the document's own once it defines one (graph/definitions.ts).
  let lossName: string | undefined;
  const running = new RunningVariables(documentClaims.map((c) => ({ claim: c.claim, formula: c.rhsFormula })));
  // Everything a claim's evaluation depends on besides its own text; definitions and graph bindings are appended as they bind.
  let scope = JSON.stringify({
    net, seed, samples, batch, tolerance, macros: located.macros, loss: [...env.lossNames].sort(), conventions: conventionsUsed, constants, functions: namedFunctions,
    lets: spec.lets.map((l) => [l.symbol, l.expression, l.file, l.range.start.line]),
    running: documentClaims.flatMap((c, i) => (running.assigns(i) ? [claimKey(c)] : [])),
  });
  let claimCount = 0;
  const checkClaims = (): ClaimReport[] => documentClaims.flatMap((located, index) => {
    const { claim } = located;
    running.bindAt(index, env); // graph/algorithm.ts: g ← … in an algorithm
    const line = located.lhsFormula.toPosition(claim.lhsSpan.start).line + 1;
    const boundBy = `definition on line ${line}`;
    const inSentence = !located.rhsFormula.display && located.lhsFormula === located.rhsFormula;
    const ownDefinition = running.assigns(index) ? undefined : documentDefinition(claim, env, boundBy);
    const defined = ownDefinition?.symbol ?? definedSymbol(claim, env);
    // `u = g(x)` in a sentence is a remark, not a definition, unless the sentence says so ("Let $u = …$", "where $u = …$").
    if (defined && !ownDefinition && inSentence && claim.kind === 'claim' && !introducesDefinition(located.rhsFormula.before)) return [];
    if (++claimCount > limits.claims) return [uncheckedReport(located, `not checked: this document has ${claims.length} claims, more than the limit of ${limits.claims}`, 'limit-claims')];
    if (Date.now() > deadline) return [uncheckedReport(located, `not checked: the time for checking this document (${limits.millisecondsPerDocument} ms) ran out before this claim`, 'limit-time')];
    if (running.assigns(index)) return [definitionReport(located, env)];
    if (defined) {
      if (ownDefinition) env.bind(ownDefinition.name, ownDefinition.binding);
      else bindSymbol(env, defined, claim.rhs, located.latex, boundBy);
      const helper = ownDefinition?.binding.meaning.kind === 'template' && ownDefinition.binding.meaning.parameters !== undefined;
      if (!helper && isLossName(defined.name, env)) lossName = defined.name;
      scope += `\u0000${claimKey(located)}@${line}`;
      return [definitionReport(located, env)];
    }
    const key = `${scope}\u0001${lossName ?? ''}\u0001${claimKey(located)}`;
    const evaluateOptions = { tolerance, limits, documentDeadline: deadline, lossName, lower: { source: sourceOf(located), reading } };
    const result = remembered(memory?.evaluations, key, (): RememberedEvaluation => {
      let evaluation = evaluateClaim(claim, env, contexts(), evaluateOptions);
      const binds: GraphBind[] = [];
      let convention: string | undefined;
      // Another reading of a symbol (graph/readings.ts) that makes a failing forward equation hold.
      const reading = evaluation.status === 'mismatch' ? alternativeReading(claim, env, line, (trial) => evaluateClaim(claim, trial, contexts(), evaluateOptions)) : undefined;
      if (reading) {
        env.bind(reading.name, reading.binding);
        binds.push({ name: reading.name, binding: reading.binding });
        convention = reading.convention;
        evaluation = reading.evaluation;
      }
      const shapeError = evaluation.status === 'mismatch' ? evaluation.shapeError : undefined;
      const outcome = { ok: evaluation.status === 'ok', unreadable: evaluation.status === 'unchecked' || shapeError !== undefined, sidesDiffer: shapeError?.startsWith('the left side is') ?? false, summedOverBatch: batch !== undefined && constantScale(evaluation) === batch.size };
      const made = definitionAfterCheck(claim, env, outcome, boundBy);
      if (made) {
        env.bind(made.name, made.binding);
        binds.push({ name: made.name, binding: made.binding });
        if (made.verdict === 'definition') return { evaluation, binds, convention, verdict: 'definition' };
      }
      if (evaluation.status !== 'mismatch' || !diagnoseMismatches) return { evaluation, binds, convention };
      const diagnosis = diagnose({ located, evaluation, env, contexts: contexts(), parseOptions, tolerance, limits, documentDeadline: diagnosisDeadline(), lossName, lower: evaluateOptions.lower, readClaim: detected.rewrite });
      options.onDiagnosis?.(diagnosis, located.rhsFormula.toPosition(claim.rhsSpan.start).line);
      return { evaluation, diagnosis, binds, convention };
    }, (value) => {
      // Reused: make the same bindings the first evaluation made.
      for (const b of value.binds ?? []) env.bind(b.name, b.binding);
    });
    const { evaluation, diagnosis } = result;
    if (result.convention) conventionsUsed.push(result.convention);
    if ((result.binds ?? []).length > 0) scope += `\u0000${key}`;
    // A verdict cut short by a time limit says nothing about the claim: check it again next time.
    if (evaluation.status === 'unchecked' && evaluation.reason instanceof OutOfTime) memory?.evaluations.delete(key);
    if (result.verdict === 'definition') return [definitionReport(located, env)];
    const report = claimReport(located, evaluation, diagnosis && diagnosisEntry(located, diagnosis), env);
    judge.observe(report, located, env, evaluation, evaluateOptions);
    return [report];
  });
  let first: FirstSample;
  let reports: ClaimReport[];
  try {
    first = remembered(memory?.firstSample, JSON.stringify({ net: network, seed, batch }), () => {
      const context = (drawn ?? drawInstances(network, seed, 1, batch))[0];
      return { context, state: firstSampleState(context), engineCheck: engineCheck(context) };
    });
    reports = judge.revise(checkClaims(), problems, conventionsUsed);
    reports = suggestMeanings({ claims: documentClaims.map((c) => c.claim), reports, env, evaluate: (claim, trial) => evaluateClaim(claim, trial, contexts(), { tolerance, limits, documentDeadline: deadline, lossName, lower: { reading } }), lastLayer: network.layers.length });
    // The confirming re-checks keep no memory: what they evaluate carries no diagnosis.
    if (diagnoseMismatches) reports = confirmSharedEdits(text, reports, (edited) => checkText(edited, { ...options, memory: undefined }, false).claims);
  } catch (error) {
    if (!(error instanceof NoInstance)) throw error;
    problems.push({ range: networkRange(spec), severity: 'error', code: 'no-instance', message: error.message });
    return withoutNetwork(error.message);
  }
  return {
    file: options.path,
    network: networkSummary(origin, network, batch),
    specBlocks,
    seed,
    samples,
    tolerance,
    claims: reports,
    problems,
    summary: summarize(reports),
    ...(conventionsUsed.length > 0 ? { conventions: conventionsUsed } : {}),
    engineCheck: first.engineCheck,
    // The document's own gradients on the first sample, for the δ-flow view: they depend on the claims, so they are not remembered with the state.
    ...(first.state ? { state: { ...first.state, claimed: claimedGradients(detected.claims, spec.lets, first.context, batch) } } : {}),
  };
}

/**
 * The document's gradient claims as a gradient function (the playground's
 * "train with my derivation"). Definitions bind in document order as the
 * checker binds them, so a claim means here what its verdict was about.
 */
export function documentGradients(text: string, language: DocumentLanguage, options: DerivationOptions = {}): DerivationGradients {
  const located = readDocument(text, language);
  const spec = resolveDocumentSpec(located.specBlocks).spec;
  const claims = readClaims(located.formulas, { macros: located.macros, ...declaredNotation(spec.lets, located.formulas) }, []);
  return derivationFromClaims(claims, spec.lets, options.network ?? spec.network ?? DEFAULT_NETWORK, spec.batch);
}
