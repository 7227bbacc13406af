// Flow: a refresh chain. Password grant, then N rotations (each new pair checked and remembered),
// then the previous refresh token replayed once (must be rejected) and the newest one probed
// (should be rejected too: a replay revokes the whole family). One grant buys N + 2 cheap requests.
// With a rotation grace the chain's own replay is inside the window (it follows its rotation at once),
// so the chain first replays a spent token of an earlier chain that its ledger hands back once it is
// old enough to be outside the window, and probes that family's newest token (see rotation.ts).
import { checkPair, isRejection, isThrottledAnswer, type ResponseLike } from './checks.ts';
import { CHECKS, type Flow, type FlowContext } from './flow.ts';
import { passwordGrantRequest, refreshRequest, type RequestSpec } from './requests.ts';
import type { SpentToken } from './rotation.ts';

type Step = 'start' | 'old-replay' | 'old-probe' | 'grant' | 'rotate' | 'replay' | 'probe' | 'done';

export class ChainFlow implements Flow {
  readonly kind = 'chain';
  private step: Step = 'start';
  private current = '';
  private previous = '';
  private rotations = 0;
  /** When the answer that rotated `previous` out arrived. */
  private rotatedAt = 0;
  /** A spent token of an earlier chain, replayed before this chain's grant. */
  private old: SpentToken | null = null;
  private replaySentAt = 0;
  private replayInside = false;
  throttled = false;

  constructor(private readonly context: FlowContext) {}

  next(): RequestSpec[] | null {
    const { ledger } = this.context;
    if (this.step === 'start') {
      this.old = ledger.takeDue(ledger.now());
      this.step = this.old ? 'old-replay' : 'grant';
    }
    switch (this.step) {
      case 'old-replay':
        this.replaySentAt = ledger.now();
        return [refreshRequest((this.old as SpentToken).refreshToken, 'rejection')];
      case 'old-probe':
        return [refreshRequest((this.old as SpentToken).newest, 'race')];
      case 'grant':
        return [passwordGrantRequest(this.context.credentials)];
      case 'rotate':
        return [refreshRequest(this.current)];
      case 'replay':
        this.replaySentAt = ledger.now();
        return [refreshRequest(this.previous, ledger.graceful ? 'race' : 'rejection')];
      case 'probe':
        return [refreshRequest(this.current, 'race')];
      default:
        return null;
    }
  }

  onResponses([response]: ResponseLike[]): void {
    const answer = response as ResponseLike;
    const step = this.step;
    if (isThrottledAnswer(answer)) return this.throttledAt(step);
    if (step === 'grant' || step === 'rotate') this.rotation(answer);
    else if (step === 'old-replay')
      this.step = this.replay(answer, (this.old as SpentToken).rotatedAt, this.old?.raced) ? 'old-probe' : 'grant';
    else if (step === 'old-probe') {
      this.probe(answer);
      this.step = 'grant';
    } else if (step === 'replay') this.step = this.replay(answer, this.rotatedAt) ? 'probe' : 'done';
    else if (step === 'probe') {
      this.remember(this.probe(answer));
      this.step = 'done';
    }
  }

  /**
   * A throttled answer proves nothing (a replay answered 429 was never judged): counted, then the same
   * request again (closed model: the engine waits first) or the end of the chain (open model).
   */
  private throttledAt(step: Step): void {
    const { ledger } = this.context;
    if (step === 'replay' || step === 'old-replay') ledger.throttledAnswer('replays_throttled');
    if (step === 'probe' || step === 'old-probe') ledger.throttledAnswer('family_probes_throttled');
    if (this.context.retryThrottled) return;
    this.throttled = true;
    this.step = 'done';
  }

  private rotation(answer: ResponseLike): void {
    const { observer, ledger } = this.context;
    const result = checkPair(answer, this.context.format);
    observer.check(this.step === 'grant' ? CHECKS.grant : CHECKS.refresh, result.ok);
    if (!result.ok) return void (this.step = 'done');
    ledger.issued(result.pair);
    if (this.step === 'rotate') {
      ledger.rotated();
      this.rotatedAt = ledger.now();
      this.rotations += 1;
    }
    this.previous = this.current;
    this.current = result.pair.refreshToken;
    this.step = this.rotations >= this.context.chainLength ? 'replay' : 'rotate';
  }

  /** Counts an answered replay (a check: rejected, or accepted inside the window); false when unanswered. */
  private replay(answer: ResponseLike, rotatedAt: number, raced = false): boolean {
    const { observer, ledger } = this.context;
    this.replayInside = ledger.replayed(answer.status, this.replaySentAt - rotatedAt, raced);
    if (answer.status === 0) return false;
    observer.check(CHECKS.replay, isRejection(answer) || (answer.status === 200 && this.replayInside));
    return true;
  }

  /**
   * Reuse detection is a SHOULD: counted by the ledger (LOAD-07, a k6 threshold), not a failed check. A
   * probe that still works returns a pair, checked and remembered like any: its refresh token, if any.
   */
  private probe(answer: ResponseLike): string | null {
    const { observer, ledger } = this.context;
    ledger.familyProbed(answer.status, this.replayInside);
    if (answer.status !== 200) return null;
    const result = checkPair(answer, this.context.format);
    observer.check(CHECKS.refresh, result.ok);
    if (!result.ok) return null;
    ledger.issued(result.pair);
    return result.pair.refreshToken;
  }

  /**
   * With a grace, keeps a spent token of this family for a later replay outside the window: the probed
   * token when the probe rotated it (its successor unused, so only the clock can make a server reject it),
   * else the replayed one.
   */
  private remember(successor: string | null): void {
    const { ledger } = this.context;
    if (!ledger.graceful) return;
    if (successor) ledger.remember({ refreshToken: this.current, rotatedAt: ledger.now(), newest: successor });
    else ledger.remember({ refreshToken: this.previous, rotatedAt: this.rotatedAt, newest: this.current });
  }
}
