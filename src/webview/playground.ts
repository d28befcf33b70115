// The training playground page: settings, play/pause/step/reset, live
// curves and pictures, and "train with my derivation" beside backprop.
// Training runs in a Web Worker (its bundle fetched from the extension's
// files into a blob, since a webview may only start workers from blobs);
// if a worker cannot start, the same loop runs here in short slices.
import { HEATMAP_SIZE } from './playground/training';
import { drawHeatmap, drawLines, drawRegression, drawWeights, type Points, type Series } from './playground/charts';
import { fitNetwork, SettingsForm } from './playground/controls';
import { DEFAULT_SETTINGS } from './playground/defaults';
import { TrainingLoop } from './playground/loop';
import { settingsSpec, weightsJson } from './playground/spec';
import { makeToyData } from './playground/training';
import { documentGradients } from '../core/check';
import type { NetworkConfig } from '../core/engine';
import { el, formatNumber, labelled, palette, renderMath } from './shared/dom';
import { loadState, onHostMessage, post, saveState } from './shared/host';
import type { DerivationClaimInfo, PlaygroundDocument, PlaygroundSettings, TrainingSnapshot, WorkerMessage, WorkerRequest } from './shared/protocol';

interface PageState {
  settings: PlaygroundSettings;
  useDerivation: boolean;
}

const state = loadState<PageState>({ settings: DEFAULT_SETTINGS, useDerivation: false });
let documentInfo: PlaygroundDocument | undefined;
let latest: { snapshot: TrainingSnapshot; playing: boolean; stepsPerSecond: number; claims?: readonly DerivationClaimInfo[] } | undefined;
let dirty = false;
let points: Points = { xs: [], targets: [], test: [] };

// Controls.
const playButton = el('button', { id: 'play', type: 'button' }, 'Play');
const stepButton = el('button', { id: 'step', type: 'button', title: 'Ten training steps' }, 'Step');
const resetButton = el('button', { id: 'reset', type: 'button', title: 'New initial weights from the seed, step 0' }, 'Reset');
const derivationToggle = el('input', { id: 'use-derivation', type: 'checkbox', disabled: true });
const adoptButton = el('button', { id: 'use-document-network', type: 'button', disabled: true, title: 'Train the document’s network (its input adapted to the data)' }, 'Use the document’s network');
const exportButton = el('button', { id: 'export-weights', type: 'button' }, 'Export weights (JSON)');
const insertButton = el('button', { id: 'insert-spec', type: 'button', disabled: true, title: 'Insert these settings as an mlp block in the document (undoable)' }, 'Insert as mlp block');
const form = new SettingsForm(state.settings, (settings) => {
  state.settings = settings;
  configure();
});

// Outputs.
const status = el('div', { id: 'status', class: 'status', 'aria-live': 'polite' });
const canvas = (id: string, width: number, height: number) => el('canvas', { id, width, height, class: 'chart' });
const backpropPicture = canvas('picture-backprop', 260, 260);
const derivationPicture = canvas('picture-derivation', 260, 260);
const lossChart = canvas('loss-chart', 420, 160);
const normChart = canvas('norm-chart', 420, 140);
const weightsChart = canvas('weights-chart', 420, 150);
const derivationPanel = el('div', { id: 'derivation', class: 'panel derivation', hidden: true });
const documentNote = el('div', { id: 'document', class: 'muted' }, 'No document: training the playground’s own network.');
const backpropCard = el('figure', { class: 'run' }, el('figcaption', {}, 'backprop'), backpropPicture, el('div', { id: 'backprop-metrics', class: 'metrics' }));
const derivationCard = el('figure', { class: 'run', id: 'derivation-run', hidden: true }, el('figcaption', {}, 'your derivation'), derivationPicture, el('div', { id: 'derivation-metrics', class: 'metrics' }));

