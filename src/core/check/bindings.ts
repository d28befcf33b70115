// Bindings a document makes: `let` lines of its spec, definitions in its
// math (:= and synonyms, or a plain = on a symbol nothing knows), and the
// symbols it differentiates (the loss, document-wide).
//
// A binding has a *form*, the way its left side is written:
//  - with a layer parameter (`\delta^{l}`, `Z^{[l]}`, `\alpha^{l+1}`): every
//    use of the name at any layer (the template's parameter takes the use's);
//  - with a fixed layer or fixed indices (`W^{(O)}`, `b_2`, `z^{L}`): only
//    uses written the same way (`W^{(O)}_{jk}` still indexes it);
//  - bare (`\alpha`, `z`): uses without a layer; `z^{l}` keeps its own meaning,
//    so `let z = z^{L}` is not circular. A bare alias of a layered quantity
//    (`let A = a`) also passes layers through: `A^{[l]}` is `a^{l}`.
import { type Claim, DEFAULT_LAYERED_SYMBOLS, type Expr, isDeclarableName, type ParseOptions, type Sym, parseExpression, printExpr, documentNames } from '../math';
import type { Formula } from '../document';
import type { LetBinding } from '../netspec';
import type { Problem } from '../source';
import { Environment, LOSS_CANDIDATES, plainName, type Binding } from './conventions';
import { isBareSymbol, mapChildren, walk } from './walk';

/**
 * Bare symbols differentiated anywhere, or loss names applied as functions
 * (C(θ)): the loss. A symbol the document writes an equation for (`S =
 * \sum_k u_k`) is its own quantity, not the loss, unless it is a usual
 * loss name (L, C, J, E, ℓ).
 */
