// `convention NAME`: the document declares a convention GradCheck would
// otherwise have to detect (src/core/notation/conventions.ts). One name per
// line; `layer-letters` and `layer-names` take a letter per layer, input first.
import { CONVENTION_HINTS, CONVENTION_NAMES, namedConvention } from '../notation';
import { tokenRange } from './lexer';
import type { LineInput } from './statements';
import { suggest } from './suggest';
import type { ConventionStatement } from './types';

const LIST = CONVENTION_NAMES.join(', ');

export function readConvention(input: LineInput): ConventionStatement | undefined {
  const { line, keyword, sink } = input;
  const [nameToken, ...rest] = input.args;
  if (nameToken === undefined) {
    sink.error(tokenRange(line, keyword), 'missing-value', `\`convention\` needs a name, e.g. \`convention row-vectors\`; one of ${LIST}`);
    return undefined;
  }
  const named = namedConvention(nameToken.text);
  if (!named) {
    const guess = suggest(nameToken.text, CONVENTION_NAMES, CONVENTION_HINTS);
    const range = tokenRange(line, nameToken);
    if (guess) sink.error(range, 'unknown-convention', `unknown convention '${nameToken.text}' — did you mean '${guess}'?`, guess);
    else sink.error(range, 'unknown-convention', `unknown convention '${nameToken.text}'; use one of ${LIST}`);
    return undefined;
  }
  const base = { kind: 'convention' as const, name: named.name, keywordRange: tokenRange(line, keyword), nameRange: tokenRange(line, nameToken) };
  if (!named.takesLetters) {
    if (rest.length > 0) {
      sink.error(tokenRange(line, rest[0], rest[rest.length - 1]), 'trailing-junk', `\`convention ${named.name}\` takes nothing after its name: write one convention per line (a comment starts with #)`);
      return undefined;
    }
    return { ...base, range: tokenRange(line, keyword, nameToken) };
  }
  return readLetters(input, base, rest, named.example);
}

/** `layer-letters i j k`: distinct single letters, the input layer's first. */
function readLetters(input: LineInput, base: Omit<ConventionStatement, 'range'>, tokens: LineInput['args'], example: string): ConventionStatement | undefined {
  const { line, sink } = input;
  if (tokens.length < 2) {
    sink.error(tokenRange(line, input.keyword, input.args[0]), 'missing-letters', `\`convention ${base.name}\` needs a letter for each layer, the input layer first, e.g. \`${example}\``);
    return undefined;
  }
  const bad = tokens.find((t, k) => !/^[a-zA-Z]$/.test(t.text) || tokens.findIndex((u) => u.text === t.text) !== k);
  if (bad) {
    sink.error(tokenRange(line, bad), 'bad-letter', `'${bad.text}' is not a letter of its own: write one distinct letter per layer, the input layer first, e.g. \`${example}\``);
    return undefined;
  }
  return { ...base, letters: tokens.map((t) => t.text), range: tokenRange(line, input.keyword, tokens[tokens.length - 1]) };
}
