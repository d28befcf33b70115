// Issue 8's inference measurement: remove every `let` from a document's spec
// (keeping line numbers) and see whether the checker's messages suggest the
// removed binding back.
import { checkDocument } from '../../src/core/check';
import { languageOf, readDocument, type CorpusDocument } from './measure';

const LET = /^(\s*(?:%\s*mlp:\s*)?)let\s+(.+?)\s*:?=\s*(.+?)\s*(?:#.*)?$/;
/** Spacing and braces do not change a binding. */
const normal = (s: string): string => s.replace(/[\s{}]+/g, '');

export interface InferenceResult {
  readonly file: string;
  readonly removed: readonly string[];
  readonly suggested: readonly string[];
}

export function withoutLets(text: string): { text: string; removed: { symbol: string; expression: string }[] } {
  const removed: { symbol: string; expression: string }[] = [];
  const lines = text.split('\n').map((line) => {
    const m = LET.exec(line);
    if (!m) return line;
    removed.push({ symbol: m[2], expression: m[3] });
    return `${m[1]}# let removed for the inference measurement`;
  });
  return { text: lines.join('\n'), removed };
}

export function measureInference(doc: CorpusDocument): InferenceResult {
  const { text, removed } = withoutLets(readDocument(doc.file));
  const report = checkDocument(text, { language: languageOf(doc.file), path: `test/corpus/${doc.file}` });
  // `suggestion` is the report field issue 8 adds; until then only the message can say it.
  const said = report.claims.map((c) => normal(`${c.message} ${JSON.stringify((c as { suggestion?: unknown }).suggestion ?? '')}`)).join('\n');
  const suggested = removed.filter((r) => said.includes(normal(`let ${r.symbol} = ${r.expression}`)));
  const show = (r: { symbol: string; expression: string }) => `let ${r.symbol} = ${r.expression}`;
  return { file: doc.file, removed: removed.map(show), suggested: suggested.map(show) };
}
