// What a document defines that the conventions alone would read as a claim:
// its own loss written in terms of another (J = L + λ/2‖W‖², the document's
// loss from then on), and helper functions (g_1(x) = −\log x, s(z) = 1/(1+e^{−z})).
import { printExpr, type Claim, type Expr, type Sym } from '../../math';
import { LOSS_CANDIDATES, plainName, type Binding, type Environment } from '../conventions';
import { resolveSymbol } from '../bindings';
import { isBareSymbol, walk } from '../walk';

export interface DocumentDefinition {
  /** The name the binding is stored under: `g_{1}` for a subscripted helper, else the symbol's name. */
  readonly name: string;
  readonly symbol: Sym;
  readonly binding: Binding;
}

/** `g_1` is stored as `g_{1}`, so that g_1 and g_2 are different functions. */
export function helperName(fn: Sym): string {
  return fn.indices.length > 0 ? `${plainName(fn.name)}_{${fn.indices.map(printExpr).join(',')}}` : fn.name;
}

/** Whether a symbol is a loss here: a loss by convention, or one the document differentiates. */
export function isLossName(name: string, env: Environment): boolean {
  return LOSS_CANDIDATES.has(plainName(name)) || env.lossNames.has(plainName(name));
}

/** Whether a symbol used as a value (not inside a layer or a subscript: the L of a^L is a layer) passes the test. */
function usesSymbol(e: Expr, test: (sym: Sym, applied: boolean) => boolean): boolean {
  let found = false;
  walk(e, (node) => {
    if (found) return false;
    if (node.kind === 'sym') {
      found = test(node, false);
      return false;
    }
    if (node.kind === 'call') {
      found = test(node.fn, true);
      node.args.forEach((a) => (found ||= usesSymbol(a, test)));
      return false;
    }
    return true;
  });
  return found;
}

function mentionsOtherLoss(e: Expr, own: string, env: Environment): boolean {
  return usesSymbol(e, (sym) => plainName(sym.name) !== own && isLossName(sym.name, env) && ['loss', 'template'].includes(env.lookup(sym.name)?.meaning.kind ?? ''));
}

function helperFunction(claim: Claim, env: Environment, boundBy: string): DocumentDefinition | undefined {
  const lhs = claim.lhs;
  if (lhs.kind !== 'call' || lhs.given.length > 0 || lhs.fn.primes > 0 || lhs.fn.layer || lhs.args.length === 0) return undefined;
  if (!lhs.args.every(isBareSymbol)) return undefined;
  const parameters = lhs.args.map((a) => (a as Sym).name);
  if (new Set(parameters).size !== parameters.length) return undefined;
  const fn = lhs.fn;
  const known = env.lookup(fn.name);
  // σ(z) = 1/(1+e^{−z}) with σ the network's activation is a claim about it; g_1(x) = … and a fresh s(z) = … define.
  const defines = claim.kind === 'definition' || fn.indices.length > 0 || !known;
  if (!defines || (known && known.meaning.kind === 'loss')) return undefined;
  const name = helperName(fn);
  const binding: Binding = {
    meaning: { kind: 'template', indices: [], body: claim.rhs, parameters },
    description: `${printExpr(lhs)} = ${printExpr(claim.rhs)}, a function the document defines`,
    boundBy,
  };
  return { name, symbol: fn, binding };
}

/** `J = L + \frac{\lambda}{2}\|W\|^2`: a loss written in terms of another loss is the document's own loss, not a claim that they are equal. */
function ownLoss(claim: Claim, env: Environment, boundBy: string): DocumentDefinition | undefined {
  const sym = claim.lhs.kind === 'call' ? claim.lhs.fn : claim.lhs;
  if (sym.kind !== 'sym' || sym.layer || sym.indices.length > 0 || sym.primes > 0) return undefined;
  if (env.lookup(sym.name)?.meaning.kind !== 'loss' || !isLossName(sym.name, env)) return undefined;
  // J(θ) := … defines even though its left side is written as a call; a plain = defines only in terms of another loss.
  const defines = claim.kind === 'definition' ? claim.lhs.kind === 'call' : claim.kind === 'claim' && claim.relation === '=' && mentionsOtherLoss(claim.rhs, plainName(sym.name), env);
  if (!defines) return undefined;
  const binding: Binding = {
    meaning: { kind: 'template', indices: [], body: claim.rhs },
    description: `the document's loss ${printExpr(sym)} = ${printExpr(claim.rhs)}`,
    boundBy,
  };
  return { name: sym.name, symbol: sym, binding };
}

export function documentDefinition(claim: Claim, env: Environment, boundBy: string): DocumentDefinition | undefined {
  return helperFunction(claim, env, boundBy) ?? ownLoss(claim, env, boundBy);
}

