// Reading a document: where its math and its network spec are (with exact
// source positions), which language it is written in, and the macros it
// defines, all from one scan (readDocument).
export {
  languageOfId,
  languageOfPath,
  locateMath,
  readDocument,
  segmentPosition,
  type DocumentLanguage,
  type DocumentReading,
  type DocumentSpecBlock,
  type DocumentSpecLine,
  type Formula,
  type LocatedMath,
  type Macros,
  type MathSegment,
} from './locate';
