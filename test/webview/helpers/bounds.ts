/** Steps within which the playground's default settings must reach 95% test accuracy on xor. */
export const XOR_STEP_BOUND = 1500;
