// The run's answer to throttling. A 429, or a 503 with Retry-After, is the limiter speaking, not the server
// judging the request (RFC 6585 §4, RFC 9110 §10.2.3): never evidence for or against a requirement. The
// request waits what Retry-After asks (with no header, an exponential backoff with jitter) and is sent again,
// within one wait budget for the whole run. When the budget cannot cover a wait, the request gives up with
// ThrottleBudgetSpent, whose sentence names the throttling and the fix.
import { throttlingOf, type Throttling } from './retry-after.ts';

/** The budget's setting, named in every sentence about it. */
const THROTTLE_BUDGET_SETTING = '--throttle-budget (TOKEN_SUITE_THROTTLE_BUDGET)';
/** Waits shorter than this are rounded up: a `Retry-After: 0` limiter never gets a tight loop. */
const MIN_WAIT_MS = 200;
/** Backoff without Retry-After: 0.5 s, 1 s, 2 s, ... at most 16 s, each drawn in [half, whole] (jitter). */
const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 16_000;

/** Not judged: the target kept throttling and the run's wait budget could not cover the next wait. */
export class ThrottleBudgetSpent extends Error {
  /** `reason`: "the target kept throttling (...) ...; raise ..., or exempt ...". */
  constructor(readonly reason: string) {
    super(`not judged: ${reason}`);
    this.name = 'ThrottleBudgetSpent';
  }
}

export interface ThrottleOptions {
  /** Milliseconds the whole run may spend waiting for limiters (overlapping waits count once). */
  budgetMs: number;
  /** Aborted on Ctrl-C or at the run's deadline: a wait in progress ends at once. */
  signal?: AbortSignal;
  /** Jitter source, [0, 1). */
  random?: () => number;
}

export class Throttle {
  /** Throttled answers seen, by status. */
  readonly counts = { 429: 0, 503: 0 };
  lastRetryAfter: string | undefined;
  /** Requests that gave up because the budget could not cover their wait. */
  gaveUp = 0;
  private waitedMs = 0;
  private busyUntil = 0;
  /** Waits in progress: all end at once when the signal aborts (one listener, however many wait). */
  private readonly waking = new Set<() => void>();

  constructor(private readonly options: ThrottleOptions) {
    options.signal?.addEventListener('abort', () => [...this.waking].forEach((wake) => wake()), { once: true });
  }

  get budgetMs(): number {
    return this.options.budgetMs;
  }

  get throttled(): number {
    return this.counts[429] + this.counts[503];
  }

  get waitedSeconds(): number {
    return Math.round(this.waitedMs / 100) / 10;
  }

  /** Sends until an answer that is not throttling, waiting between tries as the answers ask. */
  async send<T>(once: () => Promise<T>, read: (answer: T) => Throttling | undefined): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      const answer = await once();
      const throttling = read(answer);
      if (!throttling || this.options.signal?.aborted) return answer;
      this.count(throttling);
      const wait = Math.max(MIN_WAIT_MS, throttling.waitMs ?? this.backoff(attempt));
      if (!this.reserve(wait)) {
        this.gaveUp += 1;
        throw new ThrottleBudgetSpent(this.reason(wait));
      }
      await this.pause(wait);
    }
  }

  /** Sends an HTTP request (anything with a status and headers) through `send`. */
  http<T extends { status: number; headers: Pick<Headers, 'get'> }>(once: () => Promise<T>): Promise<T> {
    return this.send(once, (answer) => throttlingOf(answer.status, answer.headers));
  }

  /** "the target throttled the suite: 12 answers 429 ...": for a summary note (undefined when none). */
  summary(): string | undefined {
    if (this.throttled === 0) return undefined;
    return (
      `the target throttled the suite: ${this.seen()}; the suite waited ${this.waitedSeconds} s in all and sent ` +
      `those requests again (RFC 6585 §4, RFC 9110 §10.2.3)` +
      (this.gaveUp > 0 ? `, and gave up on ${this.gaveUp} when its wait budget ran out` : '')
    );
  }

  private reason(wait: number): string {
    const budget = Math.round(this.options.budgetMs / 1000);
    return (
      `the target kept throttling (${this.seen()}) and the next wait (${Math.ceil(wait / 1000)} s) ` +
      `does not fit in what is left of the run's wait budget of ${budget} s; raise ${THROTTLE_BUDGET_SETTING}, ` +
      `or exempt the test client from the rate limit`
    );
  }

  private seen(): string {
    const parts = ([429, 503] as const).filter((s) => this.counts[s] > 0).map((s) => `${this.counts[s]}× ${s}`);
    const last = this.lastRetryAfter === undefined ? 'no Retry-After' : `last Retry-After: ${this.lastRetryAfter}`;
    return `${parts.join(', ')}, ${last}`;
  }

  private count(throttling: Throttling): void {
    this.counts[throttling.status === 429 ? 429 : 503] += 1;
    this.lastRetryAfter = throttling.retryAfter;
  }

  private backoff(attempt: number): number {
    const whole = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt);
    return whole / 2 + (this.options.random ?? Math.random)() * (whole / 2);
  }

  /** Takes `wait` from the budget, counting only what does not overlap a wait already taken. */
  private reserve(wait: number): boolean {
    const now = performance.now();
    const end = now + wait;
    const added = Math.max(0, end - Math.max(now, this.busyUntil));
    if (this.waitedMs + added > this.options.budgetMs) return false;
    this.waitedMs += added;
    this.busyUntil = Math.max(this.busyUntil, end);
    return true;
  }

  /** Resolves after `ms`, or at once when the signal aborts (the next send then stops on it). */
  private pause(ms: number): Promise<void> {
    if (this.options.signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waking.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.waking.add(wake);
    });
  }
}
