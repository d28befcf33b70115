// The document as the model: its definitions are nodes of a computation
// graph the checker differentiates through (issue 8). The checker reaches
// this folder through these exports only.
export { coincidence, MAX_NODE_ENTRIES, nodeSite, type GraphFunctionName, type NodeSite } from './nodes';
export { helperDerivative, instantiate } from './templates';
export { documentDefinition, helperName, isLossName, type DocumentDefinition } from './definitions';
export { definitionAfterCheck } from './definitions';
export { bindProseConstants, bindProseFunctions, proseFunctions } from './constants';
export { documentConventions } from './documentConventions';
export { outputWhenLabelRenamed } from './labelName';
export { alternativeReading, type AlternativeReading } from './readings';
export { RunningVariables } from './algorithm';
export { suggestMeanings } from './inference';
export { sumTerms } from './sums';
export { placedAt, placesByGuess } from './letters';
