// The text of GradCheck's hovers, as Markdown tables in plain text (no
// KaTeX): what a symbol means here and where that was decided, its numbers
// on the report's first sample, and for a claim its two sides against
// finite differences. Everything comes from the report; nothing is
// recomputed. No `vscode` import, so the text is testable anywhere.
import type { ClaimReport, DocumentReport, LayerState, StateQuantity, StateRef, SymbolBinding } from '../core/check';

type State = NonNullable<DocumentReport['state']>;
interface Tensor {
  readonly data: ArrayLike<number>;
  readonly rows: number;
  readonly cols: number;
}

const MAX_ROWS = 8;
const FIRST_ENTRIES = 4;
const CORNER = 4;

export const fmt = (x: number): string => (Number.isFinite(x) ? (x === 0 || Number.isInteger(x) ? String(x) : x.toPrecision(4)) : String(x));
const fmtError = (x: number | undefined): string => (x === undefined ? '—' : Number.isFinite(x) ? x.toExponential(1) : String(x));

/** Markdown-safe text for prose and table cells. */
export function escape(text: string): string {
  return text.replace(/[\\`*_|<>[\]]/g, (c) => `\\${c}`);
}

const QUANTITY_NAMES: Record<StateQuantity, string> = {
  z: 'z (pre-activation)',
  o: 'o (activation)',
  delta: 'δ = ∂L/∂z',
  dO: '∂L/∂o',
  W: 'W (weights)',
  b: 'b (bias)',
  dW: '∂L/∂W',
  db: '∂L/∂b',
};

/** State quantities are named like LayerState's fields: W and dW are matrices, the rest vectors. */
function tensorOf(layer: LayerState, quantity: StateQuantity): Tensor | undefined {
  if (quantity === 'W' || quantity === 'dW') return layer[quantity];
  const data = layer[quantity];
  return data ? { data, rows: data.length, cols: 1 } : undefined;
}

const shapeText = (t: Tensor) => (t.cols === 1 ? `${t.rows}` : `${t.rows}×${t.cols}`);

function stats(t: Tensor): { norm: number; min: number; max: number } {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < t.data.length; i++) {
    const v = t.data[i];
    sum += v * v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { norm: Math.sqrt(sum), min, max };
}

/** Layers that hold the quantity, as numbers: 'last' is the output layer. */
function layerIndex(state: State, layer: number | 'last'): number {
  return layer === 'last' ? state.layers.length - 1 : layer;
}

/** One row per layer: the compact view of a generic layer variable (δ^l). */
export function perLayerTable(state: State, quantity: StateQuantity): string {
  const rows: string[] = [];
  for (const layer of state.layers) {
    const t = tensorOf(layer, quantity);
    if (!t) continue;
    const { norm, min, max } = stats(t);
    const first = Array.from({ length: Math.min(FIRST_ENTRIES, t.data.length) }, (_, i) => fmt(t.data[i])).join(', ');
    rows.push(`| ${layer.layer} | ${shapeText(t)} | ${fmt(norm)} | ${fmt(min)} | ${fmt(max)} | ${first}${t.data.length > FIRST_ENTRIES ? ', …' : ''} |`);
  }
  if (rows.length === 0) return '';
  return ['| layer | shape | ‖·‖₂ | min | max | first entries |', '| ---: | :---: | ---: | ---: | ---: | :--- |', ...rows].join('\n');
}

/** A concrete layer: the whole vector (up to a limit) or the matrix's top-left corner. */
export function layerValues(t: Tensor): string {
  if (t.cols === 1) {
    const n = Math.min(MAX_ROWS, t.rows);
    const rows = Array.from({ length: n }, (_, i) => `| ${i + 1} | ${fmt(t.data[i])} |`);
    const more = t.rows > n ? `\n\n…and ${t.rows - n} more entries` : '';
    return ['| index | value |', '| ---: | ---: |', ...rows].join('\n') + more;
  }
  const r = Math.min(CORNER, t.rows);
  const c = Math.min(CORNER, t.cols);
  const header = `| | ${Array.from({ length: c }, (_, j) => `${j + 1}`).join(' | ')} |`;
  const align = `| ---: | ${Array.from({ length: c }, () => '---:').join(' | ')} |`;
  const rows = Array.from({ length: r }, (_, i) => `| **${i + 1}** | ${Array.from({ length: c }, (_, j) => fmt(t.data[i * t.cols + j])).join(' | ')} |`);
  const corner = t.rows > r || t.cols > c ? `\n\ntop-left ${r}×${c} corner of ${t.rows}×${t.cols}` : '';
  return [header, align, ...rows].join('\n') + corner;
}

/** The layer a use of the symbol is written with (`\delta^{2}`, `o^L`); undefined for a generic `l`. */
export function writtenLayer(written: string, symbol: string): number | 'last' | undefined {
  const rest = written.replace(/\s+/g, '').replace(symbol.startsWith('\\') ? symbol : new RegExp(`^\\\\?${symbol}`), '');
  const m = /^(?:_\{[^{}]*\}|_[0-9A-Za-z])?\^(?:\{([^{}]*)\}|([0-9A-Za-z]))/.exec(rest);
  // W^{[2]}, h^{(2)}: the bracket is the author's way to mark a layer.
  const layer = m ? (m[1] ?? m[2]).replace(/^\[(.*)\]$|^\((.*)\)$/, '$1$2') : undefined;
  if (layer === undefined) return undefined;
  if (/^\d+$/.test(layer)) return Number(layer);
  if (layer === 'L') return 'last';
  return undefined;
}

/** Which values a hover shows: the first sample, or in a batch document its first example. */
function sampleName(report: DocumentReport): string {
  const batch = report.network?.batch;
  return batch ? `first example of a batch of ${batch.size}` : 'first sample';
}

export function valuesSection(state: State, ref: StateRef, written: number | 'last' | undefined, sample = 'first sample'): string {
  const layer = ref.layer ?? written;
  const name = QUANTITY_NAMES[ref.quantity];
  if (layer === undefined) {
    const table = perLayerTable(state, ref.quantity);
    return table ? `${escape(name)} per layer, ${sample}:\n\n${table}` : '';
  }
  const index = layerIndex(state, layer);
  const t = state.layers[index] ? tensorOf(state.layers[index], ref.quantity) : undefined;
  if (!t) return `no ${escape(name)} at layer ${index} in this network`;
  return `${escape(name)} at layer ${index} (${shapeText(t)}), ${sample}:\n\n${layerValues(t)}`;
}

/** What the symbol means, where that was decided, and its numbers. */
export function symbolHover(binding: SymbolBinding, written: string, report: DocumentReport): string {
  const parts = [`\`${binding.symbol.replace(/`/g, "'")}\` — ${escape(binding.meaning)}`, `*${escape(binding.boundBy)}*`];
  if (binding.values && report.state) {
    const values = valuesSection(report.state, binding.values, writtenLayer(written, binding.symbol), sampleName(report));
    if (values) parts.push(values);
  }
  return parts.join('\n\n');
}

