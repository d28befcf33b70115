// The report of one check of one document: what every presenter reads
// (diagnostics, CodeLens, hovers, webviews, the CLI). Presenters never
// recompute; everything they show is here.
import type { LossKind, Activation } from '../engine';
import type { Problem, Range } from '../source';

export type Verdict = 'ok' | 'mismatch' | 'unchecked' | 'definition';
export type ClaimKind = 'claim' | 'definition' | 'update';

export interface SymbolBinding {
  readonly symbol: string;
  readonly range: Range;
  /** "δ^l = ∂L/∂z^l" */
  readonly meaning: string;
  /** "default convention", "let on line 3", "definition on line 12" */
  readonly boundBy: string;
}

export interface WorstValues {
  /** Flat entries of the left side, the right side, and (when gradients are involved) finite differences, at the worst sample and index. */
  readonly lhs: readonly number[];
  readonly rhs: readonly number[];
  readonly lhsShape: string;
  readonly rhsShape: string;
  readonly differences?: readonly number[];
}

export interface ClaimReport {
  readonly range: Range;
  readonly lhsRange: Range;
  readonly rhsRange: Range;
  readonly latex: string;
  readonly kind: ClaimKind;
  readonly status: Verdict;
  /** Largest relative error against the engine (DESIGN.md measure). */
  readonly maxRelError?: number;
  /** Largest relative error against central finite differences, when gradients are involved. */
  readonly differencesRelError?: number;
  readonly where?: Readonly<Record<string, number>>;
  readonly message: string;
  readonly diagnosis?: string;
  /** Machine-readable reason for quick fixes: 'unknown-symbol', 'convention-conflict', 'shape', ... */
  readonly code?: string;
  /** The range a presenter should underline: the offending symbol for unchecked claims, else the right side. */
  readonly focusRange: Range;
  /** For 'unknown-symbol': the symbol's LaTeX, for a "declare it" fix. */
  readonly symbol?: string;
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
  readonly source: 'document' | 'file' | 'default';
  readonly layers: readonly number[];
  readonly activations: readonly Activation[];
  readonly loss: LossKind;
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
  readonly seed: number;
  readonly samples: number;
  readonly claims: readonly ClaimReport[];
  /** Spec errors, formula parse errors, locator problems: located. */
  readonly problems: readonly Problem[];
  readonly summary: Summary;
  /** The first sample's forward and backward pass, for hovers and the δ-flow view (layer 0 is the input). */
  readonly state?: { readonly loss: number; readonly label: number | readonly number[]; readonly layers: readonly LayerState[]; readonly claimed?: readonly ClaimedLayer[] };
  /** Engine self-verification on each instance: worst directional finite-difference error. */
  readonly engineCheck?: { readonly directionalRelError: number; readonly passed: boolean };
}

export function summarize(claims: readonly ClaimReport[]): Summary {
  const count = (status: Verdict) => claims.filter((c) => c.status === status).length;
  return { ok: count('ok'), mismatch: count('mismatch'), unchecked: count('unchecked'), definition: count('definition') };
}

/** The CLI's JSON view (DESIGN.md "Command-line contract"): lines and columns one-based. */
export function reportJson(report: DocumentReport): object {
  return {
    file: report.file,
    network: report.network ?? null,
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
    })),
    problems: report.problems.map((p) => ({ line: p.range.start.line + 1, column: p.range.start.column + 1, severity: p.severity, message: p.message })),
    summary: report.summary,
  };
}

/** JSON has no NaN or Infinity. */
function finiteOrString(x: number): number | string {
  return Number.isFinite(x) ? x : String(x);
}
