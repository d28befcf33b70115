// How a batch document's claims are read (docs/spec-language.md, `batch`): which claims
// are about the batch and which about one example, the example marks of
// x^{(i)} and y^{(i)}, and the batch size m or N.
import type { Claim, Expr, Sym } from '../math';
import { resolveSymbol } from './bindings';
import { plainName, type Binding, type Environment } from './conventions';
import { isBareSymbol, mapChildren, some, walk } from './walk';

/** Who binds the batch size: `batch 64` in the spec, under the names documents give it. */
export const BATCH_SIZE_BINDER = 'batch statement';
const BATCH_SIZE_NAMES = ['m', 'N', 'n'];
/** Names that are the batch size only where the document writes them bare (n is also n_l, a layer's width). */
const ONLY_WHEN_WRITTEN = new Set(['n']);

/** Whether a binding is the batch size the `batch` statement bound. */
export function isBatchSize(binding: Binding): boolean {
  return binding.boundBy === BATCH_SIZE_BINDER;
}

/**
 * m and N are the batch size wherever the document does not give them
 * another meaning; only the one the document writes, when it writes one, so
 * a correction says 1/N in a document that counts with N.
 */
export function bindBatchSize(env: Environment, size: number, claims: readonly Pick<Claim, 'lhs' | 'rhs'>[] = []): void {
  const written = BATCH_SIZE_NAMES.filter((name) => claims.some((c) => [c.lhs, c.rhs].some((side) => some(side, (n) => isBareSymbol(n) && n.name === name))));
  for (const name of written.length > 0 ? written : BATCH_SIZE_NAMES.filter((n) => !ONLY_WHEN_WRITTEN.has(n))) {
    if (env.lookup(name)) continue;
    env.bind(name, { meaning: { kind: 'constant', value: size }, description: `the batch size ${name} = ${size}`, boundBy: BATCH_SIZE_BINDER });
  }
}

/** Conventional roles a parenthesised letter superscript marks the example of (x^{(i)}, y^{(i)}, L^{(i)}): they have no layers to mean. */
const EXAMPLE_ROLES: ReadonlySet<Binding['meaning']['kind']> = new Set(['input', 'label', 'loss', 'output']);

/**
 * In a batch document x^{(i)}, y^{(i)}, \mathcal{L}^{(i)} name example i (the
 * parser reads a lone superscript as a layer: it cannot know the document
 * has a batch). A letter it cannot mean as a layer of these roles is the example.
 */
export function markExamples(e: Expr, env: Environment): Expr {
  const mapped = mapChildren(e, (child) => markExamples(child, env));
  if (mapped.kind !== 'sym' || !mapped.layer || mapped.example || mapped.layerBrackets !== '()') return mapped;
  const layer = mapped.layer;
  const letter = layer.kind === 'sym' && !layer.layer && layer.indices.length === 0 && /^[a-zA-Z]$/.test(layer.name) && layer.name !== 'L';
  const role = env.lookup(mapped.name)?.meaning.kind;
  if (!letter || !role || !EXAMPLE_ROLES.has(role)) return mapped;
  return { ...mapped, layer: undefined, layerBrackets: undefined, example: layer };
}

export function markClaimExamples<C extends Pick<Claim, 'lhs' | 'rhs'>>(claim: C, env: Environment): C {
  return { ...claim, lhs: markExamples(claim.lhs, env), rhs: markExamples(claim.rhs, env) };
}

/** The roles a capital letter names as a batch matrix: X, Y, Z^{[l]}, A^{[l]}, P. */
function isBatchCapital(sym: Sym, binding: Binding): boolean {
  if (binding.boundBy !== 'default convention' || !/^[A-Z]$/.test(plainName(sym.name))) return false;
  const meaning = binding.meaning;
  return meaning.kind === 'input' || meaning.kind === 'label' || meaning.kind === 'output' || (meaning.kind === 'layered' && (meaning.quantity === 'z' || meaning.quantity === 'o'));
}

/**
 * Whether a claim is about the batch: it writes a batch matrix (a capital X,
 * Y, Z, A, P), an example mark, \mathbf{1}, the batch size, or a node the
 * document computes from them. Any other claim is about one example, as
 * deeplearning.ai writes dz^{[2]} = a^{[2]} − y beside dZ^{[2]} = A^{[2]} − Y.
 */
export function writesBatch(sides: readonly Expr[], env: Environment): boolean {
  const seen = new Set<Binding>();
  const visit = (e: Expr, depth: number): boolean => {
    let found = false;
    walk(e, (node) => {
      if (found) return false;
      if (node.kind !== 'sym') return true;
      if (node.example || plainName(node.name) === '1') return !(found = true);
      const binding = resolveSymbol(env, node)?.binding;
      if (!binding) return true;
      if (binding.boundBy === BATCH_SIZE_BINDER || isBatchCapital(node, binding)) return !(found = true);
      if (binding.meaning.kind === 'template' && depth < 8 && !seen.has(binding)) {
        seen.add(binding);
        found = visit(binding.meaning.body, depth + 1);
      }
      return !found;
    });
    return found;
  };
  return sides.some((side) => visit(side, 0));
}