/** `l = 2, j = 1` (the report's `where`). */
const indexValues = (where: Readonly<Record<string, number>>) =>
  Object.entries(where)
    .map(([name, value]) => `${name} = ${value}`)
    .join(', ');

const VERDICT_TITLES: Record<ClaimReport['status'], string> = { ok: '✓ holds', mismatch: '✗ does not hold', unchecked: '? not checked', definition: '≔ definition' };

/** Left side vs right side vs finite differences at the worst sample and index. */
export function claimHover(claim: ClaimReport, report: DocumentReport): string {
  const parts = [`**${VERDICT_TITLES[claim.status]}** \`${claim.latex.replace(/`/g, "'")}\``];
  if (claim.status === 'ok' || claim.status === 'mismatch') {
    const tolerance = report.tolerance ? `tolerance: |left − right| ≤ ${report.tolerance.atol} + ${report.tolerance.rtol}·|left| per entry` : '';
    parts.push(`relative error ${fmtError(claim.maxRelError)} (against finite differences ${fmtError(claim.differencesRelError)}); ${tolerance}`);
    const at = [claim.worst?.sample !== undefined ? `sample ${claim.worst.sample + 1} of ${report.samples}` : '', claim.where ? escape(indexValues(claim.where)) : ''].filter(Boolean).join(', ');
    if (claim.worst) {
      const w = claim.worst;
      const n = Math.min(MAX_ROWS, Math.max(w.lhs.length, w.rhs.length));
      const cell = (xs: readonly number[] | undefined, i: number) => (xs && i < xs.length ? fmt(xs[i]) : '—');
      const rows = Array.from({ length: n }, (_, i) => `| ${i + 1} | ${cell(w.lhs, i)} | ${cell(w.rhs, i)} | ${cell(w.differences, i)} |`);
      parts.push(
        `worst case${at ? ` (${at})` : ''}: left ${escape(w.lhsShape)}, right ${escape(w.rhsShape)}`,
        ['| entry | left side | right side | finite differences |', '| ---: | ---: | ---: | ---: |', ...rows].join('\n') +
          (Math.max(w.lhs.length, w.rhs.length) > n ? `\n\n…${Math.max(w.lhs.length, w.rhs.length) - n} more entries` : ''),
      );
    }
  }
  parts.push(escape(claim.message) + (claim.diagnosis ? ` — ${escape(claim.diagnosis)}` : ''));
  return parts.join('\n\n');
}
