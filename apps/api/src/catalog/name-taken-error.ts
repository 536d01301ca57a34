import { error } from '../../../../libs/diagnostics/index.js';
import { ApiError } from '../common/api-error.js';

/**
 * A new component's name that another organization took while the write was on its way:
 * the NOT_OWNER refusal the policy gives anyone who comes second to a global name (only
 * global names can collide across organizations, and they are always public).
 */
export class NameTakenError extends ApiError {
  constructor(readonly componentName: string) {
    super([error('NOT_OWNER', 'metadata.name', `${componentName} is published by another organization; pick another name`)]);
  }
}
