// The playground's network and settings as text: an `mlp` block for the
// document, and the trained weights as JSON.
import type { NetworkShape, PlaygroundSettings, RunSnapshot } from '../shared/protocol';

export function settingsSpec(settings: PlaygroundSettings): string {
  const net = settings.network;
  const lines = [`input ${net.inputSize}`, ...net.layers.map((l) => `dense ${l.units} ${l.activation}`), `loss ${net.loss}`, `seed ${settings.seed}`];
  const regularisation = settings.regularisation === 'none' ? 'none' : `${settings.regularisation} ${settings.regularisationRate}`;
  lines.push(`# playground: ${settings.dataset}, learning rate ${settings.learningRate}, batch ${settings.batchSize}, noise ${settings.noise}, train ${Math.round(settings.trainFraction * 100)}%, regularisation ${regularisation}`);
  return lines.join('\n') + '\n';
}

export function weightsJson(settings: PlaygroundSettings, step: number, run: RunSnapshot): string {
  const net: NetworkShape = settings.network;
  const sizes = [net.inputSize, ...net.layers.map((l) => l.units)];
  const layers = run.weights.map((data, k) => {
    const cols = sizes[k];
    return {
      layer: k + 1,
      activation: net.layers[k].activation,
      W: Array.from({ length: sizes[k + 1] }, (_, r) => data.slice(r * cols, (r + 1) * cols)),
      b: run.biases[k],
    };
  });
  return JSON.stringify({ network: net, settings, step, testAccuracy: run.testAccuracy, layers }, null, 2) + '\n';
}

/** Where an mlp block goes: over the document's first one, else at its end. */
export function specEdit(text: string, language: 'markdown' | 'latex', spec: string): { start: number; end: number; insert: string } {
  if (language === 'markdown') {
    const block = /^([ \t]*)(`{3,}|~{3,})[ \t]*mlp[^\n]*\n[\s\S]*?^\1\2[ \t]*$/m.exec(text);
    const fenced = '```mlp\n' + spec.trimEnd() + '\n```';
    if (block) return { start: block.index, end: block.index + block[0].length, insert: fenced };
    return { start: text.length, end: text.length, insert: (text.endsWith('\n') || text.length === 0 ? '' : '\n') + '\n' + fenced + '\n' };
  }
  const lines = /(?:^%[ \t]*mlp:[^\n]*(?:\n|$))+/m.exec(text);
  const commented = spec.trimEnd().split('\n').map((line) => `% mlp: ${line}`).join('\n') + '\n';
  if (lines) return { start: lines.index, end: lines.index + lines[0].length, insert: commented };
  return { start: text.length, end: text.length, insert: (text.endsWith('\n') || text.length === 0 ? '' : '\n') + commented };
}
