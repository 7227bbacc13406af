// Throttled answers: a 429 (RFC 6585 §4: "too many requests in a given amount of time") or a 503 that
// carries Retry-After (RFC 9110 §10.2.3: the server asks the client to come back later) is the answer of a
// rate limiter or an overloaded gateway, not the server's judgement of the request. Under load such an
// answer is counted apart: never an error, never a rejection of a replayed token, never a latency.
// Plain TypeScript (k6 bundles it): a flow that meets one waits (closed model) or ends (open model).

import { retryAfterMs as readRetryAfter } from '../../client/retry-after-value.ts';

/** A 429, or a 503 with a Retry-After header. */
export function isThrottled(status: number, retryAfter: string | null | undefined): boolean {
  return status === 429 || (status === 503 && retryAfter !== null && retryAfter !== undefined);
}

/** Retry-After as a delay in ms from `nowMs` (client/retry-after-value.ts reads it); null when absent or unreadable. */
export function retryAfterMs(value: string | null | undefined, nowMs: number): number | null {
  return value === null || value === undefined ? null : (readRetryAfter(value, null, nowMs) ?? null);
}

/** The longest a flow waits before it sends a throttled request again, whatever Retry-After asks. */
export const MAX_THROTTLE_WAIT_MS = 2000;
/** The first wait without a Retry-After; it doubles with each throttled answer in a row. */
const BASE_THROTTLE_WAIT_MS = 50;

/**
 * How long a closed-model flow waits after its `attempt`-th throttled answer in a row (1, 2, ...): the
 * Retry-After delay plus up to 25% jitter, else an exponential backoff with full jitter (half to all of
 * 50 ms × 2^(attempt−1)); never less than BASE_THROTTLE_WAIT_MS (no tight loop on `Retry-After: 0`), never
 * more than MAX_THROTTLE_WAIT_MS (a run lasts seconds). `random` in [0, 1).
 */
export function throttleWaitMs(attempt: number, retryAfter: number | null, random: number): number {
  const base =
    retryAfter !== null
      ? retryAfter * (1 + 0.25 * random)
      : BASE_THROTTLE_WAIT_MS * 2 ** Math.min(16, Math.max(0, attempt - 1)) * (0.5 + 0.5 * random);
  return Math.round(Math.min(MAX_THROTTLE_WAIT_MS, Math.max(BASE_THROTTLE_WAIT_MS, base)));
}
