// Test helper: run a function against a server listening on 127.0.0.1, port 0, and always close it.
import type { Server } from 'node:http';
import { close, listen } from '../servers/reference/index.ts';

/** Fast password hashing for tests. */
export const TEST_SCRYPT_COST = 1024;

export async function withServer<T>(server: Server, run: (base: string) => Promise<T>): Promise<T> {
  const base = await listen(server);
  try {
    return await run(base);
  } finally {
    await close(server);
  }
}
