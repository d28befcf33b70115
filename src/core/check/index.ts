// The checker's public surface.
export { checkDocument, type CheckOptions } from './document';
export { reportJson, summarize } from './report';
export type { ClaimedLayer, ClaimReport, DocumentReport, LayerState, NetworkSummary, Summary, SymbolBinding, Verdict, WorstValues } from './report';
export { formatWhere } from './claimReport';
export { documentGradients, gradientKey, type BatchDerivationGradients, type DerivationGradients, type DerivationOptions, type GradientClaim, type GradientKind, type GradientSources, type SampleGradients } from './derivationGradients';
