// The checker's public surface.
export { checkDocument, type CheckOptions } from './document';
export { describeNetworkSource, reportJson, summarize } from './report';
export type { ClaimReport, DocumentReport, LayerState, NetworkSummary, Summary, SymbolBinding, Verdict, WorstValues } from './report';
export { formatWhere } from './claimReport';
