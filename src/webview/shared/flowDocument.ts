// A checked document as the δ-flow page sees it: the report's first sample
// and claims, as plain JSON (webview messages are JSON), each claim with
// the layers it concerns so the page and the editor can point at each other.
import type { DocumentReport, LayerState } from '../../core/check';
import type { FlowDocument, FlowLayer, NetworkShape } from './protocol';

const plain = (a: Float64Array | undefined): number[] | undefined => (a ? Array.from(a) : undefined);

function flowLayer(state: LayerState): FlowLayer {
  const matrix = (m: LayerState['W']) => m && { rows: m.rows, cols: m.cols, data: Array.from(m.data) };
  return {
    layer: state.layer,
    activation: state.activation,
    z: plain(state.z),
    o: Array.from(state.o),
    delta: plain(state.delta),
    dO: Array.from(state.dO),
    W: matrix(state.W),
    b: plain(state.b),
    dW: matrix(state.dW),
    db: plain(state.db),
  };
}

/**
 * The layers a claim's LaTeX names: `^{L}` the last, `^{2}` layer 2, and a
 * layer letter (`^{l}`, `^{l+1}`) every layer. Transposes and parenthesised
 * powers are not layers.
 */
export function claimLayers(latex: string, lastLayer: number): number[] {
  const layers = new Set<number>();
  const every = () => Array.from({ length: lastLayer }, (_, i) => i + 1);
  for (const match of latex.matchAll(/[A-Za-z}]\^(?:\{([^{}]*)\}|([A-Za-z0-9]))/g)) {
    const text = (match[1] ?? match[2]).replace(/[()\[\]\s]/g, '');
    if (/^(T|\\top|\\intercal|\\prime|')$/.test(text)) continue;
    if (text === 'L') layers.add(lastLayer);
    else if (/^L-\d+$/.test(text)) layers.add(lastLayer - Number(text.slice(2)));
    else if (/^\d+$/.test(text)) layers.add(Number(text));
    else if (/^[a-km-z](?:[+-]\d+)?$|^l(?:[+-]\d+)?$/.test(text)) return every();
  }
  return [...layers].filter((l) => l >= 1 && l <= lastLayer).sort((a, b) => a - b);
}

/** The page's view of a report; undefined when the report has no network or first sample. */
export function flowDocument(report: DocumentReport, file: string, text: string, language: 'markdown' | 'latex'): FlowDocument | undefined {
  if (!report.network || !report.state) return undefined;
  const L = report.network.activations.length;
  const network: NetworkShape = {
    inputSize: report.network.layers[0],
    layers: report.network.activations.map((activation, i) => ({ units: report.network!.layers[i + 1], activation })),
    loss: report.network.loss,
  };
  return {
    file,
    text,
    language,
    network,
    seed: report.seed,
    loss: report.state.loss,
    label: report.state.label,
    layers: report.state.layers.map(flowLayer),
    claimed: (report.state.claimed ?? []).map((c) => ({ layer: c.layer, delta: plain(c.delta), dW: plain(c.dW), db: plain(c.db), lines: c.lines })),
    claims: report.claims.map((c) => ({ line: c.rhsRange.start.line + 1, latex: c.latex, status: c.status, layers: claimLayers(c.latex, L) })),
  };
}
