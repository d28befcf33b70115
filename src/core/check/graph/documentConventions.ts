// The conventions a document uses (issue 8): those it declares in its spec
// (`convention NAME`) and those detected from its own math when unambiguous.
// Readings are applied when every claim is lowered; the others rewrite the
// claims into GradCheck's default notation before anything binds. The
// report lists every convention used; an ambiguous detection is proposed in
// a message and not applied.
import type { DeclaredConvention } from '../../netspec';
import { combineReadings, namedConvention, type Reading } from '../../notation';
import { plainName } from '../conventions';
import type { Problem, Range } from '../../source';
import type { LocatedClaim } from '../located';
import { biasesFromWeights, writesBiasAsWeight } from './biasIndex';
import { exampleSubscripts, withoutExampleSubscripts } from './exampleSubscript';
import { detectLayerNames, layerNamesUsed, withLayerNames } from './layerNames';
import { detectsSubscriptLayers, layersFromSubscripts, numberedLetForms } from './layerSubscripts';
import type { ClaimRewrite } from './rewrite';
import { conflictingLetters, letterEvidence, unambiguousLetters, withLetterLayers, type LetterLayers } from './letters';

export interface ConventionsInput<T> {
  readonly claims: readonly T[];
  readonly declared: readonly DeclaredConvention[];
  readonly letSymbols: readonly string[];
  /** The network's last layer, when there is a network: letters name layers 0 … L. */
  readonly lastLayer?: number;
}

export interface DocumentConventions<T> {
  readonly claims: T[];
  /** What the report's `conventions` says, one sentence each. */
  readonly used: string[];
  /** The reading every claim is lowered with, when the document declares one. */
  readonly reading?: Reading;
  /** The rewrites applied to every claim, for a claim read again (a correction the repair search tries). */
  readonly rewrite: ClaimRewrite;
  readonly problems: Problem[];
}

const NOWHERE: Range = { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } };

/** Where a declaration is written in this document (one from a referenced file is reported at the top). */
const declaredAt = (d: DeclaredConvention): Range => (d.file ? NOWHERE : d.range);

/** The readings the declarations name, combined; a second numbering or layout is an error at its line. */
function declaredReading(declared: readonly DeclaredConvention[], used: string[], problems: Problem[]): Reading | undefined {
  let reading: Reading | undefined;
  for (const d of declared) {
    const named = namedConvention(d.name);
    if (!named) continue;
    if (named.reading) {
      const combined = reading ? combineReadings(reading, named.reading) : named.reading;
      if (!combined) {
        problems.push({ range: declaredAt(d), severity: 'error', code: 'convention-clash', message: `convention ${d.name} contradicts an earlier convention (both say how layers are numbered, laid out or named): keep one` });
        continue;
      }
      reading = combined;
    }
    used.push(`declared: ${named.description}`);
  }
  return reading;
}

function describeLetters(letters: LetterLayers, lastLayer: number): string {
  return [...letters]
    .sort((a, b) => a[1] - b[1])
    .map(([letter, layer]) => `${letter} ${layer === 0 ? 'the input' : layer === lastLayer ? `layer ${layer} (the output)` : `layer ${layer}`}`)
    .join(', ');
}

/** `layer-letters i j k`: the k-th letter is layer k (the input is 0). */
function declaredLetters(d: DeclaredConvention, lastLayer: number, problems: Problem[]): LetterLayers {
  const letters = d.letters ?? [];
  if (letters.length > lastLayer + 1) {
    problems.push({ range: declaredAt(d), severity: 'warning', code: 'convention-letters', message: `${letters.length} letters for a network of ${lastLayer + 1} layers (the input and ${lastLayer} dense): the letters after '${letters[lastLayer]}' name no layer` });
  }
  return new Map(letters.slice(0, lastLayer + 1).map((letter, layer) => [letter, layer]));
}

/** The first claim that writes a symbol a letter would place (a_j): where a proposal is shown. */
function firstPlaced<T extends LocatedClaim>(claims: readonly T[], lastLayer: number, inputFirst: boolean): Range {
  const at = claims.find((c) => letterEvidence([c.claim], inputFirst, lastLayer).used);
  return at ? { start: at.lhsFormula.toPosition(at.claim.lhsSpan.start), end: at.rhsFormula.toPosition(at.claim.rhsSpan.end) } : NOWHERE;
}

/** `let W^{(O)} = W^{2}`: the lets say what the named layers are, so nothing is detected. */
const NAMED_LET = /\^\{?[([]?[A-Z][)\]]?\}?/;

