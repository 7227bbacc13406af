// The shared flows as autocannon request sequences. One cycle of a connection's `requests` array is
// one flow: each step asks the connection's flow (kept in autocannon's per-cycle context) for its next
// request; when the flow is over, setupRequest returns null and autocannon starts a new cycle.
import type { Request } from 'autocannon';
import type { Flow } from '../flows/flow.ts';
import { expectedStatuses, FORM_HEADERS, type Endpoint, type Expectation } from '../flows/requests.ts';

export interface StepResult {
  endpoint: Endpoint;
  status: number;
  ok: boolean;
}

interface Context {
  flow?: Flow;
  endpoint?: Endpoint;
  expect?: Expectation;
}

/** `steps` must be at least the longest flow's number of requests. */
export function flowRequests(steps: number, newFlow: () => Flow, onStep: (result: StepResult) => void): Request[] {
  return Array.from({ length: steps }, (): Request => ({
    method: 'POST',
    setupRequest: ((request: Request, context: Context) => {
      context.flow ??= newFlow();
      const spec = context.flow.next()?.[0];
      if (!spec) return null;
      context.endpoint = spec.endpoint;
      context.expect = spec.expect;
      return { ...request, method: 'POST', path: spec.path, body: spec.body, headers: FORM_HEADERS };
    }) as unknown as Request['setupRequest'],
    onResponse: ((status: number, body: string, context: Context) => {
      const endpoint = context.endpoint ?? 'token';
      onStep({ endpoint, status, ok: expectedStatuses(context.expect ?? 'pair').includes(status) });
      context.flow?.onResponses([{ status, body }]);
    }) as unknown as Request['onResponse'],
  }));
}
