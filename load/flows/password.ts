// Flow: one password grant.
import { checkPair, isThrottledAnswer, type ResponseLike } from './checks.ts';
import { CHECKS, type Flow, type FlowContext } from './flow.ts';
import { passwordGrantRequest, type RequestSpec } from './requests.ts';

export class PasswordFlow implements Flow {
  readonly kind = 'password';
  private sent = false;
  throttled = false;

  constructor(private readonly context: FlowContext) {}

  next(): RequestSpec[] | null {
    if (this.sent) return null;
    this.sent = true;
    return [passwordGrantRequest(this.context.credentials)];
  }

  onResponses([response]: ResponseLike[]): void {
    if (isThrottledAnswer(response as ResponseLike)) {
      // Judged on nothing: sent again (closed model) or the flow ends as throttled (open model).
      if (this.context.retryThrottled) this.sent = false;
      else this.throttled = true;
      return;
    }
    const result = checkPair(response as ResponseLike, this.context.format);
    this.context.observer.check(CHECKS.grant, result.ok);
    if (result.ok) this.context.ledger.issued(result.pair);
  }
}
