// Checking a whole document: find its math and its network, read every
// formula into claims, bind notation in document order, evaluate, report.
import { createRng, directionalParameterCheck, drawInstance, entryRelativeError, layerSizes, type NetworkConfig, type Tolerance } from '../engine';
import { type Claim, parseFormula, type Span } from '../math';
import { locateMath, type DocumentLanguage, type Formula } from '../document';
import type { Problem, Range } from '../source';
import { DEFAULT_NETWORK, parseSpec, resolveDocumentSpec, type ReadFile } from '../netspec';
import { bindLets, definedSymbol, lossNames, templateOf } from './bindings';
import { claimReport, definitionReport, uncheckedReport } from './claimReport';
import { Environment } from './conventions';
import { InstanceContext } from './context';
import { diagnose } from './diagnose';
import { evaluateClaim } from './evaluate';
import { alternativeReading, applyDetectedConventions, RunningVariables, suggestMeanings, bindDefinition, bindDocumentLets, bindProseConstants, computedNames, definitionAfterCheck, documentDefinition, isLossName } from './graph';
import { isCaseStatement, spanRange, type LocatedClaim } from './located';
import { summarize, type ClaimReport, type DocumentReport, type LayerState, type NetworkSummary } from './report';

export interface CheckOptions {
  readonly language: DocumentLanguage;
  /** The document's path or URI: named in the report, and the base of `mlp:` references. */
  readonly path?: string;
  readonly readFile?: ReadFile;
  readonly seed?: number;
  readonly samples?: number;
  /** A spec that replaces the document's network (the CLI's --network). */
  readonly network?: { readonly text: string; readonly path: string };
  readonly tolerance?: Tolerance;
}

/** Every formula's claims in document order, continuations (a display starting with `=`) joined to the claim before. */
export function readClaims(formulas: readonly Formula[], macros: Readonly<Record<string, string>>, problems: Problem[]): LocatedClaim[] {
  const claims: LocatedClaim[] = [];
  for (const formula of formulas) {
    const parsed = parseFormula(formula.latex, { macros, environment: formula.environment });
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
      claims.push({ claim, lhsFormula: previous.rhsFormula, rhsFormula: formula, latex: `${lhsText} ${c.relation} ${rhsText}`.replace(/\s+/g, ' ') });
    }
    for (const claim of parsed.claims) {
      if (!isCaseStatement(claim, formula.display)) claims.push({ claim, lhsFormula: formula, rhsFormula: formula, latex: claim.latex });
    }
  }
  return claims;
}

function networkSummary(source: NetworkSummary['source'], net: NetworkConfig): NetworkSummary {
  return { source, layers: layerSizes(net), activations: net.layers.map((l) => l.activation), loss: net.loss };
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
  const problems: Problem[] = [];
  const located = locateMath(text, options.language);
  problems.push(...located.problems);
  const documentSpec = resolveDocumentSpec(text, { kind: options.language, path: options.path, readFile: options.readFile });
  problems.push(...documentSpec.problems);
  let spec = documentSpec.spec;
  let source: NetworkSummary['source'] = documentSpec.source;
  if (options.network) {
    const external = parseSpec(options.network.text);
    for (const p of external.problems) problems.push({ ...p, range: { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } }, message: `in ${options.network.path} (line ${p.range.start.line + 1}): ${p.message}` });
    spec = { ...spec, network: external.network, lets: [...external.lets, ...spec.lets] };
    source = 'file';
  }
  const seed = options.seed ?? spec.seed ?? 1;
  const samples = options.samples ?? spec.samples ?? 3;
  const detected = applyDetectedConventions(readClaims(located.formulas, located.macros, problems), spec.lets.map((l) => l.symbol));
  const conventionsUsed = detected.used;
  const net = spec.network ?? (source === 'default' ? DEFAULT_NETWORK : undefined);

  const root = new Environment();
  const losses = lossNames(detected.claims.map((c) => c.claim), (name) => root.lookup(name));
  for (const name of computedNames(detected.claims.map((c) => c.claim))) losses.delete(name); // graph/: what the document computes is a node
  const env = new Environment(undefined, losses);
  const { claims, lets } = bindDocumentLets(detected.claims, spec.lets, env, problems);
  bindLets(env, lets, problems);
  bindProseConstants(located.formulas, env);

  if (!net) {
    const reports = claims.map((c) => uncheckedReport(c, 'the network spec of this document has errors; fix them to check this claim', 'spec-error'));
    return { file: options.path, seed, samples, claims: reports, problems, summary: summarize(reports) };
  }
  const contexts = instances(net, seed, samples);
  // The loss update rules step on: the document's own once it defines one (graph/definitions.ts).
  let lossName: string | undefined;
  const running = new RunningVariables(claims.map((c) => ({ claim: c.claim, formula: c.rhsFormula })));
  const reports: ClaimReport[] = claims.map((located, index) => {
    const { claim } = located;
    running.bindAt(index, env); // graph/algorithm.ts: g ← … in an algorithm
    if (running.assigns(index)) return definitionReport(located, env);
    const boundBy = () => `definition on line ${located.lhsFormula.toPosition(claim.lhsSpan.start).line + 1}`;
    const ownDefinition = documentDefinition(claim, env, boundBy());
    const defined = ownDefinition?.symbol ?? definedSymbol(claim, env);
    if (defined) {
      bindDefinition(env, defined, ownDefinition?.binding ?? templateOf(defined, claim.rhs, located.latex, boundBy()), ownDefinition?.name);
      const helper = ownDefinition?.binding.meaning.kind === 'template' && ownDefinition.binding.meaning.parameters !== undefined;
      if (!helper && isLossName(defined.name, env)) lossName = defined.name;
      return definitionReport(located, env);
    }
    let evaluation = evaluateClaim(claim, env, contexts, { tolerance: options.tolerance, lossName });
    const reading = evaluation.status === 'mismatch' ? alternativeReading(claim, env, located.lhsFormula.toPosition(claim.lhsSpan.start).line + 1, (trial) => evaluateClaim(claim, trial, contexts, { tolerance: options.tolerance, lossName })) : undefined;
    if (reading) {
      env.bind(reading.name, reading.binding);
      conventionsUsed.push(reading.convention);
      evaluation = reading.evaluation;
    }
    const shapeError = evaluation.status === 'mismatch' ? evaluation.shapeError : undefined;
    const outcome = { ok: evaluation.status === 'ok', unreadable: evaluation.status === 'unchecked' || shapeError !== undefined, sidesDiffer: shapeError?.startsWith('the left side is') ?? false };
    const made = definitionAfterCheck(claim, env, outcome, boundBy());
    if (made) bindDefinition(env, made.symbol, made.binding, made.name);
    if (made?.verdict === 'definition') return definitionReport(located, env);
    const diagnosis = evaluation.status === 'mismatch' ? diagnose(claim, evaluation, env, contexts) : undefined;
    return claimReport(located, evaluation, diagnosis, env);
  });
  const suggested = suggestMeanings({ claims: claims.map((c) => c.claim), reports, env, evaluate: (claim, trial) => evaluateClaim(claim, trial, contexts, { tolerance: options.tolerance, lossName }), lastLayer: net.layers.length });
  return {
    file: options.path,
    network: networkSummary(source, net),
    seed,
    samples,
    claims: suggested,
    problems,
    summary: summarize(suggested),
    ...(conventionsUsed.length > 0 ? { conventions: conventionsUsed } : {}),
    state: firstSampleState(contexts[0]),
    engineCheck: engineCheck(contexts[0]),
  };
}
