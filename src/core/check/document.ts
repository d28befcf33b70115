// Checking a whole document: read it once (its math and its network spec
// come from the same scan), read every formula into claims, bind notation in
// document order, evaluate, report.
import { createRng, DEFAULT_TOLERANCE, directionalParameterCheck, drawInstance, entryRelativeError, layerSizes, type NetworkConfig, type Tolerance } from '../engine';
import { type Claim, introducesDefinition, parseFormula, type ParsedFormula, type ParseOptions, type Span } from '../math';
import { readDocument, type DocumentLanguage, type Formula } from '../document';
import type { Problem, Range } from '../source';
import { DEFAULT_NETWORK, parseSpec, resolveDocumentSpec, type ReadFile } from '../netspec';
import { bindLets, bindSymbol, definedSymbol, letLayeredSymbols, lossNames } from './bindings';
import { claimReport, definitionReport, uncheckedReport } from './claimReport';
import { Environment } from './conventions';
import { InstanceContext } from './context';
import { diagnose, type Diagnosis } from './diagnose';
import { OutOfTime } from './errors';
import { evaluateClaim, type ClaimEvaluation } from './evaluate';
import { documentLimitProblem, formulasWithinLimits, limitsWith, networkLimitProblems, networkRange, type CheckLimits } from './limits';
import { spanRange, type LocatedClaim } from './located';
import { confirmSharedEdits, documentEdit, lineStarts } from './repair';
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
  readonly firstSample: Map<string, Pick<DocumentReport, 'state' | 'engineCheck'>>;
}

export interface RememberedEvaluation {
  readonly evaluation: ClaimEvaluation;
  /** Its repair is in formula offsets, so it stays right when the formula moves in the document. */
  readonly diagnosis?: Diagnosis;
}

function remembered<V>(cache: Map<string, V> | undefined, key: string, compute: () => V): V {
  if (!cache) return compute();
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    cache.set(key, value);
  }
  return value;
}

