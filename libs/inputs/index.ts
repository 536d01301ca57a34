export { validateInputs } from './validate-inputs.js';
export { compiledValidatorCount, inputsValidatorCode } from './inputs-plan.js';
export { offerPrecompiledValidators } from './precompiled-validators.js';
export type { ValidatedInputs, ValidateInputsOptions } from './validate-inputs.js';
export { describeInputs } from './describe-inputs.js';
export type { InputDescription } from './describe-inputs.js';
export { generateSecret } from './generate-secret.js';
export { coerceInputValue } from './coerce-input-value.js';
