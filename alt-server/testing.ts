// Test helper: an alt server with cheap password hashing, listening on 127.0.0.1 port 0.
import { close, listen } from '../server/index.ts';
import { createAltServer, type AltServerOptions } from './index.ts';

export const TEST_HASH_ITERATIONS = 1000;

export async function withAlt<T>(options: AltServerOptions, run: (base: string) => Promise<T>): Promise<T> {
  const server = createAltServer({ hashIterations: TEST_HASH_ITERATIONS, ...options });
  const base = await listen(server);
  try {
    return await run(base);
  } finally {
    await close(server);
  }
}
