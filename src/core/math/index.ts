// LaTeX → expression trees → claims, by stage: katex/ (KaTeX's parser and
// its node shapes), expr/ (the expression tree), parser/ (notation-driven
// precedence parsing), claims/ (splitting a formula into claims).
export type { Derivative, Expr, Span, Sym } from './expr/expr';
export {
  DEFAULT_FUNCTION_SYMBOLS,
  DEFAULT_LAYERED_SYMBOLS,
  introducesDefinition,
  isDeclarableName,
  parseExpression,
  parseFormula,
  printClaim,
  printCondition,
  printExpr,
  type Claim,
  type ClaimKind,
  type Condition,
  type Continuation,
  type FormulaError,
  type FormulaOptions,
  type FormulaSetting,
  type Note,
  type NoteKind,
  type ParsedExpression,
  type ParsedFormula,
  type ParseOptions,
} from './claims/parse';
export { documentNames } from './parser/documentNames';
