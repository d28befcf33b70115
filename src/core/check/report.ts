// The report of one check of one document: what every presenter reads
// (diagnostics, CodeLens, hovers, webviews, the CLI). Presenters never
// recompute; everything they show is here.
import type { LossKind, Activation, Tolerance } from '../engine';
import type { Problem, Range } from '../source';
import type { BatchSpec } from '../netspec';

export type Verdict = 'ok' | 'mismatch' | 'unchecked' | 'definition';
export type ClaimKind = 'claim' | 'definition' | 'update';

export interface SymbolBinding {
  readonly symbol: string;
  readonly range: Range;
  /** "δ^l = ∂L/∂z^l" */
  readonly meaning: string;
  /** "default convention", "let on line 3", "definition on line 12" */
  readonly boundBy: string;
  /** Where its numbers are in `DocumentReport.state`, when it names a stored quantity. */
  readonly values?: StateRef;
}

/** Quantities kept per layer in `DocumentReport.state`: δ is ∂L/∂z, dO is ∂L/∂o. */
export type StateQuantity = 'z' | 'o' | 'delta' | 'dO' | 'W' | 'b' | 'dW' | 'db';

/** A quantity of the first sample's state; `layer` absent means "the layer the symbol is written with". */
export interface StateRef {
  readonly quantity: StateQuantity;
  readonly layer?: number | 'last';
}

export interface WorstValues {
  /** Flat entries of the left side, the right side, and (when gradients are involved) finite differences, at the worst sample and index. */
  readonly lhs: readonly number[];
  readonly rhs: readonly number[];
  readonly lhsShape: string;
  readonly rhsShape: string;
  readonly differences?: readonly number[];
  /** Which random instance (0-based) the worst case came from. */
  readonly sample?: number;
}

/** What a diagnosis names (docs/diagnoses.md): the usual mistakes, and 'no-repair' when no small edit makes the claim hold. */
export type DiagnosisKind =
  | 'sign'
  | 'term-sign'
  | 'constant-factor'
  | 'transpose-missing'
  | 'transpose-extra'
  | 'transposed'
  | 'outer-product-order'
  | 'factor-order'
  | 'indices-swapped'
  | 'layer-index'
  | 'activation-derivative-layer'
  | 'activation-derivative-missing'
  | 'activation-derivative-extra'
  | 'label-probability'
  | 'gradient-wrt'
  | 'partial-range'
  | 'no-repair';

/** The kinds a verified correction can have. */
export type RepairKind = Exclude<DiagnosisKind, 'no-repair'>;

/** A correction that was verified to hold: the corrected claim was re-parsed and re-evaluated on every sample and index. */
export interface Correction {
  /** The corrected claim, in the author's notation and layout. */
  readonly latex: string;
  /**
   * The edit that applies it: replace `range` in the file by `replacement`.
   * Absent when the file's text there is not the formula's source (a macro
   * expansion, a line join) or when the edit would change another claim (a
   * shared step of a chain): then the correction is shown, never applied.
   */
  readonly edit?: { readonly range: Range; readonly replacement: string; /** The text `range` held when checked: an editor applies the edit only while it still does. */ readonly original: string };
}

export interface ClaimReport {
  readonly range: Range;
  readonly lhsRange: Range;
  readonly rhsRange: Range;
  readonly latex: string;
  readonly kind: ClaimKind;
  readonly status: Verdict;
  /** Largest relative error against the engine (docs/verdicts.md measure). */
  readonly maxRelError?: number;
  /** Largest relative error against central finite differences, when gradients are involved. */
  readonly differencesRelError?: number;
  readonly where?: Readonly<Record<string, number>>;
  readonly message: string;
  readonly diagnosis?: string;
  readonly diagnosisKind?: DiagnosisKind;
  /** For a mismatch that a small edit repairs: the verified correction. */
  readonly correction?: Correction;
  /** Machine-readable reason for quick fixes: 'unknown-symbol', 'convention-conflict', 'shape', ... */
  readonly code?: string;
  /** The range a presenter should underline: the offending symbol for unchecked claims, else the right side. */
  readonly focusRange: Range;
  /** For 'unknown-symbol', when one known quantity makes the document's claims hold: what to declare (issue 8). */
  readonly suggestion?: string;
  /** For 'unknown-symbol': the symbol's LaTeX, for a "declare it" fix. */
  readonly symbol?: string;
  /** For 'unknown-symbol': the meaning to declare (`z^{L}`), when the checker can tell; the "declare it" quick fix writes it. */
  readonly suggestedMeaning?: string;
  readonly bindings: readonly SymbolBinding[];
  readonly worst?: WorstValues;
  /** How many (instance, layer, index) combinations were compared. */
  readonly checkedCases: number;
}

/** Typed arrays: a 256×784 layer copies fast and survives structured cloning to a webview. */
export interface LayerState {
  readonly layer: number;
  readonly activation?: Activation;
  readonly z?: Float64Array;
  readonly o: Float64Array;
  /** δ^l = ∂L/∂z^l */
  readonly delta?: Float64Array;
  /** ∂L/∂o^l */
  readonly dO: Float64Array;
  readonly dW?: { readonly rows: number; readonly cols: number; readonly data: Float64Array };
  readonly db?: Float64Array;
  readonly W?: { readonly rows: number; readonly cols: number; readonly data: Float64Array };
  readonly b?: Float64Array;
}

/**
 * The document's own claimed gradients on the first sample, for the layers
 * where a claim states them (δ^l, ∂L/∂W^l, ∂L/∂b^l), each read with the
 * document's own δ^{l+1}; `lines` names the claim each came from.
 */
