// The one protocol between the extension and its two webview pages (δ flow,
// training playground), and between the playground page and its worker.
// Both sides import these types; every message a page sends is validated
// here before the extension acts on it, since a page is untrusted input.
import type { Activation, LossKind } from '../../core/engine';

export const DELTA_FLOW_VIEW = 'gradcheck.deltaFlow';
export const PLAYGROUND_VIEW = 'gradcheck.playground';

export type Verdict = 'ok' | 'mismatch' | 'unchecked' | 'definition';

/** A row-major matrix as plain numbers (webview messages are JSON). */
export interface PlainMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: readonly number[];
}

export interface FlowLayer {
  readonly layer: number;
  readonly activation?: Activation;
  readonly z?: readonly number[];
  readonly o: readonly number[];
  readonly delta?: readonly number[];
  readonly dO: readonly number[];
  readonly W?: PlainMatrix;
  readonly b?: readonly number[];
  readonly dW?: PlainMatrix;
  readonly db?: readonly number[];
}

export interface FlowClaimed {
  readonly layer: number;
  readonly delta?: readonly number[];
  readonly dW?: readonly number[];
  readonly db?: readonly number[];
  readonly lines: { readonly delta?: number; readonly W?: number; readonly b?: number };
}

export interface FlowClaim {
  /** One-based line of the claim's right side. */
  readonly line: number;
  readonly latex: string;
  readonly status: Verdict;
  /** The layers the claim concerns (every layer for a claim about a generic l). */
  readonly layers: readonly number[];
}

export interface NetworkShape {
  readonly inputSize: number;
  readonly layers: readonly { readonly units: number; readonly activation: Activation }[];
  readonly loss: LossKind;
}

/** What the δ-flow page shows: one checked document's network and first sample. */
export interface FlowDocument {
  readonly file: string;
  /** The document's text and language, so the page can redo what-if passes with the document's own claims. */
  readonly text: string;
  readonly language: 'markdown' | 'latex';
  readonly network: NetworkShape;
  readonly seed: number;
  readonly loss: number;
  readonly label: number | readonly number[];
  readonly layers: readonly FlowLayer[];
  readonly claimed: readonly FlowClaimed[];
  readonly claims: readonly FlowClaim[];
}

export interface PlaygroundSettings {
  readonly dataset: 'xor' | 'circle' | 'gauss' | 'spiral' | 'regression';
  readonly network: NetworkShape;
  readonly learningRate: number;
  readonly batchSize: number;
  readonly noise: number;
  /** Share of the points used for training; the rest is the test set. */
  readonly trainFraction: number;
  readonly regularisation: 'none' | 'l1' | 'l2';
  readonly regularisationRate: number;
  readonly seed: number;
  readonly points: number;
}

export interface RunSnapshot {
  readonly trainLoss: readonly number[];
  readonly testLoss: readonly number[];
  readonly trainAccuracy: number;
  readonly testAccuracy: number;
  /** Per step, ‖∂L/∂W^l‖ for l = 1..L (index 0 unused). */
  readonly gradientNorms: readonly (readonly number[])[];
  /** W^l (row-major) and b^l for l = 1..L. */
  readonly weights: readonly (readonly number[])[];
  readonly biases: readonly (readonly number[])[];
  /** Heatmap scores (2-D) or the regression curve (1-D). */
  readonly picture: readonly number[];
}

export interface DerivationRunSnapshot extends RunSnapshot {
  /** "delta2" → the line of the claim used, or 'backprop' where the document states nothing. */
  readonly sources: Readonly<Record<string, number | 'backprop'>>;
  readonly divergedAt?: { readonly step: number; readonly tensor: string };
  readonly firstDifference?: string;
}

export interface TrainingSnapshot {
  readonly step: number;
  /** The step of each point of the runs' loss curves. */
  readonly lossSteps: readonly number[];
  readonly backprop: RunSnapshot;
  readonly derivation?: DerivationRunSnapshot;
}

/** The document the playground trains with: its network and its claims. */
export interface PlaygroundDocument {
  readonly file: string;
  readonly text: string;
  readonly language: 'markdown' | 'latex';
  readonly network?: NetworkShape;
}

// Extension → page.
export type HostMessage =
  | { readonly type: 'flowDocument'; readonly document: FlowDocument }
  | { readonly type: 'highlightLayers'; readonly layers: readonly number[] }
  | { readonly type: 'noDocument'; readonly message: string }
  | { readonly type: 'playgroundDocument'; readonly document: PlaygroundDocument }
  /** The insert-mlp-block command from the palette: the page answers with insertSpec. */
  | { readonly type: 'requestSpec' };

// Page → extension.
export type PageMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'revealLines'; readonly lines: readonly number[] }
  | { readonly type: 'exportWeights'; readonly json: string }
  | { readonly type: 'insertSpec'; readonly spec: string };

// Playground page ↔ its worker.
export type WorkerRequest =
  | { readonly type: 'configure'; readonly settings: PlaygroundSettings; readonly derivation?: { readonly text: string; readonly language: 'markdown' | 'latex' } }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'step'; readonly steps: number };

export type WorkerMessage =
  | { readonly type: 'snapshot'; readonly snapshot: TrainingSnapshot; readonly playing: boolean; readonly stepsPerSecond: number; readonly derivationClaims?: readonly DerivationClaimInfo[] }
  | { readonly type: 'error'; readonly message: string };

export interface DerivationClaimInfo {
  readonly kind: 'delta' | 'W' | 'b';
  readonly layer: string;
  readonly line: number;
  readonly latex: string;
}

/** The size limit for text a page may send (an export, an mlp block). */
export const MAX_PAGE_TEXT = 1_000_000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_PAGE_TEXT;

/** A message from a page, checked field by field; anything else is an error naming what was wrong. */
export function parsePageMessage(data: unknown): { message: PageMessage } | { error: string } {
  if (!isRecord(data)) return { error: `expected an object, got ${Array.isArray(data) ? 'an array' : typeof data}` };
  switch (data.type) {
    case 'ready':
      return { message: { type: 'ready' } };
    case 'revealLines': {
      const lines = data.lines;
      if (!Array.isArray(lines) || lines.length > 10_000 || !lines.every((n) => Number.isInteger(n) && n >= 1)) return { error: 'revealLines needs `lines`: an array of positive whole line numbers' };
      return { message: { type: 'revealLines', lines: lines as number[] } };
    }
    case 'exportWeights':
      if (!isText(data.json)) return { error: 'exportWeights needs `json`: a string' };
      return { message: { type: 'exportWeights', json: data.json } };
    case 'insertSpec':
      if (!isText(data.spec)) return { error: 'insertSpec needs `spec`: a string' };
      return { message: { type: 'insertSpec', spec: data.spec } };
    default:
      return { error: `unknown message type ${JSON.stringify(String(data.type)).slice(0, 60)}` };
  }
}

/** Validates a page's message and hands it on; a bad one is logged and dropped. Returns whether it was accepted. */
export function acceptPageMessage(data: unknown, page: string, handle: (message: PageMessage) => void, log: (line: string) => void): boolean {
  const parsed = parsePageMessage(data);
  if ('error' in parsed) {
    log(`[${page}] rejected a message from the page: ${parsed.error}`);
    return false;
  }
  handle(parsed.message);
  return true;
}
