// Small DOM helpers shared by both pages: element builders, theme colours,
// number formatting, KaTeX (rendered through the DOM, so the CSP needs no inline styles).
import katex from 'katex';

type Attributes = Record<string, string | number | boolean | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  setAttributes(node, attributes);
  node.append(...children);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
export function svg(tag: string, attributes: Attributes = {}, ...children: (Node | string)[]): SVGElement {
  const node = document.createElementNS(SVG_NS, tag);
  setAttributes(node, attributes);
  node.append(...children);
  return node;
}

function setAttributes(node: Element, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
}

/** A theme colour from VS Code's variables, with a fallback outside VS Code. */
export function themeColour(variable: string, fallback: string): string {
  const value = getComputedStyle(document.body).getPropertyValue(variable).trim();
  return value || fallback;
}

/** A theme colour as [r, g, b]: "#rgb", "#rrggbb", "#rrggbbaa", "rgb(…)", "rgba(…)"; anything else a neutral grey. */
export function rgb(colour: string): [number, number, number] {
  const text = colour.trim();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(text)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
  }
  const functional = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(text);
  if (functional) return [Number(functional[1]), Number(functional[2]), Number(functional[3])];
  return [128, 128, 128];
}

export interface Palette {
  readonly positive: string;
  readonly negative: string;
  readonly error: string;
  readonly foreground: string;
  readonly muted: string;
  readonly accent: string;
  readonly background: string;
}

/** Opaque: some themes give chart colours an alpha (Dark Modern's orange is rgba(234, 92, 0, 0.33)), too faint for marks. */
const opaque = (colour: string): string => `rgb(${rgb(colour).join(', ')})`;

export function palette(): Palette {
  return {
    positive: opaque(themeColour('--vscode-charts-blue', '#3794ff')),
    negative: opaque(themeColour('--vscode-charts-orange', '#d18616')),
    error: opaque(themeColour('--vscode-errorForeground', '#f14c4c')),
    foreground: themeColour('--vscode-foreground', '#cccccc'),
    muted: themeColour('--vscode-descriptionForeground', '#999999'),
    accent: opaque(themeColour('--vscode-charts-green', '#89d185')),
    background: themeColour('--vscode-editor-background', '#1e1e1e'),
  };
}

export function formatNumber(x: number | undefined): string {
  if (x === undefined || Number.isNaN(x)) return '—';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const a = Math.abs(x);
  const text = a >= 1e4 || a < 1e-3 ? x.toExponential(2) : x.toPrecision(3);
  return text.replace('-', '−');
}

export function norm(values: readonly number[] | undefined): number {
  if (!values) return NaN;
  let s = 0;
  for (const v of values) s += v * v;
  return Math.sqrt(s);
}

export function renderMath(target: HTMLElement, latex: string, displayMode = false): void {
  try {
    katex.render(latex, target, { displayMode, throwOnError: false, output: 'htmlAndMathml' });
  } catch {
    target.textContent = latex;
  }
}

/** A labelled control in the toolbar. */
export function labelled(text: string, control: HTMLElement): HTMLLabelElement {
  return el('label', { class: 'control' }, el('span', {}, text), control);
}

export function select(id: string, options: readonly (readonly [string, string])[], value: string): HTMLSelectElement {
  const node = el('select', { id });
  for (const [v, label] of options) node.append(el('option', { value: v, selected: v === value }, label));
  node.value = value;
  return node;
}
