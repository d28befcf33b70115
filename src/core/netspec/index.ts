// The `.mlp` network spec language: parser, document locators, resolution.
export type {
  DenseStatement,
  DocumentSpec,
  IncludeStatement,
  InputStatement,
  LetBinding,
  LetStatement,
  LossStatement,
  ParsedSpec,
  ReadFile,
  ReferencedSpec,
  SamplesStatement,
  SeedStatement,
  SpecBlock,
  SpecDocumentKind,
  SpecInclude,
  SpecLine,
  SpecProblem,
  SpecSource,
  Statement,
} from './types';
export { parseSpec, parseSpecLines } from './parser';
export { splitLines } from './lexer';
export { DEFAULT_NETWORK, DEFAULT_SPEC_TEXT } from './defaults';
export { SPEC_LIMITS, countParameters, formatCount } from './limits';
export { defaultLoss } from './network';
export { editDistance, suggest } from './suggest';
export { ACTIVATION_ALIASES, ACTIVATION_NAMES, KEYWORDS, lookupActivation, lookupLoss } from './vocabulary';
export { findSpecBlocks, specDocumentKind } from './locate';
export { findMarkdownSpecBlocks } from './markdown';
export { findLatexSpecBlocks } from './latex';
export { resolveSpecPath, isAbsoluteSpecPath } from './paths';
export { loadSpecFile, resolveDocumentSpec, type ResolveOptions } from './resolve';
