// The δ-flow page: the checked document's network, forward then backward,
// step by step; gradient norms per layer; what-if passes; the document's
// claimed values beside backprop's; layers linked to the document's lines.
import { ACTIVATIONS, type Activation } from '../core/engine';
import { drawNormBars } from './deltaFlow/bars';
import { drawDiagram } from './deltaFlow/diagram';
import { flowSteps, flowView, isBaseline, NO_WHAT_IF, type FlowStep, type WhatIf } from './deltaFlow/model';
import { el, formatNumber, labelled, renderMath, select } from './shared/dom';
import { loadState, onHostMessage, post, saveState } from './shared/host';
import type { FlowDocument } from './shared/protocol';

interface PageState {
  step: number;
  showClaimed: boolean;
  whatIf: WhatIf;
  selected?: number;
  document?: FlowDocument;
}

const state: PageState = loadState<PageState>({ step: 0, showClaimed: false, whatIf: NO_WHAT_IF });
let highlighted = new Set<number>();
let timer: ReturnType<typeof setInterval> | undefined;

const STEP_MS = 700;

const playButton = el('button', { id: 'play', type: 'button', title: 'Play or pause the animation' }, 'Play');
const backButton = el('button', { id: 'step-back', type: 'button', title: 'One step back', 'aria-label': 'step back' }, '◀ Step');
const stepButton = el('button', { id: 'step', type: 'button', title: 'One step forward', 'aria-label': 'step forward' }, 'Step ▶');
const slider = el('input', { id: 'slider', type: 'range', min: 0, max: 0, value: 0, 'aria-label': 'animation step' });
const claimedToggle = el('input', { id: 'show-claimed', type: 'checkbox' });
const sampleSelect = select('sample', [['1', 'sample 1 (the report’s)'], ['2', 'sample 2'], ['3', 'sample 3']], '1');
const seedInput = el('input', { id: 'weight-seed', type: 'number', min: 0, step: 1, value: 7, 'aria-label': 'weight seed' });
const redrawButton = el('button', { id: 'redraw', type: 'button', title: 'Draw the weights again with this seed' }, 'Re-draw weights');
const resetButton = el('button', { id: 'reset', type: 'button', title: 'Back to the report’s numbers' }, 'Reset');
const activationsBox = el('span', { id: 'activations', class: 'activations' });
const header = el('div', { class: 'header' }, el('h1', {}, 'δ flow'), el('span', { id: 'file', class: 'muted' }));
const caption = el('div', { id: 'caption', class: 'caption', 'aria-live': 'polite' });
const diagramBox = el('div', { id: 'diagram', class: 'diagram-box' });
const barsBox = el('div', { id: 'bars', class: 'panel' });
const claimsBox = el('div', { id: 'claims', class: 'panel' });
const message = el('div', { id: 'message', class: 'message' }, 'Waiting for a checked derivation…');
const whatIfNote = el('span', { id: 'what-if', class: 'muted' });

