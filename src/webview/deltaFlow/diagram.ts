// The network as columns of units: forward values, then δ flowing back from
// the loss, with ∂L/∂W on the edges (colour = sign, width = size) and, when
// asked, the document's claimed values beside backprop's.
import { formatNumber, palette, svg } from '../shared/dom';
import { disagrees, type FlowStep, type FlowView, type LayerView } from './model';

/** Wide layers show this many units and a count of the rest. */
export const SHOWN_UNITS = 10;

export interface DiagramOptions {
  readonly step: FlowStep;
  readonly showClaimed: boolean;
  readonly highlighted: ReadonlySet<number>;
  readonly selected?: number;
  readonly onLayer: (layer: number) => void;
}

const maxAbs = (values: readonly number[] | undefined): number => (values ?? []).reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;

function reached(step: FlowStep, layer: number, phase: 'forward' | 'backward'): boolean {
  if (phase === 'forward') return step.phase !== 'forward' || layer <= step.layer;
  return step.phase === 'backward' && layer >= step.layer;
}

export function drawDiagram(view: FlowView, options: DiagramOptions): SVGElement {
  const colours = palette();
  const columns = view.layers.length + 1; // + the loss
  const tallest = Math.min(SHOWN_UNITS, Math.max(...view.layers.map((l) => l.o.length)));
  const columnWidth = 150;
  const rowHeight = 46;
  const top = 52;
  const width = columns * columnWidth;
  const height = top + tallest * rowHeight + 24;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, class: 'diagram', role: 'img', 'aria-label': 'the network, layer by layer' });
  const x = (layer: number) => columnWidth / 2 + layer * columnWidth;
  const y = (unit: number, count: number) => top + (tallest - Math.min(count, SHOWN_UNITS)) * (rowHeight / 2) + unit * rowHeight + rowHeight / 2;
  const edges = svg('g', { class: 'edges' });
  root.append(edges);

  view.layers.forEach((layer, l) => {
    if (l === 0) return;
    const previous = view.layers[l - 1];
    const backward = reached(options.step, l, 'backward');
    const values = backward ? layer.dW : layer.W?.data;
    const scale = maxAbs(values);
    const cols = previous.o.length;
    for (let r = 0; r < Math.min(layer.o.length, SHOWN_UNITS); r++) {
      for (let c = 0; c < Math.min(cols, SHOWN_UNITS); c++) {
        const v = values?.[r * cols + c] ?? 0;
        const claimed = layer.claimed?.dW?.[r * cols + c];
        const wrong = options.showClaimed && backward && claimed !== undefined && disagrees(claimed, layer.dW?.[r * cols + c] ?? 0);
        edges.append(
          svg('line', {
            x1: x(l - 1) + 16, y1: y(c, cols), x2: x(l) - 16, y2: y(r, layer.o.length),
            stroke: wrong ? colours.error : v >= 0 ? colours.positive : colours.negative,
            'stroke-width': (0.5 + 3.5 * Math.abs(v) / scale).toFixed(2),
            'stroke-opacity': (0.25 + 0.75 * Math.abs(v) / scale).toFixed(2),
            'stroke-dasharray': wrong ? '4 3' : undefined,
            class: wrong ? 'edge disagree' : 'edge',
          }),
        );
      }
    }
  });

  view.layers.forEach((layer, l) => root.append(column(layer, l, view, options, { x: x(l), y, width: columnWidth, height })));
  root.append(lossColumn(view, options, x(view.layers.length), top + (tallest * rowHeight) / 2));
  return root;
}

function column(layer: LayerView, l: number, view: FlowView, options: DiagramOptions, at: { x: number; y: (unit: number, count: number) => number; width: number; height: number }): SVGElement {
  const colours = palette();
  const forward = reached(options.step, l, 'forward');
  const backward = l > 0 && reached(options.step, l, 'backward');
  const current = options.step.layer === l && options.step.phase !== 'loss';
  const classes = ['layer', forward ? 'reached' : '', backward ? 'backward' : '', current ? 'current' : '', options.highlighted.has(l) ? 'highlighted' : '', options.selected === l ? 'selected' : ''];
  const group = svg('g', { class: classes.filter(Boolean).join(' '), 'data-layer': l, tabindex: 0, role: 'button', 'aria-label': `layer ${l}: show the claims about it` });
  group.append(svg('rect', { class: 'column-bg', x: at.x - at.width / 2 + 6, y: 4, width: at.width - 12, height: at.height - 8, rx: 6 }));
  const title = l === 0 ? 'input x' : `layer ${l}${layer.activation ? ` · ${layer.activation}` : ''}`;
  group.append(svg('text', { x: at.x, y: 22, class: 'column-title', 'text-anchor': 'middle' }, title));
  const shown = backward ? layer.delta : forward ? layer.o : undefined;
  const scale = maxAbs(shown);
  const count = layer.o.length;
  for (let u = 0; u < Math.min(count, SHOWN_UNITS); u++) {
    const v = shown?.[u];
    const claimed = backward ? layer.claimed?.delta?.[u] : undefined;
    const wrong = options.showClaimed && claimed !== undefined && v !== undefined && disagrees(claimed, v);
    const cy = at.y(u, count);
    group.append(
      svg('circle', {
        cx: at.x, cy, r: 14,
        fill: v === undefined ? 'none' : v >= 0 ? colours.positive : colours.negative,
        'fill-opacity': v === undefined ? 0 : (0.15 + 0.85 * Math.abs(v) / scale).toFixed(2),
        class: wrong ? 'unit disagree' : 'unit',
        'data-unit': u + 1,
      }),
    );
    const label = v === undefined ? '' : `${backward ? 'δ' : 'o'} ${formatNumber(v)}`;
    group.append(svg('text', { x: at.x + 19, y: cy - 2, class: 'unit-value' }, label));
    if (options.showClaimed && claimed !== undefined) group.append(svg('text', { x: at.x + 19, y: cy + 11, class: wrong ? 'unit-claimed disagree' : 'unit-claimed' }, `doc ${formatNumber(claimed)}`));
    else if (forward && l > 0 && layer.z) group.append(svg('text', { x: at.x + 19, y: cy + 11, class: 'unit-secondary' }, `z ${formatNumber(layer.z[u])}`));
  }
  if (count > SHOWN_UNITS) group.append(svg('text', { x: at.x, y: at.y(SHOWN_UNITS, count) - 8, class: 'unit-secondary', 'text-anchor': 'middle' }, `+${count - SHOWN_UNITS} more`));
  group.addEventListener('click', () => options.onLayer(l));
  group.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key === 'Enter' || (event as KeyboardEvent).key === ' ') {
      event.preventDefault();
      options.onLayer(l);
    }
  });
  void view;
  return group;
}

function lossColumn(view: FlowView, options: DiagramOptions, x: number, y: number): SVGElement {
  const shown = options.step.phase !== 'forward';
  const group = svg('g', { class: shown ? 'layer loss reached' : 'layer loss', 'data-layer': 'loss' });
  group.append(svg('text', { x, y: 22, class: 'column-title', 'text-anchor': 'middle' }, 'loss L'));
  group.append(svg('rect', { x: x - 22, y: y - 22, width: 44, height: 44, rx: 8, class: 'loss-node' }));
  group.append(svg('text', { x, y: y + 40, class: 'unit-value', 'text-anchor': 'middle' }, shown ? formatNumber(view.loss) : ''));
  return group;
}
