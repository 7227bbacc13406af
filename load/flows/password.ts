// Flow: one password grant.
import { checkPair, type ResponseLike } from './checks.ts';
import { CHECKS, type Flow, type FlowContext } from './flow.ts';
import { passwordGrantRequest, type RequestSpec } from './requests.ts';

export class PasswordFlow implements Flow {
  readonly kind = 'password';
  private sent = false;

  constructor(private readonly context: FlowContext) {}

  next(): RequestSpec[] | null {
    if (this.sent) return null;
    this.sent = true;
    return [passwordGrantRequest(this.context.credentials)];
  }

  onResponses([response]: ResponseLike[]): void {
    const result = checkPair(response as ResponseLike, this.context.format);
    this.context.observer.check(CHECKS.grant, result.ok);
    if (result.ok) this.context.ledger.issued(result.pair);
  }
}
