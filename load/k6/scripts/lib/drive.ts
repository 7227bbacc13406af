// Runs one flow to its end with k6's synchronous http API. Every API request is tagged traffic:api
// (the thresholds look only at those) and reported to `onAnswer` with its endpoint, duration and
// whether its status was one the flow expected.
import http, { type RefinedResponse, type ResponseType } from 'k6/http';
import type { ResponseLike } from '../../../flows/checks.ts';
import type { Flow } from '../../../flows/flow.ts';
import { expectedStatuses, FORM_HEADERS, type Endpoint, type RequestSpec } from '../../../flows/requests.ts';

const callbacks = {
  pair: http.expectedStatuses(...expectedStatuses('pair')),
  rejection: http.expectedStatuses(...expectedStatuses('rejection')),
  race: http.expectedStatuses(...expectedStatuses('race')),
};

/** `durationMs` null: no HTTP answer (a timeout, a reset). */
export type AnswerHook = (endpoint: Endpoint, durationMs: number | null, expected: boolean) => void;

export function runFlow(flow: Flow, baseUrl: string, timeoutMs: number, onAnswer: AnswerHook): void {
  for (let batch = flow.next(); batch !== null; batch = flow.next()) {
    const specs = batch;
    const responses =
      specs.length === 1
        ? [send(baseUrl, specs[0] as RequestSpec, timeoutMs)]
        : http.batch(specs.map((spec) => toBatch(baseUrl, spec, timeoutMs)));
    responses.forEach((response, i) => {
      const spec = specs[i] as RequestSpec;
      const expected = expectedStatuses(spec.expect).indexOf(response.status) >= 0;
      onAnswer(spec.endpoint, response.status === 0 ? null : response.timings.duration, expected);
    });
    flow.onResponses(responses.map(toResponseLike));
  }
}

function params(spec: RequestSpec, timeoutMs: number) {
  return {
    headers: FORM_HEADERS,
    tags: { endpoint: spec.endpoint, expect: spec.expect, traffic: 'api' },
    responseCallback: callbacks[spec.expect],
    timeout: `${timeoutMs}ms`,
  };
}

function send(baseUrl: string, spec: RequestSpec, timeoutMs: number) {
  return http.post(baseUrl + spec.path, spec.body, params(spec, timeoutMs));
}

function toBatch(baseUrl: string, spec: RequestSpec, timeoutMs: number) {
  return { method: spec.method, url: baseUrl + spec.path, body: spec.body, params: params(spec, timeoutMs) };
}

function toResponseLike(response: RefinedResponse<ResponseType | undefined>): ResponseLike {
  const body = typeof response.body === 'string' ? response.body : null;
  // k6's error code 1050: no answer within the request's timeout.
  return response.error_code === 1050 ? { status: 0, body, timedOut: true } : { status: response.status, body };
}
