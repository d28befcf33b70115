// Checking a whole document: find its math and its network, read every
// formula into claims, bind notation in document order, evaluate, report.
import { createRng, directionalParameterCheck, drawInstance, entryRelativeError, layerSizes, type NetworkConfig, type Tolerance } from '../engine';
import { type Claim, parseFormula, type ParseOptions, type Span } from '../math';
import { locateMath, type DocumentLanguage, type Formula } from '../document';
import type { Problem, Range } from '../source';
import { DEFAULT_NETWORK, parseSpec, resolveDocumentSpec, type ReadFile } from '../netspec';
import { bindLets, declaredNotation, definedSymbol, lossNames, templateOf } from './bindings';
import { claimReport, definitionReport, uncheckedReport } from './claimReport';
import { Environment } from './conventions';
import { InstanceContext } from './context';
import { diagnose } from './diagnose';
import { ReadingJudge } from './readings';
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
export function readClaims(formulas: readonly Formula[], macros: Readonly<Record<string, string>>, problems: Problem[], declared?: Pick<ParseOptions, 'names' | 'layeredSymbols'>): LocatedClaim[] {
  const claims: LocatedClaim[] = [];
  for (const formula of formulas) {
    const parsed = parseFormula(formula.latex, { macros, environment: formula.environment, ...declared });
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
  const claims = readClaims(located.formulas, located.macros, problems, declaredNotation(spec.lets));
  const net = spec.network ?? (source === 'default' ? DEFAULT_NETWORK : undefined);

  const root = new Environment();
  const env = new Environment(undefined, lossNames(claims.map((c) => c.claim), (name) => root.lookup(name)));
  bindLets(env, spec.lets, problems);

  if (!net) {
    const reports = claims.map((c) => uncheckedReport(c, 'the network spec of this document has errors; fix them to check this claim', 'spec-error'));
    return { file: options.path, seed, samples, claims: reports, problems, summary: summarize(reports) };
  }
  const contexts = instances(net, seed, samples);
  const judge = new ReadingJudge(contexts, { tolerance: options.tolerance });
  const firstReading: ClaimReport[] = claims.map((located, index) => {
    const { claim } = located;
    const defined = definedSymbol(claim, env);
    if (defined) {
      const line = located.lhsFormula.toPosition(claim.lhsSpan.start).line + 1;
      env.bindSymbol(defined, templateOf(defined, claim.rhs, located.latex, `definition on line ${line}`));
      return definitionReport(located, env);
    }
    const evaluation = judge.evaluate(index, located, env);
    const diagnosis = evaluation.status === 'mismatch' ? diagnose(claim, evaluation, env, contexts) : undefined;
    return claimReport(located, evaluation, diagnosis, env);
  });
  const reports = judge.revise(firstReading, problems);
  return {
    file: options.path,
    network: networkSummary(source, net),
    seed,
    samples,
    claims: reports,
    problems,
    summary: summarize(reports),
    state: firstSampleState(contexts[0]),
    engineCheck: engineCheck(contexts[0]),
  };
}
