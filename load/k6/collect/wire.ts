// What k6 runners send the suite's collector (`token-suite collect`, or the one `verify --engine k6` starts):
// plain TypeScript shared by the VU side (load/k6/scripts/lib/collector.ts) and the collector, no Node or
// k6 imports. A runner is named by its k6 execution segment ("1/4:1/2"), which the k6-operator gives every
// runner pod and which is unique within a run; `0:1` is a runner that runs the whole test.

/** POST /batch: one per iteration of one VU. */
export interface BatchMessage {
  /** TOKEN_SUITE_RUN_ID: the collector rejects a runner of another run. */
  run: string;
  runner: string;
  /** Random per VU runtime: two processes claiming one segment show up as one VU with two nonces. */
  nonce: string;
  vu: number;
  /** 16 hex digits each: the first 64 bits of SHA-256 of every token issued in the iteration. */
  digests: string[];
  /** [endpoint code (0 token, 1 refresh), epoch ms answered, duration ms, verdict] per request: 1 expected,
   * 0 not, 429 or 503 throttled (a 429, or a 503 with Retry-After: load/flows/throttle.ts). */
  answers: number[][];
  /** The iteration's rotation tallies, in load/flows/rotation.ts TALLIES order. */
  tallies: number[];
  /** The iteration's rotation violations, in VIOLATIONS order (token_collision is the collector's). */
  violations: number[];
  /** [check name, passes, fails]. */
  checks: [string, number, number][];
}

/** POST /done: from handleSummary, once the runner's test ended (k6's own counters of that runner). */
export interface DoneMessage {
  run: string;
  runner: string;
  nonce: string;
  /** Batches the runner's VUs got a 204 for, and those they lost (k6 Counters collector_batches*). */
  batches: number;
  batchesFailed: number;
  iterations: number;
  /** k6's flows_started and flows_ended counters of this runner: their difference is the iterations k6 cut
   * off at the end (LOAD-01 counts each as an unanswered request). */
  flowsStarted: number;
  flowsEnded: number;
  durationMs: number;
  profile: string;
  baseUrl: string;
  /** k6 thresholds that failed on this runner (shown, not judged: the collector judges the whole run). */
  thresholdsFailed: string[];
}

/** Largest request body the collector reads; larger ones are rejected unread (413). */
export const BODY_LIMIT = 1 << 20;
export const ENDPOINT_CODES = { token: 0, refresh: 1 } as const;

/**
 * The execution segments of N runners: as the k6-operator writes them (`0:1/4`, `1/4:2/4`, `2/4:3/4`,
 * `3/4:1`), or `reduced` as k6 reports them to the script (`1/4:1/2`): the runner ids.
 */
export function segmentsOf(runners: number, reduced = true): string[] {
  const points = pointsOf(runners, reduced);
  return points.slice(0, -1).map((from, i) => `${from}:${points[i + 1] as string}`);
}

function pointsOf(runners: number, reduced: boolean): string[] {
  return Array.from({ length: runners + 1 }, (_, i) => fraction(i, runners, reduced));
}

function fraction(n: number, d: number, reduced: boolean): string {
  if (n === 0) return '0';
  if (n === d) return '1';
  const g = reduced ? gcd(n, d) : 1;
  return `${n / g}/${d / g}`;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
