// Canvas drawings of the playground: decision-boundary heatmap (or the
// regression curve), loss curves, gradient norms over time, weights as edges.
import { rgb, type Palette } from '../shared/dom';
import { HEATMAP_SIZE, INPUT_RANGE } from './training';

export function prepare(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || Number(canvas.getAttribute('width'));
  const height = canvas.clientHeight || Number(canvas.getAttribute('height'));
  if (canvas.width !== Math.round(width * ratio)) canvas.width = Math.round(width * ratio);
  if (canvas.height !== Math.round(height * ratio)) canvas.height = Math.round(height * ratio);
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

const size = (canvas: HTMLCanvasElement) => ({ w: canvas.clientWidth || Number(canvas.getAttribute('width')), h: canvas.clientHeight || Number(canvas.getAttribute('height')) });

export interface Points {
  readonly xs: readonly (readonly number[])[];
  readonly targets: readonly number[];
  readonly test: readonly boolean[];
}

const field = typeof document !== 'undefined' ? document.createElement('canvas') : undefined;

/** Scores in [0, 1] as a blue (class 1) / orange (class 0) field, the data on top. One image, scaled: cheap enough for every frame. */
export function drawHeatmap(canvas: HTMLCanvasElement, scores: readonly number[], points: Points, colours: Palette): void {
  const ctx = prepare(canvas);
  const { w, h } = size(canvas);
  const image = new ImageData(HEATMAP_SIZE, HEATMAP_SIZE);
  const positive = rgb(colours.positive);
  const negative = rgb(colours.negative);
  scores.forEach((score, i) => {
    const s = Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0.5;
    const [r, g, b] = s >= 0.5 ? positive : negative;
    image.data.set([r, g, b, Math.round(Math.abs(s - 0.5) * 1.2 * 255)], i * 4);
  });
  field!.width = HEATMAP_SIZE;
  field!.height = HEATMAP_SIZE;
  field!.getContext('2d')!.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(field!, 0, 0, w, h);
  const toX = (v: number) => ((v + INPUT_RANGE) / (2 * INPUT_RANGE)) * w;
  const toY = (v: number) => ((INPUT_RANGE - v) / (2 * INPUT_RANGE)) * h;
  for (const test of [false, true]) {
    for (const cls of [0, 1]) {
      ctx.beginPath();
      points.xs.forEach((p, i) => {
        if (points.test[i] !== test || points.targets[i] !== cls) return;
        ctx.moveTo(toX(p[0]) + 3, toY(p[1]));
        ctx.arc(toX(p[0]), toY(p[1]), 3, 0, 2 * Math.PI);
      });
      ctx.fillStyle = cls === 1 ? colours.positive : colours.negative;
      ctx.fill();
      ctx.lineWidth = test ? 1.5 : 0.8;
      ctx.strokeStyle = test ? colours.foreground : colours.background;
      ctx.stroke();
    }
  }
}

/** The 1-D regression: the data and the network's curve. */
export function drawRegression(canvas: HTMLCanvasElement, curve: readonly number[], points: Points, colours: Palette): void {
  const ctx = prepare(canvas);
  const { w, h } = size(canvas);
  const yRange = 2;
  const toX = (v: number) => ((v + INPUT_RANGE) / (2 * INPUT_RANGE)) * w;
  const toY = (v: number) => h / 2 - (v / yRange) * (h / 2);
  points.xs.forEach((p, i) => {
    ctx.beginPath();
    ctx.arc(toX(p[0]), toY(points.targets[i]), 2.5, 0, 2 * Math.PI);
    ctx.fillStyle = points.test[i] ? colours.negative : colours.muted;
    ctx.fill();
  });
  ctx.beginPath();
  curve.forEach((v, i) => {
    const x = (i / (curve.length - 1)) * w;
    if (i === 0) ctx.moveTo(x, toY(v));
    else ctx.lineTo(x, toY(v));
  });
  ctx.strokeStyle = colours.positive;
  ctx.lineWidth = 2;
  ctx.stroke();
}

export interface Series {
  readonly values: readonly number[];
  readonly colour: string;
  readonly dashed?: boolean;
  readonly label: string;
}

/** Line series against step (or index), a shared y-range, optional log scale; a small legend. */
export function drawLines(canvas: HTMLCanvasElement, steps: readonly number[], series: readonly Series[], colours: Palette, options: { log?: boolean } = {}): void {
  const ctx = prepare(canvas);
  const { w, h } = size(canvas);
  const transform = (v: number) => (options.log ? Math.log10(Math.max(v, 1e-12)) : v);
  const finite = series.flatMap((s) => s.values.map(transform)).filter(Number.isFinite);
  if (finite.length === 0) return;
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (!options.log) lo = Math.min(0, lo);
  if (hi - lo < 1e-12) hi = lo + 1;
  const pad = { left: 38, right: 6, top: 6, bottom: 16 };
  const first = steps[0] ?? 0;
  const last = Math.max(first + 1, steps[steps.length - 1] ?? 1);
  const toX = (i: number, n: number) => pad.left + (((steps[i] ?? i) - first) / (last - first || n)) * (w - pad.left - pad.right);
  const toY = (v: number) => pad.top + (1 - (transform(v) - lo) / (hi - lo)) * (h - pad.top - pad.bottom);
  ctx.fillStyle = colours.muted;
  ctx.font = '10px sans-serif';
  ctx.fillText(options.log ? `1e${hi.toFixed(0)}` : hi.toPrecision(2), 2, pad.top + 8);
  ctx.fillText(options.log ? `1e${lo.toFixed(0)}` : lo.toPrecision(2), 2, h - pad.bottom);
  ctx.fillText(`step ${last}`, w - 60, h - 3);
  series.forEach((s) => {
    ctx.beginPath();
    s.values.forEach((v, i) => {
      const y = toY(v);
      if (!Number.isFinite(y)) return;
      if (i === 0) ctx.moveTo(toX(i, s.values.length), y);
      else ctx.lineTo(toX(i, s.values.length), y);
    });
    ctx.strokeStyle = s.colour;
    ctx.setLineDash(s.dashed ? [4, 3] : []);
    ctx.lineWidth = 1.5;
    ctx.stroke();
    ctx.setLineDash([]);
  });
  // The legend, top right: loss curves and norms fall away from there.
  series.filter((s) => s.label).forEach((s, k) => {
    ctx.fillStyle = s.colour;
    ctx.fillText(s.label, w - pad.right - 100, pad.top + 10 + k * 12);
  });
}

/** Weights as coloured edges between columns of units. */
export function drawWeights(canvas: HTMLCanvasElement, sizes: readonly number[], weights: readonly (readonly number[])[], colours: Palette): void {
  const ctx = prepare(canvas);
  const { w, h } = size(canvas);
  const x = (l: number) => 14 + (l / (sizes.length - 1)) * (w - 28);
  const y = (u: number, n: number) => (h * (u + 0.5)) / n;
  const scale = Math.max(1e-9, ...weights.flatMap((m) => m.map(Math.abs)));
  weights.forEach((m, k) => {
    const rows = sizes[k + 1];
    const cols = sizes[k];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const v = m[r * cols + c];
        ctx.beginPath();
        ctx.moveTo(x(k), y(c, cols));
        ctx.lineTo(x(k + 1), y(r, rows));
        ctx.strokeStyle = v >= 0 ? colours.positive : colours.negative;
        ctx.globalAlpha = 0.2 + 0.8 * Math.min(1, Math.abs(v) / scale);
        ctx.lineWidth = 0.5 + 2.5 * Math.min(1, Math.abs(v) / scale);
        ctx.stroke();
      }
    }
  });
  ctx.globalAlpha = 1;
  sizes.forEach((n, l) => {
    for (let u = 0; u < n; u++) {
      ctx.beginPath();
      ctx.arc(x(l), y(u, n), 4, 0, 2 * Math.PI);
      ctx.fillStyle = colours.foreground;
      ctx.fill();
    }
  });
}
