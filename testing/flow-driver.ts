// Runs a load flow to its end without a network: each batch it asks for is answered by `answer`.
import type { ResponseLike } from '../load/flows/checks.ts';
import type { Flow } from '../load/flows/flow.ts';
import type { RequestSpec } from '../load/flows/requests.ts';

/** Every request the flow sent, in order. */
export function drive(flow: Flow, answer: (spec: RequestSpec) => ResponseLike): RequestSpec[] {
  const sent: RequestSpec[] = [];
  for (let batch = flow.next(); batch; batch = flow.next()) {
    sent.push(...batch);
    flow.onResponses(batch.map(answer));
  }
  return sent;
}
