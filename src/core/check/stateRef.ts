// Which part of the report's first-sample state a binding names, so a hover
// can show its numbers without recomputing anything: δ^l → state.delta,
// a definition δ^l := ∂L/∂o^l → state.dO, `let \alpha = z^{L}` → z of the
// last layer. Bindings that name no stored quantity get no reference.
import type { Expr } from '../math';
import type { Binding, LayeredQuantity } from './conventions';
import type { StateQuantity, StateRef } from './report';
import { isBareSymbol } from './walk';

const GRADIENT_OF: Record<LayeredQuantity, StateQuantity | undefined> = { z: 'delta', o: 'dO', W: 'dW', b: 'db', delta: undefined };

/** A fixed layer written on a symbol (2, L), or undefined when it is the binding's own layer parameter. */
function fixedLayer(layer: Expr | undefined): number | 'last' | undefined {
  if (!layer) return undefined;
  if (layer.kind === 'num' && Number.isInteger(layer.value)) return layer.value;
  if (isBareSymbol(layer) && layer.name === 'L') return 'last';
  return undefined;
}

function quantityOf(binding: Binding | undefined): StateQuantity | 'input' | 'output' | undefined {
  const m = binding?.meaning;
  if (!m) return undefined;
  if (m.kind === 'layered') return m.quantity;
  if (m.kind === 'input' || m.kind === 'output') return m.kind;
  return undefined;
}

function fromQuantity(q: StateQuantity | 'input' | 'output', layer: number | 'last' | undefined): StateRef {
  if (q === 'input') return { quantity: 'o', layer: 0 };
  if (q === 'output') return { quantity: 'o', layer: 'last' };
  return layer === undefined ? { quantity: q } : { quantity: q, layer };
}

/**
 * The state a binding refers to. `lookup` resolves the names inside a
 * definition's body (conventions only: a body names network quantities).
 */
export function stateRefOf(binding: Binding, lookup: (name: string) => Binding | undefined): StateRef | undefined {
  const direct = quantityOf(binding);
  if (direct) return fromQuantity(direct, undefined);
  const m = binding.meaning;
  if (m.kind !== 'template') return undefined;
  const body = m.body;
  if (body.kind === 'sym') {
    const q = quantityOf(lookup(body.name));
    return q ? fromQuantity(q, fixedLayer(body.layer)) : undefined;
  }
  if (body.kind === 'derivative' && body.wrt.kind === 'sym' && body.wrt.indices.length === 0) {
    const of = lookup(body.of.kind === 'sym' ? body.of.name : '')?.meaning.kind;
    const wrt = lookup(body.wrt.name)?.meaning;
    if (of !== 'loss' || wrt?.kind !== 'layered') return undefined;
    const gradient = GRADIENT_OF[wrt.quantity];
    return gradient ? fromQuantity(gradient, fixedLayer(body.wrt.layer)) : undefined;
  }
  return undefined;
}
