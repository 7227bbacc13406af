// Throttled answers in the load verdict. A 429 (RFC 6585 §4) or a 503 with Retry-After (RFC 9110 §10.2.3)
// is a rate limiter's answer: the engines count it apart (per endpoint, per window), never as an error,
// a rejection or a latency. Up to a stated share of the answers (`maxThrottledShare`, default 5%) the
// requirements are judged on the other answers and say how many were set aside. Above it the load the
// server saw was the limiter's, not the one asked for: the requirements that measure the load itself
// (LOAD-01's pass, LOAD-02, LOAD-06) are inconclusive and say so. A failure seen in the server's own
// answers (an unexpected answer, an accepted replay, a double win, a repeated token) stays a failure.
import type { RequirementResult, Status } from '../../verdict/types.ts';
import type { SecondPoint, ThrottledStatuses } from '../measure/recorder.ts';

export interface ThrottleFigures {
  /** Throttled answers: 429, and 503 with Retry-After. */
  answers: number;
  status_429: number;
  status_503: number;
  /** Throttled answers per endpoint. */
  endpoints: { token: number; refresh: number };
  /** Of all requests. */
  share: number;
  /** Seconds after the start of the load of the first second with a throttled answer; null: none. */
  first_at_s: number | null;
  /** Of the requests from `first_at_s` on. */
  share_from_first: number;
  /** Flows a throttled answer ended (open model: never retried; a race, in either model). */
  flows: number;
  /** The share above which the load figures are the limiter's (the setting). */
  max_share: number;
}

/** The default of `--max-throttled`: above 5% throttled answers, the load figures measure the limiter. */
export const DEFAULT_MAX_THROTTLED_SHARE = 0.05;

const round = (n: number, digits = 4) => Math.round(n * 10 ** digits) / 10 ** digits;
const percent = (n: number) => `${Math.round(n * 1000) / 10}%`;

export function throttleFiguresOf(input: {
  requests: number;
  statuses: ThrottledStatuses;
  endpoints: { token: number; refresh: number };
  series: SecondPoint[];
  maxShare: number;
}): ThrottleFigures {
  const { requests, statuses, series } = input;
  const answers = statuses['429'] + statuses['503'];
  const first = series.find((p) => p.throttled > 0);
  const from = first ? series.filter((p) => p.t >= first.t) : [];
  const fromRequests = from.reduce((sum, p) => sum + p.requests, 0);
  const fromThrottled = from.reduce((sum, p) => sum + p.throttled, 0);
  return {
    answers,
    status_429: statuses['429'],
    status_503: statuses['503'],
    endpoints: { ...input.endpoints },
    share: requests > 0 ? round(answers / requests) : 0,
    first_at_s: first ? first.t : null,
    share_from_first: fromRequests > 0 ? round(fromThrottled / fromRequests) : 0,
    flows: statuses.flows,
    max_share: input.maxShare,
  };
}

/** True when throttled answers are over the stated share: the load figures measure the limiter. */
function overThrottled(t: ThrottleFigures | undefined): boolean {
  return t !== undefined && t.answers > 0 && t.share > t.max_share;
}

/** The sentence that names the throttling, for the requirements it makes inconclusive. */
function limiterSentence(t: ThrottleFigures): string {
  const which =
    t.status_503 > 0 ? `429: ${t.status_429}, 503 with Retry-After: ${t.status_503}` : `${t.status_429} × 429`;
  return (
    `the figures measure the rate limiter: ${percent(t.share_from_first)} of answers were throttled (${which}) ` +
    `from t=${t.first_at_s ?? 0}s (${percent(t.share)} of the run's, over the ${percent(t.max_share)} allowed); ` +
    'lower --rate or --connections, or exempt the test client from the rate limit'
  );
}

/** What was set aside, for every requirement when anything was throttled. */
function throttledLine(t: ThrottleFigures): string {
  const flows = t.flows > 0 ? `; ${t.flows} flows ended by one` : '';
  return (
    `${t.answers} throttled answers (${percent(t.share)}: 429 ${t.status_429}, 503 with Retry-After ` +
    `${t.status_503}; token ${t.endpoints.token}, refresh ${t.endpoints.refresh}${flows}) counted apart: ` +
    'judged on the other answers, not errors, not rejections, not in the latency figures'
  );
}

/** The requirements whose figures are the load itself: over the share, the limiter's. */
const LOAD_MEASURES = new Set(['LOAD-01', 'LOAD-02', 'LOAD-06']);

/**
 * Adds the throttling to each requirement: a line when anything was throttled; over the share, the load
 * measures inconclusive with the sentence (LOAD-01's failure stays: unexpected answers are the server's).
 */
export function withThrottling<R extends Pick<RequirementResult, 'id' | 'status' | 'evidence'>>(
  requirements: R[],
  t: ThrottleFigures | undefined,
): R[] {
  if (!t || t.answers === 0) return requirements;
  const over = overThrottled(t);
  return requirements.map((r) => {
    const evidence = [...r.evidence, throttledLine(t)];
    if (!over || !LOAD_MEASURES.has(r.id) || (r.id === 'LOAD-01' && r.status === 'fail')) return { ...r, evidence };
    const status: Status = 'inconclusive';
    return { ...r, status, evidence: [`MISSING: ${limiterSentence(t)}`, ...evidence] };
  });
}
