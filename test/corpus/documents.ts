// Every corpus document with its expectations. Add a document here (and its
// `.expect.ts` beside it); corpus.test.ts fails if a document file is not listed.
import type { CorpusDocument } from './measure';
import { expectations as nielsenCh2 } from './notation/nielsen-ch2.expect';
import { expectations as nielsenCh3 } from './notation/nielsen-ch3.expect';
import { expectations as dlaiPerExample } from './notation/dlai-per-example.expect';
import { expectations as cs231nPerExample } from './notation/cs231n-per-example.expect';
import { expectations as softmaxCeWords } from './notation/softmax-ce-words.expect';
import { expectations as ufldl } from './notation/ufldl.expect';
import { expectations as retropropagationFr } from './notation/retropropagation.fr.expect';
import { expectations as fanxiangChuanboZh } from './notation/fanxiang-chuanbo.zh.expect';
import { expectations as lanTruyenNguocVi } from './notation/lan-truyen-nguoc.vi.expect';
import { expectations as softplusNotes } from './notation/softplus-notes.expect';
import { expectations as tanhRegression } from './notation/tanh-regression.expect';
import { expectations as unicodeBold } from './notation/unicode-bold.expect';
import { expectations as dlaiDeepMarkup } from './notation/dlai-deep-markup.expect';
import { expectations as sigmoidAlignedSpecAfter } from './notation/sigmoid-aligned-spec-after.expect';
import { expectations as goodfellowAlg64 } from './graph/goodfellow-alg64.expect';
import { expectations as bishop53 } from './graph/bishop-53.expect';
import { expectations as scalarChain111 } from './graph/scalar-chain-111.expect';
import { expectations as dlaiBatch } from './graph/dlai-batch.expect';
import { expectations as cs231nBatch } from './graph/cs231n-batch.expect';
import { expectations as l2WeightDecay } from './graph/l2-weight-decay.expect';
import { expectations as softmaxSubstitution } from './graph/softmax-substitution.expect';
import { expectations as d2lNoBias } from './graph/d2l-no-bias.expect';

export const DOCUMENTS: readonly CorpusDocument[] = [
  { file: 'notation/nielsen-ch2.md', set: 'notation', expect: nielsenCh2 },
  { file: 'notation/nielsen-ch3.md', set: 'notation', expect: nielsenCh3 },
  { file: 'notation/dlai-per-example.md', set: 'notation', expect: dlaiPerExample },
  { file: 'notation/cs231n-per-example.md', set: 'notation', expect: cs231nPerExample },
  { file: 'notation/softmax-ce-words.md', set: 'notation', expect: softmaxCeWords },
  { file: 'notation/ufldl.md', set: 'notation', expect: ufldl },
  { file: 'notation/retropropagation.fr.md', set: 'notation', expect: retropropagationFr },
  { file: 'notation/fanxiang-chuanbo.zh.md', set: 'notation', expect: fanxiangChuanboZh },
  { file: 'notation/lan-truyen-nguoc.vi.md', set: 'notation', expect: lanTruyenNguocVi },
  { file: 'notation/softplus-notes.tex', set: 'notation', expect: softplusNotes },
  { file: 'notation/tanh-regression.md', set: 'notation', expect: tanhRegression },
  { file: 'notation/unicode-bold.md', set: 'notation', expect: unicodeBold },
  { file: 'notation/dlai-deep-markup.md', set: 'notation', expect: dlaiDeepMarkup },
  { file: 'notation/sigmoid-aligned-spec-after.md', set: 'notation', expect: sigmoidAlignedSpecAfter },
  { file: 'graph/goodfellow-alg64.md', set: 'graph', expect: goodfellowAlg64 },
  { file: 'graph/bishop-53.md', set: 'graph', expect: bishop53 },
  { file: 'graph/scalar-chain-111.md', set: 'graph', expect: scalarChain111 },
  { file: 'graph/dlai-batch.md', set: 'graph', expect: dlaiBatch },
  { file: 'graph/cs231n-batch.md', set: 'graph', expect: cs231nBatch },
  { file: 'graph/l2-weight-decay.md', set: 'graph', expect: l2WeightDecay },
  { file: 'graph/softmax-substitution.md', set: 'graph', expect: softmaxSubstitution },
  { file: 'graph/d2l-no-bias.md', set: 'graph', expect: d2lNoBias },
];
