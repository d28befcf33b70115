// The `.mlp` network spec language: parser, resolution of a document's spec
// blocks (found by core/document) into its network.
export type {
  BatchLayout,
  BatchSpec,
  ConventionStatement,
  DeclaredConvention,
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
export { specDocumentKind, specFileBlock } from './locate';
export { resolveSpecPath, isAbsoluteSpecPath } from './paths';
export { loadSpecFile, resolveDocumentSpec, type ResolveOptions } from './resolve';
