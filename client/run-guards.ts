// What every layer of one run shares when it sends requests: the wait budget for throttled answers and the
// ledger of failed logins on the configured account.
import { FailedLogins } from './failed-logins.ts';
import { Throttle } from './throttle.ts';
import type { Credentials } from '../schemas/documented-api.ts';

export interface RunGuards {
  throttle: Throttle;
  logins: FailedLogins;
}

/** The default wait budget: fits inside the run deadline of the conformance and contract layers. */
const DEFAULT_THROTTLE_BUDGET_SECONDS = 60;

export function runGuards(
  credentials: Credentials,
  budgetSeconds = DEFAULT_THROTTLE_BUDGET_SECONDS,
  signal?: AbortSignal,
): RunGuards {
  return {
    throttle: new Throttle({ budgetMs: budgetSeconds * 1000, ...(signal ? { signal } : {}) }),
    logins: new FailedLogins(credentials),
  };
}
