export { validateInputs } from './validate-inputs.js';
export { compiledValidatorCount } from './inputs-plan.js';
export type { ValidatedInputs, ValidateInputsOptions } from './validate-inputs.js';
export { describeInputs } from './describe-inputs.js';
export type { InputDescription } from './describe-inputs.js';
export { generateSecret } from './generate-secret.js';
export { coerceInputValue } from './coerce-input-value.js';
