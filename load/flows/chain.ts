// Flow: a refresh chain. Password grant, then N rotations (each new pair checked and remembered),
// then the previous refresh token replayed once (must be rejected) and the newest one probed
// (should be rejected too: a replay revokes the whole family). One grant buys N + 2 cheap requests.
import { checkPair, isRejection, type ResponseLike } from './checks.ts';
import { CHECKS, type Flow, type FlowContext } from './flow.ts';
import { passwordGrantRequest, refreshRequest, type RequestSpec } from './requests.ts';

type Step = 'grant' | 'rotate' | 'replay' | 'probe' | 'done';

export class ChainFlow implements Flow {
  readonly kind = 'chain';
  private step: Step = 'grant';
  private current = '';
  private previous = '';
  private rotations = 0;

  constructor(private readonly context: FlowContext) {}

  next(): RequestSpec[] | null {
    switch (this.step) {
      case 'grant':
        return [passwordGrantRequest(this.context.credentials)];
      case 'rotate':
        return [refreshRequest(this.current)];
      case 'replay':
        return [refreshRequest(this.previous, this.context.ledger.graceful ? 'race' : 'rejection')];
      case 'probe':
        return [refreshRequest(this.current, 'race')];
      default:
        return null;
    }
  }

  onResponses([response]: ResponseLike[]): void {
    const answer = response as ResponseLike;
    const { observer, ledger } = this.context;
    if (this.step === 'grant' || this.step === 'rotate') {
      const result = checkPair(answer, this.context.format);
      observer.check(this.step === 'grant' ? CHECKS.grant : CHECKS.refresh, result.ok);
      if (!result.ok) return void (this.step = 'done');
      ledger.issued(result.pair);
      if (this.step === 'rotate') ledger.rotated();
      this.previous = this.current;
      this.current = result.pair.refreshToken;
      this.rotations += this.step === 'rotate' ? 1 : 0;
      this.step = this.rotations >= this.context.chainLength ? 'replay' : 'rotate';
    } else if (this.step === 'replay') {
      observer.check(CHECKS.replay, isRejection(answer) || ledger.graceful);
      ledger.replayed(answer.status === 200);
      this.step = 'probe';
    } else if (this.step === 'probe') {
      // Reuse detection is a SHOULD: counted by the ledger (LOAD-07, a k6 threshold), not a failed check.
      ledger.familyProbed(answer.status === 200);
      this.step = 'done';
    }
  }
}
