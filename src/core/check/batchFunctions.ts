// The functions lowered claims call for batch notation: one example of the
// batch, the column of ones, the labels as class numbers, the stacked
// per-example gradients of deeplearning.ai's dZ^{[l]}.
import type { MathNode } from 'mathjs';
import type { Quantity } from '../engine';
import { BatchContext } from './batchContext';
import type { InstanceContext } from './context';
import { Uncheckable } from './errors';
import { evaluateNode, layerOf, registerFunctions, withVariable } from './functions';
import * as V from './values';
import type { Value } from './values';

function batchOf(ctx: InstanceContext, what: string): BatchContext {
  if (ctx instanceof BatchContext) return ctx;
  throw new Uncheckable(`${what} needs a batch: add \`batch m\` (and \`layout columns\` or \`layout rows\`) to the network spec`);
}

/** gc_example(i, inner): inner evaluated on example i of the batch (x^{(i)}, dZ^{[2](i)}). */
function atExample(args: MathNode[], _math: unknown, scope: Map<string, unknown>): Value {
  const [indexNode, inner] = args;
  const batch = batchOf(scope.get('ctx') as InstanceContext, 'an example mark (i)');
  const i = V.scalarOf(evaluateNode(indexNode, scope));
  if (i === undefined) throw new V.ShapeError('an example mark must be a number');
  return withVariable(scope, 'ctx', batch.example(i), () => evaluateNode(inner, scope));
}
atExample.rawArgs = true;

/** Which gradient a `d` name means: in a batch laid out as columns, deeplearning.ai's dZ stacks each example's own ∂L^{(i)}/∂z^{(i)}. */
function namedGradient(ctx: InstanceContext, quantity: Quantity, written: number): Value {
  const layer = layerOf(ctx, quantity, written);
  if (ctx instanceof BatchContext && ctx.layout === 'columns' && (quantity === 'z' || quantity === 'o')) return ctx.stackedGradient({ quantity, layer });
  return ctx.gradient({ quantity, layer });
}

const BATCH_FUNCTIONS = {
  gc_example: atExample,
  gc_ones: (ctx: InstanceContext): Value => {
    const batch = batchOf(ctx, '\\mathbf{1}, the column of ones,');
    return V.asBatch(V.filled(batch.size, 1, () => 1));
  },
  gc_batchsize: (ctx: InstanceContext): Value => batchOf(ctx, 'an index over examples').size,
  gc_dgrad: namedGradient,
};
registerFunctions(BATCH_FUNCTIONS);

export type BatchFunctionName = keyof typeof BATCH_FUNCTIONS;
