// The checker's public surface.
export { checkDocument, type CheckOptions } from './document';
export { reportJson, summarize } from './report';
export type { ClaimReport, Correction, DiagnosisKind, DocumentReport, LayerState, NetworkSummary, Summary, SymbolBinding, Verdict, WorstValues } from './report';
export { formatWhere } from './claimReport';
export type { Diagnosis } from './diagnose';
export { applyCorrections } from './repair';
