// Everything an action needs, built once per server. Mutants (test-only) replace parts of it.
import type { TokenPair } from '../schemas/validators.ts';
import { Directory, DOCUMENTED_SEED, type Seed } from './directory.ts';
import type { Form } from './form.ts';
import { RefreshStore } from './refresh-store.ts';
import { logUnexpected } from './reply.ts';

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
  /** Serve HTTPS with this certificate and key (PEM); default plain HTTP. */
  tls?: { cert: string; key: string };
  /** Expose POST /_pact/provider-states (default false). */
  providerStates?: boolean;
  /** Milliseconds between purges of expired refresh tokens (default 60000). */
  purgeIntervalMs?: number;
  /** Clock, for tests (default Date.now). */
  now?: () => number;
  /** Called with errors that become a 500 (default: logged to stderr). */
  onUnexpectedError?: (error: unknown) => void;
  /** Test-only hook: change the context before the server starts (mutants use it). */
  extend?: (context: AppContext) => void;
}

export type Action = (form: Form, context: AppContext) => Promise<TokenPair>;

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

export const DEFAULTS = {
  accessTtlSeconds: 3600,
  refreshTtlSeconds: 86_400,
  bodyLimitBytes: 8192,
  scryptCost: 16_384,
  purgeIntervalMs: 60_000,
  historyLimit: 64,
  maxTokens: 1_000_000,
} as const;

export function createContext(
  options: ServerOptions,
  routes: Record<string, Action>,
  newAccessToken: () => string,
): AppContext {
  const directory = new Directory(options.scryptCost ?? DEFAULTS.scryptCost);
  const seed = options.seed ?? DOCUMENTED_SEED;
  directory.seed(seed);
  const store = new RefreshStore(
    {
      ttlMs: (options.refreshTtlSeconds ?? DEFAULTS.refreshTtlSeconds) * 1000,
      historyLimit: DEFAULTS.historyLimit,
      maxTokens: DEFAULTS.maxTokens,
    },
    options.now ?? Date.now,
  );
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
