// A second, independent implementation of the echon token API, written from the docs alone (imports nothing
// from servers/reference/). Deliberately different where the docs allow: problem+json errors with 401/403/422 codes,
// its own token generator, PBKDF2 passwords, a 4 KiB body limit, an optional rotation grace window.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Accounts, type AltSeed } from './accounts.ts';
import { field, readForm } from './form.ts';
import * as problems from './problem.ts';
import { Sessions, type Pair } from './sessions.ts';
import { tokenMaker, type TokenFormat } from './tokens.ts';

export type { AltSeed } from './accounts.ts';

export interface AltServerOptions {
  /** Seconds during which a rotated-out refresh token still gets its first answer again (default 0: never). */
  rotationGraceSeconds?: number;
  /** Clients and users (default: the documented client and user). */
  seed?: AltSeed;
  /** 'documented' (default): the docs' 256-char shape; 'opaque': 43-char base64url. */
  tokenFormat?: TokenFormat;
  accessTtlSeconds?: number;
  refreshTtlSeconds?: number;
  /** PBKDF2 iterations (default 100000; tests use fewer). */
  hashIterations?: number;
  bodyLimitBytes?: number;
  now?: () => number;
}

/** The documented client and user, written out again: this implementation imports nothing from the rest. */
export const DOCUMENTED_ALT_SEED: AltSeed = {
  clients: ['57f986e1-4588-4512-90ea-d264904df7b2'],
  users: [{ username: 'crm@fidilio.com', password: '12312312' }],
};

type Handler = (fields: Map<string, string>) => Pair | Promise<Pair>;

/** Not yet listening. */
export function createAltServer(options: AltServerOptions = {}): Server {
  const now = options.now ?? Date.now;
  const accounts = new Accounts(options.seed ?? DOCUMENTED_ALT_SEED, options.hashIterations ?? 100_000);
  const sessions = new Sessions({
    accessTtlSeconds: options.accessTtlSeconds ?? 3600,
    refreshTtlMs: (options.refreshTtlSeconds ?? 86_400) * 1000,
    graceMs: (options.rotationGraceSeconds ?? 0) * 1000,
    newToken: tokenMaker(options.tokenFormat ?? 'documented'),
    now,
  });
  const routes: Record<string, Handler> = {
    '/v1/token': async (fields) => {
      const grantType = field(fields, 'grantType');
      if (grantType !== 'password') throw problems.unsupportedGrant();
      const [clientId, username, password] = ['clientId', 'username', 'password'].map((name) =>
        field(fields, name),
      ) as [string, string, string];
      if (!accounts.isClient(clientId)) throw problems.unknownClient();
      if (!(await accounts.verify(username, password))) throw problems.badCredentials();
      return sessions.start(clientId, username);
    },
    '/v1/refresh/token': (fields) => {
      const redemption = sessions.redeem(field(fields, 'refreshToken'), fields.get('clientId') || undefined);
      if (!redemption.ok) throw problems.badRefreshToken();
      return redemption.pair;
    },
  };
  const limit = options.bodyLimitBytes ?? 4096;
  const server = createServer((req, res) => void respond(req, res, routes, limit));
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end(problems.RAW_BAD_REQUEST);
    socket.destroy();
  });
  return server;
}

async function respond(
  req: IncomingMessage,
  res: ServerResponse,
  routes: Record<string, Handler>,
  limit: number,
): Promise<void> {
  try {
    const path = targetPath(req.url ?? '/');
    const route = Object.hasOwn(routes, path) ? routes[path] : undefined;
    if (!route) throw problems.notFound();
    if (req.method !== 'POST') throw problems.wrongMethod();
    problems.send(res, 200, 'application/json; charset=utf-8', await route(await readForm(req, limit)));
  } catch (error) {
    const problem = error instanceof problems.Problem ? error : problems.internal();
    if (problem.status !== 413) req.resume();
    if (res.headersSent) res.destroy();
    else problems.sendProblem(res, problem);
  }
}

/** The path of the request target; a target the URL parser rejects (`//[`, `http://[::1/x`) is the client's error. */
function targetPath(target: string): string {
  try {
    return new URL(target, 'http://alt').pathname;
  } catch {
    throw problems.malformed('The request target is not a valid URL.');
  }
}
