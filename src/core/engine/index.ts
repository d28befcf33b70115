// The engine's public surface.
export * from './types';
export * from './rng';
export { activate, activationDerivative, hasKink, isElementwise, logSumExp, scalarActivation, softmaxInto, LEAKY_RELU_SLOPE } from './activations';
export * from './losses';
export { cloneParams, depth, initParams, layerSizes, matrix, parameterCount, randomInput, randomLabel, validateNetwork, type Initialisation } from './network';
export * from './mlp';
export * from './batch';
export * from './compare';
export * from './finiteDifferences';
export * from './instance';
export * from './datasets';
export * from './train';
export * from './gradientCheck';
