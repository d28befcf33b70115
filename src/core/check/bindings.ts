// Bindings a document makes: `let` lines of its spec, definitions in its
// math (:= and synonyms, or a plain = on a symbol nothing knows), and the
// symbols it differentiates (the loss, document-wide).
import { type Claim, type Expr, type ParseOptions, type Sym, DEFAULT_LAYERED_SYMBOLS, isDeclarableName, parseExpression } from '../math';
import type { LetBinding } from '../netspec';
import type { Problem } from '../source';
import { Environment, LOSS_CANDIDATES, plainName, type Binding } from './conventions';
import { isBareSymbol, walk } from './walk';

/** Bare symbols differentiated anywhere, or loss names applied as functions (C(θ)): the loss. */
export function lossNames(claims: readonly Claim[], known: (name: string) => Binding | undefined): Set<string> {
  const names = new Set<string>(['L']);
  const consider = (e: Expr) =>
    walk(e, (node) => {
      if (node.kind === 'derivative') {
        const of = node.of.kind === 'call' ? node.of.fn : node.of;
        if (of.kind === 'sym' && of.indices.length === 0 && !of.layer) {
          const kind = known(of.name)?.meaning.kind;
          if (kind === undefined || kind === 'loss' || LOSS_CANDIDATES.has(plainName(of.name))) names.add(plainName(of.name));
        }
      }
      if (node.kind === 'call' && LOSS_CANDIDATES.has(plainName(node.fn.name))) names.add(plainName(node.fn.name));
    });
  for (const claim of claims) {
    consider(claim.lhs);
    consider(claim.rhs);
  }
  return names;
}

/** The parameters a definition's left side introduces: δ^l_j := … has layer l and index j. */
export function templateOf(lhs: Sym, body: Expr, description: string, boundBy: string): Binding {
  const { layer, layerOffset } = layerParameter(lhs.layer);
  const indices = lhs.indices.filter(isBareSymbol).map((i) => i.name);
  return { meaning: { kind: 'template', layer, layerOffset, indices, body }, description, boundBy };
}

/** `l` → (l, 0); `l+1` → (l, 1); `l-1` → (l, −1); anything else (a number, L) is no parameter. */
function layerParameter(layer: Expr | undefined): { layer?: string; layerOffset?: number } {
  if (!layer) return {};
  if (isBareSymbol(layer) && layer.name !== 'L') return { layer: layer.name, layerOffset: 0 };
  if (layer.kind === 'binary' && (layer.op === '+' || layer.op === '-') && isBareSymbol(layer.left) && layer.left.name !== 'L' && layer.right.kind === 'num') {
    return { layer: layer.left.name, layerOffset: layer.op === '+' ? layer.right.value : -layer.right.value };
  }
  return {};
}

/** Whether a claim defines its left side rather than claiming something about it. */
export function definedSymbol(claim: Claim, env: Environment): Sym | undefined {
  if (claim.lhs.kind !== 'sym' || claim.lhs.primes > 0) return undefined;
  if (claim.kind === 'definition') return claim.lhs;
  if (claim.kind === 'claim' && claim.relation === '=' && !env.lookup(claim.lhs.name)) return claim.lhs;
  return undefined;
}

/**
 * What the lets declare for the parser: multi-letter names read as one symbol
 * (`let dscores = …`), and symbols declared with a layer (`let u^{l} = z^{l}`),
 * whose superscript is then a layer wherever they are written.
 */
export function declaredNotation(lets: readonly Pick<LetBinding, 'symbol'>[]): Pick<ParseOptions, 'names' | 'layeredSymbols'> {
  const names = new Set(lets.map((l) => l.symbol.trim()).filter(isDeclarableName));
  const layered = lets.map((l) => /^(\\?[A-Za-z]+)\s*\^/.exec(l.symbol.trim())?.[1]).filter((n): n is string => n !== undefined);
  return { names, layeredSymbols: new Set([...DEFAULT_LAYERED_SYMBOLS, ...layered]) };
}

/** Binds every `let` of the spec; a let that does not parse is a located problem. */
export function bindLets(env: Environment, lets: readonly LetBinding[], problems: Problem[]): void {
  for (const binding of lets) {
    const symbol = parseExpression(binding.symbol, declaredNotation([binding])).expr;
    const body = parseExpression(binding.expression);
    const where = binding.file ? `let in ${binding.file}` : `let on line ${binding.range.start.line + 1}`;
    if (!symbol || symbol.kind !== 'sym') {
      problems.push({ range: binding.symbolRange, severity: 'error', message: `let needs a symbol on its left, like \\alpha or \\delta^{l}; got '${binding.symbol}'` });
      continue;
    }
    if (!body.expr || body.errors.length > 0) {
      problems.push({ range: binding.expressionRange, severity: 'error', message: `cannot read the LaTeX of this let: ${body.errors[0]?.message ?? 'empty'}` });
      continue;
    }
    env.bindSymbol(symbol, templateOf(symbol, body.expr, `${binding.symbol} = ${binding.expression}`, where));
  }
}
