// A reference server that keeps its own record of what it did, for tests that must judge a load run
// from the server's side (k6 scale-out): every password grant, every refresh and its outcome, every
// token issued (as a digest), and which runner sent the request (its User-Agent). Test-only: it hooks
// the server through the `extend` option, as the mutants do; the server's behaviour is unchanged.
import { AsyncLocalStorage } from 'node:async_hooks';
import { digestHex } from '../load/flows/digest.ts';
import { createTokenServer, type ServerOptions, type TokenServer } from '../servers/reference/index.ts';

export interface ServerEvent {
  runner: string;
  kind: 'grant' | 'refresh';
  username: string | null;
  /** grant: 'issued'; refresh: the store's outcome ('rotated', 'reused', 'unknown', 'expired'). */
  outcome: string;
  /** Digest of the refresh token presented (refresh only). */
  presented?: string;
}

export interface ServerRecord {
  events: ServerEvent[];
  /** Digest of every token the server issued (access and refresh), in order. */
  issued: string[];
}

export function createRecordingServer(options: ServerOptions = {}): { server: TokenServer; record: ServerRecord } {
  const record: ServerRecord = { events: [], issued: [] };
  const runner = new AsyncLocalStorage<string>();
  const who = () => runner.getStore() ?? 'unknown';
  const server = createTokenServer({
    ...options,
    extend(context) {
      options.extend?.(context);
      const { store } = context;
      const newAccessToken = context.newAccessToken;
      context.newAccessToken = () => {
        const token = newAccessToken();
        record.issued.push(digestHex(token));
        return token;
      };
      const issue = store.issue.bind(store);
      store.issue = (clientId, username) => {
        const token = issue(clientId, username);
        record.issued.push(digestHex(token));
        record.events.push({ runner: who(), kind: 'grant', username, outcome: 'issued' });
        return token;
      };
      const rotate = store.rotate.bind(store);
      store.rotate = (token) => {
        const rotation = rotate(token);
        if (rotation.outcome === 'rotated') record.issued.push(digestHex(rotation.refreshToken));
        const username = 'family' in rotation ? rotation.family.username : null;
        const presented = digestHex(token);
        record.events.push({ runner: who(), kind: 'refresh', username, outcome: rotation.outcome, presented });
        return rotation;
      };
    },
  });
  // Runs before the server's own request listener: the rest of the request's handling sees the runner.
  server.prependListener('request', (req) => runner.enterWith(String(req.headers['user-agent'] ?? 'none')));
  return { server, record };
}
