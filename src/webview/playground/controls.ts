// The playground's settings form: data, network (layers, widths,
// activations, loss), and the training hyper-parameters. Native controls
// only, so every setting is reachable by keyboard.
import { ACTIVATIONS, type Activation, type LossKind } from '../../core/engine';
import { el, labelled, select } from '../shared/dom';
import type { NetworkShape, PlaygroundSettings } from '../shared/protocol';

const HIDDEN_ACTIVATIONS = ACTIVATIONS.filter((a) => a !== 'softmax');
const MAX_LAYERS = 6;
const MAX_UNITS = 32;

/** The output layer and loss a dataset needs. */
export function fitNetwork(net: NetworkShape, dataset: PlaygroundSettings['dataset'], loss: LossKind = net.loss): NetworkShape {
  const hidden = net.layers.slice(0, -1);
  const regression = dataset === 'regression';
  const chosen: LossKind = regression ? 'mse' : loss === 'mse' ? 'bce' : loss;
  const output = regression ? { units: 1, activation: 'identity' as const } : chosen === 'cross_entropy' ? { units: 2, activation: 'softmax' as const } : { units: 1, activation: 'sigmoid' as const };
  return { inputSize: regression ? 1 : 2, layers: [...hidden, output], loss: chosen };
}

const options = (values: readonly (number | string)[]) => values.map((v) => [String(v), String(v)] as const);

export class SettingsForm {
  readonly element = el('form', { class: 'settings', id: 'settings', 'aria-label': 'training settings' });

  constructor(
    private settings: PlaygroundSettings,
    private readonly onChange: (settings: PlaygroundSettings) => void,
  ) {
    this.element.addEventListener('submit', (event) => event.preventDefault());
    this.render();
  }

  get value(): PlaygroundSettings {
    return this.settings;
  }

  set(settings: PlaygroundSettings): void {
    this.settings = settings;
    this.render();
  }

  private update(patch: Partial<PlaygroundSettings>): void {
    this.settings = { ...this.settings, ...patch };
    this.render();
    this.onChange(this.settings);
  }

  private render(): void {
    // Re-rendering replaces the controls: keep the keyboard focus where it was.
    const focused = document.activeElement?.id;
    this.renderControls();
    if (focused) document.getElementById(focused)?.focus();
  }

  private renderControls(): void {
    const s = this.settings;
    const dataset = select('dataset', [['xor', 'xor'], ['circle', 'circle'], ['gauss', 'two gaussians'], ['spiral', 'spiral'], ['regression', '1-D regression']], s.dataset);
    dataset.addEventListener('change', () => {
      const next = dataset.value as PlaygroundSettings['dataset'];
      this.update({ dataset: next, network: fitNetwork(s.network, next) });
    });
    const rate = select('learning-rate', options([0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3]), String(s.learningRate));
    rate.addEventListener('change', () => this.update({ learningRate: Number(rate.value) }));
    const batch = select('batch-size', options([1, 2, 5, 10, 20, 30, 50]), String(s.batchSize));
    batch.addEventListener('change', () => this.update({ batchSize: Number(batch.value) }));
    const noise = select('noise', options([0, 0.1, 0.25, 0.5, 1]), String(s.noise));
    noise.addEventListener('change', () => this.update({ noise: Number(noise.value) }));
    const split = select('train-fraction', [0.1, 0.2, 0.3, 0.5, 0.7, 0.9].map((v) => [String(v), `${v * 100}% train`] as const), String(s.trainFraction));
    split.addEventListener('change', () => this.update({ trainFraction: Number(split.value) }));
    const regularisation = select('regularisation', [['none', 'none'], ['l1', 'L1'], ['l2', 'L2']], s.regularisation);
    regularisation.addEventListener('change', () => this.update({ regularisation: regularisation.value as PlaygroundSettings['regularisation'] }));
    const lambda = select('regularisation-rate', options([0.0001, 0.001, 0.003, 0.01, 0.03, 0.1]), String(s.regularisationRate));
    lambda.addEventListener('change', () => this.update({ regularisationRate: Number(lambda.value) }));
    const seed = el('input', { id: 'seed', type: 'number', min: 0, max: 1_000_000, step: 1, value: s.seed });
    seed.addEventListener('change', () => this.update({ seed: Math.max(0, Math.floor(Number(seed.value)) || 0) }));
    const loss = select('loss', s.dataset === 'regression' ? [['mse', 'mse']] : [['bce', 'bce (sigmoid)'], ['cross_entropy', 'cross-entropy (softmax)'], ['mse', 'mse']], s.network.loss);
    loss.addEventListener('change', () => this.update({ network: fitNetwork(s.network, s.dataset, loss.value as LossKind) }));
    this.element.replaceChildren(
      el('fieldset', {}, el('legend', {}, 'Data'), labelled('dataset', dataset), labelled('noise', noise), labelled('split', split), labelled('seed', seed)),
      el('fieldset', {}, el('legend', {}, 'Training'), labelled('learning rate', rate), labelled('batch size', batch), labelled('regularisation', regularisation), labelled('rate λ', lambda)),
      el('fieldset', { id: 'network-editor' }, el('legend', {}, 'Network'), ...this.layerControls(), labelled('loss', loss)),
    );
  }

  private layerControls(): HTMLElement[] {
    const net = this.settings.network;
    const hidden = net.layers.slice(0, -1);
    const setHidden = (layers: NetworkShape['layers']) => this.update({ network: { ...net, layers: [...layers, net.layers[net.layers.length - 1]] } });
    const rows = hidden.map((layer, i) => {
      const units = el('input', { id: `units-${i + 1}`, type: 'number', min: 1, max: MAX_UNITS, step: 1, value: layer.units, 'aria-label': `units of layer ${i + 1}` });
      units.addEventListener('change', () => setHidden(hidden.map((h, k) => (k === i ? { ...h, units: Math.max(1, Math.min(MAX_UNITS, Math.floor(Number(units.value)) || 1)) } : h))));
      const activation = select(`layer-activation-${i + 1}`, HIDDEN_ACTIVATIONS.map((a) => [a, a] as const), layer.activation);
      activation.addEventListener('change', () => setHidden(hidden.map((h, k) => (k === i ? { ...h, activation: activation.value as Activation } : h))));
      return el('div', { class: 'layer-row' }, el('span', {}, `layer ${i + 1}`), units, activation);
    });
    const add = el('button', { type: 'button', id: 'add-layer', disabled: hidden.length >= MAX_LAYERS - 1 }, '+ layer');
    add.addEventListener('click', () => setHidden([...hidden, { units: hidden[hidden.length - 1]?.units ?? 4, activation: hidden[hidden.length - 1]?.activation ?? 'tanh' }]));
    const remove = el('button', { type: 'button', id: 'remove-layer', disabled: hidden.length === 0 }, '− layer');
    remove.addEventListener('click', () => setHidden(hidden.slice(0, -1)));
    const output = net.layers[net.layers.length - 1];
    return [...rows, el('div', { class: 'layer-row muted' }, `output: ${output.units} ${output.activation}`), el('div', { class: 'buttons' }, add, remove)];
  }
}
