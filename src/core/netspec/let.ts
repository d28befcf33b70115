// `let SYMBOL = EXPRESSION`: both sides are LaTeX, kept verbatim for the
// notation binder. Only what would certainly fail later is checked here: a
// missing side, a second '=', unbalanced braces.
import type { LineInput } from './statements';
import { lineRange } from './lexer';
import type { LetStatement } from './types';

const EXAMPLE = '`let \\alpha = z^{L}`';

/** Column of the first unmatched brace in text[from, to), ignoring `\{` and `\}`. */
function unbalancedBrace(text: string, from: number, to: number): number | undefined {
  const open: number[] = [];
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') open.push(i);
    else if (c === '}' && open.pop() === undefined) return i;
  }
  return open.length > 0 ? open[0] : undefined;
}

/** [start, end) of text[from, to) without surrounding whitespace. */
function trimmed(text: string, from: number, to: number): [number, number] {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}

export function readLet(input: LineInput): LetStatement | undefined {
  const { line, keyword, sink, contentEnd } = input;
  const text = line.text;
  const keywordRange = lineRange(line, keyword.start, keyword.end);
  const [restStart, restEnd] = trimmed(text, keyword.end, contentEnd);
  if (restStart >= restEnd) {
    sink.error(keywordRange, 'bad-let', `\`let\` binds a LaTeX symbol to an expression, e.g. ${EXAMPLE}`);
    return undefined;
  }
  const eq = text.indexOf('=', restStart);
  if (eq < 0 || eq >= restEnd) {
    sink.error(lineRange(line, restStart, restEnd), 'bad-let', `expected '=' in this \`let\`: write \`let SYMBOL = EXPRESSION\`, e.g. ${EXAMPLE}`);
    return undefined;
  }
  // `:=` reads as naturally as `=` here.
  const symbolStop = eq > restStart && text[eq - 1] === ':' ? eq - 1 : eq;
  const [symStart, symEnd] = trimmed(text, restStart, symbolStop);
  const [exprStart, exprEnd] = trimmed(text, eq + 1, restEnd);
  const eqRange = lineRange(line, eq, eq + 1);
  const errorsBefore = sink.errorCount;
  if (symStart >= symEnd) sink.error(eqRange, 'bad-let', `\`let\` needs a symbol before '=', e.g. ${EXAMPLE}`);
  if (exprStart >= exprEnd) sink.error(eqRange, 'bad-let', `\`let\` needs an expression after '=', e.g. ${EXAMPLE}`);
  const second = text.indexOf('=', eq + 1);
  if (second >= 0 && second < exprEnd) {
    sink.error(lineRange(line, second, second + 1), 'bad-let', `a \`let\` binds one symbol to one expression: only one '=' (write equations to check in the document itself)`);
  }
  for (const [from, to, side] of [[symStart, symEnd, 'symbol'], [exprStart, exprEnd, 'expression']] as const) {
    const at = unbalancedBrace(text, from, to);
    if (at !== undefined) {
      const brace = text[at];
      sink.error(lineRange(line, at, at + 1), 'unbalanced-brace', `this '${brace}' in the ${side} has no matching '${brace === '{' ? '}' : '{'}'`);
    }
  }
  if (sink.errorCount > errorsBefore) return undefined;
  const range = lineRange(line, keyword.start, restEnd);
  return {
    kind: 'let',
    range,
    keywordRange,
    binding: {
      symbol: text.slice(symStart, symEnd),
      expression: text.slice(exprStart, exprEnd),
      symbolRange: lineRange(line, symStart, symEnd),
      expressionRange: lineRange(line, exprStart, exprEnd),
      range,
    },
  };
}
