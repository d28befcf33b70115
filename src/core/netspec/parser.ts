// The `.mlp` parser: one statement per line, `#` comments. It never throws;
// everything wrong becomes a located problem and the rest is still read, so
// one typo gives one diagnostic instead of a cascade.
import { assembleNetwork, type NetworkLine } from './network';
import { commentStart, tokenRange, tokenize, type Token } from './lexer';
import { readConvention } from './convention';
import { readLet } from './let';
import { specFileBlock } from './locate';
import { lineLabel, ProblemSink } from './problems';
import { readBatch, readDense, readInclude, readInput, readLayout, readLoss, readSamples, readSeed, type LineInput } from './statements';
import { suggest } from './suggest';
import type { BatchStatement, DeclaredConvention, LayoutStatement, LetBinding, ParsedSpec, SpecInclude, SpecLine, Statement } from './types';
import { KEYWORDS, KEYWORD_HINTS, lookupActivation } from './vocabulary';

/** Parses a whole `.mlp` file; positions are the file's own. */
export function parseSpec(text: string): ParsedSpec {
  return parseSpecLines(specFileBlock(text).lines);
}

/** Parses spec lines taken from anywhere in a document; positions are the document's. */
export function parseSpecLines(lines: readonly SpecLine[]): ParsedSpec {
  const sink = new ProblemSink();
  const statements: Statement[] = [];
  const networkLines: NetworkLine[] = [];
  const lets: LetBinding[] = [];
  const includes: SpecInclude[] = [];
  const conventions: DeclaredConvention[] = [];
  const seen = new Map<string, Statement>();
  let seed: number | undefined;
  let samples: number | undefined;
  let batch: BatchStatement | undefined;
  let layout: LayoutStatement | undefined;
  let denseCount = 0;
  // An unknown line may be a misspelt layer; building the network without it would check the wrong network.
  let suspectNetworkLine = false;
  // A convention that cannot be read would check the document under the wrong reading: better not at all.
  let brokenConvention = false;

  const keepOnce = (key: string, statement: Statement, what: string): boolean => {
    const first = seen.get(key);
    if (first !== undefined) {
      const verb = statement.kind === 'let' ? 'bound' : 'set';
      const at = statement.kind === 'let' ? statement.binding.symbolRange : statement.keywordRange;
      sink.error(at, `duplicate-${statement.kind}`, `${what} is already ${verb} on ${lineLabel(first.range)}: keep one`);
      return false;
    }
    seen.set(key, statement);
    return true;
  };

  /** A statement that may appear once (seed, samples, batch, layout): kept when it is the first of its kind. */
  const setting = <S extends Statement>(s: S | undefined, what: string): S | undefined => {
    if (!s || !keepOnce(s.kind, s, what)) return undefined;
    statements.push(s);
    return s;
  };

  for (const line of lines) {
    const contentEnd = commentStart(line.text);
    const tokens = tokenize(line.text, 0, contentEnd);
    if (tokens.length === 0) continue;
    const [keyword, ...args] = tokens;
    const input: LineInput = { line, keyword, args, contentEnd, sink };
    const errorsBefore = sink.errorCount;
    const keywordRange = tokenRange(line, keyword);

    if (keyword.text.startsWith('mlp:')) {
      const inc = readInclude(input);
      if (inc !== undefined) {
        statements.push(inc);
        includes.push({ path: inc.path, range: inc.pathRange });
      }
      continue;
    }
    switch (keyword.text) {
      case 'input': {
        const s = readInput(input);
        if (s) statements.push(s);
        networkLines.push({ kind: 'input', keywordRange, ok: sink.errorCount === errorsBefore, statement: s });
        break;
      }
      case 'dense': {
        const s = readDense(input, ++denseCount);
        if (s) statements.push(s);
        networkLines.push({ kind: 'dense', keywordRange, ok: sink.errorCount === errorsBefore, statement: s });
        break;
      }
      case 'loss': {
        const s = readLoss(input);
        if (s) statements.push(s);
        networkLines.push({ kind: 'loss', keywordRange, ok: sink.errorCount === errorsBefore, statement: s });
        break;
      }
      case 'let': {
        const s = readLet(input);
        if (s && keepOnce(`let:${s.binding.symbol.replace(/\s+/g, '')}`, s, `'${s.binding.symbol}'`)) {
          statements.push(s);
          lets.push(s.binding);
        }
        break;
      }
      case 'seed':
        seed = setting(readSeed(input), 'the seed')?.value ?? seed;
        break;
      case 'samples':
        samples = setting(readSamples(input), 'the number of samples')?.value ?? samples;
        break;
      case 'batch':
        batch = setting(readBatch(input), 'the batch size') ?? batch;
        break;
      case 'layout':
        layout = setting(readLayout(input), 'the layout') ?? layout;
        break;
      case 'convention': {
        const s = readConvention(input);
        if (!s) brokenConvention = true;
        if (s && keepOnce(`convention:${s.name}`, s, `the convention ${s.name}`)) {
          statements.push(s);
          conventions.push({ name: s.name, range: s.range, ...(s.letters ? { letters: s.letters } : {}) });
        }
        break;
      }
      default:
        if (reportUnknownStatement(input, args)) suspectNetworkLine = true;
    }
  }

  const assembled = assembleNetwork(networkLines, sink);
  const network = suspectNetworkLine || brokenConvention ? undefined : assembled.network;
  const parameterCount = assembled.parameterCount;
  if (layout && !batch) sink.warning(layout.keywordRange, 'layout-without-batch', '`layout` says how a batch is laid out, but there is no `batch` line: add one, e.g. `batch 8`');
  if (includes.length > 1) {
    for (const extra of includes.slice(1)) {
      sink.error(extra.range, 'duplicate-include', `only one \`mlp:\` reference is allowed; the first is on ${lineLabel(includes[0].range)}`);
    }
  }
  return {
    ...(network ? { network } : {}),
    ...(parameterCount !== undefined ? { parameterCount } : {}),
    declaresNetwork: networkLines.length > 0 || suspectNetworkLine,
    lets,
    conventions,
    ...(seed !== undefined ? { seed } : {}),
    ...(samples !== undefined ? { samples } : {}),
    ...(batch ? { batch: { size: batch.value, layout: layout?.layout ?? 'columns' } } : {}),
    includes,
    statements,
    problems: sink.problems,
  };
}

