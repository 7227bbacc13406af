// Runs one flow to its end with k6's synchronous http API.
import http, { type RefinedResponse, type ResponseType } from 'k6/http';
import type { ResponseLike } from '../../flows/checks.ts';
import type { Flow } from '../../flows/flow.ts';
import { expectedStatuses, FORM_HEADERS, type RequestSpec } from '../../flows/requests.ts';

const callbacks = {
  pair: http.expectedStatuses(...expectedStatuses('pair')),
  rejection: http.expectedStatuses(...expectedStatuses('rejection')),
  race: http.expectedStatuses(...expectedStatuses('race')),
};

export function runFlow(flow: Flow, baseUrl: string): void {
  for (let batch = flow.next(); batch !== null; batch = flow.next()) {
    const responses =
      batch.length === 1
        ? [send(baseUrl, batch[0] as RequestSpec)]
        : http.batch(batch.map((spec) => toBatch(baseUrl, spec)));
    flow.onResponses(responses.map(toResponseLike));
  }
}

function params(spec: RequestSpec) {
  return {
    headers: FORM_HEADERS,
    tags: { endpoint: spec.endpoint, expect: spec.expect },
    responseCallback: callbacks[spec.expect],
  };
}

function send(baseUrl: string, spec: RequestSpec) {
  return http.post(baseUrl + spec.path, spec.body, params(spec));
}

function toBatch(baseUrl: string, spec: RequestSpec) {
  return { method: spec.method, url: baseUrl + spec.path, body: spec.body, params: params(spec) };
}

function toResponseLike(response: RefinedResponse<ResponseType | undefined>): ResponseLike {
  return { status: response.status, body: typeof response.body === 'string' ? response.body : null };
}
