// Everything an action needs, built once per server. Mutants (test-only) replace parts of it.
import type { TokenPair } from '../../schemas/validators.ts';
import { DEFAULTS } from './defaults.ts';
import { Directory, DOCUMENTED_SEED, type Seed } from './directory.ts';
import type { Form } from './form.ts';
import { RefreshStore, type StoreLimits } from './refresh-store.ts';
import { logUnexpected } from './reply.ts';

export { DEFAULTS };

export interface ServerOptions {
  /** Clients and users to register (default: the documented example client and user). */
  seed?: Seed;
  /** Seconds an access token lives, reported as expiresIn (default 3600, as documented). */
  accessTtlSeconds?: number;
  /** Seconds a refresh token lives (default 86400). */
  refreshTtlSeconds?: number;
  /** Largest accepted request body in bytes (default 8192). */
  bodyLimitBytes?: number;
  /** scrypt cost parameter N (default 16384). */
  scryptCost?: number;
  /** Serve HTTPS with this certificate and key (PEM); default plain HTTP. `ca` + `requestCert`: mutual TLS. */
  tls?: { cert: string; key: string; ca?: string; requestCert?: boolean; rejectUnauthorized?: boolean };
  /** Expose POST /_pact/provider-states (default false). */
  providerStates?: boolean;
  /** Milliseconds between purges of expired refresh tokens (default 60000; a refused grant's Retry-After). */
  purgeIntervalMs?: number;
  /** Refresh tokens held in all; at the cap a new grant answers 503 + Retry-After (default 1,000,000). */
  maxTokens?: number;
  /** Refresh tokens held per username; past it the user's own oldest go (default 100,000, at most maxTokens). */
  maxTokensPerUser?: number;
  /** Clock, for tests (default Date.now). */
  now?: () => number;
  /** Called with errors that become a 500 (default: logged to stderr). */
  onUnexpectedError?: (error: unknown) => void;
  /** Test-only hook: change the context before the server starts (mutants use it). */
  extend?: (context: AppContext) => void;
}

/** An endpoint's work: a pair, or an OAuthError thrown (synchronously or as a rejection). */
export type Action = (form: Form, context: AppContext) => TokenPair | Promise<TokenPair>;

export interface AppContext {
  directory: Directory;
  store: RefreshStore;
  newAccessToken: () => string;
  accessTtlSeconds: number;
  bodyLimitBytes: number;
  providerStates: boolean;
  routes: Record<string, Action>;
  onUnexpectedError: (error: unknown) => void;
}

export function createContext(
  options: ServerOptions,
  routes: Record<string, Action>,
  newAccessToken: () => string,
): AppContext {
  const directory = new Directory(options.scryptCost ?? DEFAULTS.scryptCost);
  const seed = options.seed ?? DOCUMENTED_SEED;
  directory.seed(seed);
  const store = new RefreshStore(storeLimits(options), options.now ?? Date.now);
  for (const { refreshToken, clientId, username } of seed.refreshTokens ?? [])
    store.register(refreshToken, clientId, username);
  const context: AppContext = {
    directory,
    store,
    newAccessToken,
    accessTtlSeconds: options.accessTtlSeconds ?? DEFAULTS.accessTtlSeconds,
    bodyLimitBytes: options.bodyLimitBytes ?? DEFAULTS.bodyLimitBytes,
    providerStates: options.providerStates ?? false,
    routes: { ...routes },
    onUnexpectedError: options.onUnexpectedError ?? logUnexpected,
  };
  options.extend?.(context);
  return context;
}

function storeLimits(options: ServerOptions): StoreLimits {
  const maxTokens = options.maxTokens ?? DEFAULTS.maxTokens;
  const purgeIntervalMs = options.purgeIntervalMs ?? DEFAULTS.purgeIntervalMs;
  return {
    ttlMs: (options.refreshTtlSeconds ?? DEFAULTS.refreshTtlSeconds) * 1000,
    historyLimit: DEFAULTS.historyLimit,
    maxTokens,
    maxTokensPerUser: options.maxTokensPerUser ?? Math.min(DEFAULTS.maxTokensPerUser, maxTokens),
    retryAfterSeconds: Math.ceil(purgeIntervalMs / 1000),
    purgeSliceMs: DEFAULTS.purgeSliceMs,
  };
}