/** Parses a formula, or reuses its earlier parse when the cache has it. */
function parseCached(formula: Formula, options: ParseOptions, cache: Map<string, ParsedFormula> | undefined): ParsedFormula {
  const setting = { display: formula.display, before: formula.before };
  // Sets do not survive JSON.stringify: spell the layered names out.
  const key = JSON.stringify([formula.environment ?? '', options.macros ?? {}, [...(options.layeredSymbols ?? [])].sort(), options.functionSymbols ? [...options.functionSymbols].sort() : null, setting, formula.latex]);
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

function networkSummary(origin: NetworkOrigin, net: NetworkConfig): NetworkSummary {
  return { ...origin, layers: layerSizes(net), activations: net.layers.map((l) => l.activation), loss: net.loss };
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

function drawInstances(net: NetworkConfig, seed: number, count: number): InstanceContext[] {
  try {
    return instances(net, seed, count);
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

export function checkDocument(text: string, options: CheckOptions): DocumentReport {
  return checkText(text, options, true);
}

/** Without `diagnoseMismatches`, mismatches get no diagnosis: for confirming an edit shared by two steps of a chain. */
function checkText(text: string, options: CheckOptions, diagnoseMismatches: boolean): DocumentReport {
  const problems: Problem[] = [];
  const limits = limitsWith(options.limits);
  const deadline = Date.now() + limits.millisecondsPerDocument;
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
    spec = { ...spec, network: external.network, lets: [...external.lets, ...spec.lets] };
    origin = { source: 'file', path: options.network.path };
  }
  const source = origin.source;
  if (source === 'default') problems.push(...unreadSpecProblems(located.unreadSpecMarks));
  const seed = options.seed ?? spec.seed ?? 1;
  const samples = options.samples ?? spec.samples ?? 3;
  const formulas = formulasWithinLimits(located.formulas, limits, problems);
  const parseOptions: ParseOptions = { macros: located.macros, layeredSymbols: letLayeredSymbols(spec.lets) };
  const claims = readClaims(formulas, parseOptions, problems, options.memory?.parses);
  const specBlocks = documentSpec.blocks.map((b) => b.range);
  let net = spec.network ?? (source === 'default' ? DEFAULT_NETWORK : undefined);
  const overLimits = net ? networkLimitProblems(spec, net, samples, limits) : [];
  problems.push(...overLimits);
  if (overLimits.length > 0) net = undefined;

  const root = new Environment();
  const env = new Environment(undefined, lossNames(claims.map((c) => c.claim), (name) => root.lookup(name)));
  bindLets(env, spec.lets, problems);

  const withoutNetwork = (why: string): DocumentReport => {
    const reports = claims.map((c) => uncheckedReport(c, why, 'spec-error'));
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
  const contexts = () => (drawn ??= drawInstances(network, seed, samples));
  const starts = lineStarts(text);
  // Everything a claim's evaluation depends on besides its own text; definitions are appended as they bind.
  let scope = JSON.stringify({ net, seed, samples, tolerance, macros: located.macros, loss: [...env.lossNames].sort(), lets: spec.lets.map((l) => [l.symbol, l.expression, l.file, l.range.start.line]) });
  let claimCount = 0;
  const checkClaims = (): ClaimReport[] => claims.flatMap((located) => {
    const { claim } = located;
    const inSentence = !located.rhsFormula.display && located.lhsFormula === located.rhsFormula;
    const defined = definedSymbol(claim, env);
    if (defined) {
      // `u = g(x)` in a sentence is a remark, not a definition, unless the sentence says so ("Let $u = …$", "where $u = …$").
      if (inSentence && claim.kind === 'claim' && !introducesDefinition(located.rhsFormula.before)) return [];
    }
    if (++claimCount > limits.claims) return [uncheckedReport(located, `not checked: this document has ${claims.length} claims, more than the limit of ${limits.claims}`, 'limit-claims')];
    if (Date.now() > deadline) return [uncheckedReport(located, `not checked: the time for checking this document (${limits.millisecondsPerDocument} ms) ran out before this claim`, 'limit-time')];
    if (defined) {
      const line = located.lhsFormula.toPosition(claim.lhsSpan.start).line + 1;
      bindSymbol(env, defined, claim.rhs, located.latex, `definition on line ${line}`);
      scope += `\u0000${claimKey(located)}@${line}`;
      return [definitionReport(located, env)];
    }
    const key = `${scope}\u0001${claimKey(located)}`;
    const { evaluation, diagnosis } = remembered(memory?.evaluations, key, () => {
      const evaluateOptions = { tolerance, limits, documentDeadline: deadline, lower: { source: sourceOf(located) } };
      const evaluation = evaluateClaim(claim, env, contexts(), evaluateOptions);
      if (evaluation.status !== 'mismatch' || !diagnoseMismatches) return { evaluation };
      const diagnosis = diagnose({ located, evaluation, env, contexts: contexts(), parseOptions, tolerance, limits, documentDeadline: deadline });
      options.onDiagnosis?.(diagnosis, located.rhsFormula.toPosition(claim.rhsSpan.start).line);
      return { evaluation, diagnosis };
    });
    // A verdict cut short by a time limit says nothing about the claim: check it again next time.
    if (evaluation.status === 'unchecked' && evaluation.reason instanceof OutOfTime) memory?.evaluations.delete(key);
    const repair = diagnosis?.repair;
    const correction = repair ? { latex: repair.claim, edit: documentEdit(text, starts, located.rhsFormula, repair.edit) } : undefined;
    return [claimReport(located, evaluation, diagnosis && { kind: diagnosis.kind, text: diagnosis.text, correction }, env)];
  });
  let first: Pick<DocumentReport, 'state' | 'engineCheck'>;
  let reports: ClaimReport[];
  try {
    first = remembered(memory?.firstSample, JSON.stringify({ net: network, seed }), () => {
      const ctx = (drawn ?? drawInstances(network, seed, 1))[0];
      return { state: firstSampleState(ctx), engineCheck: engineCheck(ctx) };
    });
    reports = checkClaims();
  } catch (error) {
    if (!(error instanceof NoInstance)) throw error;
    problems.push({ range: networkRange(spec), severity: 'error', code: 'no-instance', message: error.message });
    return withoutNetwork(error.message);
  }
  return {
    file: options.path,
    network: networkSummary(origin, network),
    specBlocks,
    seed,
    samples,
    tolerance,
    // The confirming re-checks keep no memory: what they evaluate carries no diagnosis.
    claims: diagnoseMismatches ? confirmSharedEdits(text, reports, (edited) => checkText(edited, { ...options, memory: undefined }, false).claims) : reports,
    problems,
    summary: summarize(reports),
    ...first,
  };
}
