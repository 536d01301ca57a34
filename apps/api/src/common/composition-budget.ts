import { LimitError } from './limit-error.js';
import { measureJson } from './measure-json.js';
import { REQUEST_LIMITS } from './request-limits.js';

const count = (n: number) => n.toLocaleString('en-US');
const TOGETHER = '(compose, validateInputs, outdated and upgradePlan, all aliases together); send the rest in another request';

/**
 * What one request may compose or check, spent by each `compose`, `validateInputs`,
 * `outdated` and `upgradePlan` field before it does the work: the characters it reads (app
 * specs, locks, input values), then the instances it composes.
 * Aliases share it, so asking for the same large app 300 times costs 300 times. The
 * query cost cannot see this: it is known only once the app's text is in hand.
 */
export class CompositionBudget {
  private text = 0;
  private instances = 0;

  constructor(private readonly limits: { compositionText: number; instancesPerApp: number; instancesPerRequest: number } = REQUEST_LIMITS) {}

  /** Pays for the characters of an app spec or of input values, before they are parsed or checked. */
  spendText(characters: number): void {
    const { compositionText } = this.limits;
    if (this.text + characters > compositionText) {
      throw new LimitError(
        'QUERY_TOO_COMPLEX',
        `this request would have ${count(this.text + characters)} characters of app specs and input values read; the service reads at most ${count(compositionText)} characters per request ${TOGETHER}`,
      );
    }
    this.text += characters;
  }

  /** Pays for the characters of input values (a JSON object), measured only as far as the budget reaches. */
  spendJson(value: unknown): void {
    const left = this.limits.compositionText - this.text;
    this.spendText(measureJson(value, { maxDepth: Infinity, maxValues: Infinity, maxLength: left }).length);
  }

  /** Pays for the instances of one app spec about to be composed (validateInputs checks one). */
  spendInstances(instances: number, app = true): void {
    const { instancesPerApp, instancesPerRequest } = this.limits;
    if (app && instances > instancesPerApp) {
      throw new LimitError(
        'QUERY_TOO_COMPLEX',
        `the app has ${count(instances)} instances; the service composes at most ${count(instancesPerApp)} per app (aisle compose on your machine has no such limit)`,
      );
    }
    if (this.instances + instances > instancesPerRequest) {
      throw new LimitError(
        'QUERY_TOO_COMPLEX',
        `this request would compose or check ${count(this.instances + instances)} instances; the service composes or checks at most ${count(instancesPerRequest)} instances per request ${TOGETHER}`,
      );
    }
    this.instances += instances;
  }
}