/** A node the document computes in its math: not a `let` and not an alias of one network quantity (α := z^L). */
function mentionsDocumentNode(e: Expr, env: Environment): boolean {
  return usesSymbol(e, (sym, applied) => {
    // resolveSymbol finds a definition made at one layer too (U^{(2)} := H W^{(2)}).
    const binding = (applied && sym.indices.length > 0 ? env.lookup(helperName(sym)) : undefined) ?? resolveSymbol(env, sym)?.binding;
    if (binding?.meaning.kind !== 'template' || binding.boundBy.startsWith('let')) return false;
    return binding.meaning.body.kind !== 'sym' || binding.meaning.parameters !== undefined;
  });
}

/**
 * A forward equation that holds on a conventional symbol but computes it
 * the document's own way (p = u/S, p_k = u_k/S with u, S defined above;
 * L = g_1(p_y)): from here on the symbol is that node, so derivatives flow
 * through the document's computation. Its value is unchanged: the claim held.
 */
function forwardNode(claim: Claim, env: Environment, boundBy: string): DocumentDefinition | undefined {
  if (claim.kind !== 'claim' || claim.relation !== '=' || claim.conditions.length > 0) return undefined;
  const sym = claim.lhs.kind === 'call' && isLossName(claim.lhs.fn.name, env) ? claim.lhs.fn : claim.lhs;
  if (sym.kind !== 'sym' || sym.layer || sym.primes > 0 || !sym.indices.every(isBareSymbol) || sym.indices.length > 2) return undefined;
  const known = env.lookup(sym.name)?.meaning.kind;
  if (known === undefined || known === 'template' || known === 'constant' || known === 'function' || known === 'activation') return undefined;
  if (!mentionsDocumentNode(claim.rhs, env)) return undefined;
  const binding: Binding = {
    meaning: { kind: 'template', indices: sym.indices.map((i) => (i as Sym).name), body: claim.rhs },
    description: `${printExpr(sym)} = ${printExpr(claim.rhs)}, as the document computes it`,
    boundBy,
  };
  return { name: sym.name, symbol: sym, binding };
}

export interface CheckOutcome {
  readonly ok: boolean;
  /** Unchecked, or failed on a shape anywhere: the conventional reading does not apply. */
  readonly unreadable: boolean;
  /** Both sides evaluated, to different shapes. */
  readonly sidesDiffer: boolean;
  /** Every case's right side is m times the left: the loss summed over the batch where the built-in one is the mean. */
  readonly summedOverBatch?: boolean;
}

/**
 * What a checked claim makes of its symbol: a forward equation that held
 * becomes a node ('claim': the verdict stands); a function equation that
 * cannot even be read under the convention (g(t) = −log t where g would be a
 * softmax layer's activation) is the document's own function ('definition').
 */
export function definitionAfterCheck(claim: Claim, env: Environment, outcome: CheckOutcome, boundBy: string): (DocumentDefinition & { readonly verdict: 'claim' | 'definition' }) | undefined {
  if (outcome.ok) {
    const node = forwardNode(claim, env, boundBy);
    return node && { ...node, verdict: 'claim' };
  }
  if (claim.kind !== 'claim' || claim.relation !== '=') return undefined;
  const own = ownQuantity(claim, env, outcome, boundBy);
  if (own) return { ...own, verdict: 'definition' };
  if (!outcome.unreadable || claim.lhs.kind !== 'call') return undefined;
  const kind = env.lookup(claim.lhs.fn.name)?.meaning.kind;
  if (kind !== 'activation' && kind !== 'function') return undefined;
  const helper = helperFunction({ ...claim, kind: 'definition' }, env, boundBy);
  return helper && { ...helper, verdict: 'definition' };
}

/**
 * z = W^{(1)} x, h = φ(z), L = ½‖o − y‖² on a network without biases: a bare
 * z, h, o (no layer: the convention could only guess the last one) or a loss
 * that the conventional reading cannot even evaluate, or that the document
 * computes from its own nodes, is the document's own quantity.
 */
function ownQuantity(claim: Claim, env: Environment, { sidesDiffer, summedOverBatch }: CheckOutcome, boundBy: string): DocumentDefinition | undefined {
  const sym = claim.lhs.kind === 'call' && isLossName(claim.lhs.fn.name, env) ? claim.lhs.fn : claim.lhs;
  if (sym.kind !== 'sym' || !isBareSymbol(sym)) return undefined;
  const kind = env.lookup(sym.name)?.meaning.kind;
  const guessed = kind === 'layered' || (kind === 'loss' && isLossName(sym.name, env));
  // A right side that cannot be evaluated itself defines nothing; one of another shape than the guess, or made of the document's nodes, does.
  // A loss summed over the batch where the built-in one averages is how the document defines it; a ½ more or less, or a sign, is a mistake in it.
  const rescaledLoss = kind === 'loss' && summedOverBatch === true;
  if (!guessed || !((sidesDiffer && kind === 'layered') || rescaledLoss || mentionsDocumentNode(claim.rhs, env))) return undefined;
  const binding: Binding = { meaning: { kind: 'template', indices: [], body: claim.rhs }, description: `${printExpr(sym)} = ${printExpr(claim.rhs)}, as the document defines it`, boundBy };
  return { name: sym.name, symbol: sym, binding };
}
