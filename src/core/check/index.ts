// The checker's public surface.
export { checkDocument, type CheckMemory, type CheckOptions, type RememberedEvaluation } from './document';
export { describeNetworkSource, reportJson, summarize } from './report';
export type { ClaimReport, Correction, DiagnosisKind, DocumentReport, LayerState, NetworkSummary, StateQuantity, StateRef, Summary, SymbolBinding, Verdict, WorstValues } from './report';
export { formatWhere } from './claimReport';
export type { Diagnosis } from './diagnose';
export { applyCorrections } from './repair';
