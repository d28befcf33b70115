// Reading a document: where its math is (with exact source positions), which
// language it is written in, and the macros it defines.
export {
  languageOfId,
  languageOfPath,
  locateMath,
  segmentPosition,
  type DocumentLanguage,
  type Formula,
  type LocatedMath,
  type Macros,
  type MathSegment,
} from './locate';
