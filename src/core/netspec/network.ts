// Turns the `input` / `dense` / `loss` lines into a NetworkConfig, or into
// problems that say which line to change. Lines that already failed to read
// still count here (as attempts), so one typo does not also cause a
// misleading "missing input".
import type { Range } from '../source';
import type { LayerConfig, LossKind, NetworkConfig } from '../engine';
import { SPEC_LIMITS, countParameters, formatCount } from './limits';
import { lineLabel, type ProblemSink } from './problems';
import type { DenseStatement, InputStatement, LossStatement } from './types';

/** One `input`, `dense` or `loss` line; `statement` is absent when the line had an error. */
export type NetworkLine =
  | { readonly kind: 'input'; readonly keywordRange: Range; readonly ok: boolean; readonly statement?: InputStatement }
  | { readonly kind: 'dense'; readonly keywordRange: Range; readonly ok: boolean; readonly statement?: DenseStatement }
  | { readonly kind: 'loss'; readonly keywordRange: Range; readonly ok: boolean; readonly statement?: LossStatement };

export interface AssembledNetwork {
  readonly network?: NetworkConfig;
  readonly parameterCount?: number;
}

type Of<K extends NetworkLine['kind']> = Extract<NetworkLine, { kind: K }>;

function isBefore(a: Range, b: Range): boolean {
  return a.start.line < b.start.line || (a.start.line === b.start.line && a.start.column < b.start.column);
}

export function defaultLoss(last: LayerConfig): LossKind {
  return last.activation === 'softmax' ? 'cross_entropy' : 'mse';
}

export function assembleNetwork(lines: readonly NetworkLine[], sink: ProblemSink): AssembledNetwork {
  if (lines.length === 0) return {};
  const errorsBefore = sink.errorCount;
  const inputs = lines.filter((l): l is Of<'input'> => l.kind === 'input');
  const denses = lines.filter((l): l is Of<'dense'> => l.kind === 'dense');
  const losses = lines.filter((l): l is Of<'loss'> => l.kind === 'loss');

  checkStructure(inputs, denses, losses, sink);
  checkSoftmaxPlacement(denses, sink);

  const input = inputs[0]?.statement;
  const layers = denses.map((d) => d.statement);
  const complete = input !== undefined && layers.length > 0 && layers.every((d) => d !== undefined);
  if (!complete) return {};
  const dense = layers as DenseStatement[];
  const parameterCount = countParameters(input.size, dense.map((d) => d.units));
  if (parameterCount > SPEC_LIMITS.maxParameters) reportParameterLimit(input.size, dense, parameterCount, sink);

  const last = dense[dense.length - 1];
  const loss = losses[0]?.statement;
  if (loss !== undefined) checkLoss(loss, last, sink);

  const failed = lines.some((l) => !l.ok) || sink.errorCount > errorsBefore;
  if (failed) return { parameterCount };
  return {
    parameterCount,
    network: {
      inputSize: input.size,
      layers: dense.map((d) => ({ units: d.units, activation: d.activation })),
      loss: loss?.loss ?? defaultLoss(last),
    },
  };
}

