// The typed reasons a request was not sent or not judged although the target is fine: the limiter kept
// throttling past the run's wait budget, the account appears locked, or the run's failed logins are spent.
// What depended on such a request is inconclusive, with the reason's sentence.
import { AccountLocked, FailedLoginsSpent } from './failed-logins.ts';
import { ThrottleBudgetSpent } from './throttle.ts';

export type NotJudged = ThrottleBudgetSpent | AccountLocked | FailedLoginsSpent;

export function notJudged(error: unknown): error is NotJudged {
  return error instanceof ThrottleBudgetSpent || error instanceof AccountLocked || error instanceof FailedLoginsSpent;
}
