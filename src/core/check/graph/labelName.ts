// Bishop writes the targets t and the network's outputs y: a document that
// names its label with another lower-case letter (`let t = y`; not Y, a
// batch of labels) frees y, which is then the output y_k = o^L_k. The let
// keeps meaning the label itself, so reading y as the output does not turn
// t into one.
import { parseExpression } from '../../math';
import type { LetBinding } from '../../netspec';
import type { Environment } from '../conventions';
import { isBareSymbol } from '../walk';

/** Rebinds y as the output when a let names the label with another letter; the convention the report lists, if so. */
export function outputWhenLabelRenamed(lets: readonly LetBinding[], env: Environment): string | undefined {
  const renaming = lets.find((l) => l.expression.trim() === 'y' && /^[a-xz]$/.test(l.symbol.trim()));
  const label = env.lookup('y');
  if (!renaming || label?.meaning.kind !== 'label' || label.boundBy !== 'default convention') return undefined;
  const letter = parseExpression(renaming.symbol.trim()).expr;
  if (!letter || !isBareSymbol(letter)) return undefined;
  const where = renaming.file ? `let in ${renaming.file}` : `let on line ${renaming.range.start.line + 1}`;
  env.bind(letter.name, { meaning: { kind: 'label' }, description: `${letter.name}, the label (${renaming.symbol.trim()} = y)`, boundBy: where });
  env.bind('y', { meaning: { kind: 'output' }, description: `y, the network's output o^L: the label is ${letter.name} (${where})`, boundBy: where });
  return `y is the network's output o^L (the label is ${letter.name}: ${where})`;
}
