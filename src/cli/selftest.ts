// `gradcheck selftest`: the engine checks its own backprop against finite
// differences on the default network, tensor by tensor, and says so.
import { checkGradients, drawInstance, layerSizes, PRECISE_DIFFERENCES, type NetworkConfig, type TensorCheck } from '../core/engine';
import { formatError, paint, table, type Output } from './output';

export interface SelftestOptions {
  readonly network: NetworkConfig;
  readonly seed: number;
  readonly samples: number;
  readonly json: boolean;
}

interface TensorRow {
  readonly tensor: string;
  readonly shape: string;
  readonly maxRelError: number;
  readonly directionalRelError: number;
  readonly passed: boolean;
}

function shapeOf(net: NetworkConfig, check: TensorCheck): string {
  const sizes = layerSizes(net);
  const l = check.target.layer;
  return check.target.quantity === 'W' ? `${sizes[l]}×${sizes[l - 1]}` : `${sizes[l]}`;
}

/** Worst result per tensor over all samples. */
function worstPerTensor(net: NetworkConfig, samples: TensorCheck[][]): TensorRow[] {
  return samples[0].map((first, t) => {
    const all = samples.map((checks) => checks[t]);
    return {
      tensor: `${first.target.quantity}^${first.target.layer}`,
      shape: shapeOf(net, first),
      maxRelError: Math.max(...all.map((c) => c.maxRelError)),
      directionalRelError: Math.max(...all.map((c) => c.directionalRelError)),
      passed: all.every((c) => c.passed),
    };
  });
}

/** Runs the self-test and returns the exit code (0 all pass, 1 any fails). */
export function runSelftest(options: SelftestOptions, out: Output): number {
  const { network, seed, samples } = options;
  const perSample = Array.from({ length: samples }, (_, s) => {
    const instance = drawInstance(network, seed + s, 1e-2);
    return checkGradients(instance, { quantities: ['W', 'b'], seed: seed + s });
  });
  const rows = worstPerTensor(network, perSample);
  const passed = rows.every((row) => row.passed);
  if (options.json) {
    out.write(JSON.stringify({ network: { layers: layerSizes(network), activations: network.layers.map((l) => l.activation), loss: network.loss }, seed, samples, tensors: rows, passed }, null, 2) + '\n');
    return passed ? 0 : 1;
  }
  out.write(`Engine self-test: backprop vs central finite differences (order ${PRECISE_DIFFERENCES.order}, step ${PRECISE_DIFFERENCES.step}), ${samples} random instance(s) from seed ${seed}\n`);
  out.write(`Network: ${layerSizes(network).join('-')} (${network.layers.map((l) => l.activation).join(', ')}), loss ${network.loss}\n\n`);
  out.write(
    table(
      ['tensor', 'shape', 'max rel error', 'directional rel error', 'verdict'],
      rows.map((row) => [row.tensor, row.shape, formatError(row.maxRelError), formatError(row.directionalRelError), row.passed ? paint(out, 'green', 'ok') : paint(out, 'red', 'FAIL')]),
    ),
  );
  out.write(passed ? `\n${paint(out, 'green', 'All tensors agree within rel 1e-6.')}\n` : `\n${paint(out, 'red', 'Some tensors disagree: the engine is broken.')}\n`);
  return passed ? 0 : 1;
}
