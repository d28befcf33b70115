// Unknown symbols inferred, never silently assumed (issue 8): for a symbol
// nothing binds, each known quantity is tried against the document's own
// claims that use it. When exactly one makes the most of them hold (at
// least two, and more than any other candidate), those claims stay
// unchecked but say what the symbol behaves like and which `let` would
// make it so. Two candidates that fit equally suggest nothing.
import { parseExpression, type Claim, type Expr } from '../../math';
import { displayName, type Binding, type Environment } from '../conventions';
import type { ClaimEvaluation } from '../evaluate';
import type { ClaimReport } from '../report';
import { walk } from '../walk';
import { withLayers } from './powers';

/** What a symbol may stand for: with a layer letter when the document writes one on it. */
const LAYERED_CANDIDATES = ['z^{l}', 'o^{l}', '\\delta^{l}', '\\frac{\\partial L}{\\partial o^{l}}'];
/** Every layer's quantities (L for the last, x for o^0; p is o^L), and the label. */
function plainCandidates(lastLayer: number): string[] {
  const out: string[] = [];
  for (let k = lastLayer; k >= 0; k--) {
    const K = k === lastLayer ? 'L' : String(k);
    if (k > 0) out.push(`z^{${K}}`, `\\delta^{${K}}`);
    out.push(k === 0 ? 'x' : `o^{${K}}`, `\\frac{\\partial L}{\\partial ${k === 0 ? 'x' : `o^{${K}}`}}`);
  }
  return [...out, '\\mathrm{onehot}(y)', 'y'];
}

/** The letter the document writes as the symbol's layer (s^e), if it writes one. */
function layerLetter(claims: readonly Claim[], name: string): string | undefined {
  let letter: string | undefined;
  for (const claim of claims) {
    for (const side of [claim.lhs, claim.rhs]) {
      walk(side, (node: Expr) => {
        if (!letter && node.kind === 'sym' && node.name === name && node.layer?.kind === 'sym' && node.layer.name !== 'L') letter = node.layer.name;
      });
    }
  }
  return letter;
}

function candidateBinding(latex: string, letter: string | undefined): Binding | undefined {
  const body = parseExpression(letter ? latex.replace(/\{l\}/g, `{${letter}}`) : latex).expr;
  if (!body) return undefined;
  return { meaning: { kind: 'template', indices: [], body, ...(letter ? { layer: letter, layerOffset: 0 } : {}) }, description: `inferred: ${latex}`, boundBy: 'inference' };
}

export interface InferenceInput {
  readonly claims: readonly Claim[];
  readonly reports: readonly ClaimReport[];
  readonly env: Environment;
  readonly evaluate: (claim: Claim, env: Environment) => ClaimEvaluation;
  readonly lastLayer: number;
}

/** The reports with `suggestion` (and a sentence in the message) on the claims an inferred symbol stopped. */
export function suggestMeanings({ claims, reports, env, evaluate, lastLayer }: InferenceInput): ClaimReport[] {
  const out = [...reports];
  const unknown = new Set(reports.filter((r) => r.code === 'unknown-symbol' && r.symbol).map((r) => r.symbol!));
  for (const name of unknown) {
    if (env.lookup(name)) continue;
    const stopped = reports.flatMap((r, i) => (r.code === 'unknown-symbol' && r.symbol === name ? [i] : []));
    if (stopped.length < 2) continue; // one claim cannot make a suggestion (at least two must hold)
    const tried = new Map(stopped.map((i) => [i, withLayers(claims[i], name)]));
    const letter = layerLetter([...tried.values()], name);
    const scores: { latex: string; holds: number }[] = [];
    for (const latex of letter ? LAYERED_CANDIDATES : plainCandidates(lastLayer)) {
      const binding = candidateBinding(latex, letter);
      if (!binding) continue;
      const trial = env.child();
      trial.bind(name, binding);
      const holds = stopped.filter((i) => evaluate(tried.get(i)!, trial).status === 'ok').length;
      scores.push({ latex: letter ? latex.replace(/\{l\}/g, `{${letter}}`) : latex, holds });
    }
    scores.sort((a, b) => b.holds - a.holds);
    const [best, second] = scores;
    if (!best || best.holds < 2 || (second && second.holds === best.holds)) continue;
    const lines = stopped.map((i) => reports[i].rhsRange.start.line + 1);
    const where = lines.length === 1 || Math.min(...lines) === Math.max(...lines) ? `line ${lines[0]}` : `lines ${Math.min(...lines)}–${Math.max(...lines)}`;
    const symbol = letter ? `${name}^{${letter}}` : name;
    const suggestion = `${displayName({ name })} behaves like ${best.latex} on ${where} (${best.holds} of ${stopped.length} claims hold so): add \`let ${symbol} = ${best.latex}\``;
    for (const i of stopped) out[i] = { ...out[i], suggestion, suggestedMeaning: best.latex, message: `${out[i].message}. ${suggestion}` };
  }
  return out;
}
