// Every corpus document with its expectations. Add a document here (and its
// `.expect.ts` beside it); corpus.test.ts fails if a document file is not listed.
import type { CorpusDocument } from './measure';
import { expectations as nielsenCh2 } from './notation/nielsen-ch2.expect';
import { expectations as nielsenCh3 } from './notation/nielsen-ch3.expect';
import { expectations as dlaiPerExample } from './notation/dlai-per-example.expect';
import { expectations as cs231nPerExample } from './notation/cs231n-per-example.expect';
import { expectations as softmaxCeWords } from './notation/softmax-ce-words.expect';
import { expectations as ufldl } from './notation/ufldl.expect';

export const DOCUMENTS: readonly CorpusDocument[] = [
  { file: 'notation/nielsen-ch2.md', set: 'notation', expect: nielsenCh2 },
  { file: 'notation/nielsen-ch3.md', set: 'notation', expect: nielsenCh3 },
  { file: 'notation/dlai-per-example.md', set: 'notation', expect: dlaiPerExample },
  { file: 'notation/cs231n-per-example.md', set: 'notation', expect: cs231nPerExample },
  { file: 'notation/softmax-ce-words.md', set: 'notation', expect: softmaxCeWords },
  { file: 'notation/ufldl.md', set: 'notation', expect: ufldl },
];