export interface ClaimedLayer {
  readonly layer: number;
  readonly delta?: Float64Array;
  readonly dW?: Float64Array;
  readonly db?: Float64Array;
  readonly lines: { readonly delta?: number; readonly W?: number; readonly b?: number };
}

export interface NetworkSummary {
  /** 'document': a spec block of the document; 'file': a `.mlp` file (an `mlp:` reference or --network); 'default': no spec. */
  readonly source: 'document' | 'file' | 'default';
  /** Where in the document the network is given: the spec block declaring it, or the `mlp:` reference line. */
  readonly range?: Range;
  /** The `.mlp` file the network was read from (source 'file'). */
  readonly path?: string;
  readonly layers: readonly number[];
  readonly activations: readonly Activation[];
  readonly loss: LossKind;
  /** Set by the spec's `batch` statement: claims about X, Y, Z^{[l]} are about this many examples. */
  readonly batch?: BatchSpec;
}

export interface Summary {
  readonly ok: number;
  readonly mismatch: number;
  readonly unchecked: number;
  readonly definition: number;
}

export interface DocumentReport {
  readonly file?: string;
  /** Undefined when the document's spec has errors and nothing could be checked. */
  readonly network?: NetworkSummary;
  /** The document's spec blocks (Markdown fences and `% mlp:` runs included), in document order. */
  readonly specBlocks?: readonly Range[];
  readonly seed: number;
  readonly samples: number;
  /** The tolerance every claim was compared with: |lhs − rhs| ≤ atol + rtol·|lhs| entrywise. */
  readonly tolerance?: Tolerance;
  readonly claims: readonly ClaimReport[];
  /** Spec errors, formula parse errors, locator problems: located. */
  readonly problems: readonly Problem[];
  readonly summary: Summary;
  /** The first sample's forward and backward pass, for hovers and the δ-flow view (layer 0 is the input). */
  readonly state?: { readonly loss: number; readonly label: number | readonly number[]; readonly layers: readonly LayerState[]; readonly claimed?: readonly ClaimedLayer[] };
  /** Engine self-verification on each instance: worst directional finite-difference error. */
  readonly engineCheck?: { readonly directionalRelError: number; readonly passed: boolean };
  /** Conventions detected in the document and used to read it (issue 8), when any. */
  readonly conventions?: readonly string[];
}

export function summarize(claims: readonly ClaimReport[]): Summary {
  const count = (status: Verdict) => claims.filter((c) => c.status === status).length;
  return { ok: count('ok'), mismatch: count('mismatch'), unchecked: count('unchecked'), definition: count('definition') };
}

/** The CLI's JSON view (docs/cli-json.md, kept in step by test/unit/docs.cliJson.test.ts): lines and columns one-based. */
export function reportJson(report: DocumentReport): object {
  return {
    file: report.file,
    network: report.network ? networkJson(report.network) : null,
    seed: report.seed,
    samples: report.samples,
    claims: report.claims.map((c) => ({
      line: c.rhsRange.start.line + 1,
      column: c.rhsRange.start.column + 1,
      latex: c.latex,
      kind: c.kind,
      status: c.status,
      ...(c.maxRelError !== undefined ? { maxRelError: finiteOrString(c.maxRelError) } : {}),
      ...(c.differencesRelError !== undefined ? { differencesRelError: finiteOrString(c.differencesRelError) } : {}),
      ...(c.where ? { where: c.where } : {}),
      message: c.message,
      ...(c.diagnosis ? { diagnosis: c.diagnosis } : {}),
      ...(c.diagnosisKind ? { diagnosisKind: c.diagnosisKind } : {}),
      ...(c.correction ? { corrected: c.correction.latex } : {}),
      ...(c.correction?.edit ? { fix: fixJson(c.correction.edit) } : {}),
      ...(c.suggestion ? { suggestion: c.suggestion } : {}),
    })),
    problems: report.problems.map((p) => ({ line: p.range.start.line + 1, column: p.range.start.column + 1, severity: p.severity, message: p.message })),
    summary: report.summary,
    ...(report.conventions ? { conventions: report.conventions } : {}),
  };
}

/** The network and where it came from; `line` is one-based, present when the document itself names the network. */
function networkJson(network: NetworkSummary): object {
  const { range, path, ...rest } = network;
  return {
    source: rest.source,
    ...(range ? { line: range.start.line + 1 } : {}),
    ...(path !== undefined ? { path } : {}),
    layers: rest.layers,
    activations: rest.activations,
    loss: rest.loss,
    ...(rest.batch ? { batch: rest.batch } : {}),
  };
}

/** How the report names the network's origin: "document spec at line 12", "file net.mlp (mlp: at line 3)", "default network (no spec in the document)". */
export function describeNetworkSource(network: NetworkSummary): string {
  const line = network.range ? network.range.start.line + 1 : undefined;
  switch (network.source) {
    case 'document':
      return line === undefined ? 'document spec' : `document spec at line ${line}`;
    case 'file':
      return `file ${network.path ?? '(unknown)'}${line === undefined ? '' : ` (referenced at line ${line})`}`;
    case 'default':
      return 'default network (no network spec in this document)';
  }
}

/** The `fix` field: the one-based range to replace and its replacement. */
function fixJson(edit: NonNullable<Correction['edit']>): object {
  const { start, end } = edit.range;
  return { line: start.line + 1, column: start.column + 1, endLine: end.line + 1, endColumn: end.column + 1, latex: edit.replacement };
}

/** JSON has no NaN or Infinity. */
function finiteOrString(x: number): number | string {
  return Number.isFinite(x) ? x : String(x);
}
