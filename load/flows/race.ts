// Flow: a race. Password grant, then `raceWidth` concurrent refreshes of the same refresh token:
// exactly one may win, the others must be rejected. The racers go out together, before any answer, so with
// a rotation grace every extra winner presented the token inside the window (see rotation.ts).
import { checkPair, isRejection, isThrottledAnswer, type ResponseLike } from './checks.ts';
import { CHECKS, type Flow, type FlowContext } from './flow.ts';
import { passwordGrantRequest, refreshRequest, type RequestSpec } from './requests.ts';

export class RaceFlow implements Flow {
  readonly kind = 'race';
  private step: 'grant' | 'race' | 'done' = 'grant';
  private refreshToken = '';
  throttled = false;

  constructor(private readonly context: FlowContext) {}

  next(): RequestSpec[] | null {
    if (this.step === 'grant') return [passwordGrantRequest(this.context.credentials)];
    if (this.step === 'race')
      return Array.from({ length: this.context.raceWidth }, () => refreshRequest(this.refreshToken, 'race'));
    return null;
  }

  onResponses(responses: ResponseLike[]): void {
    const { observer, ledger, format } = this.context;
    if (this.step === 'grant') {
      if (isThrottledAnswer(responses[0] as ResponseLike)) {
        if (!this.context.retryThrottled) [this.throttled, this.step] = [true, 'done'];
        return;
      }
      const result = checkPair(responses[0] as ResponseLike, format);
      observer.check(CHECKS.grant, result.ok);
      this.step = result.ok ? 'race' : 'done';
      if (result.ok) {
        ledger.issued(result.pair);
        this.refreshToken = result.pair.refreshToken;
      }
      return;
    }
    const wins = responses.map((r) => checkPair(r, format)).filter((r) => r.ok);
    const pairs = wins.flatMap((w) => (w.ok ? [w.pair] : []));
    // Inside a rotation grace every winner may get the one same pair: count each distinct pair once.
    const counted = ledger.graceful ? [...new Map(pairs.map((p) => [p.refreshToken, p])).values()] : pairs;
    for (const pair of counted) ledger.issued(pair);
    // Only answered racers count: a race with an unanswered racer is counted apart and its checks not run
    // (the failed request counts as an error); two winners among the answers are still a violation. A
    // throttled racer (429, 503 + Retry-After) never reached the server's judgement: the race is counted
    // apart too, and never run again (the token may be spent by now).
    const throttled = responses.filter(isThrottledAnswer).length;
    const answered = responses.filter((r) => r.status > 0).length - throttled;
    ledger.raced(responses.length, answered, wins.length, throttled);
    this.throttled = throttled > 0;
    if (answered === responses.length) {
      observer.check(CHECKS.raceOne, wins.length === 1 || (ledger.insideGrace(0) && wins.length > 1));
      observer.check(CHECKS.raceLosers, responses.filter(isRejection).length === responses.length - wins.length);
    }
    this.step = 'done';
  }
}
