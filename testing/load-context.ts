// A LayerContext for the load layer's tests: the documented credentials, a 3-second Node run (the least
// LOAD-06 judges).
import { DOCUMENTED_CREDENTIALS } from '../schemas/documented-api.ts';
import type { LayerContext } from '../verdict/types.ts';

export function contextFor(baseUrl: string, extra: Partial<LayerContext> = {}): LayerContext {
  return {
    target: { baseUrl, credentials: DOCUMENTED_CREDENTIALS, timeoutMs: 5000, rotationGraceSeconds: 0, embedded: false },
    reportDir: '.tmp/load-test',
    durationSeconds: 3,
    engine: 'node',
    log: () => undefined,
    signal: new AbortController().signal,
    ...extra,
  };
}
