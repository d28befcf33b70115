// Mini-batches: the mean loss over samples and its parameter gradients.
//
// batchLossAndGradients runs the batch a layer at a time: each row of a
// weight matrix (and of its gradient) is read once for the whole batch while
// it sits in the L1 cache, instead of the whole matrix streaming from memory
// once per sample, and four samples share every load of a row entry. Each
// sample's sums are still added in the order of forward() and repeated
// addOuterProduct() calls, so the results are the per-sample ones bit for bit.
import { activate } from './activations';
import { lossFromLastLayer } from './losses';
import { forward, parameterDeltas } from './mlp';
import { matrix } from './network';
import type { ForwardState, Label, Matrix, NetworkConfig, Params } from './types';

export interface BatchGradients {
  readonly loss: number;
  readonly dW: Matrix[];
  readonly db: Float64Array[];
}

export function batchLossAndGradients(net: NetworkConfig, params: Params, xs: readonly Float64Array[], labels: readonly Label[]): BatchGradients {
  if (xs.length === 0 || xs.length !== labels.length) throw new Error(`a batch needs as many labels as inputs (got ${xs.length} inputs, ${labels.length} labels)`);
  const scale = 1 / xs.length;
  const dW = params.W.map((w) => matrix(w.rows, w.cols));
  const db = params.b.map((bias) => new Float64Array(bias.length));
  const states = forwardBatch(net, params, xs, labels);
  let loss = 0;
  const dZs = states.map((state, s) => {
    loss += state.loss * scale;
    const { dZ } = parameterDeltas(net, params, state, labels[s]);
    for (let l = 1; l <= net.layers.length; l++) {
      for (let i = 0; i < dZ[l].length; i++) db[l][i] += scale * dZ[l][i];
    }
    return dZ;
  });
  for (let l = 1; l <= net.layers.length; l++) {
    addOuterProducts(
      dW[l],
      dZs.map((dZ) => dZ[l]),
      states.map((state) => state.o[l - 1]),
      scale,
    );
  }
  return { loss, dW, db };
}

export function batchLoss(net: NetworkConfig, params: Params, xs: readonly Float64Array[], labels: readonly Label[]): number {
  let loss = 0;
  for (let s = 0; s < xs.length; s++) loss += forward(net, params, xs[s], labels[s]).loss;
  return loss / xs.length;
}

/** forward() on every sample of the batch, computed a layer at a time. */
function forwardBatch(net: NetworkConfig, params: Params, xs: readonly Float64Array[], labels: readonly Label[]): ForwardState[] {
  for (const x of xs) if (x.length !== net.inputSize) throw new Error(`input has ${x.length} entries, the network expects ${net.inputSize}`);
  const L = net.layers.length;
  // z[l][s], o[l][s]: layer l of sample s.
  const z: Float64Array[][] = [xs.map(() => new Float64Array(0))];
  const o: Float64Array[][] = [[...xs]];
  for (let l = 1; l <= L; l++) {
    z.push(affineBatch(params.W[l], o[l - 1], params.b[l]));
    o.push(z[l].map((zl) => activate(net.layers[l - 1].activation, zl)));
  }
  return xs.map((_, s) => {
    const zs = z.map((layer) => layer[s]);
    const os = o.map((layer) => layer[s]);
    return { z: zs, o: os, loss: lossFromLastLayer(net.loss, net.layers[L - 1].activation, zs[L], os[L], labels[s]) };
  });
}

/** outs[s] = W vs[s] + b for every sample s. */
function affineBatch(W: Matrix, vs: readonly Float64Array[], b: Float64Array): Float64Array[] {
  const { rows, cols, data } = W;
  const outs = vs.map(() => new Float64Array(rows));
  for (let r = 0; r < rows; r++) {
    const offset = r * cols;
    let s = 0;
    for (; s + 4 <= vs.length; s += 4) {
      const v0 = vs[s], v1 = vs[s + 1], v2 = vs[s + 2], v3 = vs[s + 3];
      let sum0 = b[r], sum1 = b[r], sum2 = b[r], sum3 = b[r];
      for (let c = 0; c < cols; c++) {
        const w = data[offset + c];
        sum0 += w * v0[c];
        sum1 += w * v1[c];
        sum2 += w * v2[c];
        sum3 += w * v3[c];
      }
      outs[s][r] = sum0;
      outs[s + 1][r] = sum1;
      outs[s + 2][r] = sum2;
      outs[s + 3][r] = sum3;
    }
    for (; s < vs.length; s++) {
      const v = vs[s];
      let sum = b[r];
      for (let c = 0; c < cols; c++) sum += data[offset + c] * v[c];
      outs[s][r] = sum;
    }
  }
  return outs;
}

/** acc += scale · Σ_s ds[s] prevs[s]ᵀ, added sample by sample as repeated addOuterProduct() calls would. */
function addOuterProducts(acc: Matrix, ds: readonly Float64Array[], prevs: readonly Float64Array[], scale: number): void {
  const { rows, cols, data } = acc;
  const coefs = new Float64Array(ds.length);
  const inputs: Float64Array[] = new Array(ds.length);
  for (let r = 0; r < rows; r++) {
    // The samples whose scaled δ_r is non-zero, in order: addOuterProduct skips the others too.
    let n = 0;
    for (let s = 0; s < ds.length; s++) {
      const dr = scale * ds[s][r];
      if (dr === 0) continue;
      coefs[n] = dr;
      inputs[n++] = prevs[s];
    }
    const offset = r * cols;
    let k = 0;
    for (; k + 4 <= n; k += 4) {
      const d0 = coefs[k], d1 = coefs[k + 1], d2 = coefs[k + 2], d3 = coefs[k + 3];
      const p0 = inputs[k], p1 = inputs[k + 1], p2 = inputs[k + 2], p3 = inputs[k + 3];
      for (let c = 0; c < cols; c++) {
        let entry = data[offset + c];
        entry += d0 * p0[c];
        entry += d1 * p1[c];
        entry += d2 * p2[c];
        entry += d3 * p3[c];
        data[offset + c] = entry;
      }
    }
    for (; k < n; k++) {
      const dk = coefs[k];
      const p = inputs[k];
      for (let c = 0; c < cols; c++) data[offset + c] += dk * p[c];
    }
  }
}