function checkStructure(inputs: Of<'input'>[], denses: Of<'dense'>[], losses: Of<'loss'>[], sink: ProblemSink): void {
  const [input] = inputs;
  if (input === undefined) {
    if (denses.length > 0) {
      sink.error(denses[0].keywordRange, 'missing-input', 'the network has no `input` line: add `input N` (the input dimension n_0) before the first `dense`');
    } else if (losses.length > 0) {
      sink.error(
        losses[0].keywordRange,
        'loss-without-layers',
        '`loss` needs the layers it applies to: add `input` and `dense` lines, or delete it to use the default network',
      );
    }
  } else {
    for (const extra of inputs.slice(1)) {
      sink.error(extra.keywordRange, 'duplicate-input', `\`input\` is already given on ${lineLabel(input.keywordRange)}: a network has one input`);
    }
    if (denses.length === 0) {
      sink.error(input.keywordRange, 'no-layers', 'the network needs at least one `dense` layer after `input`, e.g. `dense 3 softmax`');
    } else if (isBefore(denses[0].keywordRange, input.keywordRange)) {
      sink.error(
        input.keywordRange,
        'input-not-first',
        `\`input\` must come first, before the first \`dense\` (${lineLabel(denses[0].keywordRange)}): it sizes layer 1`,
      );
    }
  }
  for (const extra of losses.slice(1)) {
    sink.error(extra.keywordRange, 'duplicate-loss', `\`loss\` is already given on ${lineLabel(losses[0].keywordRange)}: keep one`);
  }
  if (denses.length > SPEC_LIMITS.maxLayers) {
    sink.error(
      denses[SPEC_LIMITS.maxLayers].keywordRange,
      'too-many-layers',
      `at most ${SPEC_LIMITS.maxLayers} dense layers are supported; this spec has ${denses.length}`,
    );
  }
}

function checkSoftmaxPlacement(denses: Of<'dense'>[], sink: ProblemSink): void {
  denses.forEach((line, i) => {
    const d = line.statement;
    if (d === undefined || d.activation !== 'softmax') return;
    if (i < denses.length - 1) {
      sink.error(
        d.activationRange,
        'softmax-not-last',
        `softmax is only supported on the last layer (layer ${denses.length} here): it normalises the whole layer, so its derivative is not elementwise; use sigmoid, tanh or relu for layer ${d.layer}`,
      );
    } else if (d.units === 1) {
      sink.warning(
        d.unitsRange,
        'softmax-single-unit',
        'softmax over one unit always outputs 1, so every gradient through it is 0: use 2 or more units, or `dense 1 sigmoid` with `loss bce`',
      );
    }
  });
}

function reportParameterLimit(inputSize: number, dense: DenseStatement[], total: number, sink: ProblemSink): void {
  // Point at the layer whose width pushes the running total over the limit.
  let running = 0;
  let previous = inputSize;
  for (const d of dense) {
    const own = d.units * (previous + 1);
    running += own;
    previous = d.units;
    if (running > SPEC_LIMITS.maxParameters) {
      sink.error(
        d.unitsRange,
        'too-many-parameters',
        `the network has ${formatCount(total)} parameters, more than the limit of ${formatCount(SPEC_LIMITS.maxParameters)} ` +
          `(layer ${d.layer} alone has ${formatCount(own)}): use fewer units`,
      );
      return;
    }
  }
}

function checkLoss(loss: LossStatement, last: DenseStatement, sink: ProblemSink): void {
  const units = `${last.units} unit${last.units === 1 ? '' : 's'}`;
  if (loss.loss === 'cross_entropy' && last.activation !== 'softmax') {
    if (last.units === 1 && last.activation === 'sigmoid') {
      sink.error(
        loss.valueRange,
        'cross-entropy-needs-softmax',
        'cross_entropy expects a softmax output layer; for one sigmoid output unit use `loss bce`',
        'bce',
      );
    } else {
      sink.error(
        loss.valueRange,
        'cross-entropy-needs-softmax',
        `cross_entropy expects a softmax output layer, but the last layer (${lineLabel(last.range)}) uses '${last.activation}': ` +
          `make it \`dense ${last.units} softmax\`, or use \`loss mse\``,
      );
    }
  } else if (loss.loss === 'bce' && (last.units !== 1 || last.activation !== 'sigmoid')) {
    const alternative = last.activation === 'softmax' ? ', or use `loss cross_entropy` for several classes' : '';
    sink.error(
      loss.valueRange,
      'bce-needs-one-sigmoid',
      `bce needs exactly one output unit with sigmoid, but the last layer (${lineLabel(last.range)}) has ${units} with '${last.activation}': ` +
        `make it \`dense 1 sigmoid\`${alternative}`,
      last.activation === 'softmax' ? 'cross_entropy' : undefined,
    );
  }
}
