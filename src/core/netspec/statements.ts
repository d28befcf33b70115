// Readers for one statement each. They get the line already split into a
// keyword and argument tokens, push problems at the offending token, and
// return the statement when the line is usable.
import type { Range } from '../source';
import { LOSSES } from '../engine';
import { lineRange, tokenRange, type Token } from './lexer';
import { SPEC_LIMITS } from './limits';
import { readWholeNumber, type Bounds } from './numbers';
import type { ProblemSink } from './problems';
import { suggest } from './suggest';
import type {
  BatchStatement,
  DenseStatement,
  LayoutStatement,
  IncludeStatement,
  InputStatement,
  LetStatement,
  LossStatement,
  SamplesStatement,
  SeedStatement,
  SpecLine,
} from './types';
import {
  ACTIVATION_HINTS,
  ACTIVATION_LIST,
  ACTIVATION_NAMES,
  LAYOUT_HINTS,
  LAYOUT_LIST,
  LAYOUTS,
  LOSS_HINTS,
  LOSS_LIST,
  lookupActivation,
  lookupLoss,
} from './vocabulary';

export interface LineInput {
  readonly line: SpecLine;
  readonly keyword: Token;
  readonly args: readonly Token[];
  /** Column where the comment starts (the text length when there is none). */
  readonly contentEnd: number;
  readonly sink: ProblemSink;
}

const WIDTH: Bounds = { min: 1, max: SPEC_LIMITS.maxWidth };

function statementRange(input: LineInput): Range {
  const last = input.args.length > 0 ? input.args[input.args.length - 1] : input.keyword;
  return tokenRange(input.line, input.keyword, last);
}

/** Anything after a complete statement is an error: it is usually two statements on one line. */
function rejectExtra(input: LineInput, extra: readonly Token[], statement: string): void {
  if (extra.length === 0) return;
  const first = extra[0];
  const last = extra[extra.length - 1];
  let text = input.line.text.slice(first.start, last.end);
  if (text.length > 30) text = `${text.slice(0, 27)}...`;
  input.sink.error(
    tokenRange(input.line, first, last),
    'trailing-junk',
    `unexpected '${text}' after \`${statement}\`: write one statement per line (a comment starts with #)`,
  );
}

function readCount(input: LineInput, token: Token, subject: string, bounds: Bounds, code: string, limitNote = ''): number | undefined {
  const read = readWholeNumber(token.text, bounds);
  if (read.ok) return read.value;
  const note = read.code === 'too-large' ? limitNote : '';
  input.sink.error(tokenRange(input.line, token), code, `${subject} must be ${read.message}${note}`, read.replacement);
  return undefined;
}

function unknownName(input: LineInput, token: Token, what: string, names: readonly string[], hints: Readonly<Record<string, string>>, list: string, code: string): void {
  const guess = suggest(token.text, names, hints);
  const range = tokenRange(input.line, token);
  if (guess === undefined) {
    input.sink.error(range, code, `unknown ${what} '${token.text}'; use one of ${list}`);
  } else if (guess === token.text.toLowerCase()) {
    input.sink.error(range, code, `unknown ${what} '${token.text}' — names are lower case: did you mean '${guess}'?`, guess);
  } else {
    input.sink.error(range, code, `unknown ${what} '${token.text}' — did you mean '${guess}'?`, guess);
  }
}

const WIDTH_NOTE = ` (a limit that keeps the check within memory)`;

export function readInput(input: LineInput): InputStatement | undefined {
  const [value, ...extra] = input.args;
  if (value === undefined) {
    input.sink.error(tokenRange(input.line, input.keyword), 'missing-value', '`input` needs the input dimension n_0, e.g. `input 4`');
    return undefined;
  }
  const size = readCount(input, value, 'the input dimension', WIDTH, 'bad-width', WIDTH_NOTE);
  rejectExtra(input, extra, `input ${value.text}`);
  if (size === undefined) return undefined;
  return {
    kind: 'input',
    size,
    range: statementRange(input),
    keywordRange: tokenRange(input.line, input.keyword),
    valueRange: tokenRange(input.line, value),
  };
}

export function readDense(input: LineInput, layer: number): DenseStatement | undefined {
  const { line, sink, keyword } = input;
  const [unitsToken, activationToken, ...extra] = input.args;
  if (unitsToken === undefined) {
    sink.error(tokenRange(line, keyword), 'missing-units', `\`dense\` needs a number of units and an activation, e.g. \`dense 5 sigmoid\``);
    return undefined;
  }
  // `dense sigmoid 5`: the right words in the wrong order.
  if (lookupActivation(unitsToken.text) !== undefined && activationToken !== undefined && /^\d+$/.test(activationToken.text)) {
    sink.error(
      tokenRange(line, unitsToken, activationToken),
      'swapped-dense',
      `write the number of units before the activation: \`dense ${activationToken.text} ${unitsToken.text}\``,
      `${activationToken.text} ${unitsToken.text}`,
    );
    return undefined;
  }
  const units = readCount(input, unitsToken, `the number of units of layer ${layer}`, WIDTH, 'bad-width', WIDTH_NOTE);
  if (activationToken === undefined) {
    const shown = units ?? unitsToken.text;
    sink.error(
      tokenRange(line, keyword, unitsToken),
      'missing-activation',
      `\`dense ${shown}\` needs an activation after the number of units, e.g. \`dense ${shown} sigmoid\`; one of ${ACTIVATION_LIST}`,
    );
    return undefined;
  }
  const activation = lookupActivation(activationToken.text);
  if (activation === undefined) {
    unknownName(input, activationToken, 'activation', ACTIVATION_NAMES, ACTIVATION_HINTS, ACTIVATION_LIST, 'unknown-activation');
  }
  rejectExtra(input, extra, `dense ${unitsToken.text} ${activationToken.text}`);
  if (units === undefined || activation === undefined) return undefined;
  return {
    kind: 'dense',
    layer,
    units,
    activation,
    ...(activation !== activationToken.text ? { activationAlias: activationToken.text } : {}),
    range: statementRange(input),
    keywordRange: tokenRange(line, keyword),
    unitsRange: tokenRange(line, unitsToken),
    activationRange: tokenRange(line, activationToken),
  };
}

