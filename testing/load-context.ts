// A LayerContext for the load layer's tests: the documented credentials, a 2-second Node run.
import type { LayerContext } from '../verify/types.ts';

const credentials = {
  clientId: '57f986e1-4588-4512-90ea-d264904df7b2',
  username: 'crm@fidilio.com',
  password: '12312312',
};

export function contextFor(baseUrl: string, extra: Partial<LayerContext> = {}): LayerContext {
  return {
    target: { baseUrl, credentials, timeoutMs: 5000, rotationGraceSeconds: 0, embedded: false },
    reportDir: '.tmp/load-test',
    durationSeconds: 2,
    engine: 'node',
    log: () => undefined,
    signal: new AbortController().signal,
    ...extra,
  };
}