/** W^{(H)}, z^{(O)}: capital layer names, declared (`layer-names I H O`) or read as input, hidden and output where that is unambiguous. */
function namedLayers<T extends LocatedClaim>(input: ConventionsInput<T>, lastLayer: number, claims: readonly T[], rewrite: (f: ClaimRewrite) => void, used: string[], problems: Problem[]): void {
  const declaration = input.declared.find((d) => d.name === 'layer-names');
  if (declaration) {
    const names = declaredLetters(declaration, lastLayer, problems);
    rewrite((c) => withLayerNames(c, names));
    return;
  }
  if (input.letSymbols.some((s) => NAMED_LET.test(s.replace(/\s+/g, '')))) return;
  const written = layerNamesUsed(claims.map((c) => c.claim));
  const { names, unresolved } = detectLayerNames(written, lastLayer);
  if (names.size === 0 && unresolved.length === 0) return;
  rewrite((c) => withLayerNames(c, names, unresolved));
  if (names.size > 0) {
    const said = [...names].map(([n, l]) => `${n} is ${l === 0 ? 'the input' : l === lastLayer ? `layer ${l} (the output)` : `layer ${l}`}`);
    used.push(`layers named by capital letters (detected: ${said.join(', ')}): W^{(O)}, z^{(H)} are the quantities of those layers`);
  }
  if (unresolved.length > 0) {
    const at = claims.find((c) => layerNamesUsed([c.claim]).size > 0);
    const which = unresolved.join(', ');
    problems.push({
      range: at ? { start: at.lhsFormula.toPosition(at.claim.lhsSpan.start), end: at.rhsFormula.toPosition(at.claim.rhsSpan.end) } : NOWHERE,
      severity: 'information',
      code: 'convention-proposed',
      message: `the layers seem to be named by letters, but ${which} names no one layer of this network (${lastLayer - 1} hidden layers): the claims that use ${which} are not checked. If the letters name layers, declare them in the spec, input layer first, e.g. \`convention layer-names I H O\``,
    });
  }
}

export function documentConventions<T extends LocatedClaim>(input: ConventionsInput<T>): DocumentConventions<T> {
  const used: string[] = [];
  const problems: Problem[] = [];
  const reading = declaredReading(input.declared, used, problems);
  const declared = (name: DeclaredConvention['name']) => input.declared.find((d) => d.name === name);
  const inputFirst = reading?.transposeWeights === true;
  let claims = [...input.claims];
  const steps: ClaimRewrite[] = [];
  const rewrite = (f: ClaimRewrite) => {
    steps.push(f);
    claims = claims.map((c) => ({ ...c, claim: f(c.claim) }));
  };

  const letForms = numberedLetForms(input.letSymbols);
  if (declared('layer-subscripts')) rewrite((c) => layersFromSubscripts(c, letForms));
  else if (detectsSubscriptLayers(claims.map((c) => c.claim), input.letSymbols)) {
    rewrite((c) => layersFromSubscripts(c, letForms));
    used.push('layers numbered by subscript (detected: a weight is written w_1): w_k, b_k, z_k, a_k, h_k, o_k are the quantities of layer k');
  }

  if (declared('bias-index-0')) rewrite((c) => biasesFromWeights(c, inputFirst));
  else if (writesBiasAsWeight(claims.map((c) => c.claim), inputFirst)) {
    rewrite((c) => biasesFromWeights(c, inputFirst));
    used.push('the bias is the weight with index 0 (detected: a weight is written with input index 0, as w_{j0}, or summed from 0): w_{j0} is b_j, as if x_0 = z_0 = 1');
  }

  const lastLayer = input.lastLayer;
  // `let a = z^{1}`: what a let binds bare keeps the let's meaning, letters or not.
  const letBare = new Set(input.letSymbols.map((l) => l.trim()).filter((l) => /^\\?[A-Za-z]+$/.test(l)).map((l) => plainName(l)));
  const declaredLetterLine = declared('layer-letters');
  if (lastLayer !== undefined && declaredLetterLine) {
    const letters = declaredLetters(declaredLetterLine, lastLayer, problems);
    rewrite((c) => withLetterLayers(c, letters, letBare));
  }
  else if (lastLayer !== undefined && !reading?.shift) {
    const evidence = letterEvidence(claims.map((c) => c.claim), inputFirst, lastLayer);
    const letters = evidence.used ? unambiguousLetters(evidence) : undefined;
    if (letters) {
      rewrite((c) => withLetterLayers(c, letters, letBare));
      used.push(`layers named by index letters (detected from ${evidence.witnesses.join(', ')}): ${describeLetters(letters, lastLayer)}; a symbol written with one of these letters and no layer (a_j, δ_k) is in that layer`);
    } else if (evidence.used && conflictingLetters(evidence).length > 0) {
      const why = `but ${conflictingLetters(evidence).join('; ')} (${evidence.witnesses.join(', ')})`;
      problems.push({
        range: firstPlaced(claims, lastLayer, inputFirst),
        severity: 'information',
        code: 'convention-proposed',
        message: `the index letters may name layers (as in Bishop: i input, j hidden, k output units), ${why}: not applied. If the document means it, declare the letters in the spec, input layer first, e.g. \`convention layer-letters i j k\``,
      });
    }
  }

  if (lastLayer !== undefined) namedLayers(input, lastLayer, claims, rewrite, used, problems);

  const marks = exampleSubscripts(claims.map((c) => c.claim));
  if (marks.size > 0) {
    rewrite((c) => withoutExampleSubscripts(c, marks));
    for (const [name, letter] of marks) used.push(`${name}_${letter} is the loss of the one example checked (detected: ${letter} marks the example and nothing else)`);
  }
  const all: ClaimRewrite = (claim) => steps.reduce((c, step) => step(c), claim);
  return { claims, used, ...(reading ? { reading } : {}), rewrite: all, problems };
}
