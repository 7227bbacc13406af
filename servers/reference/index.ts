// The embedded reference token server: the default target of the suite and the contract's provider.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { passwordGrant } from './actions/password-grant.ts';
import { refresh } from './actions/refresh.ts';
import { handle } from './app.ts';
import { createContext, DEFAULTS, type AppContext, type ServerOptions } from './context.ts';
import { invalidServerOption } from './options.ts';
import { BAD_REQUEST_RAW } from './reply.ts';
import { newToken } from './tokens.ts';
import { PATHS } from '../../schemas/documented-api.ts';

export type { ServerOptions, AppContext } from './context.ts';
export { DOCUMENTED_SEED, type Seed } from './directory.ts';
/** @public For embedders: the option check createTokenServer runs, its typed error and the ranges. */
export { InvalidServerOption, invalidServerOption, OPTION_RANGES } from './options.ts';

export interface TokenServer extends Server {
  context: AppContext;
}

const ROUTES = { [PATHS.token]: passwordGrant, [PATHS.refresh]: refresh };

/** A server that is not yet listening. The purge timer starts and stops with it. */
export function createTokenServer(options: ServerOptions = {}): TokenServer {
  const invalid = invalidServerOption(options);
  if (invalid) throw invalid;
  const context = createContext(options, ROUTES, newToken);
  const handler = (req: IncomingMessage, res: ServerResponse) => void handle(req, res, context);
  const server = (options.tls ? createHttpsServer(options.tls, handler) : createServer(handler)) as TokenServer;
  server.context = context;
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end(BAD_REQUEST_RAW);
    socket.destroy();
  });
  let purge: NodeJS.Timeout | undefined;
  server.on('listening', () => {
    purge = setInterval(
      () => void context.store.purgeExpired(),
      options.purgeIntervalMs ?? DEFAULTS.purgeIntervalMs,
    ).unref();
  });
  server.on('close', () => clearInterval(purge));
  return server;
}

/** Listens and resolves with the base URL, e.g. http://127.0.0.1:8080 (https:// for a TLS server). */
export function listen(server: Server, port = 0, host = '127.0.0.1'): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve(`${server instanceof HttpsServer ? 'https' : 'http'}://${shown}:${address.port}`);
    });
  });
}

/** Closes the server and its idle keep-alive connections. */
export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
