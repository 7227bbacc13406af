// Test helper: an alt server with cheap password hashing, listening on 127.0.0.1 port 0.
import { createAltServer, type AltServerOptions } from '../servers/alt/index.ts';
import { withServer } from './with-server.ts';

export const TEST_HASH_ITERATIONS = 1000;

export function withAlt<T>(options: AltServerOptions, run: (base: string) => Promise<T>): Promise<T> {
  return withServer(createAltServer({ hashIterations: TEST_HASH_ITERATIONS, ...options }), run);
}