const SETTINGS: readonly string[] = ['let', 'seed', 'samples', 'batch', 'layout', 'mlp:', 'convention'];

/** Reports a line that starts with no known keyword; true when it may have been meant as part of the network. */
function reportUnknownStatement(input: LineInput, args: readonly Token[]): boolean {
  const { keyword, line, sink } = input;
  const range = tokenRange(line, keyword);
  // `5 sigmoid` or `sigmoid 5`: a layer written without its keyword.
  const next = args[0];
  if (next !== undefined) {
    const units = /^\d+$/.test(keyword.text) && lookupActivation(next.text) !== undefined;
    const swapped = lookupActivation(keyword.text) !== undefined && /^\d+$/.test(next.text);
    if (units || swapped) {
      const fixed = units ? `dense ${keyword.text} ${next.text}` : `dense ${next.text} ${keyword.text}`;
      sink.error(tokenRange(line, keyword, next), 'unknown-statement', `a layer line starts with \`dense\`: write \`${fixed}\``, fixed);
      return true;
    }
  }
  const guess = suggest(keyword.text, KEYWORDS, KEYWORD_HINTS);
  const known = KEYWORDS.join(', ');
  if (guess === undefined) {
    sink.error(range, 'unknown-statement', `unknown statement '${keyword.text}'; a line starts with one of ${known} (a comment starts with #)`);
  } else {
    sink.error(range, 'unknown-statement', `unknown statement '${keyword.text}' — did you mean '${guess}'?`, guess);
  }
  return guess === undefined || !SETTINGS.includes(guess);
}