document.body.append(
  header,
  message,
  el(
    'div',
    { class: 'toolbar', role: 'toolbar', 'aria-label': 'animation' },
    playButton, backButton, stepButton, labelled('step', slider),
    labelled('claimed values', claimedToggle),
  ),
  el('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'what if' }, labelled('sample', sampleSelect), labelled('seed', seedInput), redrawButton, activationsBox, resetButton, whatIfNote),
  caption,
  diagramBox,
  el('div', { class: 'columns' }, el('section', {}, el('h2', {}, 'Gradient norms'), barsBox), el('section', {}, el('h2', { id: 'claims-title' }, 'Claims'), claimsBox)),
);

function steps(): FlowStep[] {
  return state.document ? flowSteps(state.document.network.layers.length) : [];
}

function setStep(step: number): void {
  const last = steps().length - 1;
  state.step = Math.max(0, Math.min(last, step));
  if (state.step >= last) pause();
  render();
}

function play(): void {
  if (state.step >= steps().length - 1) state.step = 0;
  timer ??= setInterval(() => setStep(state.step + 1), STEP_MS);
  playButton.textContent = 'Pause';
  playButton.setAttribute('aria-pressed', 'true');
}

function pause(): void {
  if (timer) clearInterval(timer);
  timer = undefined;
  playButton.textContent = 'Play';
  playButton.setAttribute('aria-pressed', 'false');
}

function setWhatIf(next: WhatIf): void {
  state.whatIf = next;
  if (state.document) renderActivations(state.document);
  render();
}

playButton.addEventListener('click', () => (timer ? pause() : play()));
backButton.addEventListener('click', () => setStep(state.step - 1));
stepButton.addEventListener('click', () => setStep(state.step + 1));
slider.addEventListener('input', () => setStep(Number(slider.value)));
claimedToggle.addEventListener('change', () => {
  state.showClaimed = claimedToggle.checked;
  render();
});
sampleSelect.addEventListener('change', () => setWhatIf({ ...state.whatIf, sample: Number(sampleSelect.value) }));
redrawButton.addEventListener('click', () => setWhatIf({ ...state.whatIf, weightSeed: Math.floor(Number(seedInput.value)) || 0 }));
resetButton.addEventListener('click', () => setWhatIf(NO_WHAT_IF));

function stepCaption(step: FlowStep, last: number): string {
  const l = step.layer;
  if (step.phase === 'forward') return l === 0 ? 'o^{0} = x' : `z^{${l}} = W^{${l}} o^{${l - 1}} + b^{${l}}, \\quad o^{${l}} = \\sigma(z^{${l}})`;
  if (step.phase === 'loss') return 'L = \\ell(o^{L}, y)';
  if (l === last) return `\\delta^{L} = \\frac{\\partial L}{\\partial z^{L}}, \\quad \\frac{\\partial L}{\\partial W^{L}} = \\delta^{L} (o^{L-1})^{T}`;
  return `\\delta^{${l}} = \\big((W^{${l + 1}})^{T} \\delta^{${l + 1}}\\big) \\odot \\sigma'(z^{${l}}), \\quad \\frac{\\partial L}{\\partial W^{${l}}} = \\delta^{${l}} (o^{${l - 1}})^{T}`;
}

function renderActivations(doc: FlowDocument): void {
  activationsBox.replaceChildren(
    ...doc.network.layers.map((layer, i) => {
      const options = ACTIVATIONS.filter((a) => a !== 'softmax' || i === doc.network.layers.length - 1).map((a) => [a, a] as const);
      const chosen = state.whatIf.activations[i] ?? layer.activation;
      const control = select(`activation-${i + 1}`, options, chosen);
      control.addEventListener('change', () => {
        const activations = doc.network.layers.map((l, k) => state.whatIf.activations[k]);
        activations[i] = control.value === layer.activation ? undefined : (control.value as Activation);
        setWhatIf({ ...state.whatIf, activations });
      });
      return labelled(`σ${i + 1}`, control);
    }),
  );
}

function renderClaims(doc: FlowDocument): void {
  const layer = state.selected;
  const claims = layer === undefined ? doc.claims : doc.claims.filter((c) => c.layers.includes(layer));
  document.getElementById('claims-title')!.textContent = layer === undefined ? 'Claims' : `Claims about layer ${layer}`;
  const icon = { ok: '✓', mismatch: '✗', unchecked: '?', definition: '≔' } as const;
  claimsBox.replaceChildren(
    ...(claims.length === 0
      ? [el('p', { class: 'muted' }, layer === undefined ? 'No claims in this document.' : 'No claim concerns this layer.')]
      : claims.map((c) => {
          const math = el('span', { class: 'claim-math' });
          renderMath(math, c.latex);
          return el('div', { class: `claim ${c.status}`, 'data-line': c.line }, el('span', { class: 'claim-status', title: c.status }, icon[c.status]), el('span', { class: 'claim-line' }, `line ${c.line}`), math);
        })),
  );
}

/** Large networks are not kept in the webview's state (the host sends them again when the page loads). */
const MAX_SAVED_WEIGHTS = 100_000;
const weightCount = (doc: FlowDocument) => doc.layers.reduce((n, l) => n + (l.W?.data.length ?? 0), 0);

function render(): void {
  saveState(state.document && weightCount(state.document) > MAX_SAVED_WEIGHTS ? { ...state, document: undefined } : state);
  const doc = state.document;
  if (!doc) return;
  message.hidden = true;
  const all = steps();
  const step = all[Math.min(state.step, all.length - 1)];
  slider.max = String(all.length - 1);
  slider.value = String(state.step);
  claimedToggle.checked = state.showClaimed;
  claimedToggle.disabled = doc.claimed.length === 0;
  claimedToggle.title = doc.claimed.length === 0 ? 'The document claims no formula for δ, ∂L/∂W or ∂L/∂b' : 'Show the document’s claimed values beside backprop’s';
  sampleSelect.value = String(state.whatIf.sample);
  document.getElementById('file')!.textContent = doc.file;
  let view;
  try {
    view = flowView(doc, state.whatIf);
  } catch (error) {
    whatIfNote.textContent = `cannot compute this what-if: ${error instanceof Error ? error.message : String(error)}`;
    view = flowView(doc, NO_WHAT_IF);
  }
  whatIfNote.textContent = isBaseline(state.whatIf) ? `the report’s first sample · loss ${formatNumber(view.loss)}` : `what-if (computed in this panel) · loss ${formatNumber(view.loss)}`;
  renderMath(caption, stepCaption(step, doc.network.layers.length), true);
  caption.dataset.phase = step.phase;
  caption.dataset.layer = String(step.layer);
  diagramBox.replaceChildren(drawDiagram(view, { step, showClaimed: state.showClaimed, highlighted, selected: state.selected, onLayer: selectLayer }));
  barsBox.replaceChildren(drawNormBars(view));
  renderClaims(doc);
}

function selectLayer(layer: number): void {
  state.selected = state.selected === layer ? undefined : layer;
  render();
  const doc = state.document;
  if (!doc || state.selected === undefined) return;
  const lines = doc.claims.filter((c) => c.layers.includes(layer)).map((c) => c.line);
  if (lines.length > 0) post({ type: 'revealLines', lines });
}

onHostMessage((m) => {
  switch (m.type) {
    case 'flowDocument': {
      const sameNetwork = state.document && JSON.stringify(state.document.network) === JSON.stringify(m.document.network);
      state.document = m.document;
      if (!sameNetwork) {
        state.step = 0;
        state.whatIf = NO_WHAT_IF;
        state.selected = undefined;
      }
      renderActivations(m.document);
      render();
      break;
    }
    case 'highlightLayers':
      highlighted = new Set(m.layers);
      render();
      break;
    case 'noDocument':
      if (!state.document) {
        message.hidden = false;
        message.textContent = m.message;
      }
      break;
  }
});

if (state.document) {
  renderActivations(state.document);
  render();
}
document.addEventListener('visibilitychange', () => {
  if (document.hidden) pause();
});
post({ type: 'ready' });
