// The checker's public surface.
export { checkDocument, documentGradients, type CheckMemory, type CheckOptions, type RememberedEvaluation } from './document';
export { describeNetworkSource, reportJson, summarize } from './report';
export type { ClaimedLayer, ClaimReport, Correction, DiagnosisKind, DocumentReport, LayerState, NetworkSummary, StateQuantity, StateRef, Summary, SymbolBinding, Verdict, WorstValues } from './report';
export { formatWhere } from './claimReport';
export type { Diagnosis } from './diagnose';
export { applyCorrections } from './repair';
export { gradientKey, type BatchDerivationGradients, type DerivationGradients, type DerivationOptions, type GradientClaim, type GradientKind, type GradientSources, type SampleGradients } from './derivationGradients';
