// Repairs of failing claims: small typical edits of the author's LaTeX,
// each verified by re-evaluating the corrected claim before it is offered.
export { BUDGET, findRepair, leftSideAtWorst, type Repair, type RepairCost, type RepairInput, type RepairResult } from './search';
export { applyCorrections, documentEdit } from './documentEdit';
export { confirmSharedEdits } from './sharedEdits';
