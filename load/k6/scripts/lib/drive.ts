// Runs one flow to its end with k6's synchronous http API. Every API request is tagged traffic:api
// (the thresholds look only at those) and reported to `onAnswer` with its endpoint, duration and
// verdict: expected, unexpected, or throttled (429, or 503 with Retry-After: flows/throttle.ts). After a
// batch with a throttled answer a closed-model flow (`wait`) sleeps before it sends anything else:
// Retry-After, capped, else a backoff with jitter; never a tight loop.
import { sleep } from 'k6';
import http, { type RefinedResponse, type ResponseType } from 'k6/http';
import type { ResponseLike } from '../../../flows/checks.ts';
import type { Flow } from '../../../flows/flow.ts';
import { expectedStatuses, FORM_HEADERS, type Endpoint, type RequestSpec } from '../../../flows/requests.ts';
import { isThrottled, retryAfterMs, throttleWaitMs } from '../../../flows/throttle.ts';

const callbacks = {
  pair: http.expectedStatuses(...expectedStatuses('pair')),
  rejection: http.expectedStatuses(...expectedStatuses('rejection')),
  race: http.expectedStatuses(...expectedStatuses('race')),
};

/** 1: the status the flow expected; 0: not; 429 or 503: throttled (counted apart, never an error). */
export type AnswerVerdict = 0 | 1 | 429 | 503;
export type AnswerHook = (endpoint: Endpoint, durationMs: number, verdict: AnswerVerdict) => void;

/** `wait`: closed model (a fixed number of VUs), where a throttled answer makes the VU wait and retry. */
export function runFlow(flow: Flow, baseUrl: string, onAnswer: AnswerHook, wait: boolean): void {
  let throttledInARow = 0;
  for (let batch = flow.next(); batch !== null; batch = flow.next()) {
    const specs = batch;
    const responses = (
      specs.length === 1
        ? [send(baseUrl, specs[0] as RequestSpec)]
        : http.batch(specs.map((spec) => toBatch(baseUrl, spec)))
    ).map(toResponseLike);
    // null: a throttled answer without a usable Retry-After; -1: nothing throttled.
    let retryAfter: number | null = -1;
    responses.forEach((response, i) => {
      const spec = specs[i] as RequestSpec;
      const throttled = isThrottled(response.status, response.retryAfter);
      const verdict = throttled ? (response.status as 429 | 503) : expected(spec, response.status);
      onAnswer(spec.endpoint, response.durationMs, verdict);
      if (!throttled || retryAfter === null) return;
      const ms = retryAfterMs(response.retryAfter, Date.now());
      retryAfter = ms === null ? null : Math.max(retryAfter, ms);
    });
    flow.onResponses(responses);
    if (retryAfter === -1 || !wait) {
      throttledInARow = 0;
      continue;
    }
    throttledInARow += 1;
    sleep(throttleWaitMs(throttledInARow, retryAfter, Math.random()) / 1000);
  }
}

const expected = (spec: RequestSpec, status: number): 0 | 1 =>
  expectedStatuses(spec.expect).indexOf(status) >= 0 ? 1 : 0;

function params(spec: RequestSpec) {
  return {
    headers: FORM_HEADERS,
    tags: { endpoint: spec.endpoint, expect: spec.expect, traffic: 'api' },
    responseCallback: callbacks[spec.expect],
  };
}

function send(baseUrl: string, spec: RequestSpec) {
  return http.post(baseUrl + spec.path, spec.body, params(spec));
}

function toBatch(baseUrl: string, spec: RequestSpec) {
  return { method: spec.method, url: baseUrl + spec.path, body: spec.body, params: params(spec) };
}

function toResponseLike(response: RefinedResponse<ResponseType | undefined>): ResponseLike & { durationMs: number } {
  const body = typeof response.body === 'string' ? response.body : null;
  const durationMs = response.timings.duration;
  // k6's error code 1050: no answer within the request's timeout.
  if (response.error_code === 1050) return { status: 0, body, timedOut: true, durationMs };
  return { status: response.status, body, retryAfter: response.headers['Retry-After'] ?? null, durationMs };
}
