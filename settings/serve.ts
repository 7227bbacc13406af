// The settings of `token-suite serve`, the reference server (and, by name, the alt server and the mutants).
import { flag, integer, text, type Setting } from './setting.ts';
import { VERIFY_SETTINGS } from './verify.ts';
import type { SettingValues } from './read.ts';

const setting = <T>(s: Setting<T>) => s;

/** Whole numbers here; the server checks its own ranges (servers/reference/options.ts) and says why a value is out. */
const WHOLE = integer(0, Number.MAX_SAFE_INTEGER);

export const SERVE_SETTINGS = {
  port: setting({
    flag: 'port',
    env: 'TOKEN_SUITE_PORT',
    placeholder: 'N',
    fallback: 8080,
    help: 'port to listen on (0 picks a free one)',
    parse: integer(0, 65_535),
  }),
  host: setting({
    flag: 'host',
    env: 'TOKEN_SUITE_HOST',
    placeholder: 'ADDR',
    fallback: '127.0.0.1',
    help: 'address to bind',
    parse: text,
  }),
  providerStates: setting({
    flag: 'provider-states',
    env: 'TOKEN_SUITE_PROVIDER_STATES',
    boolean: true,
    fallback: false,
    help: 'expose POST /_pact/provider-states (for Pact provider verification)',
    parse: flag,
  }),
  seedFile: setting<string | undefined>({
    flag: 'seed',
    env: 'TOKEN_SUITE_SEED_FILE',
    placeholder: 'FILE',
    fallback: undefined,
    help: 'extra clients and users, JSON: {"clients": ["id"], "users": [{"username": "u", "password": "p"}]}',
    parse: text,
  }),
  seedInline: setting<string | undefined>({
    env: 'TOKEN_SUITE_SEED',
    fallback: undefined,
    help: 'extra clients and users as inline JSON (same shape as --seed)',
    parse: text,
    secret: true,
  }),
  refreshTtlSeconds: setting({
    flag: 'refresh-ttl',
    env: 'TOKEN_SUITE_REFRESH_TTL',
    placeholder: 'S',
    fallback: 86_400,
    help: 'refresh-token lifetime in seconds',
    parse: WHOLE,
  }),
  scryptCost: setting({
    flag: 'scrypt-cost',
    env: 'TOKEN_SUITE_SCRYPT_COST',
    placeholder: 'N',
    fallback: 16_384,
    help: 'scrypt cost of password hashes (a power of two from 1024)',
    parse: WHOLE,
  }),
  maxTokens: setting({
    flag: 'max-tokens',
    env: 'TOKEN_SUITE_MAX_TOKENS',
    placeholder: 'N',
    fallback: 1_000_000, // servers/reference/defaults.ts (a test holds them equal)
    help: 'tokens the store holds at most; at the cap new logins get 503 + Retry-After',
    parse: WHOLE,
  }),
  maxTokensPerUser: setting({
    flag: 'max-tokens-per-user',
    env: 'TOKEN_SUITE_MAX_TOKENS_PER_USER',
    placeholder: 'N',
    fallback: 100_000, // servers/reference/defaults.ts (a test holds them equal)
    help: "tokens one user holds at most; past it only that user's oldest are dropped",
    parse: WHOLE,
  }),
  impl: setting({
    flag: 'impl',
    flagAliases: ['mutant'],
    env: 'TOKEN_SUITE_IMPL',
    placeholder: 'NAME',
    fallback: 'reference',
    help: "reference, alt (the second, independent implementation) or a mutant's name (--mutant NAME says the same)",
    parse: text,
  }),
  rotationGraceSeconds: {
    ...VERIFY_SETTINGS.rotationGraceSeconds,
    help: 'alt only: seconds a rotated-out refresh token still works',
  },
  tlsCert: setting<string | undefined>({
    flag: 'tls-cert',
    env: 'TOKEN_SUITE_TLS_CERT',
    placeholder: 'PEM',
    fallback: undefined,
    help: 'serve HTTPS with this certificate (PEM; with --tls-key)',
    parse: text,
  }),
  tlsKey: setting<string | undefined>({
    flag: 'tls-key',
    env: 'TOKEN_SUITE_TLS_KEY',
    placeholder: 'PEM',
    fallback: undefined,
    help: "the HTTPS certificate's private key (PEM)",
    parse: text,
  }),
};

export type ServeSettings = SettingValues<typeof SERVE_SETTINGS>;