export function readLoss(input: LineInput): LossStatement | undefined {
  const [value, ...extra] = input.args;
  if (value === undefined) {
    input.sink.error(tokenRange(input.line, input.keyword), 'missing-value', `\`loss\` needs a name: one of ${LOSS_LIST}`);
    return undefined;
  }
  const loss = lookupLoss(value.text);
  if (loss === undefined) unknownName(input, value, 'loss', LOSSES, LOSS_HINTS, LOSS_LIST, 'unknown-loss');
  rejectExtra(input, extra, `loss ${value.text}`);
  if (loss === undefined) return undefined;
  return {
    kind: 'loss',
    loss,
    range: statementRange(input),
    keywordRange: tokenRange(input.line, input.keyword),
    valueRange: tokenRange(input.line, value),
  };
}

const SETTING_SUBJECT = { seed: 'the seed', samples: 'the number of samples', batch: 'the batch size' } as const;

function readSetting<K extends 'seed' | 'samples' | 'batch'>(input: LineInput, kind: K, bounds: Bounds, example: string) {
  const [value, ...extra] = input.args;
  if (value === undefined) {
    input.sink.error(tokenRange(input.line, input.keyword), 'missing-value', `\`${kind}\` needs a whole number, e.g. \`${example}\``);
    return undefined;
  }
  const n = readCount(input, value, SETTING_SUBJECT[kind], bounds, `bad-${kind}`);
  rejectExtra(input, extra, `${kind} ${value.text}`);
  if (n === undefined) return undefined;
  return {
    kind,
    value: n,
    range: statementRange(input),
    keywordRange: tokenRange(input.line, input.keyword),
    valueRange: tokenRange(input.line, value),
  };
}

export function readSeed(input: LineInput): SeedStatement | undefined {
  return readSetting(input, 'seed', { min: 0, max: SPEC_LIMITS.maxSeed }, 'seed 1');
}

export function readSamples(input: LineInput): SamplesStatement | undefined {
  return readSetting(input, 'samples', { min: 1, max: SPEC_LIMITS.maxSamples }, 'samples 3');
}

export function readBatch(input: LineInput): BatchStatement | undefined {
  return readSetting(input, 'batch', { min: 1, max: SPEC_LIMITS.maxBatch }, 'batch 64');
}

export function readLayout(input: LineInput): LayoutStatement | undefined {
  const [value, ...extra] = input.args;
  if (value === undefined) {
    input.sink.error(tokenRange(input.line, input.keyword), 'missing-value', `\`layout\` needs ${LAYOUT_LIST}`);
    return undefined;
  }
  const layout = LAYOUTS.find((name) => name === value.text);
  if (layout === undefined) unknownName(input, value, 'layout', LAYOUTS, LAYOUT_HINTS, LAYOUT_LIST, 'unknown-layout');
  rejectExtra(input, extra, `layout ${value.text}`);
  if (layout === undefined) return undefined;
  return { kind: 'layout', layout, range: statementRange(input), keywordRange: tokenRange(input.line, input.keyword), valueRange: tokenRange(input.line, value) };
}

/** `mlp: path`, `mlp:path` or `mlp: "path with spaces.mlp"`. */
export function readInclude(input: LineInput): IncludeStatement | undefined {
  const { line, keyword, sink } = input;
  const keywordEnd = keyword.start + 'mlp:'.length;
  const raw = line.text.slice(keywordEnd, input.contentEnd);
  let start = keywordEnd + (raw.length - raw.trimStart().length);
  let end = keywordEnd + raw.trimEnd().length;
  const keywordRange = lineRange(line, keyword.start, keywordEnd);
  if (start >= end) {
    sink.error(keywordRange, 'missing-path', '`mlp:` needs the path of a .mlp file, e.g. `mlp: nets/classifier.mlp`');
    return undefined;
  }
  const quote = line.text[start];
  if ((quote === '"' || quote === "'") && end - start >= 2 && line.text[end - 1] === quote) {
    start++;
    end--;
  }
  const path = line.text.slice(start, end);
  if (path.length === 0) {
    sink.error(keywordRange, 'missing-path', '`mlp:` needs the path of a .mlp file, e.g. `mlp: nets/classifier.mlp`');
    return undefined;
  }
  return { kind: 'include', path, range: lineRange(line, keyword.start, end), keywordRange, pathRange: lineRange(line, start, end) };
}
