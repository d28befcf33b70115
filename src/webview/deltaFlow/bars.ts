// Per-layer gradient norms ‖δ^l‖, ‖∂L/∂W^l‖, ‖∂L/∂b^l‖ as grouped bars on a
// log scale, so vanishing and exploding gradients stand out at a glance.
import { formatNumber, norm, palette, svg } from '../shared/dom';
import type { FlowView } from './model';

export const NORM_KINDS = [
  { key: 'delta', label: '‖δ^l‖' },
  { key: 'dW', label: '‖∂L/∂W^l‖' },
  { key: 'db', label: '‖∂L/∂b^l‖' },
] as const;

export function layerNorms(view: FlowView): { layer: number; delta: number; dW: number; db: number }[] {
  return view.layers.slice(1).map((l) => ({ layer: l.layer, delta: norm(l.delta), dW: norm(l.dW), db: norm(l.db) }));
}

export function drawNormBars(view: FlowView): SVGElement {
  const colours = palette();
  const fills = [colours.positive, colours.negative, colours.accent];
  const norms = layerNorms(view);
  const all = norms.flatMap((n) => [n.delta, n.dW, n.db]).filter((v) => v > 0 && Number.isFinite(v));
  const lo = Math.floor(Math.log10(Math.min(...all, 1)));
  const hi = Math.ceil(Math.log10(Math.max(...all, 1e-12))) + (all.length ? 0 : 1);
  const span = Math.max(1, hi - lo);
  const barHeight = 12;
  const groupHeight = 3 * barHeight + 14;
  const left = 70;
  const width = 420;
  const height = norms.length * groupHeight + 30;
  const root = svg('svg', { viewBox: `0 0 ${left + width + 80} ${height}`, width: left + width + 80, height, class: 'norm-bars', role: 'img', 'aria-label': 'gradient norms per layer' });
  norms.forEach((n, i) => {
    const y0 = i * groupHeight + 6;
    root.append(svg('text', { x: 4, y: y0 + 1.5 * barHeight + 4, class: 'bar-layer' }, `layer ${n.layer}`));
    [n.delta, n.dW, n.db].forEach((value, k) => {
      const w = value > 0 && Number.isFinite(value) ? ((Math.log10(value) - lo) / span) * width : 0;
      root.append(svg('rect', { x: left, y: y0 + k * barHeight, width: Math.max(1, w).toFixed(1), height: barHeight - 2, fill: fills[k], class: `bar bar-${NORM_KINDS[k].key}`, 'data-layer': n.layer, 'data-value': value }));
      root.append(svg('text', { x: left + Math.max(1, w) + 4, y: y0 + k * barHeight + barHeight - 3, class: 'bar-value' }, `${NORM_KINDS[k].label.replace('^l', `^${n.layer}`)} ${formatNumber(value)}`));
    });
  });
  root.append(svg('text', { x: left, y: height - 6, class: 'bar-axis' }, `log scale, 1e${lo} … 1e${hi}`));
  return root;
}