document.body.append(
  el('div', { class: 'header' }, el('h1', {}, 'Training playground'), documentNote),
  el('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'training' }, playButton, stepButton, resetButton, labelled('train with my derivation', derivationToggle), adoptButton, exportButton, insertButton),
  status,
  el(
    'div',
    { class: 'playground' },
    form.element,
    el('div', { class: 'outputs' }, el('div', { class: 'runs' }, backpropCard, derivationCard), derivationPanel,
      el('section', {}, el('h2', {}, 'Loss (train solid, test dashed)'), lossChart),
      el('section', {}, el('h2', {}, 'Gradient norms ‖∂L/∂W^l‖ per step'), normChart),
      el('section', {}, el('h2', {}, 'Weights'), weightsChart)),
  ),
);

// The training backend: a worker, or the same loop in this page.
type Backend = (request: WorkerRequest) => void;
let backend: Backend | undefined;
const queued: WorkerRequest[] = [];
function send(request: WorkerRequest): void {
  if (backend) backend(request);
  else queued.push(request);
}

function receive(message: WorkerMessage): void {
  if (message.type === 'error') {
    status.textContent = `Training stopped: ${message.message}`;
    status.classList.add('error');
    setPlaying(false);
    return;
  }
  latest = { snapshot: message.snapshot, playing: message.playing, stepsPerSecond: message.stepsPerSecond, claims: message.derivationClaims };
  dirty = true;
}

function inPage(): Backend {
  document.body.dataset.backend = 'page';
  const loop = new TrainingLoop(receive);
  return (request) => loop.handle(request);
}

async function startBackend(): Promise<void> {
  const source = document.body.dataset.worker;
  try {
    if (!source) throw new Error('no worker bundle');
    const code = await (await fetch(source)).text();
    const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => receive(event.data);
    await new Promise<void>((resolve, reject) => {
      worker.onerror = (event) => reject(new Error(event.message));
      // The first configure answers with a snapshot; until then an error means the worker could not start.
      const first = (event: MessageEvent<WorkerMessage>) => {
        worker.removeEventListener('message', first);
        resolve();
      };
      worker.addEventListener('message', first);
      worker.postMessage(configureRequest());
      setTimeout(() => reject(new Error('the worker did not answer')), 5000);
    });
    worker.onerror = (event) => receive({ type: 'error', message: event.message });
    document.body.dataset.backend = 'worker';
    backend = (request) => worker.postMessage(request);
  } catch {
    backend = inPage();
    backend(configureRequest());
  }
  queued.splice(0).forEach((r) => backend!(r));
}

function configureRequest(): WorkerRequest {
  const derivation = state.useDerivation && documentInfo ? { text: documentInfo.text, language: documentInfo.language } : undefined;
  return { type: 'configure', settings: state.settings, derivation };
}

let playing = false;
function setPlaying(on: boolean): void {
  playing = on;
  playButton.textContent = on ? 'Pause' : 'Play';
  playButton.setAttribute('aria-pressed', String(on));
  send({ type: on ? 'play' : 'pause' });
}

function configure(): void {
  saveState(state);
  const data = makeToyData(state.settings, state.settings.network as NetworkConfig);
  points = {
    xs: [...data.train.xs, ...data.test.xs].map((x) => Array.from(x)),
    targets: [...data.train.targets, ...data.test.targets],
    test: [...data.train.xs.map(() => false), ...data.test.xs.map(() => true)],
  };
  latest = undefined;
  if (!backend) return; // startBackend configures it
  send(configureRequest());
  if (playing) send({ type: 'play' });
}

playButton.addEventListener('click', () => setPlaying(!playing));
stepButton.addEventListener('click', () => send({ type: 'step', steps: 10 }));
resetButton.addEventListener('click', () => configure());
derivationToggle.addEventListener('change', () => {
  state.useDerivation = derivationToggle.checked;
  configure();
});
adoptButton.addEventListener('click', () => {
  const net = documentInfo && documentNetwork(documentInfo);
  if (!net) return;
  const adapted = fitNetwork({ ...net, inputSize: state.settings.network.inputSize }, state.settings.dataset, net.loss);
  state.settings = { ...state.settings, network: { ...adapted, layers: [...net.layers.slice(0, -1), adapted.layers[adapted.layers.length - 1]] } };
  form.set(state.settings);
  configure();
});
exportButton.addEventListener('click', () => {
  if (latest) post({ type: 'exportWeights', json: weightsJson(state.settings, latest.snapshot.step, latest.snapshot.backprop) });
});
insertButton.addEventListener('click', () => post({ type: 'insertSpec', spec: settingsSpec(state.settings) }));

function documentNetwork(doc: PlaygroundDocument): NetworkConfig | undefined {
  try {
    return documentGradients(doc.text, doc.language).net;
  } catch {
    return undefined;
  }
}

// Drawing: at most once per animation frame, and only when a new snapshot arrived.
let frames = 0;
let frameWindow = performance.now();
function frame(): void {
  frames++;
  const now = performance.now();
  if (now - frameWindow >= 1000) {
    document.body.dataset.fps = String(Math.round((frames * 1000) / (now - frameWindow)));
    frames = 0;
    frameWindow = now;
  }
  if (dirty && latest) {
    dirty = false;
    draw(latest.snapshot, latest.stepsPerSecond);
  }
  requestAnimationFrame(frame);
}

function metrics(id: string, run: TrainingSnapshot['backprop']): void {
  const target = document.getElementById(id)!;
  target.textContent = `train loss ${formatNumber(run.trainLoss[run.trainLoss.length - 1])} · test loss ${formatNumber(run.testLoss[run.testLoss.length - 1])} · test ${state.settings.dataset === 'regression' ? 'within 0.25' : 'accuracy'} ${(run.testAccuracy * 100).toFixed(1)}%`;
  target.dataset.testAccuracy = String(run.testAccuracy);
  target.dataset.testLoss = String(run.testLoss[run.testLoss.length - 1]);
}

function draw(snapshot: TrainingSnapshot, stepsPerSecond: number): void {
  const colours = palette();
  status.classList.remove('error');
  status.textContent = `step ${snapshot.step}${latest?.playing ? ` · ${Math.round(stepsPerSecond)} steps/s` : ''}`;
  status.dataset.step = String(snapshot.step);
  const picture = (canvasElement: HTMLCanvasElement, values: readonly number[]) =>
    state.settings.network.inputSize === 1 ? drawRegression(canvasElement, values, points, colours) : values.length === HEATMAP_SIZE * HEATMAP_SIZE && drawHeatmap(canvasElement, values, points, colours);
  picture(backpropPicture, snapshot.backprop.picture);
  metrics('backprop-metrics', snapshot.backprop);
  const d = snapshot.derivation;
  derivationCard.hidden = !d;
  derivationPanel.hidden = !d;
  const series: Series[] = [
    { values: snapshot.backprop.trainLoss, colour: colours.positive, label: 'backprop' },
    { values: snapshot.backprop.testLoss, colour: colours.positive, dashed: true, label: '' },
  ];
  if (d) {
    picture(derivationPicture, d.picture);
    metrics('derivation-metrics', d);
    series.push({ values: d.trainLoss, colour: colours.error, label: 'your derivation' }, { values: d.testLoss, colour: colours.error, dashed: true, label: '' });
    describeDerivation(d);
  }
  drawLines(lossChart, snapshot.lossSteps, series, colours, { log: true });
  const layers = state.settings.network.layers.length;
  const normSeries: Series[] = Array.from({ length: layers }, (_, k) => ({ values: snapshot.backprop.gradientNorms.map((n) => n[k + 1]), colour: [colours.positive, colours.negative, colours.accent, colours.error, colours.muted, colours.foreground][k % 6], label: `layer ${k + 1}` }));
  drawLines(normChart, snapshot.backprop.gradientNorms.map((_, i) => i), normSeries, colours, { log: true });
  const sizes = [state.settings.network.inputSize, ...state.settings.network.layers.map((l) => l.units)];
  drawWeights(weightsChart, sizes, snapshot.backprop.weights, colours);
}

function describeDerivation(d: NonNullable<TrainingSnapshot['derivation']>): void {
  const claims = latest?.claims ?? [];
  const used = new Set(Object.values(d.sources).filter((v): v is number => typeof v === 'number'));
  const missing = Object.entries(d.sources).filter(([, v]) => v === 'backprop').map(([k]) => k.replace(/^delta/, 'δ^').replace(/^W/, '∂L/∂W^').replace(/^b/, '∂L/∂b^'));
  const usedList = el('ul', { id: 'claims-used' }, ...claims.filter((c) => used.has(c.line)).map((c) => {
    const math = el('span');
    renderMath(math, c.latex);
    return el('li', { 'data-line': c.line }, el('span', { class: 'claim-line' }, `line ${c.line}: `), math);
  }));
  const divergence = d.divergedAt
    ? `The two runs first diverge at step ${d.divergedAt.step} (in ${d.divergedAt.tensor.replace(/^W/, 'W^').replace(/^b/, 'b^')})${d.firstDifference ? `; on the first sample the document’s ${d.firstDifference} already differs from backprop’s` : ''}.`
    : `The two runs agree (every weight within ${1e-9} relative) so far.`;
  derivationPanel.replaceChildren(
    el('h2', {}, 'Your derivation'),
    el('p', {}, used.size > 0 ? 'Claims used for the gradients:' : 'The document states none of the gradients an SGD step needs; everything comes from backprop.'),
    usedList,
    el('p', { id: 'claims-missing' }, missing.length > 0 ? `Not stated by the document, taken from backprop: ${missing.join(', ')}.` : 'Every gradient comes from the document.'),
    el('p', { id: 'divergence', class: d.divergedAt ? 'diverged' : 'agree', 'data-diverged-at': d.divergedAt?.step ?? '' }, divergence),
  );
}

onHostMessage((m) => {
  if (m.type === 'requestSpec') post({ type: 'insertSpec', spec: settingsSpec(state.settings) });
  if (m.type !== 'playgroundDocument') return;
  const changed = documentInfo?.text !== m.document.text;
  documentInfo = m.document;
  documentNote.textContent = `Document: ${m.document.file}`;
  derivationToggle.disabled = false;
  adoptButton.disabled = !documentNetwork(m.document);
  insertButton.disabled = false;
  derivationToggle.checked = state.useDerivation;
  if (changed && state.useDerivation) configure();
});

document.addEventListener('visibilitychange', () => {
  if (document.hidden && playing) setPlaying(false);
});

derivationToggle.checked = state.useDerivation;
configure();
void startBackend();
requestAnimationFrame(frame);
post({ type: 'ready' });
