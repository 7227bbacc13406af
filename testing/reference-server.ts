// A reference server on a free loopback port, for tests (their HTTP kit is testing/http.ts).
import { close, createTokenServer, listen, type ServerOptions, type TokenServer } from '../servers/reference/index.ts';

export interface Running {
  url: string;
  server: TokenServer;
  stop: () => Promise<void>;
}

/** Tests use a cheap scrypt cost; the hashing path is the same. */
export async function startServer(options: ServerOptions = {}): Promise<Running> {
  const server = createTokenServer({ scryptCost: 1024, ...options });
  const url = await listen(server);
  return { url, server, stop: () => close(server) };
}
