// The notation table, shared by the parser (src/core/math) and the checker (src/core/check).
export {
  APPLIED_SYMBOLS,
  entryOf,
  FUNCTION_WORDS,
  GRADIENT_NAMES,
  LAYERED_SYMBOLS,
  LOSS_NAMES,
  NOTATION,
  OPERATOR_WORDS,
  PARAMETER_NAMES,
  type ElementaryFunction,
  type LayeredQuantity,
  type NotationEntry,
  type Role,
} from './table';
export { CONSTRUCTS, notationReference } from './reference';
export { A_PRE_ACTIVATION, combineReadings, READINGS, type Reading } from './readings';
export { CONVENTION_HINTS, CONVENTION_NAMES, namedConvention, type ConventionName } from './conventions';
