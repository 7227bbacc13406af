// Flow: a race. Password grant, then `raceWidth` concurrent refreshes of the same refresh token:
// exactly one may win, the others must be rejected with a 4xx. A racer answered otherwise (5xx, a broken
// pair) or not within the deadline fails the race, and so does a race nobody won. With a rotation grace,
// extra winners are allowed when no token repeats across their pairs; the raced token is then kept for a
// replay once the window has passed, which must be rejected (see rotation.ts).
import { checkPair, isRejection, isThrottledAnswer, type ResponseLike, type TokenPair } from './checks.ts';
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
    const pairs = responses.flatMap((r) => {
      const result = checkPair(r, format);
      return result.ok ? [result.pair] : [];
    });
    // Inside a rotation grace several winners may get the one same pair (an idempotent retry): one issuance.
    const distinct = ledger.graceful
      ? [...new Map(pairs.map((p) => [`${p.token} ${p.refreshToken}`, p])).values()]
      : pairs;
    for (const pair of distinct) ledger.issued(pair);
    const rejected = responses.filter(isRejection).length;
    // A throttled racer (429, 503 + Retry-After) never reached the server's judgement: like a reset one it
    // proves nothing; the race is counted as throttled and never run again (the token may be spent by now).
    const throttled = responses.filter(isThrottledAnswer).length;
    const answered = responses.filter((r) => r.status > 0).length - throttled;
    // A reset racer proves nothing (counted apart); a timed-out one was held by the server: it failed.
    const failed = answered - pairs.length - rejected + responses.filter((r) => r.timedOut === true).length;
    const race = { width: responses.length, answered, winners: pairs.length, failed, repeated: repeats(distinct) };
    const { held, allowedDoubleWin } = ledger.raced({ ...race, throttled });
    this.throttled = throttled > 0;
    if (answered === responses.length || !held) {
      observer.check(CHECKS.raceOne, held);
      const reset = responses.filter((r) => r.status === 0 && r.timedOut !== true).length + throttled;
      observer.check(CHECKS.raceLosers, rejected === responses.length - pairs.length - reset);
    }
    if (allowedDoubleWin)
      ledger.remember({
        refreshToken: this.refreshToken,
        rotatedAt: ledger.now(),
        newest: (pairs[0] as TokenPair).refreshToken,
        raced: true,
      });
    this.step = 'done';
  }
}

/** Whether a token appears twice among these pairs (in two pairs, or as both tokens of one). */
function repeats(pairs: TokenPair[]): boolean {
  const tokens = new Set<string>();
  for (const pair of pairs)
    for (const token of [pair.token, pair.refreshToken]) {
      if (tokens.has(token)) return true;
      tokens.add(token);
    }
  return false;
}