export function lossNames(claims: readonly Claim[], known: (name: string) => Binding | undefined): Set<string> {
  const names = new Set<string>(['L']);
  const written = new Set(claims.flatMap((c) => (c.lhs.kind === 'sym' && !c.lhs.layer && c.lhs.indices.length === 0 ? [plainName(c.lhs.name)] : [])));
  const consider = (e: Expr) =>
    walk(e, (node) => {
      if (node.kind === 'derivative') {
        const of = node.of.kind === 'call' ? node.of.fn : node.of;
        if (of.kind === 'sym' && of.indices.length === 0 && !of.layer) {
          const kind = known(of.name)?.meaning.kind;
          const name = plainName(of.name);
          if (LOSS_CANDIDATES.has(name) || kind === 'loss' || (kind === undefined && !written.has(name))) names.add(name);
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
  if (isLayerLetter(layer)) return { layer: layer.name, layerOffset: 0 };
  if (layer.kind === 'binary' && (layer.op === '+' || layer.op === '-') && isLayerLetter(layer.left) && layer.right.kind === 'num') {
    return { layer: layer.left.name, layerOffset: layer.op === '+' ? layer.right.value : -layer.right.value };
  }
  return {};
}

/** A layer written as a lower-case letter (l, k, \ell) is a parameter; L, O, 2 are particular layers. */
function isLayerLetter(e: Expr): e is Sym {
  return isBareSymbol(e) && e.name !== 'L' && /^(?:[a-z]|\\ell)$/.test(e.name);
}

/** The key of a form with a fixed layer and/or fixed indices (never a LaTeX name: it starts with a control character). */
function formKey(name: string, layer: Expr | undefined, indices: readonly Expr[]): string {
  return `\u0001${plainName(name)}^{${layer ? printExpr(layer) : ''}}_{${indices.map(printExpr).join(',')}}`;
}

interface Form {
  /** Set for a fixed layer or fixed indices: only uses written that way. */
  readonly key?: string;
  /** The left side without what the key fixes: its remaining layer and index parameters. */
  readonly params: Sym;
}

/** Where a binding of `lhs` goes: an exact form key (with the parameters left), or the name itself. */
function formOf(lhs: Sym): Form {
  const fixedLayer = lhs.layer !== undefined && layerParameter(lhs.layer).layer === undefined;
  const fixedIndices = lhs.indices.length > 0 && !lhs.indices.every(isBareSymbol);
  if (!fixedLayer && !fixedIndices) return { params: lhs };
  return {
    key: formKey(lhs.name, fixedLayer ? lhs.layer : undefined, fixedIndices ? lhs.indices : []),
    params: { ...lhs, layer: fixedLayer ? undefined : lhs.layer, indices: fixedIndices ? [] : lhs.indices },
  };
}

/** A symbol's binding and the use it applies to (what an exact form matched is taken off). */
export interface ResolvedSymbol {
  readonly binding: Binding;
  readonly use: Sym;
}

/** What a symbol as written means: its exact form first (`b_2`, `W^{(O)}`, bare `z`), then its name. */
export function resolveSymbol(env: Environment, sym: Sym): ResolvedSymbol | undefined {
  if (sym.layer || sym.indices.length > 0) {
    const exact = env.lookup(formKey(sym.name, sym.layer, sym.indices));
    if (exact) return { binding: exact, use: { ...sym, layer: undefined, indices: [] } };
  }
  if (sym.layer && sym.indices.length > 0) {
    const layerOnly = env.lookup(formKey(sym.name, sym.layer, []));
    if (layerOnly) return { binding: layerOnly, use: { ...sym, layer: undefined } };
  }
  if (!sym.layer) {
    const bare = env.lookup(formKey(sym.name, undefined, []));
    if (bare) return { binding: bare, use: sym };
  }
  const named = env.lookup(sym.name);
  if (!named) return undefined;
  // A bare binding (no layer parameter) does not cover a use at a layer: z^{l} after `let z = z^{L}` is still z^{l}.
  if (sym.layer && named.meaning.kind === 'template' && !named.meaning.layer && named.meaning.indices.length === 0) {
    const convention = new Environment(undefined, env.lossNames).lookup(sym.name);
    return convention ? { binding: convention, use: sym } : undefined;
  }
  return { binding: named, use: sym };
}

/** Binds `lhs` to `body` in its form; a bare alias of a layered quantity (`A = a`) passes layers through too. */
export function bindSymbol(env: Environment, lhs: Sym, body: Expr, description: string, boundBy: string): void {
  const form = formOf(lhs);
  const binding = templateOf(form.params, body, description, boundBy);
  if (!lhs.layer && lhs.indices.length === 0 && isLayeredAlias(env, body)) {
    // `A` alone is `a` alone; `A^{[l]}` is `a^{l}` at every layer.
    const layer: Sym = { kind: 'sym', name: 'l', indices: [], primes: 0, span: lhs.span };
    env.bind(formKey(lhs.name, undefined, []), binding);
    env.bind(lhs.name, templateOf({ ...lhs, layer }, { ...body, layer }, `${description} at every layer`, boundBy));
    return;
  }
  env.bind(form.key ?? lhs.name, binding);
}

function isLayeredAlias(env: Environment, body: Expr): body is Sym {
  return isBareSymbol(body) && env.lookup(body.name)?.meaning.kind === 'layered';
}

/** Whether a symbol's binding (directly or through other bindings) uses itself. */
function refersTo(env: Environment, body: Expr, target: Binding, depth = 0): boolean {
  if (depth > 32) return true;
  let found = false;
  walk(body, (node) => {
    if (found) return false;
    const sym = node.kind === 'sym' ? node : node.kind === 'call' ? node.fn : undefined;
    if (!sym) return true;
    const resolved = resolveSymbol(env, sym);
    const meaning = resolved?.binding.meaning;
    if (resolved?.binding === target) found = true;
    else if (meaning?.kind === 'template' && refersTo(env, meaning.body, target, depth + 1)) found = true;
    return !found;
  });
  return found;
}

/** Parses a let's left side: any superscript on it is a layer (nobody lets a square), so its name reads as layered. */
function letSymbol(latex: string): Sym | undefined {
  const names = declaredNames([{ symbol: latex }]);
  const first = parseExpression(latex, { names }).expr;
  const base = first?.kind === 'pow' && first.base.kind === 'sym' ? first.base : first;
  if (base?.kind !== 'sym') return undefined;
  if (first?.kind === 'sym') return first;
  const again = parseExpression(latex, { names, layeredSymbols: new Set([...DEFAULT_LAYERED_SYMBOLS, base.name]) }).expr;
  return again?.kind === 'sym' ? again : undefined;
}

/**
 * Names the spec's lets bind read as layered in the document's formulas: a
 * superscript on them is a layer (`Z^{l}` after `let Z^{l} = z^{l}`), never a
 * power, so `\alpha^{l}` after `let \alpha = z^{L}` is reported as a form
 * the let does not cover instead of being checked as a power.
 */
export function letLayeredSymbols(lets: readonly LetBinding[]): ReadonlySet<string> {
  const names = new Set(DEFAULT_LAYERED_SYMBOLS);
  for (const binding of lets) {
    const symbol = letSymbol(binding.symbol);
    if (symbol) names.add(symbol.name);
  }
  return names;
}

/**
 * A definition written entry by entry used as a whole (Nielsen's `\delta^l_j
 * \equiv \partial C / \partial z^l_j` then `\delta^L = …`): the index form
 * defines the vector, so the body without that index is the vector. Only when
 * the index is the sole index of every symbol carrying it and appears nowhere
 * else (`\delta_j a_k` or `\sum_k w_{jk} a_k` are not elementwise in j);
 * undefined otherwise.
 */
export function vectorOver(body: Expr, index: string): Expr | undefined {
  let elementwise = true;
  const strip = (e: Expr): Expr => {
    if (e.kind !== 'sym') return mapChildren(e, strip);
    const at = e.indices.findIndex((i) => isBareSymbol(i) && i.name === index);
    if (at < 0) {
      if (isBareSymbol(e) && e.name === index) elementwise = false;
      return { ...e, layer: e.layer && strip(e.layer) };
    }
    if (e.indices.length !== 1) elementwise = false;
    return { ...e, indices: [] };
  };
  const vector = strip(body);
  return elementwise ? vector : undefined;
}

/** Whether a claim defines its left side rather than claiming something about it. */
export function definedSymbol(claim: Claim, env: Environment): Sym | undefined {
  if (claim.lhs.kind !== 'sym' || claim.lhs.primes > 0) return undefined;
  if (claim.kind === 'definition') return claim.lhs;
  if (claim.kind === 'claim' && claim.relation === '=' && !resolveSymbol(env, claim.lhs)) return claim.lhs;
  return undefined;
}

/**
 * What the document declares for the parser: multi-letter names read as one
 * symbol, the lets' (`let dscores = …`) and the words its formulas write
 * upright (`\mathrm{scores}`, so that `scores` and `dscores` read too), and
 * letters it writes both alone and as `dH` (then ∂L/∂H); and
 * the names the lets bind, whose superscript is then a layer wherever they
 * are written (letLayeredSymbols).
 */
export function declaredNotation(lets: readonly LetBinding[], formulas: readonly Pick<Formula, 'latex'>[] = []): Pick<ParseOptions, 'names' | 'layeredSymbols'> {
  const names = new Set([...declaredNames(lets), ...documentNames(formulas.map((f) => f.latex))]);
  return { names, layeredSymbols: letLayeredSymbols(lets) };
}

function declaredNames(lets: readonly Pick<LetBinding, 'symbol'>[]): ReadonlySet<string> {
  return new Set(lets.map((l) => l.symbol.trim()).filter(isDeclarableName));
}

/** Binds every `let` of the spec; a let that does not parse, or that uses itself, is a located problem. */
export function bindLets(env: Environment, lets: readonly LetBinding[], problems: Problem[]): void {
  for (const binding of lets) {
    const symbol = letSymbol(binding.symbol);
    const body = parseExpression(binding.expression);
    const where = binding.file ? `let in ${binding.file}` : `let on line ${binding.range.start.line + 1}`;
    if (!symbol) {
      problems.push({ range: binding.symbolRange, severity: 'error', code: 'let-symbol', message: `let needs a symbol on its left, like \\alpha, w_1, Z^{[l]} or \\delta^{l}; got '${binding.symbol}'` });
      continue;
    }
    if (!body.expr || body.errors.length > 0) {
      problems.push({ range: binding.expressionRange, severity: 'error', code: 'let-expression', message: `cannot read the LaTeX of this let: ${body.errors[0]?.message ?? 'empty'}` });
      continue;
    }
    const trial = env.child();
    bindSymbol(trial, symbol, body.expr, `${binding.symbol} = ${binding.expression}`, where);
    const own = resolveSymbol(trial, symbol)?.binding;
    if (own && refersTo(trial, body.expr, own)) {
      problems.push({
        range: binding.expressionRange,
        severity: 'error',
        code: 'let-self-reference',
        message: `this let defines ${binding.symbol} in terms of itself ('${binding.expression}' leads back to ${binding.symbol}); bind it to a network quantity such as z^{L} or W^{2}`,
      });
      continue;
    }
    bindSymbol(env, symbol, body.expr, `${binding.symbol} = ${binding.expression}`, where);
  }
}
